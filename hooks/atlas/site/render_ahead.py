"""Pages rendered by a forked copy of the build, on the second core, while the build goes on.

mkdocs-static-i18n builds the languages one after the other, in one process, and our templates
render each language's pages from the data (about a second per language for the real site) at
the start of that language's build. When a core is free (not in a part of ``scripts/build.py``,
where every core already builds), the session forks a copy of itself once the data is loaded and
the default language's build begins. The copy renders, in order, its share of each language's
pages, the default language first. Each result is left in a file of its own as soon as it is done,
and the copy exits. Meanwhile this process renders its share of the default language, takes the
copy's, and builds; each other language's build renders what is left of its pages and takes the
copy's share.

The two share a language's pages as they go (``Shares``): each takes the next few pages left, so
both finish together, though the copy renders more slowly than this process (its first touch of
each part of the data copies it) and the machine may give either less time.

The copy does CPU work only (our templates; no MkDocs, no logging, no files but its results) and
leaves with ``os._exit``. If it fails, or a page is missing from its result, the page is rendered
here as before, so a broken template still stops the build with its one message.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import shutil
import signal
import tempfile
import time
from typing import Callable

_WAIT = 0.002  # seconds between looks for a result that is not there yet


class Shares:
    """A list cut into runs of ``size`` items, handed out one run at a time to whichever process
    asks next (this one and its forked copy: the count of runs handed out is in shared memory)."""

    def __init__(self, items: list, size: int = 8):
        self.runs = [items[i:i + size] for i in range(0, len(items), size)]
        self.next = multiprocessing.get_context("fork").Value("l", 0)  # with its own lock

    def __iter__(self):
        while True:
            with self.next.get_lock():
                index = self.next.value
                self.next.value = index + 1
            if index >= len(self.runs):
                return
            yield from self.runs[index]


class RenderAhead:
    """A forked copy running ``jobs`` (``{name: function returning {src: markdown}}``) in order;
    ``take(name)`` returns a job's result as soon as it is done."""

    def __init__(self, jobs: dict[str, Callable[[], dict]]):
        self.folder = tempfile.mkdtemp(prefix="atlas-ahead-")
        self.waiting = set(jobs)
        self.pid = os.fork()
        if self.pid == 0:  # the copy
            code = 1
            try:
                for name, job in jobs.items():
                    result, path = job(), self._path(name)
                    with open(path + ".part", "wb") as out:
                        pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
                    os.replace(path + ".part", path)  # whole, or not there
                code = 0
            finally:
                os._exit(code)

    @staticmethod
    def possible() -> bool:
        return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and os.environ.get("ATLAS_RENDER_AHEAD") != "0"

    def _path(self, name: str) -> str:
        return os.path.join(self.folder, name)

    def take(self, name: str) -> dict:
        """Job ``name``'s pages as the copy rendered them (waits for them); empty if the copy
        failed before, or there is no such job."""
        if name not in self.waiting:
            return {}
        self.waiting.discard(name)
        path = self._path(name)
        while not os.path.exists(path) and self._running():
            time.sleep(_WAIT)
        try:
            with open(path, "rb") as result:
                pages = pickle.load(result)
        except (OSError, pickle.UnpicklingError, EOFError):
            pages = {}
        if not self.waiting:
            self.cancel()  # all taken: the copy has ended or is ending
        return pages

    def _running(self) -> bool:
        if not self.pid:
            return False
        done, _ = os.waitpid(self.pid, os.WNOHANG)
        if done:
            self.pid = 0
        return not done

    def cancel(self) -> None:
        """The build ended before it needed the pages (or took them all): stop the copy, remove
        its files."""
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self.pid = 0
        self.waiting = set()
        shutil.rmtree(self.folder, ignore_errors=True)
