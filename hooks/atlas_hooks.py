"""MkDocs glue: load the data once per change, generate every page in the language being built.

The only module that imports mkdocs. mkdocs-static-i18n builds Chinese into ``site/`` and then
English into ``site/en/`` by running the whole build again; every event here therefore runs once
per language and reads the language from the i18n plugin.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from atlas.errors import AtlasError
from atlas.export import files as export_files
from atlas.names import names_json
from atlas.pipeline import build_model, timed
from atlas.render import make_env, render_page
from atlas.resolve import Model
from atlas.search_terms import search_words
from atlas.urls import DOWNLOADS
from atlas.views import build_views

log = get_plugin_logger("atlas")

ROOT = Path(__file__).resolve().parent.parent
# ATLAS_DATA_DIR lets tests and the benchmark build the site from another data folder.
DATA_DIR = Path(os.environ.get("ATLAS_DATA_DIR") or ROOT / "data")
TEMPLATES_DIR = ROOT / "templates"
NAMES_FILE = "assets/atlas-names.json"  # read by docs/assets/atlas.js

# Survives serve rebuilds (hook modules are cached): the model of the last data seen.
_state: dict = {"key": None, "model": None, "error": None, "downloads": {}}
_timings: dict = {}  # seconds per stage of our own code, over the whole run


def _data_key() -> tuple:
    """Changes whenever a data file is added, removed or edited."""
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in DATA_DIR.rglob("*") if p.is_file()))


def _model(config: MkDocsConfig) -> Model:
    key = _data_key()
    if _state["key"] != key:
        try:
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
        with timed(_timings, "downloads"):
            downloads = {f"{DOWNLOADS}/{name}": content for name, content in export_files(model).items()}
            downloads[NAMES_FILE] = names_json(model)
        _state.update(model=model, key=key, error=None, downloads=downloads)
        _teach_segmenter(model)
    return _state["model"]


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    """During a preview with broken data, every page says that it shows the last good data."""
    if not _state.get("error"):
        return markdown
    first = _state["error"].splitlines()[0]
    return (f'!!! danger "The data has errors / 数据有错误"\n\n'
            f"    This preview shows the last good data. 预览显示的是上一次正确的数据。\n\n"
            f"    `{first}`\n\n" + markdown)


def _teach_segmenter(model: Model) -> None:
    """Give jieba (used by the search plugin) our names as words, so they stay whole."""
    try:
        import jieba
    except ImportError:  # search still works, only Chinese segmentation is coarser
        return
    for word in search_words(model):
        jieba.add_word(word, freq=2000)


def _i18n(config: MkDocsConfig):
    return config.plugins["i18n"]


# One `mkdocs build`: the site is written to <site_dir>.partial and moved into place only when
# every language built without error (and, with --strict, without warning).
_run: dict = {"command": None, "final": None, "partial": None, "swapped": False, "problems": None}


class _ProblemCounter(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


def on_startup(command: str, dirty: bool) -> None:
    counter = _ProblemCounter()
    logging.getLogger("mkdocs").addHandler(counter)
    _run.update(command=command, final=None, partial=None, swapped=False, problems=counter)


def _dump(folder: Path, src: str, content) -> None:
    path = folder / src
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def on_shutdown() -> None:
    report = os.environ.get("ATLAS_TIMINGS")  # the benchmark reads where our own code spent time
    if report:
        Path(report).write_text(json.dumps(_timings, indent=1), encoding="utf-8")
    if _run["partial"] is not None and not _run["swapped"]:
        shutil.rmtree(_run["partial"], ignore_errors=True)  # a failed build: the old site stays
    if _run["problems"] is not None:
        logging.getLogger("mkdocs").removeHandler(_run["problems"])


@event_priority(50)  # before i18n (-100) reconfigures the config for the language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site = Path(config.site_dir)
    if (_run["command"] in ("build", "gh-deploy") and _run["final"] is None
            and not site.name.startswith("mkdocs_")):  # `mkdocs serve` builds into its own temp dir
        partial = site.with_name(site.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        _run.update(final=site, partial=partial)
        config.site_dir = str(partial)
    _model(config)
    return config


@event_priority(-200)  # after i18n's post_build (-100), which builds the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if _run["partial"] is None or _run["swapped"] or _i18n(config).building:
        return
    if config.strict and _run["problems"].count:
        return  # MkDocs aborts next; the old site stays
    final, partial = _run["final"], _run["partial"]
    old = final.with_name(final.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    partial.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    config.site_dir = str(final)
    _run["swapped"] = True


@event_priority(-110)  # after i18n's on_files (-100), which rebuilds the file list from docs_dir
def on_files(files: Files, config: MkDocsConfig) -> Files:
    i18n = _i18n(config)
    lang = i18n.current_language
    default = i18n.default_language
    others = [lang_ for lang_ in i18n.build_languages if lang_ != lang]
    model = _model(config)
    env = make_env(TEMPLATES_DIR)

    def make(src: str, for_lang: str, content: str) -> File:
        file = File.generated(config, src, content=content)
        if for_lang != default:
            file.dest_uri = f"{for_lang}/{file.dest_uri}"
        return file

    with timed(_timings, "views"):
        views = build_views(model, lang)
    dump = os.environ.get("ATLAS_DUMP_MARKDOWN")  # the benchmark's plain-MkDocs baseline
    for view in views:
        if files.get_file_from_path(view.src) is not None:
            raise PluginError(f"docs/{view.src} would hide a generated page; rename or remove it")
        with timed(_timings, "render"):
            markdown = render_page(env, model, lang, view)
        if dump:
            _dump(Path(dump), view.src if lang == default else view.src[:-3] + f".{lang}.md", markdown)
        file = make(view.src, lang, markdown)
        if not view.in_nav:
            file.inclusion = InclusionLevel.NOT_IN_NAV
        # what mkdocs-static-i18n reads for the language switcher, hreflang and the sitemap
        file.alternates = {lang: file}
        for other in others:
            file.alternates[other] = make(view.src, other, "")
        file.locale = lang
        file.locale_alternate_of = lang
        file.localization = None if lang == default else lang
        file.norm_src_uri = view.src
        files.append(file)
    # the data tables, offered for download, and the names search index; one copy for both languages
    for src, content in _state["downloads"].items():
        files.append(File.generated(config, src, content=content))
        if dump:
            _dump(Path(dump), src, content)
    i18n.i18n_files_per_language[lang] = files.documentation_pages()
    return files


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
