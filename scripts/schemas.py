#!/usr/bin/env python3
"""Write the JSON Schema of every data file kind into data/schema/, from the record definitions
that validate the data, for editors (yaml-language-server) to complete keys and explain each field
as you type. The files are generated, not committed: both setup commands run this script.

Usage: python scripts/schemas.py [--check] [--quiet]   (--check: exit 1 if the files are stale)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from atlas.outputs.export import schemas

OUT = ROOT / "data" / "schema"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether the files are up to date")
    parser.add_argument("--quiet", action="store_true", help="say nothing when all is well")
    args = parser.parse_args(argv)
    stale = []
    for name, content in schemas().items():
        path = OUT / name
        if not path.exists() or path.read_bytes() != content:
            stale.append(path.relative_to(ROOT).as_posix())
            if not args.check:
                OUT.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
    if args.check:
        if stale:
            print("stale (run python scripts/schemas.py): " + ", ".join(stale), file=sys.stderr)
            return 1
        if not args.quiet:
            print("schemas up to date")
    elif not args.quiet:
        print(f"wrote {len(stale)} schema file(s) to {OUT.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
