#!/usr/bin/env python3
"""Write the data as JSON and CSV tables (plans, tasks, targets, observations, agencies,
sectors, indicators). CSV is UTF-8 with BOM so that Excel shows Chinese.

Usage: python scripts/export.py --out DIR [--data DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from atlas.model.errors import AtlasError
from atlas.outputs.export import files
from atlas.build.pipeline import build_model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write into (created)")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="data folder (default: data/)")
    args = parser.parse_args(argv)
    try:
        model, _ = build_model(args.data)
    except AtlasError as exc:
        print(exc, file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    written = files(model)
    for name, content in written.items():
        (args.out / name).parent.mkdir(parents=True, exist_ok=True)
        (args.out / name).write_bytes(content)
    print(f"wrote {len(written)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
