"""The data as flat tables — plans, tasks, targets, observations, agencies, sectors, indicators —
and their JSON and CSV forms (CSV in UTF-8 with BOM, so that Excel shows Chinese).

Every record carries its ``id``; task, target and observation records carry their ``plan``.
Targets and observations carry ``base_value``: the value in the unit's base unit, so that
figures printed in different units compare.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
from typing import Any

from ..model.records import Agency, Indicator, Observation, Plan, Sector, Target, Task, Text
from ..build.progress import progress
from ..build.resolve import Model
from ..model.schema import PLAN, REGISTRIES
from ..model.specs import ListOf, Nested, Record, TextSpec, json_schema_document, record_of
from ..build.urls import page_src, page_url

TABLES = ("plans", "tasks", "targets", "observations", "agencies", "sectors", "indicators")


def _text(prefix: str, text) -> dict:
    """A bilingual text in two columns; a source title or publisher ``not printed`` in both."""
    if isinstance(text, Text) or text is None:
        return {f"{prefix}_zh": text.zh if text else None, f"{prefix}_en": text.en if text else None}
    return {f"{prefix}_zh": text, f"{prefix}_en": text}


def _plain(spec) -> bool:
    return not isinstance(spec, (TextSpec, ListOf, Nested, Record))


def _cell_value(value):
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def columns_of(spec: Record, prefix: str = "", skip: tuple = ("id",)):
    """``(field name, field, column, how)`` for each field of ``spec`` that gives columns, in
    order; ``how`` says which: ``nested`` (a record whose own columns are prefixed with
    ``column``), ``text`` (``<column>_zh`` and ``<column>_en``), ``texts`` (the same, lists),
    ``relations`` (``type:target`` items) or ``value``. The one walk behind ``record_columns``
    and the data dictionary (``outputs.columns``)."""
    for name, f in spec.fields.items():
        if not f.export or (name in skip and not prefix):
            continue
        column = f.column or (f"{prefix}_{name}" if prefix else name)
        item = f.spec.item if isinstance(f.spec, ListOf) else None
        if record_of(f.spec) is not None:
            how = "nested"
        elif isinstance(f.spec, TextSpec):
            how = "text"
        elif isinstance(item, TextSpec):
            how = "texts"
        elif item is not None and record_of(item) is not None:
            if not all(_plain(g.spec) for g in record_of(item).fields.values()):
                continue  # lists of other records (a task's targets) are tables of their own
            how = "relations"
        else:
            how = "value"
        yield name, f, column, how


def record_columns(record, spec: Record, prefix: str = "", skip: tuple = ("id",)) -> dict:
    """A record's columns, derived from its definition (``model/records.py``): a bilingual text
    gives ``<name>_zh`` and ``<name>_en``; a nested record (dates, period, source) gives its own
    columns, prefixed with the field's name unless the definition names the column; a list of
    simple records (relations) gives ``type:target`` items; lists of other records (a task's
    targets) are tables of their own; fields marked ``export=False`` only shape a page."""
    out: dict = {}
    for name, f, column, how in columns_of(spec, prefix, skip):
        value = getattr(record, name) if record is not None else None
        if how == "nested":
            out.update(record_columns(value, record_of(f.spec), column, skip=()))
        elif how == "text":
            out.update(_text(column, value))
        elif how == "texts":
            out[f"{column}_zh"] = [t.zh for t in value or ()]
            out[f"{column}_en"] = [t.en for t in value or ()]
        elif how == "relations":
            fields = record_of(f.spec.item).fields
            out[column] = [":".join(str(getattr(v, k)) for k in fields) for v in value or ()]
        else:
            out[column] = _cell_value(value)
    return out


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


def task_row(m: Model, ref) -> dict:
    return {"id": ref.task.id, "plan": ref.plan.id, "section": ref.sections[-1].id,
            **record_columns(ref.task, Task.SPEC), "url": _url("plan", ref.plan.id, ref.task.id)}


def target_row(m: Model, tref) -> dict:
    return {"id": tref.target.id, "plan": tref.plan.id, "task": tref.task.task.id,
            **record_columns(tref.target, Target.SPEC),
            "base_value": _base(m, tref.target.value, tref.target.unit), "base_unit": m.units[tref.target.unit].base,
            **_status(m, tref), "url": _url("plan", tref.plan.id, tref.target.id)}


def observation_row(m: Model, oref) -> dict:
    obs = oref.observation
    return {"id": obs.id, "plan": oref.plan.id, **record_columns(obs, Observation.SPEC),
            "base_value": _base(m, obs.value, obs.unit) if obs.value is not None else None,
            "base_unit": m.units[obs.unit].base if obs.unit else None,
            "url": _url("plan", oref.plan.id, obs.id)}


def plan_row(m: Model, p) -> dict:
    return {"id": p.id, **record_columns(p, Plan.SPEC),
            "tasks": len(m.tasks_in_plan.get(p.id, [])), "targets": len(m.targets_in_plan.get(p.id, [])),
            "observations": len(m.observations_in_plan.get(p.id, [])), "url": _url("plan", p.id)}


def agency_row(m: Model, a) -> dict:
    return {"id": a.id, **record_columns(a, Agency.SPEC),
            "leads": len(m.tasks_led_by.get(a.id, [])), "participates": len(m.tasks_joined_by.get(a.id, [])),
            "url": _url("agency", a.id)}


def sector_row(m: Model, s) -> dict:
    return {"id": s.id, **record_columns(s, Sector.SPEC), "url": _url("sector", s.id)}


def indicator_row(m: Model, i) -> dict:
    return {"id": i.id, **record_columns(i, Indicator.SPEC), "base_unit": m.units[i.unit].base,
            "url": _url("indicator", i.id)}


# table name -> (its records in data order, one row)
ROWS = {
    "plans": (lambda m: m.plans.values(), plan_row),
    "tasks": (lambda m: m.tasks, task_row),
    "targets": (lambda m: m.targets, target_row),
    "observations": (lambda m: m.observations, observation_row),
    "agencies": (lambda m: m.agencies.values(), agency_row),
    "sectors": (lambda m: m.sectors.values(), sector_row),
    "indicators": (lambda m: m.indicators.values(), indicator_row),
}


def tables(m: Model) -> dict[str, list[dict]]:
    """Every table as a list of records with JSON-friendly values, in data order: each row is the
    record's id, where it sits (plan, task), its defined fields, then what the site works out."""
    return {name: [row(m, r) for r in records(m)] for name, (records, row) in ROWS.items()}


def first_rows(m: Model) -> dict[str, dict]:
    """The first row of each table that has one (its columns, for the data dictionary)."""
    out = {}
    for name, (records, row) in ROWS.items():
        first = next(iter(records(m)), None)
        if first is not None:
            out[name] = row(m, first)
    return out


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
    """``{file name: content}`` for every table as JSON and CSV, each table's JSON Schema
    (``schema/<table>.schema.json``), and the data files' schemas (``schema/data/``)."""
    from .columns import table_schema
    out: dict[str, bytes] = {}
    for name, rows in tables(m).items():
        out[f"{name}.json"] = to_json(rows).encode("utf-8")
        out[f"{name}.csv"] = to_csv(rows)
        if rows:
            out[f"schema/{name}.schema.json"] = (json.dumps(table_schema(name, rows[0]), ensure_ascii=False,
                                                            indent=1) + "\n").encode("utf-8")
    for name, content in schemas().items():
        out[f"schema/data/{name}"] = content
    return out
