"""What "today" is for the data checks: the machine's date, or ``ATLAS_TODAY`` when set.

One setting for the validator, the scripts and the build, so that a test (or a maintainer
reproducing yesterday's CI run) can pin the date: ``ATLAS_TODAY=2026-11-21 mkdocs build``.
"""

from __future__ import annotations

import datetime as _dt
import os

from ..model.errors import AtlasError, Diagnostic, Loc

ENV = "ATLAS_TODAY"


def today() -> _dt.date:
    """``ATLAS_TODAY`` (YYYY-MM-DD) if set, else the machine's date; a bad value is one clear error."""
    raw = os.environ.get(ENV, "").strip()
    if not raw:
        return _dt.date.today()
    try:
        return _dt.date.fromisoformat(raw)
    except ValueError:
        raise AtlasError([Diagnostic(Loc(f"environment variable {ENV}"), "",
                                     f"'{raw}' is not a date",
                                     "write it as YYYY-MM-DD, or unset it to use today's date")]) from None
