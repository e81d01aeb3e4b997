"""The state of one MkDocs run (a build, or a preview across its rebuilds), in one typed object.

The MkDocs glue (``hooks/atlas_hooks.py``) only forwards MkDocs events here. A session loads the
data when it changed (keeping the last good model while previewing broken data), renders pages,
remembers what a one-language preview already built, counts MkDocs' warnings for ``--strict``,
and owns the atomic site swap and the search-index jobs. Nothing here imports MkDocs.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import json
import logging
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..model.errors import AtlasError, Diagnostic, Loc
from ..outputs.export import files as export_files
from ..outputs.page_downloads import PageDownloads
from ..build.versions import last_release
from .safe_text import attribute
from ..build.pipeline import build_model, timed
from .render import after_h1, make_env, render_page, template_problem
from ..build.resolve import Model
from .safe_text import text as as_text
from .site_search import IndexJob
from .search_pairs import drop_paired, keep_paired, mark_written, paired_folder
from .site_swap import SiteBuild, SiteError
from .shards import Shard
from . import lean_markdown
from .fast_page import FastPages, PageHtml
from .fast_links import Targets
from .render_ahead import RenderAhead, Shares
from .later_downloads import LaterDownloads
from ..build.urls import DOWNLOADS
from ..build.views import PageView, build_views



@contextmanager
def collector_paused():
    """Python's cyclic garbage collector re-walks every live object on each full collection;
    while hundreds of thousands of YAML nodes and records are being made, that made loading the
    data grow faster than the data (9.3 s instead of 3.6 s at 30 times the real data). Our stages
    make almost no cyclic garbage, so the collector waits until they are done."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def return_free_memory() -> None:
    """Give the memory freed by the page builds back to the system (glibc keeps it otherwise)."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


def remember_lookups(files) -> None:
    """MkDocs resolves every link of every page with ``files.get_file_from_path``, which
    mkdocs-static-i18n's file list answers slowly (1.2 s of a profiled one-language build, for
    20,000 links to a few thousand pages). The list does not change once ``on_files`` is over, so
    each answer is kept for the rest of the language's build."""
    lookup, answers = files.get_file_from_path, {}

    def remembered(path):
        if path not in answers:
            answers[path] = lookup(path)
        return answers[path]
    files.get_file_from_path = remembered


_MADE_ON_WRITE: dict = {}


def made_on_write(file_class):
    """A subclass of MkDocs' ``File`` whose content is made by ``make()`` when it is written (and
    not kept), rather than held from the start of the build."""
    if file_class not in _MADE_ON_WRITE:
        class MadeOnWrite(file_class):
            make = None
            later: LaterDownloads | None = None  # a preview's: written after the pages, when changed

            @property
            def _content(self):
                return self.make() if self.make is not None else self.__dict__.get("_stored")

            @_content.setter
            def _content(self, value):
                self.__dict__["_stored"] = value

            def is_modified(self) -> bool:
                """A build writes it (without making the content to see that there is one); a
                preview's first build too, remembering what it wrote; a rebuild leaves it to
                ``later``, which writes it after the pages if it changed."""
                if self.later is None:
                    return True
                if not self.later.primed:
                    content = self.make()
                    self.later.remember(self.abs_dest_path, content)
                    self.make = lambda: content  # made once, written next
                    return True
                self.later.defer(self.abs_dest_path, self.make)
                return False
        _MADE_ON_WRITE[file_class] = MadeOnWrite
    return _MADE_ON_WRITE[file_class]


class TemplateProblem(Exception):
    """A page template is missing or broken; the message names file and line."""


class ProblemCounter(logging.Handler):
    """Counts the warnings and errors MkDocs logs (``--strict`` then keeps the old site)."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


@dataclass
class Session:
    data_dir: Path
    templates_dir: Path
    # the data: survives a preview's rebuilds
    key: tuple | None = None
    model: Model | None = None
    error: str | None = None  # a preview showing the last good data says why on every page
    downloads: dict = field(default_factory=dict)
    page_files: dict | None = None  # each page's own download files, once per model (page_downloads)
    page_releases: dict = field(default_factory=dict)  # page source -> the release it last changed in
    previous_markdown: dict = field(default_factory=dict)
    nav_titles: dict = field(default_factory=dict)  # (language, source) -> title, of pages in the navigation
    later_downloads: LaterDownloads = field(default_factory=LaterDownloads)  # a preview's, written after its pages
    building: str | None = None  # the language being built
    env: jinja2.Environment | None = None
    templates_key: tuple = ()  # the templates' files when ``env`` was made
    timings: dict = field(default_factory=dict)  # seconds per stage of our own code
    dump_dir: Path | None = None  # ATLAS_DUMP_MARKDOWN: the benchmark's plain-MkDocs baseline
    page_404: str | None = None
    # this run
    command: str | None = None
    dirty: bool = False
    build: SiteBuild | None = None
    swapped: bool = False
    problems: ProblemCounter | None = None
    index_jobs: dict = field(default_factory=dict)
    preview_index_jobs: dict = field(default_factory=dict)  # a preview's last index, still running
    index_later: dict = field(default_factory=dict)  # a preview's: language -> its index job, to start
    fast_pages: tuple | None = None  # (the Markdown settings they were read from, FastPages)
    targets: Targets | None = None  # this language's files as links find them (fast_links)
    ahead: RenderAhead | None = None  # the other languages' pages, being rendered by a copy
    shares: dict = field(default_factory=dict)  # language -> its pages, shared with the copy (Shares)
    views_model: Model | None = None  # the model ``views_by_language`` were made from
    views_by_language: dict = field(default_factory=dict)

    @classmethod
    def from_environment(cls, root: Path) -> "Session":
        """The project's folders, or others named by ATLAS_DATA_DIR and ATLAS_TEMPLATES_DIR (tests,
        the benchmark); ATLAS_DUMP_MARKDOWN keeps the generated Markdown (the plain baseline)."""
        dump = os.environ.get("ATLAS_DUMP_MARKDOWN")
        return cls(Path(os.environ.get("ATLAS_DATA_DIR") or root / "data"),
                   Path(os.environ.get("ATLAS_TEMPLATES_DIR") or root / "templates"),
                   dump_dir=Path(dump) if dump else None)

    @property
    def shard(self) -> Shard | None:
        """ATLAS_SHARD=I/N: this build writes only part I of N (``shards``, scripts/build.py);
        a malformed value raises ``AtlasError``."""
        return Shard.parse(os.environ.get("ATLAS_SHARD"))

    @property
    def previewing(self) -> bool:
        """``mkdocs serve --dirty`` (what ``serve.sh`` runs): pages and files unchanged since the
        last rebuild are kept."""
        return self.dirty and self.command == "serve"

    @property
    def shared_out(self) -> bool:
        """A part writing into the folder the other parts write into (ATLAS_SHARED_OUT=1)."""
        return self.shard is not None and os.environ.get("ATLAS_SHARED_OUT") == "1"

    def start(self, command: str, dirty: bool) -> None:
        self.problems = ProblemCounter()
        logging.getLogger("mkdocs").addHandler(self.problems)
        self.command, self.dirty, self.build, self.swapped, self.index_jobs = command, dirty, None, False, {}
        self.index_later = {}

    def finish(self, timings_file: str | None = None) -> None:
        """End of the run: stop unfinished index jobs, keep the old site after a failed build,
        write the seconds per stage to ``timings_file`` or ATLAS_TIMINGS (for the benchmark)."""
        timings_file = timings_file or os.environ.get("ATLAS_TIMINGS")
        if timings_file:
            Path(timings_file).write_text(json.dumps(self.timings, indent=1), encoding="utf-8")
        for job in [*self.index_jobs.values(), *self.preview_index_jobs.values()]:
            job.cancel()
        self.later_downloads.settle()
        if self.ahead is not None:
            self.ahead.cancel()
            self.ahead = None
        if self.build is not None:
            if not self.swapped:
                self.build.discard()
            self.build.release()
        if self.problems is not None:
            logging.getLogger("mkdocs").removeHandler(self.problems)

    @staticmethod
    def _files_key(folder: Path) -> tuple:
        """Changes whenever a file of ``folder`` (the data, the templates) is added, removed or edited."""
        return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                            for p in folder.rglob("*") if p.is_file()))

    def load(self, log) -> Model:
        """The model of the current data, loaded again only when a data file changed. Bad data
        raises ``AtlasError``, except while previewing: the last good model stays, with ``error``."""
        self.settle_preview_index()  # the last preview's index, if still running, is stopped (this
        self.later_downloads.settle()  # rebuild makes one), and its downloads are written
        key = self._files_key(self.data_dir)
        if self.key == key:
            return self.model
        gc.unfreeze()  # the previous model (a preview's rebuild) may be collected again
        try:
            with collector_paused():
                model, warnings = build_model(self.data_dir, timings=self.timings)
        except AtlasError as exc:
            if self.command == "serve" and self.model is not None:
                self.key, self.error = key, str(exc)
                log.error("The data has errors; the preview keeps the last good data.\n" + str(exc))
                return self.model
            self.key = None
            raise
        for warning in warnings:
            log.warning(str(warning))
        with timed(self.timings, "downloads"), collector_paused():
            self.downloads = {f"{DOWNLOADS}/{name}": content for name, content in export_files(model).items()}
        self.model, self.key, self.error, self.page_files = model, key, None, None
        gc.freeze()  # the model lives through the build: full collections need not walk it
        return model

    def load_for_build(self, log) -> Model:
        """``load`` for the glue: bad data is one ``SiteError`` that says nothing was built."""
        try:
            return self.load(log)
        except AtlasError as exc:
            raise SiteError("The data has errors; nothing was built.\n" + str(exc)) from None

    def render(self, lang: str, view: PageView) -> str:
        """One page's Markdown; a broken template is one ``TemplateProblem`` naming file and line."""
        if self.env is None:  # one environment: templates compile once (again when edited: pages)
            self.env = make_env(self.templates_dir)
        with timed(self.timings, "render"):
            try:
                return render_page(self.env, self.model, lang, view)
            except jinja2.TemplateError as exc:
                raise TemplateProblem(template_problem(exc, view.template)) from None

    def files_ready(self, files) -> None:
        """MkDocs' file list for this language is final (our ``on_files`` runs last)."""
        self.reread_hand_written(files.documentation_pages())
        remember_lookups(files)
        self.targets = Targets(files)

    def reread_hand_written(self, pages) -> None:
        """``--dirty`` does not read the pages it thinks unchanged, so their titles are unknown
        and the tabs of the pages it rebuilds read "None": hand-written pages (a few) are always
        read again, in ``serve --dirty`` and in a part writing beside others (which would take a
        page another part has just written for unchanged)."""
        if self.previewing or (self.dirty and self.shared_out):
            for file in pages:
                if not file.generated_by:
                    file.is_modified = lambda: True

    def unchanged_since_last_preview(self, lang: str, view: PageView, markdown: str) -> str | bool:
        """In ``mkdocs serve --dirty`` (what ``serve.sh`` runs), a page whose Markdown and
        data-error notice are the same as in the last build need not be converted and written
        again (when the data breaks or is mended, every page changes: the notice comes or goes).
        A page in the navigation, which the other pages' navigation names, answers with its title
        in the last build (False if it has none)."""
        if not self.previewing:
            return False
        shown = (markdown, self.error)
        same = self.previous_markdown.get((lang, view.src)) == shown
        self.previous_markdown[(lang, view.src)] = shown
        if not view.in_nav:
            return same
        return same and self.nav_titles.get((lang, view.src), False)

    # -- the site folder: written aside, swapped in whole ----------------------------------------
    def begin_build(self, site: Path) -> Path:
        """Where this build writes: ``<site>.partial``, taken under a lock (raises ``SiteError``).
        A part of ``scripts/build.py`` with ATLAS_SHARED_OUT=1 writes into ``site`` itself, beside
        the other parts (they write the same bytes to the files they share): the script took the
        lock and swaps the whole site in once every part is built and indexed."""
        if self.shared_out:
            return site
        self.build = SiteBuild(site)
        return self.build.start()

    def default_language_written(self, site: Path, other_languages: list[str], default: str) -> None:
        """The default language's pages are written: index them on the second core while the
        other languages are built. A part of ``scripts/build.py`` (``shard``) indexes nothing; one
        writing into the folder the other parts share says so (``search_pairs.mark_written``), and
        the script indexes that language once every part has written it."""
        if self.shard is not None:
            if self.shared_out:
                mark_written(site, default, self.shard.index)
            return
        index = functools.partial(IndexJob, site, tuple(other_languages), language=default,
                                  paired=paired_folder(site, default))
        if self.command == "serve":  # a preview's languages are built first, on both cores: they show sooner
            self.index_later = {default: index}
            return
        return_free_memory()  # this Pagefind runs beside the next language's build
        self.index_jobs = {default: index()}

    def settle_preview_index(self) -> None:
        """A preview's index of the last rebuild, if still running, is stopped (the next one
        replaces it); one that failed is reported."""
        for lang, job in self.preview_index_jobs.items():
            if job.proc is not None and job.proc.poll() is None:
                job.cancel()
                continue
            try:
                job.wait()
            except AtlasError as exc:
                logging.getLogger("mkdocs.plugins.atlas").warning(
                    f"The search index ({lang}) of the last preview could not be built:\n{exc}")
        self.preview_index_jobs = {}

    def index_and_swap(self, site: Path, other_languages: list[str], one_language: bool, log) -> Path | None:
        """Every language is built: finish the search index (none in a one-language preview, nor
        in a part, whose index is made once the parts are merged), then move the site into place.
        Returns the published folder (None when nothing was swapped); raises ``AtlasError``
        (Pagefind failed) or ``SiteError`` (the swap failed; the old site is back)."""
        if self.previewing:
            self.later_downloads.start()  # the pages are written; their downloads follow
        if not (one_language or self.shard):
            with timed(self.timings, "search index (Pagefind)"):
                if self.command != "serve":
                    return_free_memory()  # Pagefind runs beside this process, which still holds the build
                jobs = {lang: index() for lang, index in self.index_later.items()}
                jobs.update({lang: IndexJob(site / lang, language=lang, paired=paired_folder(site, lang))
                             for lang in other_languages})
                jobs.update(self.index_jobs)
                self.index_jobs, self.index_later = {}, {}
                if self.command == "serve":  # the edited pages show at once; their index follows
                    self.preview_index_jobs = jobs
                    log.info("search index: being updated in the background")
                else:
                    log.info("search index: " + ", ".join(f"{lang} {job.wait()} pages" for lang, job in jobs.items()))
                    drop_paired(site)
        else:
            log.info(f"Part {self.shard.index} of {self.shard.count}: the search index is made on the merged site."
                     if self.shard else "One-language preview: the search index is not built.")
        if self.build is None or self.swapped:
            return None
        self.build.swap()
        self.swapped = True
        return self.build.final

    # -- pages ---------------------------------------------------------------------------------
    def page_built(self, html: str, site: Path, lang: str, default: str, dest_uri: str, indexed: bool) -> None:
        """A page is written to ``site``: its copy cut into pairs is kept for the search index
        (``indexed``: this build makes one), so that the index need not read the site again."""
        if indexed:
            keep_paired(site, lang, dest_uri if lang == default else dest_uri.removeprefix(f"{lang}/"), html)

    def page_markdown(self, markdown: str, generated: bool) -> str:
        """A page's Markdown as MkDocs converts it next (a generated page with fewer inline
        patterns: ``lean_markdown``), with the preview's notice."""
        lean_markdown.for_page(generated)
        return self.preview_banner(markdown)

    def page_html(self, markdown: str, links, extensions: list, configs: dict) -> PageHtml | None:
        """A generated page's HTML, table of contents, title and ids made by ``fast_page``, or
        ``None``: Python-Markdown converts it (its Markdown is not all ours; ATLAS_FULL_MARKDOWN=1).
        ``links``: MkDocs' link rewriting for the page, resolved by ``fast_links``."""
        if os.environ.get("ATLAS_FULL_MARKDOWN") == "1":
            return None
        settings = (extensions, configs)
        if self.fast_pages is None or self.fast_pages[0] != settings:
            self.fast_pages = (settings, FastPages(extensions, configs))
        took = {}
        with timed(took, "page html"):
            targets = self.targets if self.targets is not None and self.targets.files is links.files else None
            done = self.fast_pages[1].convert(markdown, targets.resolver(links) if targets else links.path_to_url)
        if done is not None:  # the stage's time counts the pages converted here
            self.timings["page html"] = self.timings.get("page html", 0.0) + took["page html"]
        return done

    def preview_banner(self, markdown: str) -> str:
        """While a preview shows the last good data, every page says so first."""
        if not self.error:
            return markdown
        return after_h1(markdown, f'!!! danger "The data has errors / 数据有错误"\n\n'
                        f"    This preview shows the last good data. 预览显示的是上一次正确的数据。\n\n"
                        f"    {as_text(self.error.splitlines()[0])}\n\n")

    def page_404_for(self, lang: str, default: str, site: Path, output: str) -> str:
        """Each language build writes ``site/404.html``: the default language's stays there, the
        others' go to ``site/<lang>/404.html``."""
        if lang == default:
            self.page_404 = output
            return output
        target = site / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
        return self.page_404 or output

    def dump(self, src: str, content) -> None:
        """The benchmark's plain-MkDocs baseline: every generated page and file as written."""
        if self.dump_dir is None:
            return
        path = self.dump_dir / src
        path.parent.mkdir(parents=True, exist_ok=True)
        content = content() if callable(content) else content
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    def pages(self, lang: str, default: str, others: list[str] = ()) -> list[tuple[PageView, str, bool]]:
        """Every generated page of ``lang``: ``(view, Markdown, unchanged since the last preview)``.
        The default language's build starts a copy that renders a share of it and then of the
        ``others`` (``render_ahead``); their builds render what is left and take the copy's."""
        model, self.building = self.model, lang
        templates = self._files_key(self.templates_dir)
        if templates != self.templates_key:  # an edited template: compiled again (they are not
            self.env, self.templates_key = None, templates  # looked at again on every use)
        views = self.views(lang)
        out = []
        shard = self.shard  # ATLAS_SHARD read here first: a bad value is one error
        if shard is not None and not self.dirty:
            raise AtlasError([Diagnostic(Loc("ATLAS_SHARD"), "", "a part of the site is built with "
                                         "`mkdocs build --dirty`, which writes only the pages it is given",
                                         "build parts with python scripts/build.py --shards N --shard I --out DIR")])
        mine = shard.share([v.src for v in views if not v.in_nav]) if shard else None
        downloads = PageDownloads(model) if self.page_files is None else None
        page_files: dict = {}
        rendered = self._rendered_ahead(lang, default, list(others)) if shard is None else {}
        with collector_paused():  # once for all pages, not once per page
            for view in views:
                if mine is not None and not view.in_nav and view.src not in mine:
                    out.append((view, "", True))  # another part's page: known for links, not written
                    continue
                if downloads is not None:
                    with timed(self.timings, "downloads"):
                        page_files.update(downloads.files(view))
                markdown = rendered.get(view.src)
                if markdown is None:
                    markdown = self.render(lang, view)
                self.dump(view.src if lang == default else view.src[:-3] + f".{lang}.md", markdown)
                unchanged = self.unchanged_since_last_preview(lang, view, markdown)
                out.append((view, markdown, unchanged))
        if downloads is not None:
            self.page_files = page_files
        self.page_releases = {view.src: last_release(model, view) for view in views}
        for src, content in self.download_files():
            self.dump(src, content)
        return out

    def views(self, lang: str) -> list[PageView]:
        """``lang``'s generated pages, made once per model."""
        if self.views_model is not self.model:
            self.views_model, self.views_by_language = self.model, {}
        if lang not in self.views_by_language:
            with timed(self.timings, "views"), collector_paused():
                self.views_by_language[lang] = build_views(self.model, lang)
        return self.views_by_language[lang]

    def _rendered_ahead(self, lang: str, default: str, others: list[str]) -> dict:
        """``{src: Markdown}`` of ``lang``'s pages, rendered here and by the copy. The default
        language's build starts the copy (when a core is free): it renders a share of each
        language's pages, the default one first. This process renders the rest of each when its
        build needs them (``Shares``: each process takes the next pages left)."""
        if lang == default:
            if self.ahead is not None:
                self.ahead.cancel()
            self.ahead, self.shares = None, {}
            if not RenderAhead.possible():
                return {}
            self.shares = {language: Shares(self.views(language)) for language in [lang, *others]}
            self.ahead = RenderAhead({language: self._render_all(language, shares) for language, shares in self.shares.items()})
        if self.ahead is None or lang not in self.shares:
            return {}
        with collector_paused():
            rendered = self._render_all(lang, self.shares.pop(lang))()
        rendered.update(self.ahead.take(lang))
        return rendered

    def _render_all(self, lang: str, views):
        return lambda: {view.src: self.render(lang, view) for view in views}

    def page_meta(self, title: str | None, is_home: bool, src: str) -> dict:
        """What a page's template reads besides MkDocs' own: its ``<title>`` as escaped text
        (Material's ``page.title | striptags`` turns ``&lt;`` into ``<``; the home page's title is
        the site's name alone), and the data version and "last changed" date of what it shows
        (``build.versions``; a hand-written page: the newest release)."""
        if title and self.previewing:  # the title a preview may keep (unchanged_since_last_preview)
            self.nav_titles[(self.building, src)] = title
        meta = {"title": attribute(Markup(title).striptags())} if title and not is_home else {}
        releases = self.model.releases if self.model else []
        if releases:  # the site's data version; when this page's content last changed
            meta.update(atlas_version=releases[0].version, atlas_changed=(self.page_releases.get(src) or releases[0]).date)
        return meta

    def download_file(self, file_class, config, src: str, content, inclusion=None):
        """One download as a file of MkDocs' ``file_class`` (the glue passes it: nothing here
        imports MkDocs); content that is a function is made when MkDocs writes the file.
        ``inclusion``: MkDocs' level for it, when not the default."""
        if not callable(content):
            file = file_class.generated(config, src, content=content)
        else:
            file = made_on_write(file_class).generated(config, src, content=b"")
            file.make = content
            if self.previewing:
                file.later = self.later_downloads
        if inclusion is not None:
            file.inclusion = inclusion
        return file

    def download_files(self):
        """The site-wide tables and schemas, and each page's own rows: ``(path, content)``."""
        yield from self.downloads.items()
        yield from (self.page_files or {}).items()
