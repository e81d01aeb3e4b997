"""Read every data file and check it: shapes, ids, references and cross-record rules.

All problems are collected in one pass. ``check_data`` returns the typed ``Dataset`` and the
diagnostics; ``load_dataset`` raises ``AtlasError`` when any diagnostic is an error (or, with
``strict``, a warning).
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from pathlib import Path

from . import clock
from ..model.errors import AtlasError, Diagnostic, Loc
from .releases import load_releases
from .safe_files import REGISTRY_FILE_LIMIT, SOURCE_TEXT_LIMIT, read_inside
from ..model.records import MILESTONE, Dataset, Plan, period_end_year, plan_items
from ..model.schema import PLAN, PLANS_DIR, REGISTRIES, SOURCES_DIR, registry_file
from ..model.specs import INVALID, SLUG_RE, Checker, ListOf, did_you_mean, field_path
from .yaml_source import read_yaml


def _display(path: Path, data_dir: Path) -> str:
    """How a file is named in messages: relative to the project, e.g. ``data/plans/x.yaml``."""
    root = Path(os.path.abspath(data_dir)).parent  # links are not followed: the file as the maintainer sees it
    try:
        return Path(os.path.abspath(path)).relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def check_data(data_dir: Path, today: _dt.date | None = None) -> tuple[Dataset, list[Diagnostic]]:
    """Read and check everything under ``data_dir``; never raises for bad data."""
    today = today or clock.today()
    diagnostics: list[Diagnostic] = []
    refs = []
    found: dict[str, tuple] = {}

    broken: set[str] = set()  # kinds whose file could not be read: their references are not checked
    for reg in REGISTRIES:
        path = data_dir / reg.file
        display = _display(path, data_dir)
        if not path.exists() and not path.is_symlink():
            broken.add(reg.kind)
            diagnostics.append(Diagnostic(Loc(display), "", "file is missing",
                                          f"create {reg.file} with a list of {reg.kind} records"))
            found[reg.field] = ()
            continue
        doc, problems = read_yaml(path, display, data_dir, REGISTRY_FILE_LIMIT,
                                  "check that it is the right file (each shared list is one file)")
        diagnostics += problems
        if doc is None:
            broken.add(reg.kind)
            found[reg.field] = ()
            continue
        ck = Checker(doc)
        records = ListOf(reg.spec).check(doc.data, (), ck) if isinstance(doc.data, list) else None
        if records is None:
            ck.error((), f"expected a list of {reg.kind} records", "start each record with `- id: …`")
        # keep the records that passed, even if others failed, so references still resolve
        if records is INVALID or records is None:
            records = tuple(_salvage(doc.data, reg.spec, ck))
        diagnostics += ck.diagnostics
        refs += ck.refs
        found[reg.field] = records

    plans = []
    plans_dir = data_dir / PLANS_DIR
    for path in sorted(plans_dir.glob("*.yaml")) if plans_dir.exists() else []:
        display = _display(path, data_dir)
        doc, problems = read_yaml(path, display, data_dir)
        diagnostics += problems
        if doc is None:
            continue
        ck = Checker(doc)
        plan = PLAN.check(doc.data, (), ck)
        diagnostics += ck.diagnostics
        refs += ck.refs
        if plan is not INVALID:
            if plan.id != path.stem:
                diagnostics.append(Diagnostic(plan.locs["id"], field_path(plan, "id"),
                                              f"plan id '{plan.id}' differs from its file name",
                                              f"rename the file to {plan.id}.yaml or the id to '{path.stem}'"))
            plans.append(plan)
    for path in sorted(plans_dir.glob("*.yml")) if plans_dir.exists() else []:
        diagnostics.append(Diagnostic(Loc(_display(path, data_dir)), "",
                                      "plan files must end in .yaml", f"rename it to {path.stem}.yaml"))

    dataset = Dataset(plans=tuple(plans), **found)
    diagnostics += _check_unique_ids(dataset)
    diagnostics += _check_refs(dataset, [r for r in refs if r.kind not in broken])
    diagnostics += _check_rules(dataset, today)
    diagnostics += _check_sources(dataset, data_dir / SOURCES_DIR)
    diagnostics += _check_numbers(dataset)
    diagnostics += _check_conventions(dataset)
    try:  # data/releases/: the release notes (written by scripts/report.py --release)
        load_releases(data_dir)
    except AtlasError as exc:
        diagnostics += exc.diagnostics
    return dataset, sorted(set(diagnostics), key=Diagnostic.sort_key)


def _salvage(data, spec, ck: Checker):
    """Check list items one by one so that the good ones survive a bad neighbour."""
    if not isinstance(data, list):
        return
    probe = Checker(ck.doc)
    for i, item in enumerate(data):
        record = spec.check(item, (i,), probe)
        if record is not INVALID:
            yield record


def _check_unique_ids(ds: Dataset) -> list[Diagnostic]:
    out = []
    for reg in REGISTRIES:
        out += _duplicates(getattr(ds, reg.field), reg.kind)
    out += _duplicates(ds.plans, "plan")
    for plan in ds.plans:
        seen: dict[str, Loc] = {plan.id: plan.loc}
        for kind, item in plan_items(plan):
            if item.id in seen:
                out.append(Diagnostic(item.locs["id"], field_path(item, "id"),
                                      f"{kind} id '{item.id}' is used twice in plan '{plan.id}'",
                                      f"first used at {seen[item.id]}; ids are page anchors and must be unique"))
            else:
                seen[item.id] = item.locs["id"]
    return out


def _duplicates(records, kind: str) -> list[Diagnostic]:
    out = []
    seen: dict[str, Loc] = {}
    for record in records:
        if record.id in seen:
            out.append(Diagnostic(record.locs["id"], field_path(record, "id"), f"duplicate {kind} id '{record.id}'",
                                  f"also defined at {seen[record.id]}"))
        else:
            seen[record.id] = record.locs["id"]
    return out


def _check_refs(ds: Dataset, refs) -> list[Diagnostic]:
    known = {reg.kind: {r.id for r in getattr(ds, reg.field)} for reg in REGISTRIES}
    known["plan"] = {p.id for p in ds.plans}  # an indicator's definition names its document
    out = []
    for ref in refs:
        ids = known[ref.kind]
        if ref.id not in ids:
            hint = did_you_mean(ref.id, ids) or (f"add it to data/{registry_file(ref.kind)} first" if ref.kind != "plan"
                                                 else "a document's id: the name of its file in data/plans/")
            out.append(Diagnostic(ref.loc, ref.field, f"unknown {ref.kind} '{ref.id}'", hint))
    return out


def _check_rules(ds: Dataset, today: _dt.date) -> list[Diagnostic]:
    """Rules that span records: units fit indicators, dates make sense, notes point somewhere."""
    out = []
    units = {u.id: u for u in ds.units}
    indicators = {i.id: i for i in ds.indicators}
    for unit in ds.units:
        base = units.get(unit.base)
        if base and base.base != base.id:
            out.append(Diagnostic(unit.locs["base"], field_path(unit, "base"),
                                  f"'{unit.base}' is not a base unit (its own base is '{base.base}')",
                                  f"use '{base.base}' and multiply the factor"))

    def base_of(unit_id):
        unit = units.get(unit_id)
        return unit.base if unit else None

    for plan in ds.plans:
        ids = {plan.id} | {item.id for _, item in plan_items(plan)}
        for note in plan.notes:
            for i, about in enumerate(note.about):
                if about not in ids:
                    out.append(Diagnostic(note.locs["about"], field_path(note, f"about[{i}]"),
                                          f"unknown id '{about}' in plan '{plan.id}'",
                                          did_you_mean(about, ids) or "name a section, task, target or the plan"))
        if plan.original_language in plan.translated:
            out.append(Diagnostic(plan.locs["translated"], field_path(plan, "translated"),
                                  f"'{plan.original_language}' is the original language, not a translation",
                                  "list only the languages whose text we translated"))
        start, end = plan.period.start, plan.period.end
        if isinstance(start, int) and isinstance(end, int) and end < start:
            out.append(Diagnostic(plan.locs["period"], field_path(plan, "period"),
                                  f"the period ends ({end}) before it starts ({start})", "swap them"))
        for kind, item in plan_items(plan):
            if kind in ("target", "observation"):
                ind = indicators.get(item.indicator)
                if ind and base_of(item.unit) and base_of(ind.unit) and base_of(item.unit) != base_of(ind.unit):
                    out.append(Diagnostic(item.locs["unit"], field_path(item, "unit"),
                                          f"unit '{item.unit}' does not fit indicator '{ind.id}', measured in '{ind.unit}'",
                                          f"use a unit whose base is '{base_of(ind.unit)}', or another indicator"))
            if kind == "target":
                is_range = isinstance(item.value, tuple)
                if is_range != (item.comparator == "range"):
                    out.append(Diagnostic(item.locs["value"], field_path(item, "value"),
                                          "comparator 'range' needs value [low, high], and a list value needs comparator 'range'",
                                          "make comparator and value agree"))
                if isinstance(item.year, int) and isinstance(start, int) and item.year < start:
                    out.append(Diagnostic(item.locs["year"], field_path(item, "year"),
                                          f"deadline {item.year} is before the plan's period starts ({start})",
                                          "check the year against the source"))
            if kind == "observation":
                year = period_end_year(item.period)
                if year > today.year:
                    out.append(Diagnostic(item.locs["period"], field_path(item, "period"),
                                          f"period {item.period} is in the future (today is {today.isoformat()})",
                                          "an observation reports a figure already reached; a future figure is a target"))
    out += _check_lineage(ds, indicators)
    return out


def _check_lineage(ds: Dataset, indicators: dict) -> list[Diagnostic]:
    """Relations name a plan we hold (an id) or a document number; a replacement target exists
    in another plan and measures the same thing; a milestone is reported as achieved, not a number."""
    out = []
    plans = {p.id: p for p in ds.plans}
    targets = {(p.id, item.id): item for p in ds.plans for kind, item in plan_items(p) if kind == "target"}
    for plan in ds.plans:
        for rel in plan.relations:
            if SLUG_RE.match(rel.target) and rel.target not in plans:
                out.append(Diagnostic(rel.locs["target"], field_path(rel, "target"),
                                      f"unknown plan '{rel.target}'",
                                      did_you_mean(rel.target, plans) or
                                      "name a plan in data/plans/, or write the document number as printed"))
            elif rel.target == plan.id:
                out.append(Diagnostic(rel.locs["target"], field_path(rel, "target"),
                                      "a document cannot relate to itself", "name the other document"))
        for kind, item in plan_items(plan):
            if kind == "target" and item.replaced_by:
                other_plan, _, other_id = item.replaced_by.partition("#")
                new = targets.get((other_plan, other_id))
                if other_plan == plan.id or new is None:
                    hint = (did_you_mean(other_plan, plans) if other_plan not in plans else
                            did_you_mean(other_id, [t for p, t in targets if p == other_plan]))
                    out.append(Diagnostic(item.locs["replaced_by"], field_path(item, "replaced_by"),
                                          f"no target '{item.replaced_by}' in another plan",
                                          hint or "write <plan-id>#<target-id> of a later plan's target"))
                elif not _same_measure(indicators, item.indicator, new.indicator):
                    out.append(Diagnostic(item.locs["replaced_by"], field_path(item, "replaced_by"),
                                          f"'{item.replaced_by}' measures '{new.indicator}', not '{item.indicator}'",
                                          "a replacement sets a new value for the same indicator (or the same measure)"))
            if kind == "observation":
                ind = indicators.get(item.indicator)
                milestone = ind is not None and ind.unit == MILESTONE
                if ind is not None and milestone != (item.achieved is not None):
                    out.append(Diagnostic(item.locs["indicator"], field_path(item, "indicator"),
                                          f"indicator '{ind.id}' is " + ("a milestone: report it with achieved:"
                                                                          if milestone else "a number: report it with value: and unit:"),
                                          "a milestone indicator has unit 'milestone'"))
    return out


def _same_measure(indicators: dict, a: str, b: str) -> bool:
    if a == b:
        return True
    ia, ib = indicators.get(a), indicators.get(b)
    return bool(ia and ib and ia.measure and ia.measure == ib.measure)


_WORDS = {w: float(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_NUMBER = re.compile(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?")


def _number_at(text: str, m: re.Match) -> float:
    return float(m.group().replace(",", ""))


def _check_numbers(ds: Dataset) -> list[Diagnostic]:
    """Silent mistake: a target's or figure's text shows a number with its unit ("2.2亿吨") and no
    number in the text is the value (2.3): one of them was changed without the other. Numbers
    written in words (三成, ten) are not checked; a negative value matches its size ("下降2.3%")."""
    units = {u.id: u for u in ds.units}
    out = []
    for plan in ds.plans:
        for kind, item in plan_items(plan):
            if kind not in ("target", "observation") or getattr(item, "value", None) is None or not item.text:
                continue
            unit = units.get(item.unit)
            if unit is None:
                continue
            values = item.value if isinstance(item.value, tuple) else (item.value,)
            sizes = {abs(float(v)) for v in values}
            for lang in ("zh", "en"):
                text, name = item.text.get(lang), unit.name.get(lang)
                if not text or not name or name[0].isdigit():
                    continue
                numbers = [(m, _number_at(text, m)) for m in _NUMBER.finditer(text)]
                words = {_WORDS[w.lower()] for w in re.findall(r"[A-Za-z]+", text) if w.lower() in _WORDS}
                if any(n in sizes for _, n in numbers) or sizes & words:
                    continue
                after = re.compile(r"\s*" + re.escape(name) + (r"(?![A-Za-z])" if name[-1].isascii() else ""))
                shown = [m.group() for m, n in numbers if after.match(text, m.end())
                         and not (name == "年" and 1900 <= n <= 2100)]  # 2018年 is a year, not 2018 years
                if shown:
                    value = "–".join(_plain(v) for v in values)
                    out.append(Diagnostic(item.locs["text"], field_path(item, f"text.{lang}"),
                                          f"the text says {shown[0]}{'' if lang == 'zh' else ' '}{name}, but value is {value}",
                                          "correct whichever is wrong: value, unit or the text",
                                          severity="warning"))
    return out


def _plain(v) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def _check_conventions(ds: Dataset) -> list[Diagnostic]:
    """Silent mistakes across records: ids without their region's prefix, agency short names
    that read the same in two regions, indicators compared across cities in different units."""
    out = []
    regions = {r.id: r for r in ds.regions}

    def prefix_of(region_id):
        seen = set()
        while region_id in regions and region_id not in seen:
            seen.add(region_id)
            if regions[region_id].id_prefix:
                return regions[region_id].id_prefix
            region_id = regions[region_id].parent
        return None

    for kind, records in (("plan", ds.plans), ("agency", ds.agencies), ("indicator", ds.indicators)):
        for record in records:
            prefix = prefix_of(record.region)
            if prefix and not record.id.startswith(prefix + "-"):
                out.append(Diagnostic(record.locs["id"], field_path(record, "id"),
                                      f"{kind} id '{record.id}' does not start with '{prefix}-', the prefix of region '{record.region}'",
                                      f"name it '{prefix}-…' (ids are permanent links: choose before publishing)",
                                      severity="warning"))
    seen: dict[tuple, object] = {}
    for agency in ds.agencies:
        for lang in ("zh", "en"):
            short = agency.short.get(lang) if agency.short else None
            other = seen.get((lang, short)) if short else None
            if other is not None and other.region != agency.region:
                out.append(Diagnostic(agency.locs["short"], field_path(agency, f"short.{lang}"),
                                      f"short name '{short}' is also the short name of '{other.id}' in region '{other.region}'",
                                      "pages add the region to tell them apart; check that the agency and region are right",
                                      severity="warning"))
            elif short:
                seen[(lang, short)] = agency
    units = {u.id: u for u in ds.units}
    by_measure: dict[str, object] = {}
    for ind in ds.indicators:
        first = by_measure.setdefault(ind.measure, ind) if ind.measure else ind
        a, b = units.get(ind.unit), units.get(first.unit)
        if first is not ind and a and b and a.base != b.base:
            out.append(Diagnostic(ind.locs["unit"], field_path(ind, "unit"),
                                  f"measure '{ind.measure}' is counted in '{b.base}' by '{first.id}' but in '{a.base}' here",
                                  "indicators compared on one chart need units of the same base",
                                  severity="warning"))
    return out


def load_dataset(data_dir: Path, *, strict: bool = False,
                 today: _dt.date | None = None) -> tuple[Dataset, list[Diagnostic]]:
    """Checked data, or ``AtlasError`` listing every problem. Warnings are returned alongside."""
    dataset, diagnostics = check_data(data_dir, today)
    failing = [d for d in diagnostics if d.severity == "error" or strict]
    if failing:
        raise AtlasError(diagnostics)
    return dataset, diagnostics


_LAYOUT = re.compile(r"[\s\u3000“”\"]+")


def _squash(text: str) -> str:
    """Text without layout: whitespace and quotation-mark variants do not count."""
    return _LAYOUT.sub("", text)


def _check_quotes(plan: Plan, text: str) -> list[Diagnostic]:
    """Every quote of a task, target or figure is in the source text, as printed or as its page
    shows it after the marked corrections; otherwise its link to the source is silently lost."""
    shown = text
    for c in plan.source.corrections:
        try:
            shown = re.sub(c.find, c.replace, shown)
        except re.error:  # reported by the pattern's own check
            pass
    haystack = _squash(text) + "\0" + _squash(shown)
    out = []
    for kind, item in plan_items(plan):
        quote = getattr(item, "quote", None)
        if quote and kind in ("task", "target", "observation") and _squash(quote) not in haystack:
            out.append(Diagnostic(item.locs["quote"], field_path(item, "quote"),
                                  f"the quote is not in the source text {plan.source.file}",
                                  "copy the words exactly as printed (a correction's result also counts)",
                                  severity="warning"))
    return out


def _check_sources(ds: Dataset, sources_dir: Path) -> list[Diagnostic]:
    """Each plan's source file is in data/sources; its corrections cite existing notes; an
    indicator's definition quotes its document's source text."""
    out = []
    texts: dict[str, str] = {}
    for plan in ds.plans:
        path = sources_dir / plan.source.file
        if not path.exists() and not path.is_symlink():
            out.append(Diagnostic(plan.source.locs["file"], field_path(plan.source, "file"),
                                  f"source file '{plan.source.file}' is not in data/{SOURCES_DIR}/",
                                  "copy the source text there, keeping its file name"))
            continue
        raw, problem = read_inside(path, sources_dir, plan.source.file, SOURCE_TEXT_LIMIT)
        if problem:
            out.append(Diagnostic(plan.source.locs["file"], field_path(plan.source, "file"),
                                  f"source file '{plan.source.file}': {problem.message}", problem.hint))
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            out.append(Diagnostic(plan.source.locs["file"], field_path(plan.source, "file"),
                                  f"source file '{plan.source.file}' is not UTF-8 text",
                                  "save it as UTF-8; GBK or GB2312 files must be converted"))
        else:
            out += _check_quotes(plan, text)
            texts[plan.id] = _squash(text)
        notes = {n.id for n in plan.notes}
        for c in plan.source.corrections:
            if c.note not in notes:
                out.append(Diagnostic(c.locs["note"], field_path(c, "note"),
                                      f"unknown editor's note '{c.note}'",
                                      did_you_mean(c.note, notes) or "every correction must be explained by a note in `notes`"))
    for ind in ds.indicators:
        d = ind.definition
        if d is not None and d.plan in texts and _squash(d.quote) not in texts[d.plan]:
            out.append(Diagnostic(d.locs["quote"], field_path(d, "quote"),
                                  f"the definition's quote is not in the source text of {d.plan}",
                                  "a definition must be the source's own words: copy them exactly as printed"))
    return out
