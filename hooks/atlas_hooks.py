"""MkDocs glue: load the data once per change, generate every page in the language being built.

The only module that imports mkdocs. mkdocs-static-i18n builds Chinese into ``site/`` and then
English into ``site/en/`` by running the whole build again; every event here therefore runs once
per language and reads the language from the i18n plugin.
"""

from __future__ import annotations

import ctypes
import gc
import json
import logging
import os
from contextlib import contextmanager
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from jinja2 import TemplateError
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from atlas.errors import AtlasError
from atlas.safe_text import attribute
from atlas.safe_text import text as as_text
from atlas.export import files as export_files
from atlas.pipeline import build_model, data_last_changed, timed
from atlas.render import make_env, render_page, template_problem
from atlas.resolve import Model
from atlas.table_cards import label_tables
from atlas.site_swap import SiteBuild, SiteError
from atlas.site_search import IndexJob, default_language_glob, mark_searchable
from atlas.urls import DOWNLOADS
from atlas.views import build_views

log = get_plugin_logger("atlas")

ROOT = Path(__file__).resolve().parent.parent
# ATLAS_DATA_DIR lets tests and the benchmark build the site from another data folder.
DATA_DIR = Path(os.environ.get("ATLAS_DATA_DIR") or ROOT / "data")
TEMPLATES_DIR = Path(os.environ.get("ATLAS_TEMPLATES_DIR") or ROOT / "templates")  # tests use a broken copy

# Survives serve rebuilds (hook modules are cached): the model of the last data seen.
_state: dict = {"key": None, "model": None, "error": None, "downloads": {}, "previous_markdown": {}}
_timings: dict = {}  # seconds per stage of our own code, over the whole run


def _data_key() -> tuple:
    """Changes whenever a data file is added, removed or edited."""
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in DATA_DIR.rglob("*") if p.is_file()))


@contextmanager
def _collector_paused():
    """Python's cyclic garbage collector re-walks every live object on each full collection;
    while hundreds of thousands of YAML nodes and records are being made, that made loading the
    data grow faster than the data (9.3 s instead of 3.6 s at 30 times the real data). Our stages
    make almost no cyclic garbage, so the collector waits until they are done."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _model(config: MkDocsConfig) -> Model:
    key = _data_key()
    if _state["key"] != key:
        gc.unfreeze()  # the previous model (a serve rebuild) may be collected again
        try:
            with _collector_paused():
                model, warnings = build_model(DATA_DIR, timings=_timings)
        except AtlasError as exc:
            if _run["command"] == "serve" and _state["model"] is not None:
                # While previewing, keep showing the last good data (MkDocs would otherwise stall
                # every page until the error is fixed) and say so on every page.
                _state.update(key=key, error=str(exc))
                log.error("The data has errors; the preview keeps the last good data.\n" + str(exc))
                return _state["model"]
            _state["key"] = None
            raise PluginError("The data has errors; nothing was built.\n" + str(exc)) from None
        for warning in warnings:
            log.warning(str(warning))
        with timed(_timings, "downloads"), _collector_paused():
            downloads = {f"{DOWNLOADS}/{name}": content for name, content in export_files(model).items()}
        _state.update(model=model, key=key, error=None, downloads=downloads)
        gc.freeze()  # the model lives through the build: full collections need not walk it
    return _state["model"]


def _not_modified() -> bool:
    return False


def _unchanged_since_last_preview(lang: str, src: str, markdown: str) -> bool:
    """In `mkdocs serve --dirty` (what `serve.sh --lang` runs), a detail page whose Markdown is the
    same as in the last build need not be converted and written again. Pages in the navigation
    are always rebuilt: MkDocs takes their titles from the conversion."""
    if not (_run.get("dirty") and _run["command"] == "serve"):
        return False
    key = (lang, src)
    same = _state["previous_markdown"].get(key) == markdown
    _state["previous_markdown"][key] = markdown
    return same


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    """During a preview with broken data, every page says that it shows the last good data."""
    if not _state.get("error"):
        return markdown
    first = _state["error"].splitlines()[0]
    return (f'!!! danger "The data has errors / 数据有错误"\n\n'
            f"    This preview shows the last good data. 预览显示的是上一次正确的数据。\n\n"
            f"    {as_text(first)}\n\n" + markdown)


def on_page_context(context, page, config: MkDocsConfig, nav):
    """The page's ``<title>`` from its heading as plain, escaped text. Material writes
    ``page.title | striptags``, which turns ``&lt;`` back into ``<``: a name from the data could
    then close ``<title>`` and open a tag. ``page.meta.title`` is written as it is."""
    if page.title and not page.is_homepage:  # the home page's title is the site's name alone
        page.meta["title"] = attribute(Markup(page.title).striptags())
    return context


def _env():
    """One Jinja environment per process: templates compile once for both languages, and Jinja
    reloads a template whose file changed (so `mkdocs serve` shows template edits)."""
    if _state.get("env") is None:
        _state["env"] = make_env(TEMPLATES_DIR)
    return _state["env"]


def _i18n(config: MkDocsConfig):
    return config.plugins["i18n"]


# One `mkdocs build`: the site is written to <site_dir>.partial and moved into place only when
# every language built without error (and, with --strict, without warning).
_run: dict = {"command": None, "build": None, "swapped": False, "problems": None, "index_jobs": {}}


class _ProblemCounter(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


def on_startup(command: str, dirty: bool) -> None:
    counter = _ProblemCounter()
    logging.getLogger("mkdocs").addHandler(counter)
    _run.update(command=command, dirty=dirty, build=None, swapped=False, problems=counter, index_jobs={})


def _dump(folder: Path, src: str, content) -> None:
    path = folder / src
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def on_shutdown() -> None:
    for job in _run["index_jobs"].values():  # a build that failed while the index was being made
        job.cancel()
    report = os.environ.get("ATLAS_TIMINGS")  # the benchmark reads where our own code spent time
    if report:
        Path(report).write_text(json.dumps(_timings, indent=1), encoding="utf-8")
    build = _run["build"]
    if build is not None:
        if not _run["swapped"]:
            build.discard()  # a failed build: the old site stays
        build.release()
    if _run["problems"] is not None:
        logging.getLogger("mkdocs").removeHandler(_run["problems"])


@event_priority(50)  # before i18n (-100) reconfigures the config for the language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site = Path(config.site_dir)
    if (_run["command"] in ("build", "gh-deploy") and _run["build"] is None
            and not site.name.startswith("mkdocs_")):  # `mkdocs serve` builds into its own temp dir
        build = SiteBuild(site)
        try:
            config.site_dir = str(build.start())
        except SiteError as exc:
            raise PluginError(str(exc)) from None
        _run["build"] = build
    _model(config)
    config.extra["atlas_data_changed"] = data_last_changed(DATA_DIR)  # for the footer
    return config


def _other_languages(config: MkDocsConfig) -> list[str]:
    i18n = _i18n(config)
    return [lang for lang in i18n.build_languages if lang != i18n.default_language]


@event_priority(-50)  # before i18n's post_build (-100), which builds the other languages
def _start_default_language_index(config: MkDocsConfig) -> None:
    """The default language's pages are all written: index them on the second core while
    i18n builds the other languages."""
    i18n = _i18n(config)
    if (i18n.building or i18n.current_language != i18n.default_language or _run["index_jobs"]
            or _previewing_one_language(config)):
        return
    _return_free_memory()  # this Pagefind runs beside the next language's build
    site = Path(config.site_dir)
    glob = default_language_glob(site, _other_languages(config))
    _run["index_jobs"] = {i18n.default_language: IndexJob(site, glob)}


@event_priority(-200)  # after i18n's post_build (-100), which builds the other languages
def _finish_index_and_swap(config: MkDocsConfig) -> None:
    if _i18n(config).building:
        return  # an inner language build; the index is made once, over both languages
    if config.strict and _run["problems"].count:
        return  # MkDocs aborts next; the old site stays
    if _previewing_one_language(config):
        log.info("One-language preview: the search index is not built.")
    else:
        _build_search_index(config)
    build = _run["build"]
    if build is None or _run["swapped"]:
        return
    try:
        build.swap()
    except SiteError as exc:
        raise PluginError(str(exc)) from None
    config.site_dir = str(build.final)
    _run["swapped"] = True


def _return_free_memory() -> None:
    """Give the memory freed by the page builds back to the system (glibc keeps it otherwise)."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


def _previewing_one_language(config: MkDocsConfig) -> bool:
    return bool(_i18n(config).config.build_only_locale)


def _build_search_index(config: MkDocsConfig) -> None:
    """Index the other languages now, and wait for the default language's index too."""
    with timed(_timings, "search index (Pagefind)"):
        _return_free_memory()  # Pagefind runs beside this process, which still holds the build
        site = Path(config.site_dir)
        jobs = {lang: IndexJob(site / lang) for lang in _other_languages(config)}
        jobs.update(_run["index_jobs"])
        _run["index_jobs"] = {}
        try:
            log.info("search index: " + ", ".join(f"{lang} {job.wait()} pages" for lang, job in jobs.items()))
        except AtlasError as exc:
            raise PluginError(str(exc)) from None


on_post_build = CombinedEvent(_start_default_language_index, _finish_index_and_swap)


@event_priority(-110)  # after i18n's on_files (-100), which rebuilds the file list from docs_dir
def on_files(files: Files, config: MkDocsConfig) -> Files:
    i18n = _i18n(config)
    lang = i18n.current_language
    default = i18n.default_language
    others = [lang_ for lang_ in i18n.build_languages if lang_ != lang]
    model = _model(config)
    env = _env()

    def make(src: str, for_lang: str, content: str) -> File:
        file = File.generated(config, src, content=content)
        if for_lang != default:
            file.dest_uri = f"{for_lang}/{file.dest_uri}"
        return file

    with timed(_timings, "views"), _collector_paused():
        views = build_views(model, lang)
    dump = os.environ.get("ATLAS_DUMP_MARKDOWN")  # the benchmark's plain-MkDocs baseline
    with _collector_paused():  # once for all pages, not once per page
        for view in views:
            if files.get_file_from_path(view.src) is not None:
                raise PluginError(f"docs/{view.src} would hide a generated page; rename or remove it")
            with timed(_timings, "render"):
                try:
                    markdown = render_page(env, model, lang, view)
                except TemplateError as exc:
                    raise PluginError(template_problem(exc, view.template)) from None
            if dump:
                _dump(Path(dump), view.src if lang == default else view.src[:-3] + f".{lang}.md", markdown)
            file = make(view.src, lang, markdown)
            if not view.in_nav:
                file.inclusion = InclusionLevel.NOT_IN_NAV
                if _unchanged_since_last_preview(lang, view.src, markdown):
                    file.is_modified = _not_modified  # `serve --dirty`: keep the page already built
            # what mkdocs-static-i18n reads for the language switcher, hreflang and the sitemap
            file.alternates = {lang: file}
            for other in others:
                file.alternates[other] = make(view.src, other, "")
            file.locale = lang
            file.locale_alternate_of = lang
            file.localization = None if lang == default else lang
            file.norm_src_uri = view.src
            files.append(file)
    # the data tables, offered for download; one copy for both languages
    for src, content in _state["downloads"].items():
        files.append(File.generated(config, src, content=content))
        if dump:
            _dump(Path(dump), src, content)
    i18n.i18n_files_per_language[lang] = files.documentation_pages()
    return files


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    """Offer the page's article to the search index, with the page's type as a filter.

    This is the last event for a page: its Markdown and HTML are dropped here, so that MkDocs
    does not hold every page of the site in memory while it builds the other language.
    """
    src = getattr(page.file, "norm_src_uri", None) or page.file.src_uri
    output = label_tables(mark_searchable(output, src, _i18n(config).current_language))
    page.content = None
    page.markdown = ""  # not None: MkDocs then reports no title for the page in later pages' nav
    if page.file.generated_by:
        page.file.content_string = ""
    return output


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Each language build writes ``site/404.html``; keep Chinese there, English in ``en/``."""
    if template_name != "404.html":
        return output
    i18n = _i18n(config)
    if i18n.current_language == i18n.default_language:
        _state["404"] = output
        return output
    target = Path(config.site_dir) / i18n.current_language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return _state.get("404", output)
