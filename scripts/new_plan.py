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

from atlas.schema import PLAN_KINDS
from atlas.specs import SLUG_RE, FileName, did_you_mean
from atlas.yaml_source import read_yaml

TEMPLATE = """\
# yaml-language-server: $schema=../schema/plan.schema.json
# Plan: {title_zh} ({title_en}); source {source}.
# Field reference: data/README.md and the maintainer's guide on the site. Check with: python scripts/validate.py
id: {id}                      # must equal the file name; used in every URL: /plans/{id}/
kind: {kind}                  # plan, work_report, news, statistical_communique or implementation_report
region: {region}              # a region id from data/regions.yaml
# issuer: jx-gov-office       # the issuing agency's id (data/agencies.yaml); leave out if the source names none
title:
  zh: {title_zh}
  en: {title_en_q}
# short: {{zh: 简称, en: Short name}}  # optional short name for tables
# doc_number: 嘉政办发〔2016〕1号     # the document number (文号) exactly as printed
# dates:                      # each optional, YYYY-MM-DD
#   signed: 2016-04-12        # 签发 / the date on the notice
#   printed: 2016-04-18       # 印发
#   published: 2016-04-29     # when it appeared on the web
period: {{start: not stated, end: not stated}}  # years the plan covers, or "not stated"
original_language: {language}  # the language of the source text
translated: [{translated}]     # languages whose text WE translated (marked as ours on the page)
# prevailing_language: zh     # only when the source says which version prevails
source:
  file: {source}              # the text in data/sources/ (never edit it; corrections go in notes)
  title:                      # the source's title: as printed in its language, ours in the other (or: not printed)
    zh: {title_zh}
    en: {title_en_q}
  publisher: not printed      # {{zh: …, en: …}} as printed (ours in the other language), or: not printed
  reliability: official       # official, aggregator (a site reproducing the official text), mirror, unknown
  # url: https://…            # the address the text was copied from
  # split: spaces             # when the web copy runs everything into one line
  # begin: 各县(市、区)人民政府  # the first paragraph of the document (web debris before it is dropped)
  # end: 推动服务业加快发展。     # text in the last paragraph of the document
  # drop: ["浏览次数:"]         # paragraphs of web debris to leave out, exact text
  # corrections:              # fixes shown on the source page, each explained by a note below
  #   - {{find: 着名, replace: 著名, note: note-typo}}

# notes:                      # editor's notes on source defects; shown on the plan page
#   - id: note-typo
#     about: [t1-1]           # ids of the sections/tasks/targets concerned, or the plan id
#     text:
#       zh: 原文“着名”为繁简转换失误，已改为“著名”。
#       en: The source prints 着名, a conversion slip for 著名; corrected.

sections: []                  # replace [] with the document's sections, e.g.:
#   - id: s1                  # ids are page anchors: unique in this file, lowercase, digits, hyphens
#     number: 一              # as printed
#     title: {{zh: 工作重点, en: Key tasks}}
#     summary: {{zh: …, en: …}}   # optional: the section's own paragraph
#     tasks:
#       - id: t1-1
#         number: "1"
#         title: {{zh: 短标题, en: Short title}}
#         summary:
#           zh: 原文全文。      # the item's full text, verbatim in the original language
#           en: Our translation.
#         sectors: [logistics]          # ids from data/sectors.yaml
#         lead: [jx-drc]                # 牵头 agency ids
#         participants: [jx-finance]    # 参与 agency ids
#         keywords: [百项百亿]           # programme names worth finding by search
#         targets:
#           - id: t1-1-projects
#             indicator: jx-projects    # an id from data/indicators.yaml (add one if new)
#             comparator: ">="          # >=, >, <=, <, =, ~ (about), range
#             value: 127                # as printed; for a range [50, 100]
#             unit: project             # an id from data/units.yaml
#             year: 2020                # the deadline, or "not stated"
#             basis: by_year            # by_year, annual, cumulative, recurring
#             text: {{zh: 到2020年不少于127个。, en: At least 127 by 2020.}}
#             quote: 确保127个项目         # the exact source words

# observations:               # figures the source reports as reached
#   - id: o-2018-port-teu
#     indicator: jx-port-container-throughput
#     period: 2018            # 2018, 2019-H1, 2019-Q3, 2019-06, or a span 2018..2019
#     value: 1.72
#     unit: teu-million
#     quote: The TEUs handled by Jiaxing Port reached 1.72 million
#     # estimated: true       # when the source calls it an estimate
#     # comparator: ">"       # when reported as a bound ("over 300")
"""


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
    other = "en" if args.language == "zh" else "zh"
    target.write_text(TEMPLATE.format(
        id=args.id, kind=args.kind, region=args.region, title_zh=args.title_zh,
        title_en=args.title_en, title_en_q='"' + args.title_en.replace('"', "'") + '"',
        source=name, language=args.language, translated=other,),
        encoding="utf-8")
    print(f"wrote {target}; fill it in, then run: python scripts/validate.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
