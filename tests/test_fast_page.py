"""Issue 14, item 2: a generated page whose Markdown is all of the kinds our templates write is
converted by ``atlas.site.fast_page``, not by Python-Markdown. Each page below either comes out as
MkDocs' Python-Markdown conversion makes it (HTML, table of contents, title, ids for anchor
checks), or is left to Python-Markdown whole. The real site built both ways is compared page for
page in ``test_lean_markdown``."""

from __future__ import annotations

import markdown
import pytest
from markdown.treeprocessors import Treeprocessor
from mkdocs.config import load_config

from conftest import ROOT
from atlas.site import lean_markdown
from atlas.site.fast_page import FastPages

CONFIG = load_config(str(ROOT / "mkdocs.yml"))
FAST = FastPages(CONFIG["markdown_extensions"], CONFIG["mdx_configs"])

OURS = {
    "headings, slugs and ids": """\
# Title &amp; <span lang="en">x</span> 1\\. a

Para [x](y.md "T 's"){ .k .j } text & more < less
second line with \\[brackets\\] and \\| pipe
{: #p1 .atlas-para lang="en" }

## p1

## 嘉兴 市

### 嘉兴 市

## Given { #given }

#### Deep { #t2-1-1 }
""",
    "lists, admonitions and Markdown blocks": """\
# Lists

- a [one](a.md)
- b
    - c
        - d
    - e
- f

!!! info "Editor's note"

    First [para](b.md#x).

    Second.

<div class="atlas-names" data-pagefind-weight="10" id="names" markdown>

| | |
|---|---|
| [a](a.md) | b |

## Inside { #inside }

</div>

<details class="atlas-notes" markdown>
<summary>Notes (4)</summary>

- <span id="note-1"></span>one

</details>

<figure class="atlas-figure"><svg id="chart-title" viewBox="0 0 1 1"></svg></figure>

<code>data/plans/x.yaml</code> and text
{: .atlas-datafile }

<div class="atlas-search-filters" hidden><template data-pagefind-ignore><span>x</span></template></div>
""",
    "a page that does not start with its title": """\
Intro paragraph.

# Later title
""",
}

NOT_OURS = {
    "emphasis": "# T\n\nsome *emphasis* here\n",
    "inline code": "# T\n\nsome `code` here\n",
    "a loose list": "# T\n\n- a\n\n- b\n",
    "a setext heading": "Title\n=====\n",
    "a list nested by two steps": "- a\n        - b\n",
    "an indented code block": "# T\n\n    code\n",
    "pymdownx details": "??? note \"x\"\n\n    body\n",
    "a heading with another attribute": "## T { .cls }\n",
    "a block quote": "> quoted\n",
    "raw HTML over several lines": "<div>\none\n</div>\n",
    "an unknown tag first": "<label for=x>y</label>\n",
    "a tab": "# T\n\n\tx\n",
    "an ordered list": "1. one\n2. two\n",
    "a paragraph id given twice": "text\n{: #a id=\"b\" }\n",
    "an attribute list after a list": "- a\n{: .x }\n",
}


class Links(Treeprocessor):
    """Stands in for MkDocs' link rewriting, the same on both ways."""
    def path_to_url(self, url):
        return url.replace(".md", "/")

    def run(self, root):
        for el in root.iter("a"):
            el.set("href", self.path_to_url(el.get("href")))


def python_markdown(text: str):
    """``text`` as MkDocs converts a generated page: HTML, toc tokens, title, ids."""
    from mkdocs.structure import pages
    lean_markdown.for_page(True)
    try:
        md = markdown.Markdown(extensions=CONFIG["markdown_extensions"], extension_configs=CONFIG["mdx_configs"])
        raw, anchors, title = pages._RawHTMLPreprocessor(), pages._ExtractAnchorsTreeprocessor(None, None, None), pages._ExtractTitleTreeprocessor()
        for ext in (raw, anchors, title):
            ext._register(md)
        md.treeprocessors.register(Links(md), "relpath", 0)
        html = md.convert(text)
    finally:
        lean_markdown.for_page(False)
    return html, md.toc_tokens, title.title, anchors.present_anchor_ids | raw.present_anchor_ids


@pytest.mark.parametrize("name", sorted(OURS))
def test_our_markdown_comes_out_as_python_markdown_writes_it(name):
    html, toc, title, anchors = python_markdown(OURS[name])
    done = FAST.convert(OURS[name], Links().path_to_url)
    assert done is not None, "left to Python-Markdown"
    assert done.html == html
    assert done.toc == toc
    assert done.title == title
    assert done.anchors == anchors


def test_the_pages_above_test_what_they_say():
    html = FAST.convert(OURS["headings, slugs and ids"], Links().path_to_url).html
    assert '<h2 id="p1_1">' in html and '<h3 id="嘉兴-市_1">' in html  # unique slugs, paragraph ids taken
    assert '<p class="atlas-para" id="p1" lang="en">' in html
    assert 'href="y/" title="T \'s"' in html
    done = FAST.convert(OURS["lists, admonitions and Markdown blocks"], Links().path_to_url)
    assert {"names", "inside", "note-1", "chart-title"} <= done.anchors
    assert done.title == "Lists" and FAST.convert(OURS["a page that does not start with its title"], str).title is None


@pytest.mark.parametrize("name", sorted(NOT_OURS))
def test_other_markdown_is_left_to_python_markdown(name):
    assert FAST.convert(NOT_OURS[name], Links().path_to_url) is None


def test_settings_it_does_not_reproduce_turn_it_off():
    assert FAST.usable
    other = dict(CONFIG["mdx_configs"], toc={**CONFIG["mdx_configs"]["toc"], "permalink": "#"})
    assert FastPages(CONFIG["markdown_extensions"], other).convert("# T\n", str) is None
    assert FastPages([*CONFIG["markdown_extensions"], "footnotes"], CONFIG["mdx_configs"]).convert("# T\n", str) is None
