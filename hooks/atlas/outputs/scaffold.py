"""A new plan file written from the record definitions: the values a maintainer gave, every other
field as a commented example line explaining it, and the nested records (sections, tasks,
targets, figures, notes) as a commented example to copy. ``scripts/new_plan.py`` writes it; a new
field in ``model/records.py`` appears here with its example and meaning, with no edit here."""

from __future__ import annotations

import re

import yaml

from ..model.records import Plan
from ..model.specs import ListOf, Nested, Record

WIDTH = 34  # the column where the explaining comments start


def _flow(value) -> str:
    """A value as one line of YAML (quoted where YAML needs it)."""
    if isinstance(value, (list, dict)) and not value:
        return "[]" if isinstance(value, list) else "{}"
    out = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10_000)
    return out.removesuffix("\n...\n").strip()


def _gloss(text: str, limit: int = 80) -> str:
    """A field's meaning for a comment: its first clause, without examples, on one short line."""
    text = re.sub(r"\s*\(e\.g\.[^)]*\)", "", text.replace("`", "")).split("; ")[0]
    if text.count("(") > text.count(")"):
        text += ")"
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(",:") + " …"
    return text


def _line(indent: str, key: str, value: str, gloss: str, commented: bool) -> str:
    head = f"{indent}{'# ' if commented else ''}{key}: {value}"
    return f"{head.ljust(WIDTH)}  # {gloss}" if gloss else head


def _example(record: Record, indent: str, commented: bool = True, inside: tuple = ()) -> list[str]:
    """A commented example of one record, as a list item: each field with an example, and its
    nested lists of records after it (a record inside itself, sections in sections, is named,
    not expanded again)."""
    inside = inside + (record.name,)
    lines: list[str] = []
    first = True
    for key, f in record.fields.items():
        item = f.spec.item if isinstance(f.spec, ListOf) else None
        nested = item.record if isinstance(item, Nested) else None
        bullet = "- " if first else "  "
        if nested is not None and nested.name in inside:
            lines.append(f"{indent}# {bullet}{key}: []".ljust(WIDTH) + f"  # {_gloss(f.doc.en or '')}")
        elif nested is not None:
            lines.append(f"{indent}# {bullet}{key}:".ljust(WIDTH) + f"  # {_gloss(f.doc.en or '')}")
            lines += _example(nested, indent + "    ", inside=inside)
        elif f.example is not None:
            lines.append(_line(indent, bullet + key, f.example, _gloss(f.doc.en or ""), commented))
        else:
            continue
        first = False
    return lines


def _fields(record: Record, given: dict, indent: str) -> list[str]:
    lines: list[str] = []
    for key, f in record.fields.items():
        gloss = _gloss(f.doc.en or "")
        spec = f.spec.record if isinstance(f.spec, Nested) else f.spec
        item = f.spec.item if isinstance(f.spec, ListOf) else None
        if key in given and isinstance(spec, Record) and isinstance(given[key], dict):
            lines.append(f"{indent}{key}:".ljust(WIDTH) + f"  # {gloss}")
            lines += _fields(spec, given[key], indent + "  ")
        elif key in given:
            lines.append(_line(indent, key, _flow(given[key]), gloss, False))
            if isinstance(item, Nested):
                lines += _example(item.record, indent + "  ")
        elif isinstance(item, Nested):
            lines.append(f"{indent}# {key}:".ljust(WIDTH) + f"  # {gloss}")
            lines += _example(item.record, indent + "  ")
        elif isinstance(spec, Record):
            lines.append(f"{indent}# {key}:".ljust(WIDTH) + f"  # {gloss}")
            lines += [_line(indent + "  ", k, g.example, _gloss(g.doc.en or ""), True)
                      for k, g in spec.fields.items() if g.example is not None]
        elif f.example is not None:
            lines.append(_line(indent, key, f.example, gloss, True))
    return lines


def plan_scaffold(given: dict, heading: str) -> str:
    """The YAML of a new plan: ``given`` holds the values to write (id, kind, region, title,
    period, languages, source, sections …); every other field is an explained, commented line."""
    head = ["# yaml-language-server: $schema=../schema/plan.schema.json", f"# {heading}",
            "# Every field is explained on the site's field reference (maintainers/fields/); check with:",
            "# python scripts/validate.py"]
    return "\n".join(head + _fields(Plan.SPEC, given, "")) + "\n"
