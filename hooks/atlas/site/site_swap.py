"""One build at a time, and a site that is replaced whole or not at all.

A build writes ``<site>.partial/`` and moves it into place only when every language built.
Two builds started together (a maintainer's and an editor's, or two CI jobs sharing a folder)
would write the same ``.partial`` and swap each other's half sites, so the build takes a lock
first: a second build waits for the first (up to ``WAIT`` seconds) and then refuses with a
clear message. Every failure to prepare or swap is one ``SiteError`` naming the folder; a swap
that fails half-way puts the old site back.
"""

from __future__ import annotations

import errno
import fcntl
import shutil
import time
from pathlib import Path

WAIT = 600.0  # seconds a build waits for another build of the same site
MIN_FREE = 200 * 1024 * 1024  # bytes: less free space than this and the build would fail half-way


class SiteError(Exception):
    """The site cannot be built or swapped in; the message says why and what to do."""


class SiteBuild:
    """The folders of one build: ``final`` (the published site), ``partial`` (being written)."""

    def __init__(self, final: Path, wait: float = WAIT):
        self.final = final
        self.partial = final.with_name(final.name + ".partial")
        self.lock_path = final.with_name(f".{final.name}.lock")
        self.wait = wait
        self._lock = None

    def start(self) -> Path:
        """Take the lock and prepare an empty ``partial`` folder; return it."""
        parent = self.final.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
            self._lock = open(self.lock_path, "a")
        except OSError as exc:
            raise SiteError(f"cannot write in {parent}/ ({exc.strerror}); the site is built next to "
                            f"it. Choose a folder you can write to (mkdocs build -d DIR).") from None
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    self.release()
                    raise SiteError(f"another build of {self.final.name}/ has been running for more than "
                                    f"{self.wait:.0f} s; nothing was built. Wait for it to end, or "
                                    f"build into another folder (mkdocs build -d DIR).") from None
                time.sleep(0.2)
        if shutil.disk_usage(parent).free < MIN_FREE:
            self.release()
            raise SiteError(f"less than {MIN_FREE // 1048576} MB free on the disk of {parent}/; "
                            "nothing was built and the old site is unchanged. Free some space.")
        try:
            shutil.rmtree(self.partial, ignore_errors=True)
            self.partial.mkdir()
        except OSError as exc:
            self.release()
            raise SiteError(f"cannot create {self.partial.name}/ ({exc.strerror}); "
                            "the old site is unchanged.") from None
        return self.partial

    def swap(self) -> None:
        """Move ``partial`` into place; on any failure the old site stays (or is put back)."""
        old = self.final.with_name(self.final.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        moved_old = False
        try:
            if self.final.exists():
                self.final.rename(old)
                moved_old = True
            self.partial.rename(self.final)
        except OSError as exc:
            if moved_old and not self.final.exists():
                old.rename(self.final)  # put the old site back
            raise SiteError(f"cannot replace {self.final.name}/ ({exc.strerror}"
                            f"{': it may be read-only or immutable' if exc.errno in (errno.EPERM, errno.EACCES, errno.EROFS) else ''}); "
                            "the old site is unchanged and the new one is discarded.") from None
        shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        """A failed build: remove what it wrote; the old site stays."""
        shutil.rmtree(self.partial, ignore_errors=True)

    def release(self) -> None:
        if self._lock is not None:
            try:
                fcntl.flock(self._lock, fcntl.LOCK_UN)
            finally:
                self._lock.close()
                self._lock = None
