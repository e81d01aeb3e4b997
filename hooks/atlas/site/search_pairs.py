"""Chinese text for the search index, cut into overlapping character pairs.

Pagefind cuts Chinese into words twice, differently: with jieba when it indexes and with the
browser's ``Intl.Segmenter`` when a reader searches. A query word must begin an index word, so
whatever the two cut apart was not found: 房地产 found 1 of the 30 pages containing it (the index
held 房地|产, the query 房地产), 市建委 was searched as 市|建|委. Here both sides cut the same way,
as Lucene's CJK analyzer does: every run of Chinese characters becomes its overlapping pairs
(房地产 → 房地 地产), in the index and in the query alike. Whatever a reader types that a page
contains, the page has every pair of it, so it is found; no dictionary is needed, and names a
dictionary lacks (百项百亿, 市建委) are found as well as any. Each pair is written as one word
of Latin letters and digits (房地 → ``0x623f5730``), which the browser's cutter, still run on the
query of a Chinese page, leaves whole; and a query of one character (``0x623f``) begins the
words of the pairs it begins.

The site's pages are not changed: Pagefind reads copies of them with the text of their searchable
part cut into pairs (a filter's or a meta value's text is left as it is) and ids on its headings
only (``headings_ids_only``). A build writes each page's copy as it writes the page
(``keep_paired``, into ``<site>/.search-input/<language>/``, on whichever core or machine builds
the page), and ``main`` runs Pagefind on that folder, or makes the copies first (``paired_copy``)
for a site built without them. The folder is removed once the
index is made (``drop_paired``). The browser's half is ``atlasQueryWords``
and ``atlasJoinPairs`` in ``docs/assets/atlas.js`` (the query cut the same way; excerpts and
titles turned back into the page's text for display); a browser test checks that they agree."""

from __future__ import annotations

import functools
import re
import shutil
from pathlib import Path

INDEX_DIR = "pagefind"  # <site>/pagefind/ (and en/pagefind/): the bundle, loaded by docs/assets/atlas.js
PAIRED_DIR = ".search-input"  # <site>/.search-input/<language>/: the pages as Pagefind reads them
# CJK Unified Ideographs, Extension A and the compatibility block: the same class as atlas.js
CJK_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")  # = _CJK below
_BODY = "data-pagefind-body>"
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# an ``id`` on anything but a heading: Pagefind stores each element with an id, and its text, in
# the page's fragment, which a search downloads for each result shown; it reads only headings'
# (sub-results), so a source text's numbered paragraphs were stored twice (about half of a long page's
# fragment). The copy Pagefind reads drops them; the page keeps them, and links to them still work.
_ID = re.compile(r' id="[^"]*"')
_HEADING = re.compile(r"h[1-6][\s>]")


def headings_ids_only(body: str) -> str:
    """``body`` without the ids of elements other than headings (one literal search: 0.03 s for
    the real site's Chinese pages, where a pattern for whole tags took 0.3 s)."""
    def kept(m: re.Match) -> str:
        tag = body.rfind("<", 0, m.start())
        in_tag = tag >= 0 and body.find(">", tag, m.start()) < 0
        return m.group() if not in_tag or _HEADING.match(body, tag + 1) else ""
    return _ID.sub(kept, body)


# what the searchable part holds that is not cut: the text right after a script or style tag or
# after a filter's or meta value's tag (up to the next tag), and the attributes of any tag
_LEFT_AFTER = ("<script", "<style", "<SCRIPT", "<STYLE")
_HTML_TAG = re.compile(r"<html\b[^>]*>")
_TITLE = re.compile(r"<title>.*?</title>", re.S)


def word(chars: str) -> str:
    """One or two Chinese characters as one index word: ``0x`` and their code points in hex
    (房地 → ``0x623f5730``). A word of Latin letters and digits is one word to every cutter,
    the browser's included; and a character's word begins the words of the pairs it begins,
    so a query of one character finds them."""
    return "0x" + "".join(f"{ord(c):04x}" for c in chars)


def pairs(run: str) -> list[str]:
    """One run of Chinese characters as its overlapping pairs: 房地产 → 房地 地产 (as words)."""
    if len(run) < 2:
        return [word(run)]
    return [word(run[i:i + 2]) for i in range(len(run) - 1)]


def covering_pairs(run: str) -> list[str]:
    """Enough of a run's pairs to cover each of its characters: every other pair, and the last
    (市发展改革委 → 市发 展改 革委; 房地产 → 房地 地产). A page containing the run has all its pairs,
    so it has these; fewer words mean fewer index chunks for the reader to download."""
    if len(run) < 3:
        return pairs(run)
    starts = list(range(0, len(run) - 1, 2))
    if starts[-1] != len(run) - 2:
        starts.append(len(run) - 2)
    return [word(run[i:i + 2]) for i in starts]


# Chinese and full-width punctuation: Pagefind drops it from inside an indexed word (〔2011〕66 is
# indexed as 201166) but splits a query there (2011, 66), so a query has it dropped between
# letters or digits and turned into a space elsewhere (``atlasQueryWords`` does the same)
_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
_PUNCT_INSIDE = re.compile(f"(?<=[A-Za-z0-9])[{_PUNCT}]+(?=[A-Za-z0-9])")
_PUNCT_ANY = re.compile(f"[{_PUNCT}]")


def query_words(text: str) -> str:
    """A query as the search page sends it (``atlasQueryWords``): its Chinese punctuation as the
    index has it, and every Chinese run as the pairs that cover it."""
    text = _PUNCT_ANY.sub(" ", _PUNCT_INSIDE.sub("", text))
    return " ".join(CJK_RUN.sub(lambda m: " " + " ".join(covering_pairs(m.group())) + " ", text).split())


def index_words(text: str) -> str:
    """``text`` with every Chinese run cut into pairs, set apart by spaces, and the run's last
    character after them (no pair begins with it, and a query of that one character should find
    it); other text as it is."""
    return CJK_RUN.sub(lambda m: _cut(m.group()), text)


@functools.lru_cache(maxsize=1 << 16)  # names and phrases recur on many pages
def _cut(run: str) -> str:
    return " " + " ".join(pairs(run) + ([word(run[-1])] if len(run) > 1 else [])) + " "


def _cut_text(body: str) -> str:
    """``body`` (HTML) with the Chinese runs of its text cut into pairs: not those inside a tag (an
    attribute), nor those after a script, style, filter or meta value tag (up to the next tag).
    The tag before a run is found by looking back from it, so the tags themselves cost nothing
    (a pattern that matched every tag took twice as long)."""
    back = body.rfind

    def cut(m: re.Match) -> str:
        at = m.start()
        opened, closed = back("<", 0, at), back(">", 0, at)
        if opened > closed:
            return m.group()  # inside a tag
        if opened >= 0:
            tag = body[opened:closed + 1]
            if tag.startswith(_LEFT_AFTER) or "data-pagefind-filter" in tag or "data-pagefind-meta" in tag:
                return m.group()
        return _cut(m.group())
    return CJK_RUN.sub(cut, body)


def paired_html(html: str) -> str:
    """What Pagefind reads of a page: its searchable part (the article marked
    ``data-pagefind-body``) with its text cut into pairs and ids left on its headings only, in a
    page of its own with the page's ``<html>`` tag and title. The navigation, header and footer,
    half of a page's bytes, are not written again (Pagefind reads only that part; the index is the
    same). A page whose searchable part is not an article is kept whole."""
    at = html.find(_BODY)
    if at < 0:
        return html
    inside = at + len(_BODY)
    opened, ends = html.rfind("<", 0, at), html.rfind("</article>")
    if html.startswith("<article", opened) and ends > at:
        html_tag, title = _HTML_TAG.search(html, 0, opened), _TITLE.search(html, 0, opened)
        shell = (f"<!doctype html>{html_tag.group() if html_tag else '<html>'}<head><meta charset=\"utf-8\">"
                 f"{title.group() if title else ''}</head><body>")
        return (shell + html[opened:inside] + _cut_text(headings_ids_only(html[inside:ends]))
                + "</article></body></html>")
    return html[:inside] + _cut_text(headings_ids_only(html[inside:]))


def paired_copy(site: Path, scratch: Path, skip: set[str] = frozenset()) -> int:
    """Write every searchable page under ``site`` (top folders in ``skip`` left out) to
    ``scratch`` at the same relative path, cut into pairs; the number of pages written."""
    count = 0
    for path in site.rglob("*.html"):
        rel = path.relative_to(site)
        if rel.parts[0] in skip:
            continue
        html = path.read_text(encoding="utf-8")
        if _BODY not in html:
            continue
        target = scratch / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(paired_html(html), encoding="utf-8")
        count += 1
    return count


def paired_folder(site: Path, lang: str) -> Path:
    """Where a build keeps ``lang``'s pages cut into pairs, under the site's root ``site``."""
    return site / PAIRED_DIR / lang


def keep_paired(site: Path, lang: str, rel: str, html: str) -> None:
    """A searchable page just built, cut into pairs, at ``rel`` (relative to its language's
    root) in the folder Pagefind reads."""
    if _BODY in html:
        target = paired_folder(site, lang) / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(paired_html(html), encoding="utf-8")


def written_mark(site: Path, lang: str, part: int) -> Path:
    """The file by which part ``part`` of a build says it has written all of ``lang``'s pages."""
    return site / PAIRED_DIR / f"{lang}.written.{part}"


def mark_written(site: Path, lang: str, part: int) -> None:
    target = written_mark(site, lang, part)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.touch()


def drop_paired(site: Path) -> None:
    """The copies are not published: removed once every language is indexed."""
    shutil.rmtree(site / PAIRED_DIR, ignore_errors=True)


# Pagefind cuts Chinese and Japanese itself (jieba at indexing, Intl.Segmenter in the browser);
# pages already cut into pairs are indexed as a language Pagefind leaves uncut: "und"
# (undetermined, BCP 47), which also has no stemmer.
_SEGMENTED = ("zh", "ja")
UNCUT_LANGUAGE = "und"


def main(argv: list[str] | None = None) -> int:
    """``python -m atlas.site.search_pairs SITE --skip en [--language zh] [--paired DIR] --
    PAGEFIND_OPTIONS``: index one language's pages of SITE, cut into pairs (those in DIR, written
    by the build, or else copies made now), into SITE/pagefind/."""
    import argparse
    import subprocess
    import sys
    import tempfile

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("--skip", default="", help="top folders to leave out, comma-separated")
    parser.add_argument("--language", default=None)
    parser.add_argument("--paired", type=Path, default=None, help="the pages already cut into pairs")
    argv = sys.argv[1:] if argv is None else argv
    extra = argv[argv.index("--") + 1:] if "--" in argv else []  # more Pagefind options
    args = parser.parse_args(argv[:len(argv) - len(extra) - (1 if "--" in argv else 0)])
    skip = {s for s in args.skip.split(",") if s} | {INDEX_DIR}
    ready = args.paired is not None and args.paired.is_dir()
    scratch = args.paired if ready else Path(tempfile.mkdtemp(prefix="atlas-search-"))
    try:
        if not ready:
            paired_copy(args.site, scratch, skip)
        command = [sys.executable, "-m", "pagefind", "--site", str(scratch),
                   "--output-path", str(args.site.resolve() / INDEX_DIR)] + extra
        if args.language and args.language.split("-")[0].lower() in _SEGMENTED:
            command += ["--force-language", UNCUT_LANGUAGE]
        return subprocess.run(command).returncode
    finally:
        if not ready:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
