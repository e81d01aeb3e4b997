"""What changed between two versions of the data: records added, removed or modified, by id.

For a maintainer's release note (``python scripts/report.py --changes REV``).
"""

from __future__ import annotations

import dataclasses

from .records import Dataset, Text
from .validate import iter_sections

# the fields compared for each kind; the rest (locations, nested lists) are not "modifications"
FIELDS = {
    "plan": ("kind", "region", "issuer", "title", "doc_number", "dates", "period", "source"),
    "task": ("number", "title", "summary", "sectors", "lead", "participants", "keywords"),
    "target": ("indicator", "comparator", "value", "unit", "year", "basis", "text", "quote"),
    "observation": ("indicator", "period", "value", "unit", "estimated", "comparator", "quote"),
    "agency": ("name", "short", "aliases", "region", "parent", "kind"),
    "sector": ("name", "description", "parent", "industry_codes"),
    "indicator": ("name", "unit", "region", "sectors", "measure"),
}


def _records(ds: Dataset) -> dict[tuple, object]:
    out: dict[tuple, object] = {}
    for plan in ds.plans:
        out[("plan", plan.id)] = plan
        for section in iter_sections(plan.sections):
            for task in section.tasks:
                out[("task", f"{plan.id}#{task.id}")] = task
                for target in task.targets:
                    out[("target", f"{plan.id}#{target.id}")] = target
        for obs in plan.observations:
            out[("observation", f"{plan.id}#{obs.id}")] = obs
    for kind, attr in (("agency", "agencies"), ("sector", "sectors"), ("indicator", "indicators")):
        for record in getattr(ds, attr):
            out[(kind, record.id)] = record
    return out


def _show(value) -> str:
    if isinstance(value, Text):
        return value.en or value.zh or ""
    if dataclasses.is_dataclass(value):
        return ", ".join(f"{f.name}={_show(getattr(value, f.name))}" for f in dataclasses.fields(value)
                         if f.name not in ("loc", "locs") and getattr(value, f.name) not in (None, ()))
    if isinstance(value, tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    return str(value)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def diff(old: Dataset, new: Dataset) -> list[str]:
    """One line per change, grouped: added, removed, then modified; in a stable order."""
    before, after = _records(old), _records(new)
    lines = []
    for key in after.keys() - before.keys():
        record = after[key]
        name = getattr(record, "title", None) or getattr(record, "name", None) or getattr(record, "text", None)
        lines.append((0, key, f"added {key[0]} {key[1]}" + (f": {_short(_show(name))}" if name else "")))
    for key in before.keys() - after.keys():
        lines.append((1, key, f"removed {key[0]} {key[1]}"))
    for key in before.keys() & after.keys():
        a, b = before[key], after[key]
        changed = []
        for field in FIELDS[key[0]]:
            x, y = getattr(a, field, None), getattr(b, field, None)
            if x != y:
                if isinstance(x, Text) or isinstance(y, Text) or field in ("summary", "quote", "text"):
                    changed.append(field)
                else:
                    changed.append(f"{field} {_short(_show(x), 40)} → {_short(_show(y), 40)}")
        if changed:
            lines.append((2, key, f"modified {key[0]} {key[1]}: " + "; ".join(changed)))
    return [text for _, _, text in sorted(lines, key=lambda t: (t[0], t[1]))]
