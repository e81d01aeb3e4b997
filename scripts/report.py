#!/usr/bin/env python3
"""Per document: counts of sections, tasks, targets, observations and agencies; then every text
field still missing a language (the translation report). With --changes REV: a release note
of what changed in the data since a git revision, by document with counts, then regions,
agencies, sectors, units, indicators, source texts and comparison pages (Markdown, or JSON with
--format json).

Usage: python scripts/report.py [--data DIR] [--changes REV [--format markdown|json]]
(exit 1 if the data has errors)
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from atlas.model.errors import AtlasError
from atlas.outputs.changes import release_note, to_markdown
from atlas.build.pipeline import build_model
from atlas.outputs.report import format_counts, missing_translations, plan_counts
from atlas.load.validate import check_data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="data folder (default: data/)")
    parser.add_argument("--changes", metavar="REV", help="a release note of what changed since this git revision")
    parser.add_argument("--format", choices=["markdown", "json"], default="markdown",
                        help="of the release note (default: markdown)")
    args = parser.parse_args(argv)
    if args.changes:
        return changes(args.data, args.changes, args.format)
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


def changes(data_dir: Path, rev: str, fmt: str = "markdown") -> int:
    """Compare the data in the working tree with the data at ``rev``."""
    data_dir = data_dir.resolve()
    top = subprocess.run(["git", "-C", str(data_dir), "rev-parse", "--show-toplevel"],
                         capture_output=True, text=True)
    if top.returncode != 0:
        print(f"{data_dir} is not in a git repository", file=sys.stderr)
        return 1
    rel = data_dir.relative_to(Path(top.stdout.strip()).resolve()).as_posix()
    archive = subprocess.run(["git", "-C", top.stdout.strip(), "archive", "--format=tar", rev, rel],
                             capture_output=True)
    if archive.returncode != 0:
        print(archive.stderr.decode(errors="replace").strip() or f"unknown revision {rev}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(tmp, filter="data")
        old, _ = check_data(Path(tmp) / rel)
        new, diagnostics = check_data(data_dir)
        if any(d.severity == "error" for d in diagnostics):
            print("The current data has errors; run python scripts/validate.py first.", file=sys.stderr)
            return 1
        note = release_note(old, new, Path(tmp) / rel / "sources", data_dir / "sources")
    if fmt == "json":
        print(json.dumps({"since": rev, **note}, ensure_ascii=False, indent=2))
    else:
        print(to_markdown(note, rev), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
