"""What changed between two versions of the data, as a release note: by document (with counts of
what was added, removed or modified in it), then the registries (regions, agencies, sectors,
units, indicators), the source texts, and the comparison pages that gained or lost a city.

For ``python scripts/report.py --changes REV`` (Markdown, or JSON with ``--format json``).
Which fields are compared is read from the record types themselves: every field but locations
and the nested records (sections, tasks, targets…), which are compared as records of their own.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from ..model.records import Dataset, Text
from ..model.records import iter_sections

KIND_ORDER = ("plan", "section", "task", "target", "observation", "note")
REGISTRIES = (("region", "regions"), ("agency", "agencies"), ("sector", "sectors"), ("unit", "units"),
              ("indicator", "indicators"))
PLURAL = {"plan": "documents", "section": "sections", "task": "tasks", "target": "targets",
          "observation": "figures", "note": "editor's notes", "region": "regions",
          "agency": "agencies", "sector": "sectors", "unit": "units", "indicator": "indicators"}


def _plan_records(plan) -> dict[tuple, object]:
    out: dict[tuple, object] = {("plan", plan.id): plan}
    for section in iter_sections(plan.sections):
        out[("section", section.id)] = section
        for task in section.tasks:
            out[("task", task.id)] = task
            for target in task.targets:
                out[("target", target.id)] = target
    for obs in plan.observations:
        out[("observation", obs.id)] = obs
    for note in plan.notes:
        out[("note", note.id)] = note
    return out


def _is_nested(value) -> bool:
    return isinstance(value, tuple) and bool(value) and dataclasses.is_dataclass(value[0]) \
        and hasattr(value[0], "id")


def _fields(record) -> list[str]:
    """The fields a record is compared on: all but its location and nested records."""
    return [f.name for f in dataclasses.fields(record)
            if f.name not in ("loc", "locs") and not _is_nested(getattr(record, f.name))]


def _show(value) -> str:
    if isinstance(value, Text):
        return value.zh or value.en or ""
    if dataclasses.is_dataclass(value):
        return ", ".join(f"{f.name}={_show(getattr(value, f.name))}" for f in dataclasses.fields(value)
                         if f.name not in ("loc", "locs") and getattr(value, f.name) not in (None, ()))
    if isinstance(value, tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    return str(value)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _name(record) -> str:
    for attr in ("title", "name", "text"):
        value = getattr(record, attr, None)
        if isinstance(value, Text):
            both = [v for v in (value.zh, value.en) if v]
            return _short(" / ".join(both), 80)
    return ""


def _compare(before: dict, after: dict) -> list[dict]:
    """``[{kind, id, change, name, fields}]``: added, removed, then modified, in kind order."""
    out = []
    for key in after.keys() - before.keys():
        out.append({"kind": key[0], "id": key[1], "change": "added", "name": _name(after[key])})
    for key in before.keys() - after.keys():
        out.append({"kind": key[0], "id": key[1], "change": "removed", "name": _name(before[key])})
    for key in before.keys() & after.keys():
        a, b = before[key], after[key]
        changed = []
        for field in _fields(b):
            x, y = getattr(a, field, None), getattr(b, field, None)
            if x == y:
                continue
            if isinstance(x, Text) or isinstance(y, Text) or field in ("summary", "quote", "text"):
                changed.append(field)
            else:
                changed.append(f"{field} {_short(_show(x), 40)} → {_short(_show(y), 40)}")
        if changed:
            out.append({"kind": key[0], "id": key[1], "change": "modified", "name": _name(b),
                        "fields": changed})
    rank = {"added": 0, "removed": 1, "modified": 2}
    kinds = {k: i for i, k in enumerate(KIND_ORDER + tuple(k for k, _ in REGISTRIES))}
    return sorted(out, key=lambda c: (rank[c["change"]], kinds[c["kind"]], c["id"]))


def _counts(changes: list[dict]) -> dict:
    """``{added: {tasks: 3, …}, removed: …, modified: …}`` without empty entries."""
    out: dict = {}
    for c in changes:
        bucket = out.setdefault(c["change"], {})
        bucket[PLURAL[c["kind"]]] = bucket.get(PLURAL[c["kind"]], 0) + 1
    return out


def _measures(ds: Dataset) -> dict[str, set]:
    regions = {}
    for ind in ds.indicators:
        if ind.measure:
            regions.setdefault(ind.measure, set()).add(ind.region)
    return regions


def _files(folder: Path | None) -> dict[str, str]:
    if folder is None or not folder.is_dir():
        return {}
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


def release_note(old: Dataset, new: Dataset, old_sources: Path | None = None,
                 new_sources: Path | None = None, old_unreadable: frozenset = frozenset()) -> dict:
    """Everything that changed, grouped for a release note (JSON-ready). ``old_unreadable``: ids
    of documents whose old file exists but no longer passes today's checks (written before a
    change of the data's format): they are "modified", their items not compared, and say so."""
    old_plans, new_plans = {p.id: p for p in old.plans}, {p.id: p for p in new.plans}
    documents = []
    for plan_id in sorted(old_plans.keys() | new_plans.keys() | (old_unreadable & new_plans.keys())):
        if plan_id in old_unreadable and plan_id not in old_plans and plan_id in new_plans:
            documents.append({"id": plan_id, "title": _name(new_plans[plan_id]), "change": "modified",
                              "counts": {}, "changes": [], "not_compared": True})
            continue
        before = _plan_records(old_plans[plan_id]) if plan_id in old_plans else {}
        after = _plan_records(new_plans[plan_id]) if plan_id in new_plans else {}
        changes = _compare(before, after)
        if not changes:
            continue
        plan = new_plans.get(plan_id) or old_plans[plan_id]
        change = "added" if plan_id not in old_plans else "removed" if plan_id not in new_plans else "modified"
        documents.append({"id": plan_id, "title": _name(plan), "change": change,
                          "counts": _counts([c for c in changes if c["kind"] != "plan"]), "changes": changes})
    registries = {}
    for kind, attr in REGISTRIES:
        changes = _compare({(kind, r.id): r for r in getattr(old, attr)},
                           {(kind, r.id): r for r in getattr(new, attr)})
        if changes:
            registries[PLURAL[kind]] = changes
    names = {r.id: _name(r) for r in list(old.regions) + list(new.regions)}
    comparisons = []
    before, after = _measures(old), _measures(new)
    for measure in sorted(before.keys() | after.keys()):
        gained, lost = after.get(measure, set()) - before.get(measure, set()), before.get(measure, set()) - after.get(measure, set())
        was, now = len(before.get(measure, ())) > 1, len(after.get(measure, ())) > 1
        if (gained or lost) and (was or now):
            comparisons.append({"measure": measure, "cities_added": sorted(names[r] for r in gained),
                                "cities_removed": sorted(names[r] for r in lost)})
    old_files, new_files = _files(old_sources), _files(new_sources)
    sources = [{"file": name, "change": "added" if name not in old_files else
                "removed" if name not in new_files else "modified"}
               for name in sorted(old_files.keys() | new_files.keys())
               if old_files.get(name) != new_files.get(name)]
    return {"documents": documents, "registries": registries, "sources": sources,
            "comparisons": comparisons}


def status_changes(old_model, new_model) -> list[dict]:
    """Targets in both versions whose status (``build.progress``) is not the same: a figure came,
    went or changed. ``[{plan, target, before, after}]``, in the new data's order."""
    before = {key: p.status for key, p in old_model.progress.items()}
    out = []
    for key, p in new_model.progress.items():
        if key in before and before[key] != p.status:
            plan, target = key.split("#", 1)
            out.append({"plan": plan, "target": target, "before": before[key], "after": p.status})
    return out


def _line(c: dict) -> str:
    text = f"{c['change']} {c['kind']} `{c['id']}`"
    if c.get("fields"):
        return text + ": " + "; ".join(c["fields"])
    return text + (f": {c['name']}" if c.get("name") else "")


def _count_text(counts: dict) -> str:
    return "; ".join(f"{change}: " + ", ".join(f"{n} {what}" for what, n in bucket.items())
                     for change, bucket in counts.items())


def to_markdown(note: dict, rev: str) -> str:
    """The release note as Markdown: a summary line, then one section per group."""
    docs, regs = note["documents"], note["registries"]
    by_change = {}
    for d in docs:
        by_change[d["change"]] = by_change.get(d["change"], 0) + 1
    summary = [f"{len(docs)} documents (" + ", ".join(f"{n} {c}" for c, n in by_change.items()) + ")"] if docs else []
    summary += [f"{len(v)} {k}" for k, v in regs.items()]
    summary += [f"{len(note['sources'])} source texts"] if note["sources"] else []
    summary += [f"{len(note['comparisons'])} comparisons"] if note["comparisons"] else []
    lines = [f"# Data changes since {rev}", "", (", ".join(summary) or "No changes") + "."]
    if docs:
        lines += ["", "## Documents"]
        for d in docs:
            lines += ["", f"### {d['title']} (`{d['id']}`): {d['change']}"]
            if d["counts"]:
                lines += ["", _count_text(d["counts"])]
            if d["change"] == "modified":  # an added or removed document is its counts, not every item
                lines += [""] + [f"- {_line(c)}" for c in d["changes"]]
    for group, changes in regs.items():
        lines += ["", f"## {group[0].upper() + group[1:]}", ""] + [f"- {_line(c)}" for c in changes]
    if note["sources"]:
        lines += ["", "## Source texts", ""] + [f"- {s['change']} `data/sources/{s['file']}`" for s in note["sources"]]
    if note["comparisons"]:
        lines += ["", "## Comparison pages", ""]
        for c in note["comparisons"]:
            parts = ([f"now also {', '.join(c['cities_added'])}"] if c["cities_added"] else []) + \
                    ([f"no longer {', '.join(c['cities_removed'])}"] if c["cities_removed"] else [])
            lines.append(f"- `{c['measure']}`: " + "; ".join(parts))
    return "\n".join(lines) + "\n"
