"""The data's releases: ``data/releases/<version>.json``, each the release note of what changed
since the release before (written by ``python scripts/report.py --release VERSION --changes
REV``, never by hand). The site's data-changes page lists them, and each page's "last changed"
date and data version are the newest release that touched what the page shows.

A release file is data like any other: it is read only if it is a regular file inside
``data/releases/`` and small, its shape is checked (a wrong one is one error naming the file and
the field), and everything in it is shown as text.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model.errors import AtlasError, Diagnostic, Loc
from .safe_files import read_inside

RELEASES_DIR = "releases"
RELEASE_VERSION = re.compile(r"\d{4}\.\d{2}\.\d{2}(-\d+)?")
SLUG = re.compile(r"[a-z_]{1,40}")  # a status: met, on_track … (build.progress.STATUSES)
LIMIT = 4 * 1024 * 1024
CHANGES = ("added", "removed", "modified")
KINDS = ("plan", "section", "task", "target", "observation", "note",
         "region", "agency", "sector", "unit", "indicator")


@dataclass(frozen=True)
class Change:
    kind: str
    id: str
    change: str
    name: str = ""
    fields: tuple = ()


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    change: str
    changes: tuple = ()
    not_compared: bool = False  # its old file predates a change of the data's format


@dataclass(frozen=True)
class Release:
    version: str
    date: str  # YYYY-MM-DD
    since: str
    documents: tuple = ()
    registries: tuple = ()  # Change records of regions, agencies, sectors, units, indicators
    sources: tuple = ()  # (file, change)
    statuses: tuple = ()  # (plan, target, status before, status after)
    touched: frozenset = field(default=frozenset(), repr=False)  # ("plan", id) and (kind, id) of registries

    def touches(self, records: set) -> bool:
        """Whether this release changed any of ``records`` (``("plan", id)``, ``("sector", id)`` …)."""
        return not self.touched.isdisjoint(records)


class _Problem(Exception):
    def __init__(self, where: str, message: str):
        super().__init__(message)
        self.where = where


def _text(value, where: str, pattern: re.Pattern | None = None, what: str = "text") -> str:
    if not isinstance(value, str) or len(value) > 2000 or (pattern and not pattern.fullmatch(value)):
        raise _Problem(where, f"must be {what}")
    return value


def _one_of(value, choices, where: str) -> str:
    if value not in choices:
        raise _Problem(where, "must be one of " + ", ".join(choices))
    return value


def _change(item, where: str) -> Change:
    if not isinstance(item, dict):
        raise _Problem(where, "must be an object")
    fields = item.get("fields", [])
    if not isinstance(fields, list):
        raise _Problem(f"{where}.fields", "must be a list")
    return Change(_one_of(item.get("kind"), KINDS, f"{where}.kind"), _text(item.get("id"), f"{where}.id"),
                  _one_of(item.get("change"), CHANGES, f"{where}.change"), _text(item.get("name", ""), f"{where}.name"),
                  tuple(_text(f, f"{where}.fields[{i}]") for i, f in enumerate(fields)))


def _list(value, where: str) -> list:
    if not isinstance(value, list):
        raise _Problem(where, "must be a list")
    return value


def parse_release(raw: dict, version: str) -> Release:
    """A release from its file's JSON; raises ``_Problem`` naming the field."""
    if not isinstance(raw, dict):
        raise _Problem("", "must be a JSON object (as scripts/report.py --release writes it)")
    if raw.get("version") != version:
        raise _Problem("version", f"must be the file's name, {version}")
    date = _text(raw.get("date"), "date", re.compile(r"\d{4}-\d{2}-\d{2}"), "a date written YYYY-MM-DD")
    try:
        _dt.date.fromisoformat(date)
    except ValueError:
        raise _Problem("date", "is not a date") from None
    documents, touched = [], set()
    for i, doc in enumerate(_list(raw.get("documents", []), "documents")):
        where = f"documents[{i}]"
        if not isinstance(doc, dict):
            raise _Problem(where, "must be an object")
        changes = tuple(_change(c, f"{where}.changes[{j}]")
                        for j, c in enumerate(_list(doc.get("changes", []), f"{where}.changes")))
        documents.append(Document(_text(doc.get("id"), f"{where}.id"), _text(doc.get("title", ""), f"{where}.title"),
                                  _one_of(doc.get("change"), CHANGES, f"{where}.change"), changes,
                                  doc.get("not_compared") is True))
        touched.add(("plan", documents[-1].id))
    registries = []
    groups = raw.get("registries", {})
    if not isinstance(groups, dict):
        raise _Problem("registries", "must be an object")
    for group, items in groups.items():
        for j, item in enumerate(_list(items, f"registries.{group}")):
            registries.append(_change(item, f"registries.{group}[{j}]"))
            touched.add((registries[-1].kind, registries[-1].id))
    sources = []
    for k, s in enumerate(_list(raw.get("sources", []), "sources")):
        if not isinstance(s, dict):
            raise _Problem(f"sources[{k}]", "must be an object")
        sources.append((_text(s.get("file"), f"sources[{k}].file"), _one_of(s.get("change"), CHANGES, f"sources[{k}].change")))
    statuses = []
    for k, st in enumerate(_list(raw.get("statuses", []), "statuses")):
        where = f"statuses[{k}]"
        if not isinstance(st, dict):
            raise _Problem(where, "must be an object")
        statuses.append(tuple(_text(st.get(key), f"{where}.{key}", SLUG, "a status such as met or on_track")
                              if key in ("before", "after") else _text(st.get(key), f"{where}.{key}")
                              for key in ("plan", "target", "before", "after")))
        touched.add(("plan", statuses[-1][0]))
    return Release(version, date, _text(raw.get("since", ""), "since"), tuple(documents), tuple(registries),
                   tuple(sources), tuple(statuses), frozenset(touched))


def load_releases(data_dir: Path) -> list[Release]:
    """Every release, newest first; raises ``AtlasError`` naming each bad file and field."""
    folder = data_dir / RELEASES_DIR
    if not folder.is_dir():
        return []
    releases, problems = [], []
    for path in sorted(folder.iterdir()):
        display = f"data/{RELEASES_DIR}/{path.name}"
        if path.suffix != ".json" or not RELEASE_VERSION.fullmatch(path.stem):
            problems.append(Diagnostic(Loc(display), "", "is not a release file",
                                       "release files are named <version>.json, e.g. 2026.12.02.json, "
                                       "and written by python scripts/report.py --release"))
            continue
        data, problem = read_inside(path, folder, display, LIMIT)
        if problem:
            problems.append(problem)
            continue
        try:
            releases.append(parse_release(json.loads(data.decode("utf-8")), path.stem))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            problems.append(Diagnostic(Loc(display), "", f"is not JSON ({exc})",
                                       "write it again with python scripts/report.py --release"))
        except _Problem as exc:
            problems.append(Diagnostic(Loc(display), exc.where, str(exc),
                                       "write it again with python scripts/report.py --release; never edit it by hand"))
    if problems:
        raise AtlasError(problems)
    return sorted(releases, key=lambda r: (r.date, r.version), reverse=True)
