"""A plan's source text as numbered paragraphs: web debris dropped, corrections applied and
marked, and every section, task, target and observation mapped to the paragraph it comes from.

The rules come from the plan's ``source`` record (``split``, ``begin``, ``end``, ``drop``,
``corrections``); the text itself from ``data/sources/<file>``, which is never edited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model.errors import AtlasError
from .safe_files import SOURCE_TEXT_LIMIT, read_inside

from ..model.records import Plan
from ..model.records import iter_sections

_SPACE = re.compile(r"[\s\u3000“”\"'‘’]+")


def squash(text: str) -> str:
    """Text for comparison: no whitespace or quote-mark differences."""
    return _SPACE.sub("", text)


@dataclass(frozen=True)
class Segment:
    text: str
    note: str | None = None  # the editor's note id when this is a correction
    original: str = ""  # what the source printed, for a correction


@dataclass(frozen=True)
class Paragraph:
    number: int
    segments: tuple

    @property
    def id(self) -> str:
        return f"p{self.number}"

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


@dataclass
class SourceDoc:
    plan: Plan
    paragraphs: list = field(default_factory=list)
    anchors: dict = field(default_factory=dict)  # item id → paragraph id
    cited_by: dict = field(default_factory=dict)  # paragraph id → [item ids]


def _split(raw: str, how: str) -> list[str]:
    if how == "spaces":
        parts = re.split(r"[ \t]+|\n+", raw)
    else:
        parts = raw.splitlines()
    return [p.strip() for p in parts if p.strip()]


def _between(parts: list[str], begin: str | None, end: str | None) -> list[str]:
    if begin:
        starts = [i for i, p in enumerate(parts) if p.startswith(begin)]
        parts = parts[starts[0]:] if starts else parts
    if end:
        ends = [i for i, p in enumerate(parts) if end in p]
        if ends:
            parts = parts[: ends[0] + 1]
    return parts


def _segments(text: str, corrections) -> tuple:
    """Apply corrections left to right; corrected pieces become marked segments."""
    segments: list[Segment] = [Segment(text)]
    for c in corrections:
        pattern = re.compile(c.find)
        out: list[Segment] = []
        for seg in segments:
            if seg.note:
                out.append(seg)
                continue
            pos = 0
            for match in pattern.finditer(seg.text):
                if match.start() > pos:
                    out.append(Segment(seg.text[pos:match.start()]))
                out.append(Segment(c.replace, c.note, match.group(0)))
                pos = match.end()
            if pos < len(seg.text):
                out.append(Segment(seg.text[pos:]))
        segments = out
    return tuple(s for s in segments if s.text or s.note)


def load_source(plan: Plan, sources_dir: Path) -> SourceDoc:
    """Read, clean and index the source of ``plan`` (validation has checked the file exists)."""
    src = plan.source
    data, problem = read_inside(sources_dir / src.file, sources_dir, src.file, SOURCE_TEXT_LIMIT)
    if problem:  # validation has checked it; the file changed since
        raise AtlasError([problem])
    raw = data.decode("utf-8", errors="replace")
    parts = _between(_split(raw, src.split), src.begin, src.end)
    drop = set(src.drop)
    kept = [p for p in parts if p not in drop]
    doc = SourceDoc(plan)
    doc.paragraphs = [Paragraph(i + 1, _segments(text, src.corrections)) for i, text in enumerate(kept)]
    _index(doc)
    return doc


def _index(doc: SourceDoc) -> None:
    """Find the paragraph of every item: by its quote, else by its original-language text."""
    squashed = [(p.id, squash(p.text)) for p in doc.paragraphs]
    raw_squashed = [(p.id, squash("".join(s.original if s.note else s.text for s in p.segments)))
                    for p in doc.paragraphs]
    lang = doc.plan.original_language

    def find(probe: str) -> str | None:
        probe = squash(probe)
        if not probe:
            return None
        for table in (squashed, raw_squashed):
            for pid, text in table:
                if probe in text:
                    return pid
        return None

    def heading(title: str | None) -> str | None:
        """A paragraph that is just this heading (with its number), e.g. ``一、总体要求``."""
        probe = squash(title or "").casefold()
        if not probe:
            return None
        for pid, text in squashed:
            text = text.casefold()
            if text.endswith(probe) and len(text) <= len(probe) + 8:
                return pid
        return None

    def mark(item_id: str, pid: str) -> None:
        doc.anchors[item_id] = pid
        doc.cited_by.setdefault(pid, []).append(item_id)

    def place(item_id: str, *probes: str | None) -> None:
        for probe in probes:
            if not probe:
                continue
            for candidate in (probe, probe[:40], probe[:16]):
                pid = find(candidate)
                if pid:
                    mark(item_id, pid)
                    return

    for section in iter_sections(doc.plan.sections):
        pid = heading(section.title.get(lang))
        if pid:
            mark(section.id, pid)
        else:
            place(section.id, section.summary.get(lang) if section.summary else None,
                  section.title.get(lang))
        for task in section.tasks:
            place(task.id, task.quote, task.summary.get(lang), task.title.get(lang))
            for target in task.targets:
                place(target.id, target.quote)
        if section.id not in doc.anchors:  # an editors' grouping (e.g. a plan known from a news
            first = next((doc.anchors[t.id] for t in section.tasks if t.id in doc.anchors), None)
            if first:  # report): it starts where its first task does
                mark(section.id, first)
    for obs in doc.plan.observations:
        place(obs.id, obs.quote)


def load_sources(plans, sources_dir: Path, indicators=()) -> dict[str, SourceDoc]:
    """The cleaned, indexed source of every plan, by plan id; an indicator's definition is
    anchored (by the indicator's id) in the paragraph of its document that holds its quote."""
    docs = {plan.id: load_source(plan, sources_dir) for plan in plans}
    for ind in indicators:
        d = getattr(ind, "definition", None)
        doc = docs.get(d.plan) if d is not None else None
        probe = squash(d.quote) if doc is not None else ""
        pid = next((p.id for p in doc.paragraphs if probe and probe in squash(p.text)), None) if doc else None
        if pid:
            doc.anchors[ind.id] = pid
    return docs
