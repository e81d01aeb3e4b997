"""A generated page's whole Markdown to HTML here, without Python-Markdown (issue 14, item 2).

Our templates write a small part of Markdown: headings with an id, paragraphs (with a class),
lists nested by four spaces, admonitions, tables, and raw HTML blocks (some with ``markdown`` in
them). For such a page this module writes what MkDocs' Python-Markdown conversion would give,
byte for byte: the HTML, the table of contents tokens (the ``toc`` extension's, with its
permalinks and unique slugs), the title MkDocs takes from the first ``<h1>``, and the ids a link
may point to. Cells and paragraphs go through ``fast_tables.CellConverter``, so links are
MkDocs' own ``path_to_url`` of the page. Anything else on a page (emphasis, code, a loose list,
an unknown block or attribute) raises ``NotOurs`` and the whole page is left to Python-Markdown,
as hand-written pages always are. A test builds the site both ways and compares every page.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field

from markdown.extensions.toc import nest_toc_tokens, strip_tags, unique

from .fast_tables import DELIMITER, CellConverter, NotOurs, _attribute, table_html

HEADING = re.compile(r"^(#{1,6}) +([^#{}\n]*?)(?: +\{ *#([\w-]+) *\})? *$")
LIST_ITEM = re.compile(r"^((?:    )*)- (\S.*)$")
ADMONITION = re.compile(r'^!!! ([\w-]+)(?: "([^"]*)")? *$')
ATTR_LINE = re.compile(r'^\{:? *((?:(?:[#.][\w-]+|[a-z][\w-]*="[^"\\{}]*") *)+)\}$')  # attr_list's {: #id .class key="v" }
ATTR_TOKEN = re.compile(r'([#.])([\w-]+)|([a-z][\w-]*)="([^"]*)"')
MARKDOWN_BLOCK = re.compile(r'^<([a-z][a-z0-9]*)((?: [a-z][\w-]*="[^"<>&]*")*) markdown>$')
START_TAG = re.compile(r"^<([a-z][a-z0-9]*)[\s>]")
ATTRIBUTE = re.compile(r' ([a-z][\w-]*)="([^"]*)"')
ID_ATTRIBUTE = re.compile(r'<[a-zA-Z][^<>]*?\sid="([^"]*)"')
# a paragraph's line may not start a block or be read as a setext heading, a rule or a code block
NOT_PARAGRAPH = re.compile(r"^(?:[#|>!?=~`:+*_\- \t]|\d+[.)] |\{)")
INLINE_FIRST = {"code", "span", "a", "abbr", "b", "strong", "em", "small", "time", "sup", "sub"}


def _attributes(attrs: dict) -> str:
    """Attributes as Python-Markdown writes them: sorted by name, escaped."""
    return "".join(f' {k}="{_attribute(v)}"' for k, v in sorted(attrs.items()))


@dataclass
class Heading:
    level: int
    inner: str  # the heading's HTML
    id: str | None  # given with { #id }, or made from its text when the page is done

    @property
    def name(self) -> str:
        return strip_tags(self.inner)


@dataclass
class PageHtml:
    html: str
    toc: list  # nested tokens, as the toc extension leaves them in ``md.toc_tokens``
    title: str | None  # MkDocs' title from the first <h1> (``get_heading_text``)
    anchors: set[str] = field(default_factory=set)  # ids on the page, for MkDocs' anchor checks


class PageConverter:
    """One page's Markdown, for the page whose links ``cells`` resolves."""

    def __init__(self, cells: CellConverter, block_tags: set[str], slugify, permalink_title: str = "Permanent link"):
        self.cells, self.block_tags, self.slugify = cells, block_tags, slugify
        self.permalink_title = permalink_title
        self.headings: list[Heading] = []
        self.ids: set[str] = set()  # ids of the page's elements other than headings

    # blocks --------------------------------------------------------------------------------
    def blocks(self, lines: list[str]) -> list:
        """The HTML parts of ``lines`` (a ``Heading`` for each heading, its id made later)."""
        out, i, n = [], 0, len(lines)
        while i < n:
            line = lines[i]
            if not line:
                i += 1
                continue
            end = i + 1
            while end < n and lines[end]:
                end += 1
            if line[0] == "#":
                out.append(self.heading(lines[i:end]))
            elif line[0] == "|" and end > i + 1 and DELIMITER.match(lines[i + 1]):
                out.append(table_html(lines[i:end], self.cells))
            elif line.startswith("- "):
                if end < n and self._continues(lines, end):
                    raise NotOurs("a loose list, or a list item over several blocks")
                out.append(self.bullet_list(lines[i:end]))
            elif line.startswith("!!! "):
                end = self._indented_end(lines, i + 1)
                out.append(self.admonition(line, [x[4:] for x in lines[i + 1:end]]))
            elif line[0] == "<" and self._block_tag(line):
                part, end = self.html_block(lines, i)
                out.append(part)
            else:
                out.append(self.paragraph(lines[i:end]))
            i = end
        return out

    @staticmethod
    def _continues(lines: list[str], end: int) -> bool:
        nxt = next((x for x in lines[end:] if x), "")
        return nxt.startswith(("- ", " "))

    @staticmethod
    def _indented_end(lines: list[str], i: int) -> int:
        end = i
        while end < len(lines) and (not lines[end] or lines[end].startswith("    ")):
            end += 1
        while end > i and not lines[end - 1]:
            end -= 1
        return end

    def _block_tag(self, line: str) -> str | None:
        m = START_TAG.match(line)
        if m is None:
            return None
        if m.group(1) in self.block_tags:
            return m.group(1)
        if m.group(1) in INLINE_FIRST:
            return None
        raise NotOurs(f"a line starting with <{m.group(1)}>")

    def heading(self, block: list[str]) -> Heading:
        m = HEADING.match(block[0])
        if len(block) != 1 or m is None:
            raise NotOurs("a heading not alone in its block, or with another attribute")
        return self._heading(len(m.group(1)), self.cells.inline(m.group(2)), m.group(3))

    def _heading(self, level: int, inner: str, given_id: str | None) -> Heading:
        h = Heading(level, inner, given_id)
        self.headings.append(h)
        return h

    def paragraph(self, block: list[str]) -> str:
        attrs = ""
        given = ATTR_LINE.match(block[-1])
        if given and len(block) > 1:
            attrs = _attributes(self._attr_list(given.group(1)))
            block = block[:-1]
        for k, line in enumerate(block):
            if (line != line.rstrip() or (k > 0 and "{" in line)
                    or (self._block_tag(line) if line[0] == "<" else NOT_PARAGRAPH.match(line))):
                raise NotOurs("a paragraph line Markdown may read otherwise")
        return f"<p{attrs}>{self.cells.inline(chr(10).join(block))}</p>"

    def _attr_list(self, text: str) -> dict:
        """attr_list's ``#id .class key="value"`` as attributes (classes in order, one id)."""
        attrs, classes = {}, []
        for mark, name, key, value in ATTR_TOKEN.findall(text):
            if mark == "#":
                attrs["id"] = name
            elif mark == ".":
                classes.append(name)
            elif key in ("id", "class") or key in attrs:
                raise NotOurs("an attribute list we do not write")
            else:
                attrs[key] = value
        if classes:
            attrs["class"] = " ".join(classes)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        return attrs

    def bullet_list(self, block: list[str]) -> str:
        items = []  # (depth, text)
        for line in block:
            m = LIST_ITEM.match(line)
            if m is None or line != line.rstrip():
                raise NotOurs("a list line we do not write")
            depth = len(m.group(1)) // 4
            if depth > (items[-1][0] + 1 if items else 0):
                raise NotOurs("a list nested by more than one step")
            items.append((depth, self.cells.inline(m.group(2))))
        return self._list(items, 0, 0)[0]

    def _list(self, items: list, i: int, depth: int) -> tuple[str, int]:
        out = ["<ul>\n"]
        while i < len(items) and items[i][0] == depth:
            text = items[i][1]
            i += 1
            if i < len(items) and items[i][0] > depth:
                inner, i = self._list(items, i, depth + 1)
                out.append(f"<li>{text}{inner}\n</li>\n")
            else:
                out.append(f"<li>{text}</li>\n")
        out.append("</ul>")
        return "".join(out), i

    def admonition(self, line: str, inner: list[str]) -> str:
        m = ADMONITION.match(line)
        if m is None or m.group(2) is None or not inner:
            raise NotOurs("an admonition we do not write")
        title = self.cells.inline(m.group(2))
        return [f'<div class="admonition {m.group(1)}">\n<p class="admonition-title">{title}</p>\n',
                *self._spread(self.blocks(inner)), "\n</div>"]

    def html_block(self, lines: list[str], i: int) -> tuple[object, int]:
        line = lines[i]
        m = MARKDOWN_BLOCK.match(line)
        tag = START_TAG.match(line).group(1)
        if m is not None:  # <tag …attributes markdown>: Markdown inside
            attrs = dict(ATTRIBUTE.findall(m.group(2)))
            if "id" in attrs:
                self.ids.add(attrs["id"])
            close, depth, end = f"</{tag}>", 0, i + 1
            while end < len(lines):
                if lines[end].startswith(f"<{tag}"):
                    depth += 1
                elif lines[end] == close:
                    if depth == 0:
                        break
                    depth -= 1
                end += 1
            else:
                raise NotOurs("a Markdown block without its end")
            inner = lines[i + 1:end]
            head = ""
            if inner and inner[0].startswith("<summary>") and inner[0].endswith("</summary>") and tag == "details":
                head, inner = f"\n{inner[0]}", inner[1:]
            shown = _attributes(attrs)
            parts = self.blocks(inner)
            return [f"<{tag}{shown}>{head}\n", *self._spread(parts), f"\n</{tag}>"], end + 1
        if (line.count(f"<{tag}") != line.count(f"</{tag}>") or not line.endswith(f"</{tag}>")
                or (i + 1 < len(lines) and lines[i + 1])):
            raise NotOurs("raw HTML over several lines")
        return line + "\n", i + 1

    # the page ------------------------------------------------------------------------------
    @staticmethod
    def _spread(parts: list) -> list:
        out = []
        for k, part in enumerate(parts):
            if k:
                out.append("\n")
            out.extend(part if isinstance(part, list) else [part])
        return out

    def join(self, parts: list) -> str:
        return "".join(self.render(p) for p in self._spread(parts))

    def render(self, part) -> str:
        if isinstance(part, Heading):
            ident = _attribute(part.id)
            return (f'<h{part.level} id="{ident}">{part.inner}<a class="headerlink" href="#{ident}" '
                    f'title="{_attribute(self.permalink_title)}">&para;</a></h{part.level}>')
        return part

    def convert(self, markdown: str) -> PageHtml:
        if "\t" in markdown or "\r" in markdown or "\x02" in markdown or "\x03" in markdown:
            raise NotOurs("tabs, carriage returns or Python-Markdown's placeholders")
        lines = [x if x.strip() else "" for x in markdown.split("\n")]
        parts = self.blocks(lines)
        used = self.ids | {h.id for h in self.headings if h.id is not None}
        counters: dict = {}
        for h in self.headings:
            if h.id is None:
                h.id = unique(self.slugify(html_lib.unescape(h.name), "-"), used, counters)
        page = self.join(parts)
        if page.endswith("\n"):
            page = page[:-1]
        tokens = nest_toc_tokens([{"level": h.level, "id": h.id, "name": h.name, "html": h.inner,
                                   "data-toc-label": ""} for h in self.headings])
        first = parts[0] if parts else None
        title = None
        if isinstance(first, Heading) and first.level == 1:
            title = " ".join(re.sub(r"<[^>]*>", "", first.inner).split())
        anchors = {html_lib.unescape(a) for a in ID_ATTRIBUTE.findall(page)}
        return PageHtml(page, tokens, title, anchors)


# what Python-Markdown does with what this module accepts; any other extension could change it
KNOWN_EXTENSIONS = {"tables", "fenced_code", "attr_list", "md_in_html", "admonition", "toc", "pymdownx.details",
                    "pymdownx.highlight", "pymdownx.superfences", "atlas.site.lean_markdown"}


class FastPages:
    """MkDocs' Markdown settings as this module needs them, read once from a converter made with
    them; ``convert`` gives ``None`` for a page left to Python-Markdown."""

    def __init__(self, extensions: list, configs: dict):
        from markdown import Markdown
        from markdown.extensions.toc import slugify

        md = Markdown(extensions=extensions, extension_configs=configs)
        toc = configs.get("toc", {})
        names = {e if isinstance(e, str) else type(e).__module__ for e in extensions}
        self.usable = (names <= KNOWN_EXTENSIONS and "toc" in names and set(toc) <= {"permalink", "slugify"}
                       and toc.get("permalink") is True)
        self.escaped, self.block_tags = list(md.ESCAPED_CHARS), set(md.block_level_elements)
        self.slugify = toc.get("slugify", slugify)

    def convert(self, markdown: str, path_to_url) -> PageHtml | None:
        if not self.usable:
            return None
        try:
            return PageConverter(CellConverter(self.escaped, path_to_url), self.block_tags, self.slugify).convert(markdown)
        except NotOurs:
            return None
