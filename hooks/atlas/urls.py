"""Where every page lives, from ids only: one function per question, one format per kind.

Paths are language-neutral Markdown source paths (``sectors/logistics.md``); MkDocs turns them
into ``/sectors/logistics/`` and the i18n glue into ``/en/sectors/logistics/`` for English.
"""

from __future__ import annotations

import posixpath

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


def page_src(kind: str, key: object = None) -> str:
    """Source path of an entity page, or of a kind's index page when ``key`` is None."""
    if kind == "home":
        return HOME
    folder = FOLDERS[kind]
    return f"{folder}/index.md" if key is None else f"{folder}/{key}.md"


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
    base = posixpath.dirname(from_src)
    path = posixpath.relpath(to_src, base or ".")
    if to_src == from_src:
        path = ""
    return path + (f"#{anchor}" if anchor else "")
