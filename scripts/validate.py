#!/usr/bin/env python3
"""Check the data without building the site: every problem in one pass, file:line:col each.

Usage: python scripts/validate.py [--strict] [--data DIR]
Exit status 0 when clean (warnings allowed unless --strict), 1 when there are errors.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from atlas.model.errors import AtlasError, format_report
from atlas.load.validate import check_data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="treat warnings (missing translations) as errors")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="data folder (default: data/)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        dataset, diagnostics = check_data(args.data)
    except AtlasError as exc:  # a bad setting (ATLAS_TODAY), not bad data
        print(exc, file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    if diagnostics:
        print(format_report(diagnostics), file=sys.stderr)
    failed = any(d.severity == "error" or args.strict for d in diagnostics)
    if not failed:
        tasks = sum(1 for _ in _tasks(dataset))
        print(f"OK: {len(dataset.plans)} plans, {tasks} tasks, {len(dataset.agencies)} agencies, "
              f"{len(dataset.sectors)} sectors, {len(dataset.indicators)} indicators "
              f"checked in {elapsed:.2f} s")
    return 1 if failed else 0


def _tasks(dataset):
    from atlas.model.records import iter_sections
    for plan in dataset.plans:
        for section in iter_sections(plan.sections):
            yield from section.tasks


if __name__ == "__main__":
    sys.exit(main())
