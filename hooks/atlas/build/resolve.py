"""Turn the validated ``Dataset`` into a ``Model``: ids mapped to records, plus reverse indexes.

The indexes answer the questions pages ask — which tasks an agency leads, which targets fall in a
sector or a year — once per build, in document order, so views only look things up.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional

from ..model.records import period_end_year, Dataset, Note, Observation, Plan, Section, Target, Task
from ..model.records import iter_sections, plan_items


@dataclass(frozen=True)
class TaskRef:
    """A task in its place: the plan and the chain of sections holding it."""

    plan: Plan
    sections: tuple  # outermost first
    task: Task


@dataclass(frozen=True)
class TargetRef:
    task: TaskRef
    target: Target

    @property
    def plan(self) -> Plan:
        return self.task.plan


@dataclass(frozen=True)
class ObservationRef:
    plan: Plan
    observation: Observation


def _walk(plan: Plan, sections, chain=()):
    for section in sections:
        here = chain + (section,)
        for task in section.tasks:
            yield TaskRef(plan, here, task)
        yield from _walk(plan, section.sections, here)


def plan_year(plan: Plan) -> Optional[int]:
    """The year a plan was issued: signed, else printed, else published."""
    for date in (plan.dates.signed, plan.dates.printed, plan.dates.published):
        if date:
            return date.year
    return None


def years_in_force(plan: Plan) -> range:
    start, end = plan.period.start, plan.period.end
    if isinstance(start, int) and isinstance(end, int):
        return range(start, end + 1)
    return range(0)


@dataclass
class Model:
    """The resolved data: records by id (in file order) and the reverse indexes pages need."""

    dataset: Dataset
    regions: dict = field(default_factory=dict)
    agencies: dict = field(default_factory=dict)
    sectors: dict = field(default_factory=dict)
    units: dict = field(default_factory=dict)
    indicators: dict = field(default_factory=dict)
    plans: dict = field(default_factory=dict)
    tasks: list = field(default_factory=list)
    targets: list = field(default_factory=list)
    observations: list = field(default_factory=list)
    tasks_in_plan: dict = field(default_factory=lambda: defaultdict(list))
    targets_in_plan: dict = field(default_factory=lambda: defaultdict(list))
    observations_in_plan: dict = field(default_factory=lambda: defaultdict(list))
    tasks_led_by: dict = field(default_factory=lambda: defaultdict(list))
    tasks_joined_by: dict = field(default_factory=lambda: defaultdict(list))
    plans_issued_by: dict = field(default_factory=lambda: defaultdict(list))
    tasks_in_sector: dict = field(default_factory=lambda: defaultdict(list))
    targets_in_sector: dict = field(default_factory=lambda: defaultdict(list))
    indicators_in_sector: dict = field(default_factory=lambda: defaultdict(list))
    sector_children: dict = field(default_factory=lambda: defaultdict(list))
    agency_children: dict = field(default_factory=lambda: defaultdict(list))
    targets_of_indicator: dict = field(default_factory=lambda: defaultdict(list))
    observations_of_indicator: dict = field(default_factory=lambda: defaultdict(list))
    region_children: dict = field(default_factory=lambda: defaultdict(list))
    plans_in_region: dict = field(default_factory=lambda: defaultdict(list))
    agencies_in_region: dict = field(default_factory=lambda: defaultdict(list))
    indicators_in_region: dict = field(default_factory=lambda: defaultdict(list))
    indicators_by_measure: dict = field(default_factory=lambda: defaultdict(list))
    plans_issued_in: dict = field(default_factory=lambda: defaultdict(list))
    plans_in_force_in: dict = field(default_factory=lambda: defaultdict(list))
    targets_due_in: dict = field(default_factory=lambda: defaultdict(list))
    observations_in: dict = field(default_factory=lambda: defaultdict(list))
    notes_about: dict = field(default_factory=lambda: defaultdict(list))
    relations_to: dict = field(default_factory=lambda: defaultdict(list))  # plan id → [(Relation, from Plan)]
    target_by_key: dict = field(default_factory=dict)  # "plan#target" → TargetRef
    replaces: dict = field(default_factory=lambda: defaultdict(list))  # "plan#target" → [older TargetRef]
    plan_items: dict = field(default_factory=dict)  # (plan id, item id) → (kind, record)
    shared_short_names: set = field(default_factory=set)  # (lang, short name) used in two regions
    sources: dict = field(default_factory=dict)  # plan id → SourceDoc (see source_text), when loaded
    progress: dict = field(default_factory=dict)  # "plan#target" → Progress (see progress.py)
    placement: dict = field(default_factory=dict)  # plan id → {item id: page source} (plan_pages.py)
    releases: list = field(default_factory=list)  # load.releases.Release, newest first

    @property
    def comparisons(self) -> dict:
        """Measures reported by indicators of more than one region: ``{measure: [indicators]}``."""
        return {measure: inds for measure, inds in self.indicators_by_measure.items()
                if len({i.region for i in inds}) > 1}

    @property
    def years(self) -> list[int]:
        keys = set(self.plans_issued_in) | set(self.plans_in_force_in) | \
            set(self.targets_due_in) | set(self.observations_in)
        return sorted(keys)

    def sector_lineage(self, sector_id: str) -> list[str]:
        """The sector and its ancestors, nearest first."""
        out = []
        while sector_id and sector_id not in out:
            out.append(sector_id)
            sector_id = self.sectors[sector_id].parent
        return out

    def notes_for(self, plan: Plan, item_id: str) -> list[Note]:
        return self.notes_about.get((plan.id, item_id), [])

    def sections_of(self, plan: Plan) -> list[Section]:
        return list(iter_sections(plan.sections))


def link(ds: Dataset) -> Model:
    """The model's ids and indexes; assumes ``ds`` passed validation (every reference resolves).
    Not yet complete: ``complete.resolve`` adds what is derived from the whole and freezes it."""
    m = Model(dataset=ds)
    for name in ("regions", "agencies", "sectors", "units", "indicators", "plans"):
        setattr(m, name, {r.id: r for r in getattr(ds, name)})

    for region in ds.regions:
        if region.parent:
            m.region_children[region.parent].append(region)
    regions_of: dict = defaultdict(set)
    for agency in ds.agencies:
        for lang in ("zh", "en"):
            if agency.short and agency.short.get(lang):
                regions_of[(lang, agency.short.get(lang))].add(agency.region)
    m.shared_short_names = {key for key, regions in regions_of.items() if len(regions) > 1}
    for agency in ds.agencies:
        m.agencies_in_region[agency.region].append(agency)
        if agency.parent:
            m.agency_children[agency.parent].append(agency)
    for sector in ds.sectors:
        if sector.parent:
            m.sector_children[sector.parent].append(sector)
    for ind in ds.indicators:
        m.indicators_in_region[ind.region].append(ind)
        if ind.measure:
            m.indicators_by_measure[ind.measure].append(ind)
        for sector_id in _with_ancestors(m, ind.sectors):
            m.indicators_in_sector[sector_id].append(ind)

    for plan in ds.plans:
        m.plans_in_region[plan.region].append(plan)
        if plan.issuer:
            m.plans_issued_by[plan.issuer].append(plan)
        year = plan_year(plan)
        if year:
            m.plans_issued_in[year].append(plan)
        for y in years_in_force(plan):
            m.plans_in_force_in[y].append(plan)
        for kind, item in plan_items(plan):
            m.plan_items[(plan.id, item.id)] = (kind, item)
        for rel in plan.relations:
            m.relations_to[rel.target].append((rel, plan))
        for note in plan.notes:
            for about in note.about or (plan.id,):
                m.notes_about[(plan.id, about)].append(note)
        for ref in _walk(plan, plan.sections):
            m.tasks.append(ref)
            m.tasks_in_plan[plan.id].append(ref)
            for agency_id in ref.task.lead:
                m.tasks_led_by[agency_id].append(ref)
            for agency_id in ref.task.participants:
                m.tasks_joined_by[agency_id].append(ref)
            task_sectors = _with_ancestors(m, ref.task.sectors)
            for sector_id in task_sectors:
                m.tasks_in_sector[sector_id].append(ref)
            for target in ref.task.targets:
                tref = TargetRef(ref, target)
                m.target_by_key[f"{plan.id}#{target.id}"] = tref
                if target.replaced_by:
                    m.replaces[target.replaced_by].append(tref)
                m.targets.append(tref)
                m.targets_in_plan[plan.id].append(tref)
                m.targets_of_indicator[target.indicator].append(tref)
                if isinstance(target.year, int):
                    m.targets_due_in[target.year].append(tref)
                ind_sectors = _with_ancestors(m, m.indicators[target.indicator].sectors)
                for sector_id in dict.fromkeys(task_sectors + ind_sectors):
                    m.targets_in_sector[sector_id].append(tref)
        for obs in plan.observations:
            oref = ObservationRef(plan, obs)
            m.observations.append(oref)
            m.observations_in_plan[plan.id].append(oref)
            m.observations_of_indicator[obs.indicator].append(oref)
            m.observations_in[period_end_year(obs.period)].append(oref)
    return m


def _with_ancestors(m: Model, sector_ids) -> list[str]:
    out: list[str] = []
    for sector_id in sector_ids:
        for s in m.sector_lineage(sector_id):
            if s not in out:
                out.append(s)
    return out
