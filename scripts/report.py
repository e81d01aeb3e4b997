#!/usr/bin/env python3
"""Per document: counts of sections, tasks, targets, observations and agencies; then every text
field still missing a language (the translation report).

Usage: python scripts/report.py [--data DIR]   (exit 1 if the data has errors)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from atlas.errors import AtlasError  # noqa: E402
from atlas.pipeline import build_model  # noqa: E402
from atlas.report import format_counts, missing_translations, plan_counts  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="data folder (default: data/)")
    args = parser.parse_args(argv)
    try:
        model, warnings = build_model(args.data)
    except AtlasError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(format_counts(plan_counts(model)))
    missing = missing_translations(warnings)
    print()
    if missing:
        print(f"Translations missing ({len(missing)}):")
        for d in missing:
            print(f"  {d}")
    else:
        print("Translations missing: none.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
