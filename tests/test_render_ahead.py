"""Issue 14: a forked copy of the build renders a share of the default language's pages and then
the other languages' pages, while the build renders the rest and goes on
(``atlas.site.render_ahead``); any failure there and the pages are rendered in the build itself,
as before."""

from __future__ import annotations

import os
import time

from atlas.site.render_ahead import RenderAhead, Shares


def test_the_copy_renders_its_jobs_in_another_process_each_taken_when_done():
    jobs = {"half": lambda: {"b.md": f"zh by {os.getpid()}"},
            "en": lambda: time.sleep(0.5) or {"a.md": f"en by {os.getpid()}", "b.md": "<b>x</b>"}}
    ahead = RenderAhead(jobs)
    start = time.perf_counter()
    half = ahead.take("half")
    assert time.perf_counter() - start < 0.4  # not held back by the slower job after it
    assert half["b.md"] != f"zh by {os.getpid()}" and half["b.md"].startswith("zh by ")  # the copy's
    en = ahead.take("en")
    assert en["b.md"] == "<b>x</b>" and en["a.md"].startswith("en by ")
    assert ahead.take("fr") == {} and not os.path.exists(ahead.folder)  # all taken: its files are gone


def test_a_copy_that_fails_leaves_the_pages_to_the_build():
    def broken():
        raise RuntimeError("a template error")
    ahead = RenderAhead({"half": lambda: {"a.md": "x"}, "en": broken, "fr": lambda: {"c.md": "y"}})
    assert ahead.take("half") == {"a.md": "x"}
    assert ahead.take("en") == {} and ahead.take("fr") == {}  # the copy stopped at the failure
    assert not os.path.exists(ahead.folder)


def test_a_build_that_ends_first_stops_the_copy():
    ahead = RenderAhead({"en": lambda: time.sleep(60) or {}})
    pid = ahead.pid
    ahead.cancel()
    assert not os.path.exists(ahead.folder)
    try:
        os.kill(pid, 0)
        alive = True
    except ProcessLookupError:
        alive = False
    assert not alive


def test_the_build_and_its_copy_share_the_pages_as_they_go():
    """``Shares``: each process takes the next run of pages left, so none is rendered twice or
    missed, and a process that is slowed down renders fewer."""
    pages = [f"p{i}.md" for i in range(200)]
    shares = Shares(pages, size=4)

    def slow():
        out = {}
        for page in shares:
            time.sleep(0.004)
            out[page] = os.getpid()
        return out
    ahead = RenderAhead({"share": slow})
    mine = {page: os.getpid() for page in shares if not time.sleep(0.001)}
    theirs = ahead.take("share")
    assert sorted([*mine, *theirs]) == sorted(pages) and not set(mine) & set(theirs)
    assert set(theirs.values()) != {os.getpid()}  # rendered in the copy
    assert 0 < len(theirs) < len(mine)  # the slower one took fewer
