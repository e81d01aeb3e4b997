"""Issue 14: generated pages are converted with fewer inline Markdown patterns (the ones our
templates never write: ``atlas.site.lean_markdown``). The site must be the same as with all of
Markdown, page for page, in both languages; hand-written pages keep every pattern."""

from __future__ import annotations

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
    lean = build(tmp_path / "lean")
    full = build(tmp_path / "full", ATLAS_FULL_MARKDOWN="1")
    assert sorted(lean) == sorted(full) and len(lean) > 40
    assert [page for page in lean if lean[page] != full[page]] == []
    assert "autolink" in UNUSED_INLINE and "link" not in UNUSED_INLINE


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
