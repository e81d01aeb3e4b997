#!/usr/bin/env python3
"""Start a new plan file: data/plans/<id>.yaml with every field, each explained by a comment.

Usage:
  python scripts/new_plan.py ID --region REGION --source TEXT_FILE \\
      --title-zh 标题 --title-en "Title" [--kind plan|work_report|news] [--language zh|en]

The source text is copied into data/sources/ (keeping its name, or as <id>.txt when its name
is not letters, digits and . _ -). The new file validates as it is;
fill in sections, tasks and targets following the comments, then run python scripts/validate.py.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from atlas.model.records import PLAN_KINDS
from atlas.model.specs import SLUG_RE, FileName, did_you_mean
from atlas.load.yaml_source import read_yaml
from atlas.outputs.scaffold import plan_scaffold

def _regions(data: Path) -> dict[str, dict]:
    """The regions the data defines, by id (read with the project's own checked loader)."""
    doc, _ = read_yaml(data / "regions.yaml", "data/regions.yaml", data)
    rows = doc.data if doc is not None and isinstance(doc.data, list) else []
    return {r["id"]: r for r in rows if isinstance(r, dict) and isinstance(r.get("id"), str)}


def _id_prefix(regions: dict[str, dict], region: str) -> str | None:
    """The region's ``id_prefix``, or its nearest ancestor's (a district uses its city's)."""
    seen = set()
    while region in regions and region not in seen:
        seen.add(region)
        if isinstance(regions[region].get("id_prefix"), str):
            return regions[region]["id_prefix"]
        region = regions[region].get("parent")
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("id")
    parser.add_argument("--region", required=True)
    parser.add_argument("--source", type=Path, required=True, help="the source text file")
    parser.add_argument("--title-zh", required=True)
    parser.add_argument("--title-en", required=True)
    parser.add_argument("--kind", default="plan", choices=list(PLAN_KINDS))
    parser.add_argument("--language", default="zh", choices=["zh", "en"], help="the source's language")
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    args = parser.parse_args(argv)
    if not SLUG_RE.match(args.id):
        parser.error(f"'{args.id}' is not a valid id: lowercase letters, digits and single hyphens")
    target = args.data / "plans" / f"{args.id}.yaml"
    if target.exists():
        parser.error(f"{target} already exists; nothing was written")
    if not args.source.is_file():
        parser.error(f"source file {args.source} not found")
    regions = _regions(args.data)
    if args.region not in regions:
        hint = did_you_mean(args.region, list(regions)) or f"add it to {args.data / 'regions.yaml'} first"
        parser.error(f"unknown region '{args.region}' ({hint}); the order is region -> agencies -> "
                     "indicators -> plan; nothing was written")
    prefix = _id_prefix(regions, args.region)
    if prefix and not args.id.startswith(prefix + "-"):
        parser.error(f"plan id '{args.id}' does not start with '{prefix}-', the id prefix of region "
                     f"'{args.region}' (e.g. {prefix}-2021-service-plan); nothing was written")
    sources = args.data / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    name = args.source.name  # kept when the data accepts it as a file name, else the plan's id
    if not FileName.PATTERN.match(name) or ".." in name:
        name = args.id + (args.source.suffix if FileName.PATTERN.match("x" + args.source.suffix) else ".txt")
        print(f"the source is copied as data/sources/{name} (a file name there is letters, digits, . _ -)")
    if not (sources / name).exists():
        shutil.copy(args.source, sources / name)
    given = {
        "id": args.id, "kind": args.kind, "region": args.region,
        "title": {"zh": args.title_zh, "en": args.title_en},
        "period": {"start": "not stated", "end": "not stated"},
        "original_language": args.language, "translated": ["en" if args.language == "zh" else "zh"],
        "source": {"file": name, "title": {"zh": args.title_zh, "en": args.title_en},
                   "publisher": "not printed", "reliability": "official"},
        "sections": [],
    }
    heading = f"Plan: {args.title_zh} ({args.title_en}); source {name}."
    target.write_text(plan_scaffold(given, heading), encoding="utf-8")
    print(f"wrote {target}; fill it in, then run: python scripts/validate.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
