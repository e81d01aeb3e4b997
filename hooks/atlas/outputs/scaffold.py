"""A new plan file written from the record definitions: the values a maintainer gave, every other
field as a commented example line explaining it, and the nested records (sections, tasks,
targets, figures, notes) as a commented example to copy. ``scripts/new_plan.py`` writes it; a new
field in ``model/records.py`` appears here with its example and meaning, with no edit here."""

from __future__ import annotations

import re

import yaml

from ..model.records import Plan
from ..model.specs import F, ListOf, Record, record_of

WIDTH = 34  # the column where the explaining comments start


def _flow(value) -> str:
    """A value as one line of YAML (quoted where YAML needs it)."""
    if isinstance(value, (list, dict)) and not value:
        return "[]" if isinstance(value, list) else "{}"
    out = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10_000)
    return out.removesuffix("\n...\n").strip()


def _gloss(f: F, limit: int = 80) -> str:
    """A field's meaning for a comment: its first clause, without examples, on one short line."""
    text = re.sub(r"\s*\(e\.g\.[^)]*\)", "", (f.doc.en or "").replace("`", "")).split("; ")[0]
    if text.count("(") > text.count(")"):
        text += ")"
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(",:") + " …"
    return text


def _line(indent: str, key: str, value: str, f: F, commented: bool = True) -> str:
    """``key: value`` (or ``key:`` opening a nested block), commented out unless given, with the
    field's meaning as a comment in a column."""
    head = f"{indent}{'# ' if commented else ''}{key}:" + (f" {value}" if value else "")
    gloss = _gloss(f)
    return f"{head.ljust(WIDTH)}  # {gloss}" if gloss else head


def _example(record: Record, indent: str, inside: tuple = ()) -> list[str]:
    """A commented example of one record, as a list item: each field with an example, and its
    nested lists of records after it (a record inside itself, sections in sections, is named,
    not expanded again)."""
    inside = inside + (record.name,)
    lines: list[str] = []
    for key, f in record.fields.items():
        nested = record_of(f.spec.item) if isinstance(f.spec, ListOf) else None
        bullet = "  " if lines else "- "
        if nested is not None and nested.name in inside:
            lines.append(_line(indent, bullet + key, "[]", f))
        elif nested is not None:
            lines.append(_line(indent, bullet + key, "", f))
            lines += _example(nested, indent + "    ", inside)
        elif f.example is not None:
            lines.append(_line(indent, bullet + key, f.example, f))
    return lines


def _fields(record: Record, given: dict, indent: str) -> list[str]:
    """Every field of ``record``: the ``given`` values as they are, the others commented out."""
    lines: list[str] = []
    for key, f in record.fields.items():
        inner = record_of(f.spec)
        items = record_of(f.spec.item) if isinstance(f.spec, ListOf) else None
        if key in given and inner is not None and isinstance(given[key], dict):
            lines.append(_line(indent, key, "", f, commented=False))
            lines += _fields(inner, given[key], indent + "  ")
        elif key in given:
            lines.append(_line(indent, key, _flow(given[key]), f, commented=False))
            if items is not None:
                lines += _example(items, indent + "  ")
        elif items is not None:
            lines.append(_line(indent, key, "", f))
            lines += _example(items, indent + "  ")
        elif inner is not None:
            lines.append(_line(indent, key, "", f))
            lines += [_line(indent + "  ", k, g.example, g) for k, g in inner.fields.items() if g.example is not None]
        elif f.example is not None:
            lines.append(_line(indent, key, f.example, f))
    return lines


def plan_scaffold(given: dict, heading: str) -> str:
    """The YAML of a new plan: ``given`` holds the values to write (id, kind, region, title,
    period, languages, source, sections …); every other field is an explained, commented line."""
    head = ["# yaml-language-server: $schema=../schema/plan.schema.json", f"# {heading}",
            "# Every field is explained on the site's field reference (maintainers/fields/); check with:",
            "# python scripts/validate.py"]
    return "\n".join(head + _fields(Plan.SPEC, given, "")) + "\n"
