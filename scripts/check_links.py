#!/usr/bin/env python3
"""Check every internal link and anchor of a built site: each ``href`` to a page of the site
must reach a file, and each ``#anchor`` an element with that id on the page it names.

Usage: python scripts/check_links.py SITE_DIR
Prints one line per broken link (page, link) and exits with 1 when there is any. Links to other
hosts are not followed (the site makes no request to them; their addresses come from the data).
A long plan's overview keeps old citation anchors working through its map of moved anchors
(``#atlas-moved``, see hooks/atlas/build/plan_pages.py): such an anchor counts as present when the
map sends it to a page that has it.
"""

from __future__ import annotations

import json
import posixpath
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Page(HTMLParser):
    """The ids, the links and the moved-anchor map of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.moved: dict[str, str] = {}
        self._in_moved = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if tag == "a" and a.get("href") is not None:
            self.links.append(a["href"])
        self._in_moved = tag == "script" and a.get("id") == "atlas-moved"

    def handle_data(self, data):
        if self._in_moved:
            self.moved = json.loads(data)
            self._in_moved = False


def _target(site: Path, page_rel: str, href: str) -> tuple[str, str] | None:
    """``(site-relative file, anchor)`` for an internal link, or None for another host."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    path = unquote(parts.path)
    if not path:
        file = page_rel
    else:
        base = posixpath.dirname(page_rel)
        file = posixpath.normpath(posixpath.join(base, path) if not path.startswith("/") else path.lstrip("/"))
        if path.endswith("/") or (site / file).is_dir():
            file = posixpath.join(file, "index.html")
    return file, unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    """Every internal link of the built site that reaches no file or no anchor."""
    pages: dict[str, _Page] = {}

    def page(rel: str) -> _Page | None:
        if rel not in pages:
            path = site / rel
            if not path.is_file():
                return None
            parsed = _Page()
            parsed.feed(path.read_text(encoding="utf-8"))
            pages[rel] = parsed
        return pages[rel]

    htmls = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    problems = []
    for rel in htmls:
        for href in page(rel).links:
            target = _target(site, rel, href)
            if target is None:
                continue
            file, anchor = target
            if file.startswith("..") or not (site / file).exists():
                problems.append(f"{rel}: {href} (no such page)")
                continue
            if not anchor or not file.endswith(".html"):
                continue
            there = page(file)
            if anchor in there.ids:
                continue
            moved = there.moved.get(anchor)
            if moved:
                again = page(posixpath.join(posixpath.dirname(file), moved, "index.html"))
                if again is not None and anchor in again.ids:
                    continue
            problems.append(f"{rel}: {href} (no #{anchor} there)")
    return problems


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    site = Path(sys.argv[1])
    problems = broken_links(site)
    for line in problems:
        print(line)
    count = len(list(site.rglob("*.html")))
    print(f"{count} pages checked, {len(problems)} broken internal links", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
