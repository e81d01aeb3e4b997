"""Read a file named by the data only if it is a regular file inside the folder it must be in,
and not too large; say why not in one message that names the file and never echoes its content.

Data comes from pull requests that CI builds, so a path (or a symbolic link) must not reach a
file outside the project (``/proc/self/environ``, ``/etc/passwd``), and a directory, a FIFO, a
device such as ``/dev/zero``, a dangling link or a link loop must not hang or crash a build.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..model.errors import Diagnostic, Loc

DATA_FILE_LIMIT = 10 * 1024 * 1024  # a data file (YAML) of more than 10 MB is not a plan
# except the shared lists (indicators, agencies, ...): one for a whole province, every city and
# county with its indicators, is about 11 MB (scripts/bench.py at K = 100); a list is one file
REGISTRY_FILE_LIMIT = 64 * 1024 * 1024
SOURCE_TEXT_LIMIT = 10 * 1024 * 1024  # nor a source text


def read_inside(path: Path, root: Path, display: str, limit: int,
                too_big: str | None = None) -> tuple[bytes | None, Diagnostic | None]:
    """The bytes of ``path`` if it is a regular file inside ``root`` (after following links) of
    at most ``limit`` bytes; otherwise ``None`` and the problem (``too_big``: the hint when it is
    larger, if not to split it)."""
    too_big = too_big or "split it, or check that it is the right file"
    def problem(message: str, hint: str) -> tuple[None, Diagnostic]:
        return None, Diagnostic(Loc(display), "", message, hint)

    try:
        real = path.resolve(strict=True)
    except FileNotFoundError:
        return problem("the file does not exist (or is a link to nothing)", "restore it, or remove the link")
    except (RuntimeError, OSError):
        return problem("the file cannot be reached (a loop of links?)", "replace the link by the file itself")
    try:
        real.relative_to(root.resolve())
    except ValueError:
        return problem(f"the file is outside {root.name}/ (it is a link to a file elsewhere)",
                       f"put the file itself in {root.name}/; data may only name files inside it")
    try:
        info = os.stat(real)
    except OSError as exc:
        return problem(f"the file cannot be read ({exc.strerror})", "check that it exists and can be read")
    if not stat.S_ISREG(info.st_mode):
        return problem("this is not a regular file (a folder, device or pipe)", "replace it by a text file")
    if info.st_size > limit:
        return problem(f"the file is {info.st_size / 1048576:.1f} MB, more than {limit // 1048576} MB", too_big)
    try:
        with open(real, "rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        return problem(f"the file cannot be read ({exc.strerror})", "check its permissions")
    if len(raw) > limit:  # it grew while we looked
        return problem(f"the file is more than {limit // 1048576} MB", too_big)
    return raw, None
