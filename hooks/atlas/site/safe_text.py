"""Text from the data is text: the one function that turns a data string into Markdown showing
exactly that string, and the Jinja ``finalize`` that applies it to everything a template prints.

Outside contributors propose data in pull requests, so no string from the data may become
markup, an HTML attribute, a link, a heading, an admonition or a code block. ``text`` escapes
for HTML and for Markdown at once:

- ``& < > "`` become entities (no tag, no attribute, no breaking out of a quoted title or attribute);
- the Markdown inline markers ``\\ ` * _ [ ] { }`` are backslash-escaped (no emphasis, code span,
  link, reference definition or ``{: attribute list}``), ``|`` becomes ``&#124;`` (no table cell);
- line breaks become ``<br><br>`` between paragraphs and a space inside one, so nothing in the
  text starts a line of its own (no ``# heading``, ``!!! admonition``, ``> quote``, list, fence,
  indented code or setext underline), and a marker that could open a block at the very start of
  the string is escaped too.

What our own code writes (helpers' output, interface labels) is ``Markup``: ``finalize`` passes
it through and escapes everything else, so a template cannot forget to escape.
"""

from __future__ import annotations

import functools
import html
import re

from markupsafe import Markup

_INLINE = re.compile(r"([\\`*_\[\]{}])")
_PARAGRAPHS = re.compile(r"[ \t]*\n[ \t]*\n\s*")
_LINES = re.compile(r"\s*\n\s*")
# a block marker at the start of the string: "# ", "> ", "- ", "+ ", "= ", "~~~", ": ", "!!!", "???", "1. ", "1) "
_OPENER = re.compile(r"^([#+\-=~:!?])|^(\d+)([.)])")
_ENTITY = {"=": "&#61;", "~": "&#126;", ":": "&#58;", "?": "&#63;", "#": "\\#", "+": "\\+", "-": "\\-",
           "!": "\\!"}


def inline(value) -> Markup:
    """``value`` escaped for HTML and Markdown inline markup, on one line (paragraphs kept as
    ``<br><br>``). What ``finalize`` applies to every value a template prints."""
    return _inline(str(value))


# names, labels and figures recur on many pages: each string is escaped once (the functions are
# pure, and Markup, like str, cannot change)
@functools.lru_cache(maxsize=1 << 16)
def _inline(value: str) -> Markup:
    s = html.escape(value, quote=False).replace('"', "&quot;")  # attributes are double-quoted
    s = _INLINE.sub(r"\\\1", s).replace("|", "&#124;")
    return Markup(_LINES.sub(" ", _PARAGRAPHS.sub("<br><br>", s)))


def text(value) -> Markup:
    """A data string as Markdown that shows exactly its characters: ``inline``, and a block
    marker at its start escaped, since the string may stand at the start of a line."""
    return _guard_start(str(inline(str(value).strip())))


def _guard_start(s: str) -> Markup:
    m = _OPENER.match(s)
    if m and m.group(1):
        s = _ENTITY[m.group(1)] + s[1:]
    elif m:
        s = m.group(2) + ("\\." if m.group(3) == "." else "&#41;") + s[m.end():]
    return Markup(s)


# Language of parts (WCAG 3.1.2): inside text of the page's language, a run in the other script is
# marked with ``lang``: Chinese characters on an English page, an English phrase (two words of two
# letters or more; a lone name, an acronym such as GDP or codes such as "F, I" are not marked) on a Chinese page.
_HAN = "\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_CJK_RUN = re.compile(f"[{_HAN}]+(?:[0-9 ]*[{_HAN}]+)*")
_WORD = "[A-Za-z][A-Za-z0-9'’-]*"
_LATIN_PHRASE = re.compile(f"(?<![A-Za-z0-9'’-]){_WORD}(?:[ \\t]*[,.;:!?]?[ \\t]+(?:{_WORD}|[0-9][0-9,.%]*(?![A-Za-z])))+")
_LONG_WORD = re.compile("[A-Za-z][A-Za-z0-9'’-]+")  # two letters or more: not a code such as "F, I"


def other_script_runs(value: str, page_lang: str) -> list[tuple[int, int]]:
    """Where ``value`` (text of a ``page_lang`` page) switches to the other language's script."""
    if page_lang == "zh":
        return [m.span() for m in _LATIN_PHRASE.finditer(value) if len(_LONG_WORD.findall(m.group())) >= 2]
    return [m.span() for m in _CJK_RUN.finditer(value)]


def text_in(value, page_lang: str) -> Markup:
    """``text`` for a string shown on a ``page_lang`` page, its runs in the other language's
    script marked with ``lang`` (so that a screen reader switches voice, and the CJK font does not
    set an English apostrophe full width)."""
    return _text_in(str(value).strip(), page_lang)


@functools.lru_cache(maxsize=1 << 16)
def _text_in(s: str, page_lang: str) -> Markup:
    runs = other_script_runs(s, page_lang)
    if not runs:
        return text(s)
    other = "en" if page_lang == "zh" else "zh"
    out, pos = [], 0
    for start, end in runs:
        out.append(str(inline(s[pos:start])))
        out.append(f'<span lang="{other}">{inline(s[start:end])}</span>')
        pos = end
    out.append(str(inline(s[pos:])))
    return _guard_start("".join(out))


def attribute(value) -> Markup:
    """Text for a quoted attribute or Markdown link title: HTML-escaped, on one line."""
    return Markup(_LINES.sub(" ", html.escape(str(value).strip(), quote=True)))


def link_title(value) -> Markup:
    """Text for a Markdown link's title. Material's tooltips (``content.tooltips``) copy a link's
    title into the page as HTML, so it is escaped twice: the attribute then holds ``&lt;`` and the
    tooltip shows ``<`` as a character."""
    return Markup(attribute(html.escape(str(value), quote=False)))


def finalize(value):
    """Jinja's ``finalize``: our Markdown (``Markup``) as it is, anything else as text."""
    if isinstance(value, Markup):
        return value
    return inline("" if value is None else value)
