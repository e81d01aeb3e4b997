"""One view per page and language: what the page shows, grouped and ordered, ready to render.

Views decide content and order; templates decide wording and layout. Each builder returns
``PageView`` objects; ``build_views`` runs them all for one language in a fixed order.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable

from . import plan_pages
from .labels import LABELS
from ..model.records import Text
from ..model.values import LANGS
from .resolve import Model
from ..model.schema import record_specs, registry_file
from .urls import CHANGES, DICTIONARY, page_src, part_src, source_src

DATA = "data"


@dataclass
class PageView:
    """A page to generate: where it goes, which template draws it, with what."""

    kind: str  # home, plan, plan-index, sector, …
    src: str  # language-neutral Markdown path, e.g. sectors/logistics.md
    template: str
    title: Text
    context: dict = field(default_factory=dict)
    data_files: tuple = ()  # the YAML files the page is made from, for the edit link
    in_nav: bool = False


def _by_plan(task_refs) -> list[tuple]:
    """Group task refs by plan, keeping document order: ``[(plan, [TaskRef…]), …]``."""
    groups: dict = defaultdict(list)
    order = []
    for ref in task_refs:
        if ref.plan.id not in groups:
            order.append(ref.plan)
        groups[ref.plan.id].append(ref)
    return [(plan, groups[plan.id]) for plan in order]


def _label(key: str) -> Text:
    return Text(**LABELS[key])


def home(m: Model, lang: str) -> list[PageView]:
    counts = {
        "plans": len(m.plans), "tasks": len(m.tasks), "targets": len(m.targets),
        "observations": len(m.observations), "agencies": len(m.agencies),
        "sectors": len(m.sectors), "indicators": len(m.indicators), "regions": len(m.regions),
    }
    groups = [(s, m.sector_children.get(s.id, [])) for s in m.sectors.values() if not s.parent]
    top_regions = [r for r in m.regions.values() if not r.parent]
    by_region = [(r, _targets_in_region(m, r.id)) for r in m.regions.values()]
    return [PageView("home", page_src("home"), "home.md.j2", _label("site_name"),
                     {"counts": counts, "plans": list(m.plans.values()), "groups": groups,
                      "top_regions": top_regions,
                      "region_children": {r.id: list(m.region_children.get(r.id, ())) for r in top_regions},
                      "targets_by_region": [(r, rows) for r, rows in by_region if rows]}, in_nav=True)]


def _targets_in_region(m: Model, region_id: str) -> list:
    return [ref for plan in m.plans_in_region.get(region_id, []) for ref in m.targets_in_plan.get(plan.id, [])]


def plans(m: Model, lang: str) -> list[PageView]:
    views = [PageView("plan-index", page_src("plan"), "plan_index.md.j2", _label("plans"),
                      {"plans": list(m.plans.values())}, in_nav=True)]
    for plan in m.plans.values():
        views.append(PageView("plan", page_src("plan", plan.id), "plan.md.j2", plan.title,
                              {"plan": plan, "tasks": m.tasks_in_plan.get(plan.id, []),
                               "targets": m.targets_in_plan.get(plan.id, []),
                               "observations": m.observations_in_plan.get(plan.id, []),
                               "paged": plan_pages.is_paged(m, plan.id),
                               "has_source_text": plan.id in m.sources},
                              data_files=(f"{DATA}/plans/{plan.id}.yaml",)))
        if plan_pages.is_paged(m, plan.id):
            views += _plan_parts(m, plan)
        source = m.sources.get(plan.id)
        if source is not None:
            views.append(PageView("plan-source", source_src(plan.id), "source.md.j2",
                                  Text(zh=f"{plan.title.pick('zh')[0]}：原文",
                                       en=f"{plan.title.pick('en')[0]}: source text"),
                                  {"plan": plan, "source": source},
                                  data_files=(f"{DATA}/sources/{plan.source.file}",)))
    return views


def _plan_parts(m: Model, plan) -> list[PageView]:
    """The pages of a long plan besides its overview: one per top-level section, and its figures."""
    data_files = (f"{DATA}/plans/{plan.id}.yaml",)
    views = []
    tops = list(plan.sections)
    for i, section in enumerate(tops):
        title = Text(**{lang: f"{section.title.pick(lang)[0]} · {plan.title.pick(lang)[0]}"
                        for lang in ("zh", "en")})
        tasks = [ref for ref in m.tasks_in_plan.get(plan.id, []) if ref.sections[0] is section]
        views.append(PageView("plan-section", plan_pages.section_src(plan.id, section.id),
                              "plan_section.md.j2", title,
                              {"plan": plan, "section": section, "position": i + 1, "of": len(tops),
                               "around": plan_pages.sections_around(plan, section.id),
                               "tasks": tasks,
                               "targets": [t for t in m.targets_in_plan.get(plan.id, [])
                                           if t.task.sections[0] is section]},
                              data_files=data_files))
    observations = m.observations_in_plan.get(plan.id, [])
    if observations:
        title = Text(**{lang: LABELS["observations"][lang] + " · " + plan.title.pick(lang)[0]
                        for lang in ("zh", "en")})
        views.append(PageView("plan-figures", plan_pages.figures_src(plan.id), "plan_figures.md.j2",
                              title, {"plan": plan, "observations": observations},
                              data_files=data_files))
    return views


# A sector's or a year's page lists every task, target and figure of every region; past this many
# rows (and with more than one region) it shows a summary, and each region's rows on a page of
# their own, so that no page grows with the number of cities (a province: hundreds of plans).
# The real data's longest sector page has 145 rows and stays whole.
PARTS_OVER = 200


def _grouped(rows, key: Callable) -> dict[str, list]:
    """``rows`` by ``key(row)``, each group in the rows' order."""
    out: dict[str, list] = defaultdict(list)
    for row in rows:
        out[key(row)].append(row)
    return out


def _titled(whole: Text, region) -> Text:
    """A region's part's title: 物流 · 嘉兴市 / Logistics · Jiaxing."""
    return Text(**{lang: " · ".join(t for t in (whole.get(lang), region.name.get(lang)) if t) or None
                   for lang in LANGS})


def _in_parts(m: Model, kind: str, key, title: Text, src: str, template: str, context: dict, rows: int,
              regions_of: dict[str, Callable], parts_over: int, data_files: tuple = (),
              in_nav: bool = False) -> list[PageView]:
    """The page of ``key``, whole; or, past ``PARTS_OVER`` rows in more than one region, its
    summary (``parts``: ``[(region, context, part source)]``) and one page per region, made from
    the same template with the rows of that region (``regions_of[name](region)``) in ``context``."""
    whole = [PageView(kind, src, template, title, context, data_files, in_nav)]
    if rows <= parts_over:
        return whole
    regions = [r for r in m.regions if any(fn(r) for fn in regions_of.values())]
    if len(regions) < 2:
        return whole
    parts, views = [], []
    for r in regions:
        region = m.regions[r]
        part = {**context, **{name: fn(r) for name, fn in regions_of.items()},
                "region": region, "whole": src, "whole_title": title}
        views.append(PageView(kind, part_src(kind.removesuffix("-index"), key, r), template,
                              _titled(title, region), part, data_files))
        parts.append((region, part, views[-1].src))
    return [PageView(kind, src, template, title, {**context, "parts": parts}, data_files, in_nav)] + views


def sectors(m: Model, lang: str, parts_over: int = PARTS_OVER) -> list[PageView]:
    groups = [(s, m.sector_children.get(s.id, [])) for s in m.sectors.values() if not s.parent]
    views = [PageView("sector-index", page_src("sector"), "sector_index.md.j2", _label("sectors"),
                      {"groups": groups}, in_nav=True)]
    for sector in m.sectors.values():
        tasks = m.tasks_in_sector.get(sector.id, [])
        targets = m.targets_in_sector.get(sector.id, [])
        indicators_ = m.indicators_in_sector.get(sector.id, [])
        plans_ = list(dict.fromkeys(ref.plan.id for ref in tasks))
        regions_ = list(dict.fromkeys(m.plans[p].region for p in plans_))
        tasks_in = _grouped(tasks, lambda ref: ref.plan.region)  # (looked up only if the page is split)
        targets_in = _grouped(targets, lambda ref: ref.plan.region)
        indicators_in = _grouped(indicators_, lambda ind: ind.region)
        regional = {"by_plan": lambda r, g=tasks_in: _by_plan(g.get(r, [])),
                    "task_count": lambda r, g=tasks_in: len(g.get(r, [])),
                    "targets": lambda r, g=targets_in: g.get(r, []),
                    "indicators": lambda r, g=indicators_in: g.get(r, []),
                    "involved": lambda r, g=tasks_in: _involvement(m, g.get(r, [])),
                    "plan_ids": lambda r, p=plans_: [x for x in p if m.plans[x].region == r],
                    "region_ids": lambda r, g=regions_: [x for x in g if x == r]}
        context = {"sector": sector, "children": m.sector_children.get(sector.id, []),
                   "by_plan": _by_plan(tasks), "task_count": len(tasks), "targets": targets,
                   "indicators": indicators_, "involved": _involvement(m, tasks),
                   "plan_ids": plans_, "region_ids": regions_}
        views += _in_parts(m, "sector", sector.id, sector.name, page_src("sector", sector.id), "sector.md.j2",
                           context, len(tasks) + len(targets), regional, parts_over,
                           data_files=(f"{DATA}/{registry_file('sector')}",))
    return views


def _involvement(m: Model, task_refs) -> list[tuple]:
    """Agencies ordered by how many of these tasks they lead or join: ``(agency, leads, joins)``."""
    leads: Counter = Counter()
    joins: Counter = Counter()
    for ref in task_refs:
        leads.update(ref.task.lead)
        joins.update(ref.task.participants)
    order = {agency_id: i for i, agency_id in enumerate(m.agencies)}
    ids = list(dict.fromkeys(list(leads) + list(joins)))
    ids.sort(key=lambda a: (-(leads[a] * 2 + joins[a]), order[a]))
    return [(m.agencies[a], leads[a], joins[a]) for a in ids]


def _by_sector(m: Model, led, joined) -> list[tuple]:
    """``(sector, tasks led, tasks joined)`` for the sectors an agency's tasks are tagged with."""
    leads: Counter = Counter(s for ref in led for s in ref.task.sectors)
    joins: Counter = Counter(s for ref in joined for s in ref.task.sectors)
    order = {sector_id: i for i, sector_id in enumerate(m.sectors)}
    ids = sorted(set(leads) | set(joins), key=lambda s: (-(leads[s] * 2 + joins[s]), order[s]))
    return [(m.sectors[s], leads[s], joins[s]) for s in ids]


def agencies(m: Model, lang: str) -> list[PageView]:
    by_region = [(r, m.agencies_in_region.get(r.id, [])) for r in m.regions.values()
                 if m.agencies_in_region.get(r.id)]
    views = [PageView("agency-index", page_src("agency"), "agency_index.md.j2", _label("agencies"),
                      {"by_region": by_region}, in_nav=True)]
    for agency in m.agencies.values():
        led = m.tasks_led_by.get(agency.id, [])
        joined = m.tasks_joined_by.get(agency.id, [])
        partners = _involvement(m, led + joined)
        partners = [p for p in partners if p[0].id != agency.id][:10]
        by_sector = _by_sector(m, led, joined)
        views.append(PageView("agency", page_src("agency", agency.id), "agency.md.j2", agency.name,
                              {"agency": agency, "led_by_plan": _by_plan(led),
                               "joined_by_plan": _by_plan(joined), "led": led, "joined": joined,
                               "issued": m.plans_issued_by.get(agency.id, []),
                               "children": m.agency_children.get(agency.id, []),
                               "partners": partners, "by_sector": by_sector,
                               "led_targets": [t for ref in led for t in m.targets if t.task is ref]},
                              data_files=(f"{DATA}/{registry_file('agency')}",)))
    return views


def years(m: Model, lang: str, parts_over: int = PARTS_OVER) -> list[PageView]:
    rows = [(y, len(m.plans_issued_in.get(y, [])), len(m.plans_in_force_in.get(y, [])),
             len(m.targets_due_in.get(y, [])), len(m.observations_in.get(y, [])))
            for y in m.years]
    views = [PageView("year-index", page_src("year"), "year_index.md.j2", _label("years"),
                      {"rows": rows}, in_nav=True)]
    for y in m.years:
        context = {"year": y, "issued": m.plans_issued_in.get(y, []), "in_force": m.plans_in_force_in.get(y, []),
                   "due": m.targets_due_in.get(y, []), "observed": m.observations_in.get(y, [])}
        regional = {name: (lambda r, g=_grouped(rows, lambda x: getattr(x, "plan", x).region): g.get(r, []))
                    for name, rows in context.items() if name != "year"}
        views += _in_parts(m, "year", y, Text(zh=f"{y}年", en=str(y)), page_src("year", y), "year.md.j2",
                           context, sum(len(rows) for name, rows in context.items() if name != "year"), regional,
                           parts_over)
    return views


def indicators(m: Model, lang: str, parts_over: int = PARTS_OVER) -> list[PageView]:
    groups = _indicator_groups(m)
    # an index row is short (a name, a unit, two counts): three of them weigh about one detail row
    views = _in_parts(m, "indicator-index", "by-region", _label("indicators"), page_src("indicator"),
                      "indicator_index.md.j2", {"groups": groups}, len(m.indicators),
                      {"groups": lambda r: [g for g in groups if g[0].id == r],
                       "indicator_count": lambda r: len(m.indicators_in_region.get(r, []))},
                      3 * parts_over, in_nav=True)
    for ind in m.indicators.values():
        targets, observations = m.targets_of_indicator.get(ind.id, []), m.observations_of_indicator.get(ind.id, [])
        others = [i for i in m.indicators_by_measure.get(ind.measure, []) if i.region != ind.region] if ind.measure else []
        views.append(PageView("indicator", page_src("indicator", ind.id), "indicator.md.j2", ind.name,
                              {"indicator": ind, "targets": targets, "observations": observations,
                               # the documents that set or report it, and the same measure elsewhere
                               "used_by": list(dict.fromkeys(r.plan.id for r in [*targets, *observations])),
                               "comparable": others},
                              data_files=(f"{DATA}/{registry_file('indicator')}",)))
    return views


def _indicator_groups(m: Model) -> list[tuple]:
    """Indicators by region, then by sector group (the top of their first sector's tree):
    ``[(region, [(group sector or None, [indicators])])]``, in data order."""
    out = []
    for region in m.regions.values():
        inds = m.indicators_in_region.get(region.id, [])
        if not inds:
            continue
        by_group: dict = {}
        for ind in inds:
            top = m.sector_lineage(ind.sectors[0])[-1] if ind.sectors else None
            by_group.setdefault(top, []).append(ind)
        order = list(m.sectors)
        keys = sorted(by_group, key=lambda k: order.index(k) if k else len(order))
        out.append((region, [(m.sectors[k] if k else None, by_group[k]) for k in keys]))
    return out


def regions(m: Model, lang: str) -> list[PageView]:
    views = [PageView("region-index", page_src("region"), "region_index.md.j2", _label("regions"),
                      {"regions": list(m.regions.values())}, in_nav=True)]
    for region in m.regions.values():
        views.append(PageView("region", page_src("region", region.id), "region.md.j2", region.name,
                              {"region": region, "children": m.region_children.get(region.id, []),
                               "plans": m.plans_in_region.get(region.id, []),
                               "region_agencies": m.agencies_in_region.get(region.id, []),
                               "indicators": m.indicators_in_region.get(region.id, []),
                               "targets": _targets_in_region(m, region.id)},
                              data_files=(f"{DATA}/{registry_file('region')}",)))
    return views


def comparisons(m: Model, lang: str) -> list[PageView]:
    measures = m.comparisons
    views = [PageView("compare-index", page_src("compare"), "compare_index.md.j2", _label("compare"),
                      {"measures": measures}, in_nav=True)]
    for measure, inds in measures.items():
        title = Text(**{lang: _compare_title(m, inds, lang) for lang in ("zh", "en")})
        views.append(PageView("compare", page_src("compare", measure), "compare.md.j2", title,
                              {"measure": measure, "indicators": inds},
                              data_files=(f"{DATA}/{registry_file('indicator')}",)))
    return views


def _compare_title(m: Model, inds, lang: str) -> str:
    """``服务业增加值：嘉兴市、淮安市`` / ``Service industry value added: Jiaxing, Huai'an``: the
    measure's name (the first indicator's name without its city) and the cities."""
    region = m.regions[inds[0].region].name.pick(lang)[0]
    name = inds[0].name.pick(lang)[0]
    if name.startswith(region) and len(name) > len(region):
        name = name[len(region):].strip()
        name = name[0].upper() + name[1:]
    places = list(dict.fromkeys(m.regions[i.region].name.pick(lang)[0] for i in inds))
    return name + ("：" + "、".join(places) if lang == "zh" else ": " + ", ".join(places))


def field_reference(m: Model, lang: str) -> list[PageView]:
    """Every record kind with every field, from the record definitions (``model/records.py``)."""
    records = [{
        "name": name, "title": spec.title.pick(lang)[0], "anchor": name.replace(" ", "-").replace("'", ""),
        "doc": spec.doc.pick(lang)[0],
        "fields": [(key, f.required, f.spec.describe(lang), f.doc.pick(lang)[0]) for key, f in spec.fields.items()],
    } for name, spec in record_specs()]
    return [PageView("fields", "maintainers/fields.md", "fields.md.j2", _label("fields_title"), {"records": records}, in_nav=True)]  # in mkdocs.yml's nav


def dictionary(m: Model, lang: str) -> list[PageView]:
    """The downloads and what every column of them means (``/downloads/``)."""
    return [PageView("dictionary", DICTIONARY, "dictionary.md.j2", _label("dictionary_title"),
                     {"tables": ("plans", "tasks", "targets", "observations", "agencies", "sectors", "indicators"),
                      "data_schemas": ("plan", "regions", "agencies", "sectors", "units", "indicators")})]


def data_changes(m: Model, lang: str) -> list[PageView]:
    """The data's releases, newest first, and what each changed (``/changes/``)."""
    releases = [(r, m.releases[i + 1].version if i + 1 < len(m.releases) else None) for i, r in enumerate(m.releases)]
    return [PageView("changes", CHANGES, "changes.md.j2", _label("changes_title"), {"releases": releases})]


BUILDERS: tuple[Callable[[Model, str], list[PageView]], ...] = (
    home, plans, sectors, agencies, years, indicators, comparisons, regions, field_reference, dictionary, data_changes)


COUNTED = ("tasks_in_plan", "tasks_led_by", "tasks_joined_by", "tasks_in_sector", "targets_in_sector",
           "targets_of_indicator", "observations_of_indicator", "plans_in_region", "agencies_in_region")


def tally(m: Model) -> dict[str, dict]:
    """How many records each index of the model holds per key (``tally.tasks_in_plan[id]``), for
    the index tables: templates read views, never the model."""
    return {name: {key: len(rows) for key, rows in getattr(m, name).items()} for name in COUNTED}


def build_views(m: Model, lang: str, parts_over: int = PARTS_OVER) -> list[PageView]:
    """Every generated page for ``lang``, in a fixed order; each view also carries ``tally``.
    ``parts_over``: rows past which a sector's or a year's page (and three times as many for the
    indicator index) is shown by region (tests lower it)."""
    out: list[PageView] = []
    for builder in BUILDERS:
        out += builder(m, lang, parts_over) if builder in (sectors, years, indicators) else builder(m, lang)
    shared = tally(m)
    for view in out:
        view.context["tally"] = shared
    return out
