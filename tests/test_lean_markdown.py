"""Issue 14: generated pages are converted with fewer inline Markdown patterns (the ones our
templates never write: ``atlas.site.lean_markdown``). The site must be the same as with all of
Markdown, page for page, in both languages; hand-written pages keep every pattern."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import MINI, ROOT
from atlas.site.lean_markdown import UNUSED_INLINE


def build(out, **env_extra):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", ATLAS_DATA_DIR=str(MINI), **env_extra)
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.html")}


def test_generated_pages_are_the_same_built_with_fewer_markdown_patterns(tmp_path):
    """Also the pages converted without Python-Markdown (``fast_page``): nearly all generated
    pages are, and each comes out as Python-Markdown writes it."""
    from test_fast_page import FAST
    lean = build(tmp_path / "lean", ATLAS_TIMINGS=str(tmp_path / "timings.json"), ATLAS_DUMP_MARKDOWN=str(tmp_path / "md"))
    # English rendered in place too, and Material's navigation drawn for every page (partial_cache)
    full = build(tmp_path / "full", ATLAS_FULL_MARKDOWN="1", ATLAS_RENDER_AHEAD="0", ATLAS_NAV_CACHE="0")
    assert sorted(lean) == sorted(full) and len(lean) > 40
    assert [page for page in lean if lean[page] != full[page]] == []
    assert "autolink" in UNUSED_INLINE and "link" not in UNUSED_INLINE
    assert json.loads((tmp_path / "timings.json").read_text())["page html"] > 0  # the build used it
    generated = {p.relative_to(tmp_path / "md").as_posix(): p.read_text(encoding="utf-8")
                 for p in (tmp_path / "md").rglob("*.md")}
    left = {src.replace(".en.md", ".md") for src, text in generated.items() if FAST.convert(text, str) is None}
    assert len(generated) > 40 and left <= LEFT_TO_PYTHON_MARKDOWN, left


# single pages with Markdown fast_page does not write (emphasis, code, a form): Python-Markdown's
LEFT_TO_PYTHON_MARKDOWN = {"index.md", "downloads.md", "changes.md", "indicators/index.md", "maintainers/fields.md"}


def test_hand_written_pages_keep_every_markdown_pattern():
    import markdown
    from atlas.site import lean_markdown
    for generated, expected in ((False, True), (True, False)):
        lean_markdown.for_page(generated)
        md = markdown.Markdown(extensions=["atlas.site.lean_markdown"])
        html = md.convert("<https://example.org/> and ![x](y.png)")
        assert ('href="https://example.org/"' in html) is expected
        assert ("<img" in html) is expected
    lean_markdown.for_page(False)


def test_link_lookups_are_answered_once_per_path():
    """``session.remember_lookups``: MkDocs asks the file list for every link of every page; each
    path is looked up once (a missing page, None, too) and answered the same afterwards."""
    from atlas.site.session import remember_lookups
    asked = []

    class Files:
        def get_file_from_path(self, path):
            asked.append(path)
            return {"plans/a.md": "A"}.get(path)
    files = Files()
    remember_lookups(files)
    answers = [files.get_file_from_path(p) for p in ("plans/a.md", "nope.md", "plans/a.md", "nope.md")]
    assert answers == ["A", None, "A", None] and asked == ["plans/a.md", "nope.md"]


# -- tables written as HTML by atlas.site.fast_tables -------------------------------------------
TRICKY_TABLES = """\
| | |
|---|---|
| plain | 2524\\.25亿元 &amp; &#x27; & < > "q" (x) ! |
| [a](../a.md "T &#x27;s <b>") | [b](b.md#x){ .atlas-status .atlas-status--met }<small class="r">rule</small> |
| [嘉兴市]() | esc \\| pipe, \\\\ back, \\q other, \\[ \\* \\_ \\{ |
| <span lang="en">x</span> and <span id="o-1"></span>[c](c.md) | [d](d.md){ .k } after |

| a | b |
|---|---|
| *em* | [d](d.md){ .k } after } brace |

| a | b |
|---|---|
| `code` | x |

| a | b |
|---|---|
| {: .x } | [no link](<y.md>) |
"""


def _convert(text: str, generated: bool) -> tuple[str, int]:
    """``text`` converted as a generated (tables by us) or a hand-written page, with a stand-in
    for MkDocs' link rewriting (``relpath``) on both ways; and how many tables we wrote."""
    import markdown
    from atlas.site import lean_markdown
    from test_fast_page import Links as RelPath

    lean_markdown.for_page(generated)
    try:
        md = markdown.Markdown(extensions=["tables", "attr_list", "md_in_html", "atlas.site.lean_markdown"])
        md.treeprocessors.register(RelPath(md), "relpath", 0)
        html = md.convert(text)
    finally:
        lean_markdown.for_page(False)
    return html, sum(1 for block in md.htmlStash.rawHtmlBlocks if str(block).startswith("<table>"))


def test_tables_written_by_us_equal_python_markdowns():
    """Every table either comes out byte for byte as Python-Markdown writes it, or is left to it
    (emphasis, code, an attribute list in a cell, an angle-bracket link)."""
    ours, written = _convert(TRICKY_TABLES, generated=True)
    theirs, none = _convert(TRICKY_TABLES, generated=False)
    assert none == 0 and written == 1  # the first table; the three others go back
    assert ours == theirs
    assert 'href="../a/" title="T &#x27;s &lt;b&gt;"' in ours
    assert '<a class="atlas-status atlas-status--met" href="b/#x">b</a><small class="r">rule</small>' in ours


def test_a_brace_after_an_attribute_list_goes_back_to_python_markdown():
    """attr_list reads an inline attribute list up to the last brace of what follows the link;
    such a cell is not reproduced here."""
    from atlas.site.fast_tables import CellConverter, NotOurs

    cells = CellConverter(["\\", "|"], lambda url: url)
    assert cells.inline("[d](d.md){ .k } after") == '<a class="k" href="d.md">d</a> after'
    for cell in ("[d](d.md){ .k } after } brace", "[d](d.md){ #id }", "x_y", "[a][b]"):
        try:
            cells.inline(cell)
        except NotOurs:
            continue
        raise AssertionError(f"{cell!r} was converted")


def test_a_preview_writes_a_download_after_the_pages_and_only_when_its_content_changed(tmp_path):
    """``session.made_on_write``: a build writes every download; a preview (``later`` set) leaves
    it to ``LaterDownloads``, whose thread writes it after the pages, and only when what it would
    write differs from what it wrote last."""
    from atlas.site.later_downloads import LaterDownloads
    from atlas.site.session import made_on_write

    class File:
        def __init__(self, src_uri):
            self.src_uri, self.abs_dest_path = src_uri, str(tmp_path / "site" / src_uri)
    made = made_on_write(File)
    content = {"value": "a,b\n1,2\n"}
    build = made("downloads/x.csv")
    build.make = lambda: content["value"]
    assert build.is_modified() and build.is_modified()  # a build: always, without making it
    later = LaterDownloads()
    target = tmp_path / "site" / "downloads" / "x.csv"
    first = made("downloads/x.csv")
    first.make, first.later = (lambda: content["value"]), later
    assert first.is_modified() and first._content == "a,b\n1,2\n"  # the preview's first build writes it
    later.start()  # its pages are written: from now on, the thread writes what changed
    assert later.thread is None and later.primed

    def rebuild() -> int:
        """One preview rebuild: MkDocs is told the file is unchanged; the thread writes it."""
        file = made("downloads/x.csv")
        file.make, file.later = (lambda: content["value"]), later
        assert not file.is_modified() and not target.with_name("x.csv.part").exists()
        pending = list(later.pending)
        later.start()
        later.settle()
        return later.write(pending)  # again, to count: 0 when the thread already wrote it
    assert rebuild() == 0 and target.read_text() == "a,b\n1,2\n"
    content["value"] = "a,b\n1,3\n"
    assert rebuild() == 0 and target.read_text() == "a,b\n1,3\n"
    written = target.stat().st_ino  # each write puts a new file in place
    rebuild()
    assert target.stat().st_ino == written  # the same content: not written again
    target.unlink()
    rebuild()
    assert target.read_text() == "a,b\n1,3\n"  # gone from the site: written again
