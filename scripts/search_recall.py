#!/usr/bin/env python3
"""How well Pagefind finds the words readers type, measured on a built site.

Usage: python scripts/search_recall.py SITE_DIR [--limit 60] [--words 房地产,百项百亿]

Takes names readers type from the data (agency short forms and aliases, sector names, task
keywords) and words Pagefind's own Chinese cutting missed (or only ``--words``), finds which
Chinese pages contain each one in the text Pagefind indexes (the article, less what is marked
data-pagefind-ignore), runs the same search in headless Chromium against the site's Pagefind
index, with the query cut as the search page cuts it (``atlasQueryWords``), and reports recall:
pages containing the word that the search returns. Prints a table and the terms with the
lowest recall.
"""

from __future__ import annotations

import argparse
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from atlas.build.pipeline import build_model
from atlas.site.site_search import EXCLUDE_SELECTORS
from playwright.sync_api import sync_playwright
from atlas.site.local_site import CHROMIUM, CHROMIUM_ARGS, serve

NAMED = ("房地产", "百项百亿", "市建委", "村庄")
_ARTICLE = re.compile(r"<article[^>]*data-pagefind-body>(.*?)</article>", re.S)
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "source", "area", "base", "embed"}


class _IndexedText(HTMLParser):
    """The text Pagefind indexes: leaves out elements marked data-pagefind-ignore and the
    selectors the site excludes (permalink marks)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth_ignored = 0  # >0 while inside an ignored element
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        names = dict(attrs)
        classes = (names.get("class") or "").split()
        ignored = "data-pagefind-ignore" in names or any(
            "." + c in EXCLUDE_SELECTORS for c in classes)
        self.stack.append(ignored)
        self.depth_ignored += ignored

    def handle_endtag(self, tag):
        if tag in _VOID or not self.stack:
            return
        self.depth_ignored -= self.stack.pop()

    def handle_data(self, data):
        if not self.depth_ignored:
            self.parts.append(data)


def indexed_text(article_html: str) -> str:
    parser = _IndexedText()
    parser.feed(article_html)
    return "".join(parser.parts)


def terms(data_dir: Path, limit: int) -> list[tuple[str, str]]:
    """(kind, term) pairs: the Chinese names readers type, at most ``limit`` of each kind."""
    model, _ = build_model(data_dir)
    agencies = [t for a in model.agencies.values()
                for t in ([a.short.zh] if a.short and a.short.zh else []) + list(a.aliases) + list(a.search_terms)]
    sectors = [s.name.zh for s in model.sectors.values() if s.name.zh]
    keywords = sorted({k for ref in model.tasks for k in ref.task.keywords})
    out = []
    for kind, items in (("agency name", agencies), ("sector name", sectors), ("task keyword", keywords)):
        out += [(kind, t) for t in list(dict.fromkeys(items))[:limit] if re.search(r"[\u4e00-\u9fff]", t)]
    # words that Pagefind's own Chinese cutting missed (issue 14): a common word, a coined name
    return out + [("named word", t) for t in NAMED]


def page_texts(site: Path) -> dict[str, str]:
    """URL path -> text of the indexed article, for every Chinese page."""
    out = {}
    for path in site.rglob("index.html"):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("en/", "pagefind/")):
            continue
        found = _ARTICLE.search(path.read_text(encoding="utf-8"))
        if found:
            out["/" + rel[: -len("index.html")]] = indexed_text(found.group(1))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--words", help="only these words, comma-separated")
    args = parser.parse_args()
    texts = page_texts(args.site)
    server, base = serve(args.site)
    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + "search/")
        chosen = [("chosen word", w) for w in args.words.split(",")] if args.words else terms(args.data, args.limit)
        for kind, term in chosen:
            expected = {url for url, text in texts.items() if term in text}
            if not expected:
                continue
            found = page.evaluate("""async (q) => {
                const pf = await import(new URL('../pagefind/pagefind.js', location.href).href);
                await pf.options({ranking: {pageLength: 0.2}});
                // the query cut as the search page cuts it (atlas.js; Chinese in overlapping pairs)
                const s = await pf.search(window.atlasQueryWords(q));
                return Promise.all(s.results.map(r => r.data().then(d => d.url)));
            }""", term)
            hits = expected & set(found)
            rows.append((kind, term, len(expected), len(hits), len(found)))
        browser.close()
    server.shutdown()
    print("| kind | terms | pages containing them | found | recall | terms found on every page |")
    print("|---|---|---|---|---|---|")
    for kind in dict.fromkeys(r[0] for r in rows):
        mine = [r for r in rows if r[0] == kind]
        pages, hits = sum(r[2] for r in mine), sum(r[3] for r in mine)
        full = sum(1 for r in mine if r[3] == r[2])
        print(f"| {kind} | {len(mine)} | {pages} | {hits} | {hits / pages:.0%} | {full} of {len(mine)} |")
    pages, hits = sum(r[2] for r in rows), sum(r[3] for r in rows)
    print(f"| all | {len(rows)} | {pages} | {hits} | {hits / pages:.0%} | "
          f"{sum(1 for r in rows if r[3] == r[2])} of {len(rows)} |")
    print("\nlowest recall:")
    for kind, term, n, h, f in sorted(rows, key=lambda r: r[3] / r[2])[:12]:
        print(f"  {term} ({kind}): {h} of {n} pages, {f} results")
    return 0


if __name__ == "__main__":
    sys.exit(main())
