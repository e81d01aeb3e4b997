"""The pipe tables of generated pages, turned into HTML here rather than by Python-Markdown.

Tables are most of what our templates write (20,000 of 25,000 lines of the real site's generated
Markdown), and Python-Markdown handles each cell by trying every inline pattern on it, building a
tree and serialising it again. Our cells use a small part of Markdown: links (with a title and a
class list), backslash escapes, entities and inline HTML tags. This preprocessor writes the HTML
that Python-Markdown, its table and attr_list extensions and MkDocs' link rewriting would write
for such a table, byte for byte, and hands it to Python-Markdown as raw HTML. Links go through
MkDocs' own ``path_to_url`` of the page being converted (same URLs, same warnings, same anchor
checks). A table with anything else in it (emphasis, code, images, an unknown attribute, a
mismatched row) is left to Python-Markdown, as are hand-written pages. A test builds the site both
ways and compares every page.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.inlinepatterns import ENTITY_RE, HTML_RE
from markdown.preprocessors import Preprocessor

from .table_cards import MIN_COLUMNS, card_label

DELIMITER = re.compile(r"^\|(?: *-+ *\|)+ *$")
PIPE = re.compile(r"(?<!\\)((?:\\\\)*)\|")  # a cell boundary: a pipe not escaped
TAG = re.compile(HTML_RE)
ENTITY = re.compile(ENTITY_RE)
AMP = re.compile(r"&(?!(?:\#[0-9]+|\#x[0-9a-f]+|[0-9a-z]+);)")  # Python-Markdown's serialiser
LINK_TAIL = re.compile(r'\((?P<href>[^\s()"\\<>&]*)(?: "(?P<title>[^"\\]*)")?\)')
CLASSES = re.compile(r"\{:? *((?:\.[\w-]+ *)+)\}")
LINK_TEXT_END = re.compile(r"[\\\[\]]")  # what ends or escapes in a link's text
PLAIN = re.compile(r"[^\\&<>\[\]`*_{}]+")  # text with nothing Markdown acts on (images are off: lean_markdown)


class NotOurs(Exception):
    """The table holds Markdown this module does not reproduce: Python-Markdown converts it."""


def _text(value: str) -> str:
    """Text as Python-Markdown serialises it (entities kept, ``&`` ``<`` ``>`` escaped)."""
    if "&" in value:
        value = AMP.sub("&amp;", value)
    return value.replace("<", "&lt;").replace(">", "&gt;")


def _attribute(value: str) -> str:
    return _text(value).replace('"', "&quot;")


class CellConverter:
    """Inline Markdown of one cell to HTML, for the page ``md`` converts."""

    def __init__(self, escaped, path_to_url):
        self.escaped = set(escaped)  # the characters a backslash escapes (Markdown's and its extensions')
        self.path_to_url = path_to_url  # MkDocs' link rewriting for this page, or None
        self.urls: dict[str, str] = {}  # a page links many times to the same pages
        self.done: dict[str, str] = {}  # and repeats cells (an agency, a sector, a status)

    @classmethod
    def of(cls, md: Markdown) -> "CellConverter":
        """For the page ``md`` converts (its links rewritten by MkDocs' ``relpath`` step)."""
        relpath = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None
        return cls(md.ESCAPED_CHARS, relpath.path_to_url if relpath else None)

    def url(self, href: str) -> str:
        """``href`` as MkDocs rewrites it on this page (asked once per target)."""
        if href not in self.urls:
            self.urls[href] = self.path_to_url(href)
        return self.urls[href]

    def cell(self, s: str) -> str:
        """``inline(s)``, remembered for the page (raises ``NotOurs`` as it does)."""
        html = self.done.get(s)
        if html is None:
            html = self.done[s] = self.inline(s)
        return html

    def inline(self, s: str, in_link: bool = False) -> str:
        out, i, n = [], 0, len(s)
        while i < n:
            plain = PLAIN.match(s, i)
            if plain:
                out.append(plain.group())
                i = plain.end()
                continue
            c = s[i]
            if c == "\\":
                if i + 1 < n and s[i + 1] in self.escaped:
                    out.append(_text(s[i + 1]))
                    i += 2
                else:
                    out.append("\\")
                    i += 1
            elif c == "&":
                entity = ENTITY.match(s, i)
                out.append(entity.group() if entity else "&amp;")
                i = entity.end() if entity else i + 1
            elif c == "<":
                tag = TAG.match(s, i)
                if tag and "\\" in tag.group():
                    raise NotOurs("an escape inside a tag")
                out.append(tag.group() if tag else "&lt;")
                i = tag.end() if tag else i + 1
            elif c == ">":
                out.append("&gt;")
                i += 1
            elif c == "[" and not in_link:
                html, i = self.link(s, i)
                out.append(html)
            else:  # emphasis, code, images, attribute lists, stray brackets: not ours
                raise NotOurs(f"{c!r} in a cell")
        return "".join(out)

    def link(self, s: str, start: int) -> tuple[str, int]:
        """``[text](href "title"){ .class }`` from ``start``; the HTML and where it ends."""
        end, i = None, start + 1
        while (found := LINK_TEXT_END.search(s, i)) is not None:
            c = found.group()
            if c == "\\":
                i = found.start() + 2
                continue
            if c == "[":
                raise NotOurs("a bracket inside a link")
            end = found.start()
            break
        tail = LINK_TAIL.match(s, end + 1) if end is not None else None
        if tail is None or self.path_to_url is None:
            raise NotOurs("not a link we write")
        text = self.inline(s[start + 1:end], in_link=True)
        attrs = {"href": self.url(tail.group("href"))}
        if tail.group("title") is not None:
            attrs["title"] = tail.group("title")
        i = tail.end()
        classes = CLASSES.match(s, i)
        if classes:
            rest = s[classes.end():]
            if "}" in rest.split("[", 1)[0]:  # attr_list would read up to the last brace
                raise NotOurs("a brace after an attribute list")
            attrs["class"] = " ".join(c.lstrip(".") for c in classes.group(1).split())
            i = classes.end()
        elif i < len(s) and s[i] == "{":
            raise NotOurs("an attribute list other than classes")
        shown = " ".join(f'{k}="{_attribute(v)}"' for k, v in sorted(attrs.items()))
        return f"<a {shown}>{text}</a>", i


def _cells(row: str) -> list[str]:
    """The cells of ``| a | b |`` (escaped pipes stay in their cell)."""
    inner = row.strip(" ")
    if not (inner.startswith("|") and PIPE.search(inner, len(inner) - 1)):
        raise NotOurs("a row without its outer pipes")
    inner = inner[1:-1]
    if "\\" not in inner:  # no escaped pipe: every pipe parts two cells
        return [c.strip(" ") for c in inner.split("|")]
    cells, last = [], 0
    for m in PIPE.finditer(inner):
        cells.append(inner[last:m.end(1)])
        last = m.end()
    cells.append(inner[last:])
    return [c.strip(" ") for c in cells]


def table_html(lines: list[str], cells: CellConverter) -> str:
    """The HTML of one table (header, delimiter, rows), ready to become cards on a phone as
    ``table_cards`` makes a table (which leaves it alone then); raises ``NotOurs``."""
    if any("`" in line for line in lines):
        raise NotOurs("code in a table")
    header = _cells(lines[0])
    if len(_cells(lines[1])) != len(header):
        raise NotOurs("a delimiter row of another width")
    rows = [_cells(line) for line in lines[2:]]
    if not rows or any(len(r) != len(header) for r in rows):
        raise NotOurs("a row of another width")
    heads = [cells.cell(c) for c in header]
    labels = [card_label(h) for h in heads]
    if len(labels) >= MIN_COLUMNS and any(labels):  # as table_cards.label_tables would make it
        out = ["<table data-cards>\n<thead data-pagefind-ignore>\n<tr>\n"]
        opens = [f'<td data-label="{label}">' for label in labels]
    else:
        out, opens = ["<table>\n<thead>\n<tr>\n"], ["<td>"] * len(labels)
    out += [f"<th>{h}</th>\n" for h in heads]
    out.append("</tr>\n</thead>\n<tbody>\n")
    for row in rows:
        out.append("<tr>\n")
        out += [f"{td}{cells.cell(c)}</td>\n" for td, c in zip(opens, row)]
        out.append("</tr>\n")
    out.append("</tbody>\n</table>")
    return "".join(out)


class TablesAsHtml(Preprocessor):
    """Finds each table (a block that starts with a header and a delimiter row) and replaces it
    by its HTML, stashed as raw HTML; runs after MkDocs has read the page's raw HTML ids and
    before Python-Markdown parses HTML blocks."""

    def run(self, lines: list[str]) -> list[str]:
        cells = CellConverter.of(self.md)
        out, i, n = [], 0, len(lines)
        while i < n:
            if (lines[i].startswith("|") and (i == 0 or not lines[i - 1].strip())
                    and i + 1 < n and DELIMITER.match(lines[i + 1])):
                end = i + 2
                while end < n and lines[end].strip():
                    end += 1
                try:
                    out.append(self.md.htmlStash.store(table_html(lines[i:end], cells)))
                except NotOurs:
                    out.extend(lines[i:end])
                i = end
                continue
            out.append(lines[i])
            i += 1
        return out


def register(md: Markdown) -> None:
    md.preprocessors.register(TablesAsHtml(md), "atlas_tables", 20.5)  # between mkdocs_raw_html and html_block
