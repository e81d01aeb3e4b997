#!/usr/bin/env python3
"""Per document: counts of sections, tasks, targets, observations and agencies; then every text
field still missing a language (the translation report). With --changes REV: a release note
of what changed in the data since a git revision, by document with counts, then regions,
agencies, sectors, units, indicators, source texts and comparison pages (Markdown, or JSON with
--format json).

Usage: python scripts/report.py [--data DIR] [--changes REV [--to REV] [--format markdown|json]]
       python scripts/report.py --release VERSION --changes REV [--to REV] [--date YYYY-MM-DD]
(exit 1 if the data has errors). --release writes data/releases/VERSION.json, from which the
site's data-changes page and every page's "last changed" date are made.
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
from atlas.outputs.changes import release_note, status_changes, to_markdown
from atlas.build.complete import resolve
from atlas.build.pipeline import build_model
from atlas.outputs.report import format_counts, missing_translations, plan_counts
from atlas.load.validate import check_data
from atlas.load.clock import today
from atlas.load.releases import RELEASE_VERSION, RELEASES_DIR
from atlas.model.records import Dataset


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="data folder (default: data/)")
    parser.add_argument("--changes", metavar="REV", help="a release note of what changed since this git revision")
    parser.add_argument("--format", choices=["markdown", "json"], default="markdown",
                        help="of the release note (default: markdown)")
    parser.add_argument("--to", metavar="REV", help="compare with the data at this revision, not the working tree")
    parser.add_argument("--release", metavar="VERSION",
                        help="with --changes: write the note to data/releases/VERSION.json (e.g. 2026.12.02)")
    parser.add_argument("--date", default=None, help="the release's date (default: today)")
    args = parser.parse_args(argv)
    if args.release:
        if not args.changes or not RELEASE_VERSION.fullmatch(args.release):
            parser.error("--release VERSION (YYYY.MM.DD, or YYYY.MM.DD-N) needs --changes REV (the previous release's commit, or none)")
        return release(args.data, args.release, args.changes, args.to, args.date or today().isoformat())
    if args.changes:
        return 0 if changes(args.data, args.changes, args.format, args.to) is not None else 1
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


def data_at(data_dir: Path, rev: str, into: Path) -> Path | None:
    """The data folder as it was at git revision ``rev``, extracted under ``into`` (None, with a
    message, if it cannot be had). ``none``: no data at all (the first release)."""
    top = subprocess.run(["git", "-C", str(data_dir), "rev-parse", "--show-toplevel"],
                         capture_output=True, text=True)
    if top.returncode != 0:
        print(f"{data_dir} is not in a git repository", file=sys.stderr)
        return None
    rel = data_dir.relative_to(Path(top.stdout.strip()).resolve()).as_posix()
    if rev == "none":
        (into / rel).mkdir(parents=True, exist_ok=True)
        return into / rel
    archive = subprocess.run(["git", "-C", top.stdout.strip(), "archive", "--format=tar", rev, rel],
                             capture_output=True)
    if archive.returncode != 0:
        print(archive.stderr.decode(errors="replace").strip() or f"unknown revision {rev}", file=sys.stderr)
        return None
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into / rel


def changes(data_dir: Path, rev: str, fmt: str = "markdown", to: str | None = None) -> dict | None:
    """What changed in the data from ``rev`` to ``to`` (default: the working tree), printed
    (``fmt``) and returned as the release note; None if it could not be made."""
    data_dir = data_dir.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        old_dir = data_at(data_dir, rev, Path(tmp) / "old")
        new_dir = data_at(data_dir, to, Path(tmp) / "new") if to else data_dir
        if old_dir is None or new_dir is None:
            return None
        old, _ = check_data(old_dir) if (old_dir / "regions.yaml").exists() else (Dataset(), [])
        new, diagnostics = check_data(new_dir)
        if any(d.severity == "error" for d in diagnostics):
            print("The current data has errors; run python scripts/validate.py first.", file=sys.stderr)
            return None
        unreadable = frozenset(p.stem for p in (old_dir / "plans").glob("*.yaml")) - {p.id for p in old.plans}
        note = release_note(old, new, old_dir / "sources", new_dir / "sources", unreadable)
        note["statuses"] = status_changes(resolve(old), resolve(new))  # both judged as of today
    if fmt == "json":
        print(json.dumps({"since": rev, **note}, ensure_ascii=False, indent=2))
    elif fmt == "markdown":
        print(to_markdown(note, rev), end="")
    return note


def release(data_dir: Path, version: str, rev: str, to: str | None, date: str) -> int:
    """Write ``data/releases/<version>.json``: the release note of the data since ``rev`` (the
    previous release's commit), which the site's data-changes page and each page's
    "last changed" date are made from."""
    note = changes(data_dir, rev, "none", to)
    if note is None:
        return 1
    target = data_dir / RELEASES_DIR / f"{version}.json"
    target.parent.mkdir(exist_ok=True)
    record = {"version": version, "date": date, "since": rev, "to": to or "working tree", **note}
    target.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {target.relative_to(data_dir.parent)}: {len(note['documents'])} documents changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
