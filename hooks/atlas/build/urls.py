"""Where every page lives, from ids only: one function per question, one format per kind.

Paths are language-neutral Markdown source paths (``sectors/logistics.md``); MkDocs turns them
into ``/sectors/logistics/`` and the i18n glue into ``/en/sectors/logistics/`` for English.
"""

from __future__ import annotations

from functools import lru_cache

# page kind → folder; the order is the order of the site's sections
FOLDERS = {
    "plan": "plans",
    "sector": "sectors",
    "agency": "agencies",
    "year": "years",
    "indicator": "indicators",
    "region": "regions",
    "compare": "compare",
}
HOME = "index.md"
DOWNLOADS = "downloads"  # folder of the exported data tables (JSON and CSV)
DICTIONARY = "downloads.md"  # the page listing them and what every column means: /downloads/
CHANGES = "changes.md"  # the data's releases and what each changed: /changes/


def page_src(kind: str, key: object = None) -> str:
    """Source path of an entity page, or of a kind's index page when ``key`` is None."""
    if kind == "home":
        return HOME
    folder = FOLDERS[kind]
    return f"{folder}/index.md" if key is None else f"{folder}/{key}.md"


# the kinds whose summaries, past a size, are split into one page per region (views._in_parts)
PARTED = ("sector", "year", "indicator")


def part_src(kind: str, key: object, region: str) -> str:
    """One region's part of a summary page that is too long to show whole (a sector's, a
    year's, the indicator index's): ``sectors/<id>/<region>.md`` → ``/sectors/<id>/<region>/``."""
    if kind not in PARTED:
        raise ValueError(f"{kind} pages are not split by region")
    return f"{FOLDERS[kind]}/{key}/{region}.md"


def is_part(src: str) -> bool:
    """Whether ``src`` is a region's part of a split summary (see ``part_src``)."""
    parts = src.split("/")
    return len(parts) == 3 and parts[0] in {FOLDERS[kind] for kind in PARTED}


def source_src(plan_id: str) -> str:
    """The page showing a plan's source text."""
    return f"plans/{plan_id}/source.md"


def page_url(src: str) -> str:
    """The directory URL MkDocs gives a source path (``plans/x.md`` → ``plans/x/``)."""
    if src == HOME:
        return ""
    stem = src[: -len(".md")]
    return (stem[: -len("index")] if stem.endswith("/index") or stem == "index" else stem + "/")


def relative(from_src: str, to_src: str, anchor: str | None = None) -> str:
    """A relative Markdown link from one page's source to another's (MkDocs checks it)."""
    path = "" if to_src == from_src else _relpath(to_src, from_src.rpartition("/")[0])
    return path + (f"#{anchor}" if anchor else "")


def relative_url(from_src: str, to_src: str, anchor: str | None = None) -> str:
    """A relative link between the built pages (directory URLs), for raw HTML that MkDocs does
    not rewrite: from ``plans/x.md`` to ``regions/y.md`` → ``../../regions/y/``."""
    here, there = page_url(from_src), page_url(to_src)
    if here == there:
        path = ""
    elif not there:  # the home page
        path = "../" * here.count("/")
    else:
        path = _relpath(there.rstrip("/"), here.rstrip("/")) + "/" if here else there
    return path + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=65536)
def _relpath(to_src: str, base: str) -> str:
    """``posixpath.relpath`` for the clean relative paths of docs sources, without touching the
    file system (relpath calls getcwd twice; this runs tens of thousands of times a build)."""
    if not base:
        return to_src
    start, target = base.split("/"), to_src.split("/")
    common = 0
    while common < min(len(start), len(target)) and start[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:]) or "."
