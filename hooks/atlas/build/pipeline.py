"""The pipeline in one call: read and check the data, resolve it, load the source texts.

Scripts, the MkDocs glue and tests all start here, so the stages always run the same way.
"""

from __future__ import annotations

import datetime
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

from .complete import resolve
from .resolve import Model
from ..model.schema import SOURCES_DIR
from ..load.releases import load_releases
from ..load.source_text import load_sources
from ..load.validate import load_dataset


def build_model(data_dir: Path, *, strict: bool = False,
                timings: dict | None = None) -> tuple[Model, list]:
    """The resolved model and the warnings; raises ``AtlasError`` when the data has errors.

    With ``timings``, the seconds spent in each stage are added to it (for the benchmark).
    """
    timings = {} if timings is None else timings
    with timed(timings, "load+validate"):
        dataset, warnings = load_dataset(data_dir, strict=strict)
    with timed(timings, "resolve"):
        model = resolve(dataset)
    with timed(timings, "sources"):
        model.sources = load_sources(dataset.plans, data_dir / SOURCES_DIR, dataset.indicators)
        model.releases = load_releases(data_dir)
    return model, warnings


def data_last_changed(data_dir: Path) -> str:
    """The date the data last changed (YYYY-MM-DD): its last commit in git, or else the newest
    file's modification date (a copy without history). Never the build's date."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "."], cwd=data_dir,
                             capture_output=True, text=True, timeout=20)
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    newest = max((p.stat().st_mtime for p in data_dir.rglob("*") if p.is_file()), default=0)
    return datetime.date.fromtimestamp(newest).isoformat()


@contextmanager
def timed(timings: dict, stage: str):
    """Add the seconds the block takes to ``timings[stage]``."""
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start
