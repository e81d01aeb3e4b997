"""The data as flat tables — plans, tasks, targets, observations, agencies, sectors, indicators —
and their JSON and CSV forms (CSV in UTF-8 with BOM, so that Excel shows Chinese).

Every record carries its ``id``; task, target and observation records carry their ``plan``.
Targets and observations carry ``base_value``: the value in the unit's base unit, so that
figures printed in different units compare.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .records import NOT_STATED, Text
from .progress import progress
from .resolve import Model
from .schema import PLAN, REGISTRIES
from .specs import ListOf, json_schema_document
from .urls import page_src, page_url

TABLES = ("plans", "tasks", "targets", "observations", "agencies", "sectors", "indicators")


def _text(prefix: str, text: Text | None) -> dict:
    return {f"{prefix}_zh": text.zh if text else None, f"{prefix}_en": text.en if text else None}


def _printed(prefix: str, value) -> dict:
    """A source title or publisher: both languages, or ``not printed`` in both columns."""
    if isinstance(value, Text):
        return _text(prefix, value)
    return {f"{prefix}_zh": value, f"{prefix}_en": value}


def _status(m: Model, ref) -> dict:
    """The target's status as the pages show it: status, the rule that decided it, the figure it
    rests on, and by trajectory the required and achieved growth per year."""
    result = progress(m, ref)
    path = result.trajectory
    return {"status": result.status, "status_rule": result.rule,
            "status_figure": result.figure.observation.id if result.figure else None,
            "status_figure_plan": result.figure.plan.id if result.figure else None,
            "required_growth": round(path.required, 6) if path else None,
            "achieved_growth": round(path.actual, 6) if path else None}


def _year(value) -> Any:
    return None if value == NOT_STATED else value


def _base(model: Model, value, unit_id: str) -> Any:
    factor = model.units[unit_id].factor
    if isinstance(value, tuple):
        return [_scaled(v, factor) for v in value]
    return _scaled(value, factor)


def _scaled(value, factor):
    result = value * factor
    return int(result) if float(result).is_integer() else round(result, 10)


def _url(kind: str, key, anchor: str | None = None) -> str:
    return page_url(page_src(kind, key)) + (f"#{anchor}" if anchor else "")


def tables(m: Model) -> dict[str, list[dict]]:
    """Every table as a list of records with JSON-friendly values, in data order."""
    plans = []
    for p in m.plans.values():
        plans.append({
            "id": p.id, "kind": p.kind, "region": p.region, "issuer": p.issuer,
            **_text("title", p.title), "doc_number": p.doc_number,
            "signed": p.dates.signed.isoformat() if p.dates.signed else None,
            "printed": p.dates.printed.isoformat() if p.dates.printed else None,
            "published": p.dates.published.isoformat() if p.dates.published else None,
            "period_start": _year(p.period.start), "period_end": _year(p.period.end),
            "original_language": p.original_language, "prevailing_language": p.prevailing_language,
            "translated": list(p.translated), "source": p.source.file,
            **_printed("source_title", p.source.title), **_printed("publisher", p.source.publisher),
            "source_url": p.source.url, "reliability": p.source.reliability,
            "relations": [f"{r.type}:{r.target}" for r in p.relations],
            "tasks": len(m.tasks_in_plan.get(p.id, [])),
            "targets": len(m.targets_in_plan.get(p.id, [])),
            "observations": len(m.observations_in_plan.get(p.id, [])),
            "url": _url("plan", p.id),
        })
    tasks = []
    for ref in m.tasks:
        t = ref.task
        tasks.append({
            "id": t.id, "plan": ref.plan.id, "section": ref.sections[-1].id, "number": t.number,
            **_text("title", t.title), **_text("summary", t.summary),
            "sectors": list(t.sectors), "lead": list(t.lead), "participants": list(t.participants),
            "keywords": list(t.keywords), "url": _url("plan", ref.plan.id, t.id),
        })
    targets = []
    for tref in m.targets:
        g = tref.target
        unit = m.units[g.unit]
        targets.append({
            "id": g.id, "plan": tref.plan.id, "task": tref.task.task.id, "indicator": g.indicator,
            "comparator": g.comparator, "value": list(g.value) if isinstance(g.value, tuple) else g.value,
            "unit": g.unit, "base_value": _base(m, g.value, g.unit), "base_unit": unit.base,
            "year": g.year, "basis": g.basis, **_text("text", g.text), "quote": g.quote,
            "replaced_by": g.replaced_by, **_status(m, tref),
            "url": _url("plan", tref.plan.id, g.id),
        })
    observations = []
    for oref in m.observations:
        o = oref.observation
        observations.append({
            "id": o.id, "plan": oref.plan.id, "indicator": o.indicator, "period": o.period,
            "value": o.value, "unit": o.unit,
            "base_value": _base(m, o.value, o.unit) if o.value is not None else None,
            "base_unit": m.units[o.unit].base if o.unit else None, "comparator": o.comparator,
            "achieved": o.achieved, "date": str(o.date) if o.date else None,
            "items": [i.en or i.zh for i in o.items],
            "estimated": o.estimated, "preliminary": o.preliminary,
            **_text("text", o.text), "quote": o.quote, "url": _url("plan", oref.plan.id, o.id),
        })
    agencies = [{
        "id": a.id, **_text("name", a.name), **_text("short", a.short), "aliases": list(a.aliases),
        "region": a.region, "parent": a.parent, "kind": a.kind,
        "leads": len(m.tasks_led_by.get(a.id, [])), "participates": len(m.tasks_joined_by.get(a.id, [])),
        "url": _url("agency", a.id),
    } for a in m.agencies.values()]
    sectors = [{
        "id": s.id, **_text("name", s.name), "parent": s.parent,
        "industry_codes": list(s.industry_codes), "url": _url("sector", s.id),
    } for s in m.sectors.values()]
    indicators = [{
        "id": i.id, **_text("name", i.name), "unit": i.unit, "base_unit": m.units[i.unit].base,
        "region": i.region, "sectors": list(i.sectors), "measure": i.measure,
        "url": _url("indicator", i.id),
    } for i in m.indicators.values()]
    return {"plans": plans, "tasks": tasks, "targets": targets, "observations": observations,
            "agencies": agencies, "sectors": sectors, "indicators": indicators}


def to_json(rows: list[dict]) -> str:
    """Strict JSON: a NaN or infinity (which validation refuses) would be an error, not ``NaN``."""
    return json.dumps(rows, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> Any:
    """A CSV cell. Numbers stay numbers; text that a spreadsheet would run as a formula
    (``=HYPERLINK(…)``, ``+…``, ``-…``, ``@SUM(…)``, or a leading tab or carriage return) gets a
    leading apostrophe, which Excel and LibreOffice show as text (OWASP's advice)."""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(rows: list[dict]) -> bytes:
    """CSV text with a BOM (Excel reads it as UTF-8); lists joined by '; '."""
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def schemas() -> dict[str, bytes]:
    """JSON Schema of every data file kind, generated from the specs that validate it."""
    out = {"plan.schema.json": PLAN}
    for reg in REGISTRIES:
        out[f"{reg.field}.schema.json"] = ListOf(reg.spec)
    return {name: (json.dumps(json_schema_document(spec, name.split(".")[0]), ensure_ascii=False,
                              indent=1) + "\n").encode("utf-8")
            for name, spec in out.items()}


def files(m: Model) -> dict[str, bytes]:
    """``{file name: content}`` for every table as JSON and CSV, and the data files' schemas."""
    out: dict[str, bytes] = {}
    for name, rows in tables(m).items():
        out[f"{name}.json"] = to_json(rows).encode("utf-8")
        out[f"{name}.csv"] = to_csv(rows)
    for name, content in schemas().items():
        out[f"schema/{name}"] = content
    return out
