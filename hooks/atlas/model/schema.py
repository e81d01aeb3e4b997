"""The data files: which file holds which record kind, and every record kind in the order the
field reference lists them. The records themselves are defined once, in ``records.py``."""

from __future__ import annotations

from dataclasses import dataclass

from .records import Agency, Indicator, Plan, Region, Sector, Unit
from .specs import RECORDS, ListOf, Record, Spec, record_of

PLAN = Plan.SPEC


@dataclass(frozen=True)
class RegistryKind:
    """A registry file: a YAML list of records of one kind."""

    kind: str  # the name references use, e.g. "agency"
    file: str  # relative to the data folder
    spec: Spec
    field: str  # the Dataset attribute


REGISTRIES = (
    RegistryKind("region", "regions.yaml", Region.SPEC, "regions"),
    RegistryKind("agency", "agencies.yaml", Agency.SPEC, "agencies"),
    RegistryKind("sector", "sectors.yaml", Sector.SPEC, "sectors"),
    RegistryKind("unit", "units.yaml", Unit.SPEC, "units"),
    RegistryKind("indicator", "indicators.yaml", Indicator.SPEC, "indicators"),
)
PLANS_DIR = "plans"
SOURCES_DIR = "sources"


def registry_file(kind: str) -> str:
    """The data file holding records of ``kind`` (``agency`` → ``agencies.yaml``)."""
    return next(reg.file for reg in REGISTRIES if reg.kind == kind)


def record_specs() -> list[tuple[str, Record]]:
    """Every record kind, registries first, then the plan and what nests in it (for the guide)."""
    out: list[tuple[str, Record]] = []

    def visit(spec) -> None:
        record = record_of(spec.item if isinstance(spec, ListOf) else spec)
        if record is not None and all(record is not r for _, r in out):
            out.append((record.name, record))
            for f in record.fields.values():
                visit(f.spec)

    for reg in REGISTRIES:
        visit(reg.spec)
    visit(PLAN)
    assert len(out) == len(RECORDS), "a record kind is defined but not reachable from a data file"
    return out
