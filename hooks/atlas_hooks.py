"""MkDocs glue: forwards MkDocs' events to the build session (``atlas.site.session``), makes the
generated pages MkDocs files in the language being built and has our code convert them
(``fast_page``). The only module that imports mkdocs. mkdocs-static-i18n builds Chinese, then
English into ``site/en/`` by running the whole build again: every event runs once per language."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page, _RelativePathTreeprocessor  # MkDocs' link rewriting of a page
from mkdocs.structure.toc import get_toc

from atlas.model.errors import AtlasError
from atlas.build.pipeline import data_last_changed
from atlas.site.session import Session, TemplateProblem
from atlas.site.site_search import mark_searchable
from atlas.site.site_swap import SiteError
from atlas.site.table_cards import label_tables
from atlas.site import live_watch, partial_cache, section_tab, template_cache, theme_listing

log = get_plugin_logger("atlas")
session = Session.from_environment(Path(__file__).resolve().parent.parent)  # survives preview rebuilds


def _glue(call, *args):  # a session step; its failure is one MkDocs error with the session's message
    try:
        return call(*args)
    except (AtlasError, SiteError, TemplateProblem) as exc:  # Pagefind's, the swap's, a template's
        raise PluginError(str(exc)) from None


def _languages(config: MkDocsConfig) -> tuple:
    """``(i18n plugin, language being built, default language, the other languages)``."""
    i18n = config.plugins["i18n"]
    return i18n, i18n.current_language, i18n.default_language, [x for x in i18n.build_languages if x != i18n.default_language]


on_startup, on_shutdown, on_serve = session.start, session.finish, live_watch.poll_often  # ATLAS_TIMINGS; edits seen in 0.1 s


@event_priority(50)  # before i18n (-100) reconfigures the config for the language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site = Path(config.site_dir)
    if (session.command in ("build", "gh-deploy") and session.build is None
            and not site.name.startswith("mkdocs_")):  # `mkdocs serve` builds into its own temp dir
        config.site_dir = str(_glue(session.begin_build, site))
    _glue(session.load_for_build, log)
    theme_listing.list_once(config.theme, session.previewing)  # Material's 14,500 files, listed once
    config.extra["atlas_data_changed"] = data_last_changed(session.data_dir)  # for the footer
    return config


@event_priority(-110)  # after i18n's on_files (-100), which rebuilds the file list from docs_dir
def on_files(files: Files, config: MkDocsConfig) -> Files:
    i18n, lang, default, _ = _languages(config)
    others = [other for other in i18n.build_languages if other != lang]
    _glue(session.load_for_build, log)

    def make(src: str, for_lang: str, content: str) -> File:
        file = File.generated(config, src, content=content)
        file.dest_uri = file.dest_uri if for_lang == default else f"{for_lang}/{file.dest_uri}"
        return file

    for view, markdown, unchanged in _glue(session.pages, lang, default, others):
        if files.get_file_from_path(view.src) is not None:
            raise PluginError(f"docs/{view.src} would hide a generated page; rename or remove it")
        file = make(view.src, lang, markdown)
        if not view.in_nav:
            file.inclusion = InclusionLevel.NOT_IN_NAV
        if unchanged:  # `serve --dirty`: keep the page already built; in the navigation, with its title
            file.is_modified = lambda: False
            if view.in_nav:
                page = Page(None, file, config)
                page.markdown, page.meta = "", {"title": unchanged}
        file.alternates = {lang: file, **{other: make(view.src, other, "") for other in others}}  # i18n's switcher, hreflang, sitemap
        file.locale = file.locale_alternate_of = lang
        file.localization = None if lang == default else lang
        file.norm_src_uri = view.src
        files.append(file)
    hidden = InclusionLevel.EXCLUDED if lang != default and not i18n.config.build_only_locale else None
    for src, content in session.download_files():  # written by one language's build; links resolve
        files.append(session.download_file(File, config, src, content, hidden))
    session.files_ready(files)
    i18n.i18n_files_per_language[lang] = files.documentation_pages()
    return files


def on_env(env, config: MkDocsConfig, files: Files) -> None:  # templates compiled once; navigation drawn once per look, section lit
    env.bytecode_cache = env.bytecode_cache or template_cache.bytecode_cache()
    partial_cache.cache_partials(env)
    section_tab.light_sections(env)  # after: the lighting is outermost, so the reuse keys on it


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by:  # converted by our code when its Markdown is all ours (fast_page)
        page.render = lambda config, files: _render_generated(page, config, files)
    return session.page_markdown(markdown, bool(page.file.generated_by))


def _render_generated(page: Page, config: MkDocsConfig, files: Files) -> None:
    links = _RelativePathTreeprocessor(page.file, files, config)  # same URLs, warnings, anchor checks
    done = session.page_html(page.markdown, links, config.markdown_extensions, config.mdx_configs)
    if done is None:
        return Page.render(page, config, files)
    page.content, page.toc, page._title_from_render = done.html, get_toc(done.toc), done.title
    page.present_anchor_ids, page.links_to_anchors = done.anchors, links.links_to_anchors


def on_page_context(context, page, config: MkDocsConfig, nav):  # <title> as escaped text; data version (session.page_meta)
    page.meta.update(session.page_meta(page.title, page.is_homepage, getattr(page.file, "norm_src_uri", None) or page.file.src_uri))
    return context


def on_post_page(output: str, page, config: MkDocsConfig) -> str:  # search marks, its copy in pairs, cards; page dropped
    i18n, lang, default, _ = _languages(config)
    output = label_tables(mark_searchable(output, getattr(page.file, "norm_src_uri", None) or page.file.src_uri, lang))
    session.page_built(output, Path(config.site_dir), lang, default, page.file.dest_uri, not i18n.config.build_only_locale)
    page.content, page.markdown = None, ""  # "": MkDocs then reports no title in later pages' nav
    if page.file.generated_by:
        page.file.content_string = ""
    return output


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    _, lang, default, _ = _languages(config)
    return output if template_name != "404.html" else session.page_404_for(lang, default, Path(config.site_dir), output)


@event_priority(-50)  # before i18n's post_build (-100), which builds the other languages
def _start_default_language_index(config: MkDocsConfig) -> None:
    i18n, lang, default, others = _languages(config)
    if not (i18n.building or lang != default or session.index_jobs or i18n.config.build_only_locale):
        session.default_language_written(Path(config.site_dir), others, default)


@event_priority(-200)  # after i18n's post_build (-100), which builds the other languages
def _finish_index_and_swap(config: MkDocsConfig) -> None:
    i18n, _, _, others = _languages(config)
    if i18n.building or (config.strict and session.problems.count):
        return  # an inner language build; or MkDocs aborts next and the old site stays
    final = _glue(session.index_and_swap, Path(config.site_dir), others, bool(i18n.config.build_only_locale), log)
    config.site_dir = str(final or config.site_dir)


on_post_build = CombinedEvent(_start_default_language_index, _finish_index_and_swap)
