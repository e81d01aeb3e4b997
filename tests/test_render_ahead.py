"""Issue 14: the other languages' pages are rendered by a forked copy of the build while it
builds the default language (``atlas.site.render_ahead``); any failure there and the pages are
rendered in the build itself, as before."""

from __future__ import annotations

import os

from atlas.site.render_ahead import RenderAhead


def test_the_copy_renders_the_other_languages_in_another_process():
    ahead = RenderAhead(lambda lang: {"a.md": f"{lang} by {os.getpid()}", "b.md": "<b>x</b>"}, ["en", "fr"])
    en, fr = ahead.take("en"), ahead.take("fr")
    assert en["b.md"] == "<b>x</b>" and fr["a.md"].startswith("fr by ")
    assert en["a.md"] != f"en by {os.getpid()}"  # rendered by the copy, not here
    assert ahead.take("de") == {} and not os.path.exists(ahead.path)  # its file is gone


def test_a_copy_that_fails_leaves_the_pages_to_the_build():
    def broken(lang):
        raise RuntimeError("a template error")
    ahead = RenderAhead(broken, ["en"])
    assert ahead.take("en") == {} and not os.path.exists(ahead.path)


def test_a_build_that_ends_first_stops_the_copy():
    ahead = RenderAhead(lambda lang: __import__("time").sleep(60) or {}, ["en"])
    pid = ahead.pid
    ahead.cancel()
    assert not os.path.exists(ahead.path)
    try:
        os.kill(pid, 0)
        alive = True
    except ProcessLookupError:
        alive = False
    assert not alive
