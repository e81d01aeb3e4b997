"""Full-text search with Pagefind: what each page offers to the index, and building the index.

Pagefind (a Rust program installed from PyPI) reads the finished HTML of each language and writes
a chunked index to ``<site>/pagefind/`` (and ``en/pagefind/``). A search then downloads only the
index chunks for its words, so what a reader downloads does not grow with the site the way one
Lunr index does. One bundle per language, so Chinese pages never answer an English search and
vice versa. Pagefind reads a copy of the pages whose Chinese is cut into overlapping pairs
(``search_pairs``), so that a query finds every page containing it."""

from __future__ import annotations

import functools
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

from ..model.errors import AtlasError, Diagnostic, Loc
from ..build.labels import label
from ..build.urls import FOLDERS, is_part
from . import index_memory
from .search_pairs import INDEX_DIR, drop_paired, paired_folder

# Pagefind killed by SIGKILL (the kernel's answer when memory runs out): as our wrapper process
# reports it (a negative code passed on to sys.exit: 256 - 9), or as a shell would
KILLED = (-9, 247, 137)

SEARCH_PAGE = "search.md"       # docs/search.md and docs/search.en.md: the results page
# page parts that would only add noise to results: permalink marks and the "copy link" anchors
EXCLUDE_SELECTORS = (".headerlink", ".atlas-anchor")
TITLE_WEIGHT = 10  # Pagefind's default for <h1> is 7, its maximum 10
_ARTICLE = '<article class="md-content__inner md-typeset">'


def page_kind(src: str) -> str:
    """The label key of the kind of page at ``src`` (``agencies/jx-drc.md`` -> ``agencies``)."""
    parts = src.split("/")
    if len(parts) == 3 and parts[0] == "plans" and parts[2] == "source.md":
        return "source_text"
    # each section's folder name is also the label key of its name (plans, sectors, …)
    return parts[0] if len(parts) > 1 and parts[0] in FOLDERS.values() else "other_pages"


def mark_searchable(html: str, src: str, lang: str) -> str:
    """Offer the page's article (not the header, navigation or footer) to the index, with a type.

    Left out: the results page, the section lists (``sectors/index.md``…), whose entries each
    have a page of their own, and the regions' parts of a split summary
    (``sectors/<id>/<region>.md``), whose rows are on their documents' pages (indexed) and whose
    summary page (indexed) links to each: so that results do not repeat them, and a search at
    30 times the real data downloads a page list 13% shorter. Once any page carries
    ``data-pagefind-body``, Pagefind indexes only pages that do.
    """
    if src == SEARCH_PAGE or src.endswith("/index.md") or is_part(src) or _ARTICLE not in html:
        return html
    kind = label(page_kind(src), lang)
    html = html.replace(
        _ARTICLE,
        f'<article class="md-content__inner md-typeset" data-pagefind-body>'
        f'<span data-pagefind-filter="{label("kind", lang)}" hidden>{kind}</span>', 1)
    # a page's own name (its heading) outweighs the words in its text: names first
    return html.replace("<h1 ", f'<h1 data-pagefind-weight="{TITLE_WEIGHT}" ', 1)


class IndexJob:
    """One Pagefind run over one language's pages, started in the background.

    The default language's pages are finished before the other languages are built, so its index
    is made on the second core while MkDocs builds English; ``wait`` collects the result.
    The run reads a copy of the pages with their Chinese cut into overlapping pairs
    (``search_pairs``), and writes the bundle to ``<site_dir>/pagefind/``; ``skip`` names the top
    folders that are not this language's (the other languages'). ``root_selector`` is for pages
    not marked by ``mark_searchable`` (the benchmark's plain-MkDocs baseline), which Pagefind reads
    as they are, the way a plain site would use it. ``paired``: the folder where the build kept
    the pages cut into pairs (``search_pairs.keep_paired``); without it, copies are made first.
    """

    def __init__(self, site_dir: Path, skip: tuple[str, ...] = (), root_selector: str | None = None,
                 language: str | None = None, paired: Path | None = None):
        self.site_dir = site_dir
        options = []
        if root_selector:
            options += ["--root-selector", root_selector]
        for selector in EXCLUDE_SELECTORS:
            options += ["--exclude-selectors", selector]
        if root_selector:
            command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", INDEX_DIR]
            if skip:
                command += ["--glob", default_language_glob(site_dir, list(skip))]
        else:
            command = [sys.executable, "-m", "atlas.site.search_pairs", str(site_dir), "--skip", ",".join(skip)]
            if language:
                command += ["--language", language]
            if paired:
                command += ["--paired", str(paired)]
            command += ["--"]
        try:
            # its own process group: ``cancel`` stops Pagefind too, not only our wrapper around it
            self.proc = subprocess.Popen(command + options, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                         text=True, start_new_session=True)
            self.error = None
        except OSError as exc:
            self.proc, self.error = None, str(exc)

    def wait(self) -> str:
        """The number of pages indexed. Raises ``AtlasError`` if Pagefind failed."""
        output = self.error or ""
        if self.proc is not None:
            output = self.proc.communicate()[0]
        found = re.search(r"Indexed (\d+) pages", output)
        if self.proc is None or self.proc.returncode != 0 or not found or found.group(1) == "0":
            status = "" if self.proc is None else f" (exit status {self.proc.returncode})"
            killed = self.proc is not None and self.proc.returncode in KILLED
            raise AtlasError([Diagnostic(
                Loc(str(self.site_dir)), "",
                f"Pagefind could not build the search index{status}:\n{output[-2000:]}",
                "Pagefind was killed, most often because memory ran out: it holds about 235 bytes "
                "per word it indexes (about 4 GB for the Chinese of 14,000 pages); build on a machine "
                "with more memory" if killed else
                "run `bash scripts/serve.sh` or `bash scripts/test.sh` once so that .venv has the "
                "pinned pagefind and pagefind-bin-extended packages")])
        return found.group(1)

    def cancel(self) -> None:
        """Stops the run: the wrapper and the Pagefind it started (a preview's next rebuild, a
        failed build). Killing the wrapper alone left Pagefind running beside the next rebuild."""
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                self.proc.kill()
            self.proc.communicate()


def default_language_glob(site_dir: Path, language_dirs: list[str]) -> str:
    """Every page of the default language: the site minus the other languages' folders."""
    skip = set(language_dirs) | {INDEX_DIR}
    parts = ["*.html"] + sorted(f"{p.name}/**/*.html" for p in site_dir.iterdir()
                                if p.is_dir() and p.name not in skip)
    return "{" + ",".join(parts) + "}"


def default_language_job(site_dir: Path, default_language: str, language_dirs, root_selector: str | None = None) -> IndexJob:
    """The default language's Pagefind run (the site minus the other languages' folders)."""
    return IndexJob(site_dir, tuple(language_dirs), root_selector, default_language,
                    paired_folder(site_dir, default_language))


def build_index(site_dir: Path, default_language: str = "zh", language_dirs: list[str] = (),
                root_selector: str | None = None, running: dict | None = None) -> str:
    """Index every language, one Pagefind run each, all at once; a summary line.

    ``language_dirs`` are the folders of the other languages (``["en"]``): each gets its own
    bundle (``en/pagefind/``), and the default language's run leaves them out. One run per
    language keeps a reader's download to one language's index. ``root_selector`` is for pages
    not marked by ``mark_searchable`` (the benchmark's plain-MkDocs baseline). The pages the build
    kept cut into pairs are read, then removed. Raises ``AtlasError`` if a run fails (the others
    are stopped). ``running``: the runs already started, by language (``default_language_job``).
    """
    jobs = dict(running or {})
    todo = {folder: functools.partial(IndexJob, site_dir / folder, (), root_selector, folder,
                                      paired_folder(site_dir, folder))
            for folder in language_dirs if folder not in jobs}
    if default_language not in jobs:
        todo[default_language] = functools.partial(default_language_job, site_dir, default_language,
                                                   language_dirs, root_selector)
    # all at once when they fit in the free memory; else one after the other (index_memory)
    together = index_memory.fits({lang: index_memory.pages_in(paired_folder(site_dir, lang))
                                  for lang in [*jobs, *todo]}, share=0.9)
    counts = {}
    try:
        if together:
            jobs.update({lang: start() for lang, start in todo.items()})
        counts = {lang: job.wait() for lang, job in jobs.items()}
        if not together:
            for lang, start in todo.items():
                jobs[lang] = start()
                counts[lang] = jobs[lang].wait()
    finally:
        for job in jobs.values():
            job.cancel()
        drop_paired(site_dir)
    return "search index: " + ", ".join(f"{k} {v} pages" for k, v in counts.items())
