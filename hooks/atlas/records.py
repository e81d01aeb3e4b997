"""Typed, immutable records: what the data files hold once validated.

References to other records are kept as ids here; ``resolve`` turns them into an object graph.
Every record carries ``loc``, where it was written, so later stages can still point at a line.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional, Union

from .errors import Loc

LANGS = ("zh", "en")
NOT_STATED = "not stated"
MILESTONE = "milestone"  # the unit of a yes/no milestone indicator
NOT_PRINTED = "not printed"  # a source title or publisher the source does not print

Year = Union[int, str]  # an int, or NOT_STATED
Value = Union[int, float, tuple]  # a number, or (low, high) for a range


def period_end_year(period_code: str) -> int:
    """The year a reported period ends in (``2018..2019-07`` → 2019)."""
    return int(period_code.rpartition("..")[2][:4])


@dataclass(frozen=True)
class Text:
    """A bilingual text; either language may be missing (a warning, shown with a notice)."""

    zh: Optional[str] = None
    en: Optional[str] = None

    def get(self, lang: str) -> Optional[str]:
        return getattr(self, lang)

    def pick(self, lang: str) -> tuple[str, str]:
        """The text in ``lang`` or, failing that, the other language: ``(text, language used)``."""
        value = self.get(lang)
        if value:
            return value, lang
        for other in LANGS:
            if self.get(other):
                return self.get(other), other
        return "", lang

    def missing(self) -> tuple[str, ...]:
        return tuple(lang for lang in LANGS if not self.get(lang))


@dataclass(frozen=True)
class Region:
    id: str
    name: Text
    level: str
    code: str
    parent: Optional[str] = None
    id_prefix: Optional[str] = None  # ids of its plans, agencies and indicators start "<prefix>-"
    loc: Loc = field(default=Loc(""), compare=False)
    locs: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Agency:
    id: str
    name: Text
    region: str
    kind: str
    short: Optional[Text] = None
    aliases: tuple = ()
    search_terms: tuple = ()
    parent: Optional[str] = None
    note: Optional[Text] = None
    loc: Loc = field(default=Loc(""), compare=False)
    locs: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Sector:
    id: str
    name: Text
    description: Text
    parent: Optional[str] = None
    industry_codes: tuple = ()
    loc: Loc = field(default=Loc(""), compare=False)
    locs: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Unit:
    id: str
    name: Text
    base: str
    factor: float
    scale: bool = False  # a base unit whose large values read better as 万/亿 or million/billion
    loc: Loc = field(default=Loc(""), compare=False)
    locs: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Indicator:
    id: str
    name: Text
    unit: str
    region: str
    sectors: tuple = ()
    description: Optional[Text] = None
    measure: Optional[str] = None  # indicators of different places that measure the same thing
    loc: Loc = field(default=Loc(""), compare=False)
    locs: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Target:
    id: str
    indicator: str
    comparator: str
    value: Value
    unit: str
    year: Year
    basis: str
    text: Text
    quote: str
    replaced_by: Optional[str] = None  # "<plan-id>#<target-id>": a later plan's target for the same indicator
    loc: Loc = field(default=Loc(""), compare=False)
    locs: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Observation:
    """A reported figure: a number with its unit, or a milestone (``achieved``, maybe ``date``)."""

    id: str
    indicator: str
    period: str
    quote: str
    value: Optional[Value] = None
    unit: Optional[str] = None
    achieved: Optional[bool] = None  # a yes/no milestone: reached (True) or not (False)
    date: Union[_dt.date, int, None] = None  # when the milestone was reached, as printed
    items: tuple = ()  # the counted things the source names
    text: Optional[Text] = None
    estimated: bool = False  # the source calls the figure an estimate
    preliminary: bool = False  # a preliminary figure (初步核算), to be replaced by a final one
    comparator: str = "="  # "over 300 cities" is reported as > 300
    loc: Loc = field(default=Loc(""), compare=False)
    locs: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Task:
    id: str
    title: Text
    summary: Text
    number: Optional[str] = None
    sectors: tuple = ()
    lead: tuple = ()
    participants: tuple = ()
    keywords: tuple = ()
    quote: Optional[str] = None
    targets: tuple = ()
    loc: Loc = field(default=Loc(""), compare=False)
    locs: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    number: Optional[str] = None
    summary: Optional[Text] = None
    tasks: tuple = ()
    sections: tuple = ()
    loc: Loc = field(default=Loc(""), compare=False)
    locs: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Note:
    id: str
    text: Text
    about: tuple = ()
    loc: Loc = field(default=Loc(""), compare=False)
    locs: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Dates:
    signed: Optional[_dt.date] = None
    printed: Optional[_dt.date] = None
    published: Optional[_dt.date] = None


@dataclass(frozen=True)
class Period:
    start: Year
    end: Year


@dataclass(frozen=True)
class Correction:
    """A fix applied to the source text on its page: regex ``find`` → ``replace``, explained by ``note``."""

    find: str
    replace: str
    note: str
    loc: Loc = field(default=Loc(""), compare=False)
    locs: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Relation:
    """This document ``type`` (supersedes, revises, implements, reports_on, cites) ``target``:
    a plan id we hold, or the document number of one we don't."""

    type: str
    target: str
    loc: Loc = field(default=Loc(""), compare=False)
    locs: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Source:
    file: str
    title: Union[Text, str]  # Text, or NOT_PRINTED
    publisher: Union[Text, str]
    reliability: str  # official, aggregator or mirror
    url: Optional[str] = None
    retrieved: Optional[_dt.date] = None
    split: str = "lines"  # how the text divides into paragraphs: "lines" or "spaces"
    begin: Optional[str] = None  # the document starts at the paragraph starting with this
    end: Optional[str] = None  # … and ends at the paragraph containing this
    drop: tuple = ()  # paragraphs (exact text) that are web debris, not the document
    corrections: tuple = ()
    loc: Loc = field(default=Loc(""), compare=False)
    locs: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Plan:
    id: str
    kind: str
    region: str
    title: Text
    period: Period
    original_language: str
    translated: tuple
    source: Source
    sections: tuple
    issuer: Optional[str] = None  # None: the source does not say who issued it
    short: Optional[Text] = None  # a short name for tables and lists
    doc_number: Optional[str] = None
    dates: Dates = Dates()
    prevailing_language: Optional[str] = None
    notes: tuple = ()
    observations: tuple = ()
    relations: tuple = ()
    loc: Loc = field(default=Loc(""), compare=False)
    locs: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Dataset:
    """Everything validated, in file order."""

    regions: tuple = ()
    agencies: tuple = ()
    sectors: tuple = ()
    units: tuple = ()
    indicators: tuple = ()
    plans: tuple = ()


# -- walking a plan's tree (the model's own shape; the validator, resolver and reports use it) --
def iter_sections(sections: Iterable[Section]) -> Iterator[Section]:
    """Every section, depth first, in document order."""
    for section in sections:
        yield section
        yield from iter_sections(section.sections)


def plan_items(plan: Plan) -> Iterator[tuple[str, object]]:
    """Every anchored item of a plan: sections, tasks, targets, observations, notes."""
    for section in iter_sections(plan.sections):
        yield "section", section
        for task in section.tasks:
            yield "task", task
            for target in task.targets:
                yield "target", target
    for obs in plan.observations:
        yield "observation", obs
    for note in plan.notes:
        yield "note", note
