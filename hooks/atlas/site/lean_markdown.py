"""Python-Markdown with fewer inline patterns for the pages we generate.

Python-Markdown tries every inline pattern on every run of text, and our pages are built of large
tables: that inline processing was the largest part of a build. The Markdown our templates write
uses links, code, emphasis, raw HTML, entities and escapes (data text is escaped, so it cannot
add anything else), never reference links, images, autolinks, e-mail links or two-space line
breaks; those patterns are left out while a generated page is converted, and its tables are
written as HTML by ``fast_tables`` (Python-Markdown gets them as raw HTML). Hand-written pages in
``docs/`` keep all of Markdown. The glue says which kind of page comes next
(``for_page``, from ``on_page_markdown``, just before MkDocs makes the page's Markdown
converter); a test builds the site both ways and compares every page.
"""

from __future__ import annotations

import os

from markdown import Markdown
from markdown.extensions import Extension

from . import fast_tables

# never written by our templates or helpers
UNUSED_INLINE = ("reference", "image_link", "image_reference", "short_reference", "short_image_ref",
                 "autolink", "automail", "linebreak")
_next_is_generated = [False]


def for_page(generated: bool) -> None:
    """The page MkDocs converts next is one we generated (or a hand-written one)."""
    _next_is_generated[0] = generated and os.environ.get("ATLAS_FULL_MARKDOWN") != "1"


class LeanForGenerated(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        if _next_is_generated[0]:
            for name in UNUSED_INLINE:
                if name in md.inlinePatterns:
                    md.inlinePatterns.deregister(name)
            fast_tables.register(md)


def makeExtension(**kwargs) -> LeanForGenerated:
    return LeanForGenerated(**kwargs)
