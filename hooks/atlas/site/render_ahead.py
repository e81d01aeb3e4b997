"""The other languages' pages rendered by a forked copy of the build while it builds the first.

mkdocs-static-i18n builds the languages one after the other, in one process, and our templates
render each language's pages from the data (about a second per language for the real site) at
the start of that language's build. When a core is free (not in a part of ``scripts/build.py``,
where every core already builds), the session forks a copy of itself once the data is loaded and
the default language's build begins; the copy renders the other languages' pages, leaves them in
a file and exits, while this process builds the default language. The other languages' builds
then take their pages from that file.

The copy does CPU work only (our templates; no MkDocs, no logging, no files but its result) and
leaves with ``os._exit``. If it fails, or a page is missing from its result, the page is rendered
here as before, so a broken template still stops the build with its one message.
"""

from __future__ import annotations

import os
import pickle
import signal
import tempfile
from typing import Callable


class RenderAhead:
    """A forked copy rendering ``languages``' pages with ``render_all(lang) -> {src: markdown}``."""

    def __init__(self, render_all: Callable[[str], dict], languages: list[str]):
        fd, self.path = tempfile.mkstemp(prefix="atlas-ahead-", suffix=".pickle")
        os.close(fd)
        self.results: dict | None = None
        self.pid = os.fork()
        if self.pid == 0:  # the copy
            code = 1
            try:
                pages = {lang: render_all(lang) for lang in languages}
                with open(self.path, "wb") as out:
                    pickle.dump(pages, out, protocol=pickle.HIGHEST_PROTOCOL)
                code = 0
            finally:
                os._exit(code)

    @staticmethod
    def possible() -> bool:
        return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and os.environ.get("ATLAS_RENDER_AHEAD") != "0"

    def take(self, lang: str) -> dict:
        """``lang``'s pages as the copy rendered them (waits for it); empty if it failed."""
        if self.results is None:
            _, status = os.waitpid(self.pid, 0)
            self.pid = 0
            try:
                with open(self.path, "rb") as result:
                    self.results = pickle.load(result) if status == 0 else {}
            except (OSError, pickle.UnpicklingError, EOFError):
                self.results = {}
            self._remove()
        return self.results.pop(lang, {})

    def cancel(self) -> None:
        """The build ended before it needed the pages: stop the copy, remove its file."""
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self.pid = 0
        self._remove()

    def _remove(self) -> None:
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass
