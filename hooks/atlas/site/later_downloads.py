"""A preview writes each page's download files after the pages, on a thread, and only those whose
content changed since it last wrote them.

`mkdocs serve` holds every request until a rebuild is done, so whatever the rebuild does delays
the edited page. The 1,260 per-page CSV and JSON files of the real site take about 0.3 s to make,
though an edit rarely changes more than a few. So a preview's rebuild tells MkDocs they are
unchanged, and this writes them once the pages are served: a download follows its page by about
that much. A build (`mkdocs build`, `scripts/build.py`) writes every file in the build itself.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.atlas")


class LaterDownloads:
    """The files a rebuild left for later (``defer``), written by ``start``'s thread; ``settle``
    waits for it (the next rebuild, and the end of `serve`, do)."""

    def __init__(self) -> None:
        self.digests: dict[str, bytes] = {}  # path in the site -> digest of what was written there
        self.pending: list = []
        self.thread: threading.Thread | None = None
        # the preview's first build writes the files itself (nothing is served yet), and the
        # rebuild right after it need not wait for 1,260 files written in the background
        self.primed = False

    def remember(self, path: str, content) -> None:
        """The first build writes ``content`` to ``path``."""
        self.digests[path] = _digest(content)

    def defer(self, path: str, make) -> None:
        """``path``: where the file goes; ``make()``: its content (bytes or text)."""
        self.pending.append((path, make))

    def start(self) -> None:
        """The pages are written: the deferred files are written from now on, on a thread."""
        self.primed = True
        self.settle()
        pending, self.pending = self.pending, []
        if pending:
            self.thread = threading.Thread(target=self.write, args=(pending,), name="atlas-downloads", daemon=True)
            self.thread.start()

    def settle(self) -> None:
        if self.thread is not None:
            self.thread.join()
            self.thread = None

    def write(self, pending: list) -> int:
        """Writes the files whose content differs from what was last written; returns how many."""
        count = 0
        for path, make in pending:
            try:
                content = make()
                content = content if isinstance(content, bytes) else content.encode("utf-8")
                digest = _digest(content)
                if self.digests.get(path) == digest and os.path.exists(path):
                    continue
                target = Path(path)
                target.parent.mkdir(parents=True, exist_ok=True)
                part = target.with_name(target.name + ".part")
                part.write_bytes(content)
                os.replace(part, target)  # a reader never sees half a file
                self.digests[path] = digest
                count += 1
            except Exception as exc:  # a preview goes on; the next rebuild tries the file again
                self.digests.pop(path, None)
                log.warning(f"A download of the preview could not be written ({path}): {exc}")
        return count


def _digest(content) -> bytes:
    return hashlib.blake2b(content if isinstance(content, bytes) else content.encode("utf-8")).digest()
