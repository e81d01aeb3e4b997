"""The data model's shape: one spec per record kind, and the registry of data files.

``data/README.md`` documents the same fields for people; keep the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from .records import (Agency, Correction, Dates, Indicator, Note, Observation, Period, Plan, Region,
                      Relation, Section, Sector, Source, Target, Task, Unit)
from .specs import (F, Bool, DateSpec, Enum, ListOf, Number, PeriodSpec, PrintedText, Record, Ref, RegexSpec,
                    FileName, Slug, Spec, Str, TargetRefSpec, TargetValue, TextSpec, Url, YearSpec, DateOrYear)

LANG = Enum("zh", "en")
COMPARATORS = (">=", ">", "<=", "<", "=", "~", "range")
BASES = ("by_year", "annual", "cumulative", "recurring")
AGENCY_KINDS = ("government", "government_office", "commission", "bureau", "office",
                "party_department", "leading_group", "management_committee", "regulator",
                "bank_branch", "association", "state_company", "media_group", "collective")
PLAN_KINDS = ("plan", "work_report", "news", "statistical_communique", "implementation_report")
RELIABILITY = ("official", "aggregator", "mirror", "unknown")
RELATION_TYPES = ("supersedes", "revises", "implements", "reports_on", "cites")
TITLE_MAX = 300

REGION = Record(Region, {
    "id": F(Slug(), True),
    "name": F(TextSpec(TITLE_MAX), True),
    "level": F(Enum("province", "city", "district", "county"), True),
    "parent": F(Ref("region")),
    "code": F(Str(6, numbers_ok=True), True),
    "id_prefix": F(Slug()),
}, "region")

AGENCY = Record(Agency, {
    "id": F(Slug(), True),
    "name": F(TextSpec(TITLE_MAX), True),
    "short": F(TextSpec(TITLE_MAX)),
    "aliases": F(ListOf(Str(TITLE_MAX), unique=True)),
    "search_terms": F(ListOf(Str(TITLE_MAX), unique=True)),
    "region": F(Ref("region"), True),
    "parent": F(Ref("agency")),
    "kind": F(Enum(*AGENCY_KINDS), True),
    "note": F(TextSpec()),
}, "agency")

SECTOR = Record(Sector, {
    "id": F(Slug(), True),
    "name": F(TextSpec(TITLE_MAX), True),
    "description": F(TextSpec(), True),
    "parent": F(Ref("sector")),
    "industry_codes": F(ListOf(Enum(*"ABCDEFGHIJKLMNOPQRST"), unique=True)),
}, "sector")

UNIT = Record(Unit, {
    "id": F(Slug(), True),
    "name": F(TextSpec(TITLE_MAX), True),
    "base": F(Ref("unit"), True),
    "factor": F(Number(positive=True), True),
    "scale": F(Bool()),
}, "unit")

INDICATOR = Record(Indicator, {
    "id": F(Slug(), True),
    "name": F(TextSpec(TITLE_MAX), True),
    "unit": F(Ref("unit"), True),
    "region": F(Ref("region"), True),
    "sectors": F(ListOf(Ref("sector"), unique=True)),
    "description": F(TextSpec()),
    "measure": F(Slug()),
}, "indicator")

TARGET = Record(Target, {
    "id": F(Slug(), True),
    "indicator": F(Ref("indicator"), True),
    "comparator": F(Enum(*COMPARATORS), True),
    "value": F(TargetValue(), True),
    "unit": F(Ref("unit"), True),
    "year": F(YearSpec(), True),
    "basis": F(Enum(*BASES), True),
    "text": F(TextSpec(), True),
    "quote": F(Str(), True),
    "replaced_by": F(TargetRefSpec()),
}, "target")

def _one_kind_of_value(values: dict, path: tuple, ck) -> object:
    """A reported figure is a number with its unit, or a milestone (``achieved``), not both."""
    if ("value" in values) == ("achieved" in values):
        return ck.error(path, "an observation needs exactly one of 'value' (a number) and 'achieved' (a milestone)",
                        "write value: and unit: for a figure, achieved: true for a milestone reached")
    if ("value" in values) != ("unit" in values):
        return ck.error(path, "'unit' goes with 'value' (a number), and only with it",
                        "a milestone (achieved:) has no unit; a number needs one")
    if "date" in values and "achieved" not in values:
        return ck.error(path + ("date",), "'date' is the day a milestone was reached",
                        "use it with achieved: true; a number's time is its period")
    return None


OBSERVATION = Record(Observation, {
    "id": F(Slug(), True),
    "indicator": F(Ref("indicator"), True),
    "period": F(PeriodSpec(), True),
    "value": F(Number()),
    "unit": F(Ref("unit")),
    "achieved": F(Bool()),
    "date": F(DateOrYear()),
    "items": F(ListOf(TextSpec(TITLE_MAX))),
    "text": F(TextSpec()),
    "quote": F(Str(), True),
    "estimated": F(Bool()),
    "preliminary": F(Bool()),
    "comparator": F(Enum(">=", ">", "<=", "<", "=", "~")),
}, "observation", extra=_one_kind_of_value)

TASK = Record(Task, {
    "id": F(Slug(), True),
    "number": F(Str(20, numbers_ok=True)),
    "title": F(TextSpec(TITLE_MAX), True),
    "summary": F(TextSpec(), True),
    "sectors": F(ListOf(Ref("sector"), unique=True)),
    "lead": F(ListOf(Ref("agency"), unique=True)),
    "participants": F(ListOf(Ref("agency"), unique=True)),
    "keywords": F(ListOf(Str(100), unique=True)),
    "quote": F(Str()),
    "targets": F(ListOf(TARGET)),
}, "task")


class SectionSpec(Record):
    """Sections nest: a section may hold sections."""

    def __init__(self):
        super().__init__(Section, {}, "section")
        self.fields = {
            "id": F(Slug(), True),
            "number": F(Str(20, numbers_ok=True)),
            "title": F(TextSpec(TITLE_MAX), True),
            "summary": F(TextSpec()),
            "tasks": F(ListOf(TASK)),
            "sections": F(ListOf(self)),
        }


NOTE = Record(Note, {
    "id": F(Slug(), True),
    "text": F(TextSpec(), True),
    "about": F(ListOf(Slug(), unique=True)),
}, "editor's note")

PLAN = Record(Plan, {
    "id": F(Slug(), True),
    "kind": F(Enum(*PLAN_KINDS), True),
    "region": F(Ref("region"), True),
    "issuer": F(Ref("agency")),
    "title": F(TextSpec(TITLE_MAX), True),
    "short": F(TextSpec(60)),
    "doc_number": F(Str(100)),
    "dates": F(Record(Dates, {"signed": F(DateSpec()), "printed": F(DateSpec()),
                              "published": F(DateSpec())}, "dates")),
    "period": F(Record(Period, {"start": F(YearSpec(), True), "end": F(YearSpec(), True)},
                       "period"), True),
    "original_language": F(LANG, True),
    "prevailing_language": F(LANG),
    "translated": F(ListOf(LANG, unique=True), True),
    "source": F(Record(Source, {
        "file": F(FileName(), True), "title": F(PrintedText(TITLE_MAX), True),
        "publisher": F(PrintedText(TITLE_MAX), True), "url": F(Url()), "retrieved": F(DateSpec()),
        "reliability": F(Enum(*RELIABILITY), True), "split": F(Enum("lines", "spaces")),
        "begin": F(Str(200)), "end": F(Str(200)), "drop": F(ListOf(Str())),
        "corrections": F(ListOf(Record(Correction, {
            "find": F(RegexSpec(), True), "replace": F(Str(200), True), "note": F(Slug(), True),
        }, "correction"))),
    }, "source"), True),
    "relations": F(ListOf(Record(Relation, {
        "type": F(Enum(*RELATION_TYPES), True), "target": F(Str(100), True),
    }, "relation"))),
    "notes": F(ListOf(NOTE)),
    "sections": F(ListOf(SectionSpec()), True),
    "observations": F(ListOf(OBSERVATION)),
}, "plan")


@dataclass(frozen=True)
class RegistryKind:
    """A registry file: a YAML list of records of one kind."""

    kind: str  # the name references use, e.g. "agency"
    file: str  # relative to the data folder
    spec: Spec
    field: str  # the Dataset attribute


REGISTRIES = (
    RegistryKind("region", "regions.yaml", REGION, "regions"),
    RegistryKind("agency", "agencies.yaml", AGENCY, "agencies"),
    RegistryKind("sector", "sectors.yaml", SECTOR, "sectors"),
    RegistryKind("unit", "units.yaml", UNIT, "units"),
    RegistryKind("indicator", "indicators.yaml", INDICATOR, "indicators"),
)
PLANS_DIR = "plans"


def registry_file(kind: str) -> str:
    """The data file holding records of ``kind`` (``agency`` → ``agencies.yaml``)."""
    return next(reg.file for reg in REGISTRIES if reg.kind == kind)
SOURCES_DIR = "sources"


def record_specs() -> list[tuple[str, Record]]:
    """Every record kind, registries first, then the plan and what nests in it (for the guide)."""
    out: list[tuple[str, Record]] = []

    def visit(spec) -> None:
        if isinstance(spec, ListOf):
            visit(spec.item)
        elif isinstance(spec, Record) and all(spec is not r for _, r in out):
            out.append((spec.name, spec))
            for f in spec.fields.values():
                visit(f.spec)

    for reg in REGISTRIES:
        visit(reg.spec)
    visit(PLAN)
    return out
