"""Render page views to Markdown with Jinja2 templates, one language at a time.

Text from the data is escaped for Markdown and HTML here (``tx``, ``md``), so a ``<script>`` or a
``|`` in a title shows as text. Text shown in the other language because a translation is missing
is marked inline and announced at the top of the page.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import present
from .template_cache import bytecode_cache
from ..build import plan_pages
from ..build.labels import LABELS, label
from ..model.records import MILESTONE, NOT_PRINTED, Text
from .safe_text import finalize, link_title, text_in
from .safe_text import text as as_text
from .chart import Point, Series, indicator_chart, period_x, status_bar
from ..build.progress import STATUSES, progress
from ..build.resolve import Model, TaskRef, plan_year
from ..build.urls import DICTIONARY, DOWNLOADS, page_src, relative, relative_url, source_src
from ..outputs.columns import dictionary, values
from ..outputs.export import first_rows
from ..outputs.page_downloads import file_src, selection
from .search_filters import filter_html
from ..build.views import PageView

def _ours(value):
    """What a helper returns is Markdown we wrote (data inside it already escaped): mark it so
    that ``finalize`` prints it as it is. Lists and tuples (table rows) are marked item by item."""
    if isinstance(value, str):
        return Markup(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_ours(v) for v in value)
    return value


def _helper(fn):
    return lambda *args, **kwargs: _ours(fn(*args, **kwargs))


class PageRenderer:
    """Renders one page; knows the page's path (for relative links) and its language."""

    def __init__(self, env: jinja2.Environment, model: Model, lang: str, view: PageView):
        self.env = env
        self.m = model
        self.lang = lang
        self.view = view
        self.fallbacks = 0

    # -- text -------------------------------------------------------------------------------
    def tx(self, text: Text | None) -> str:
        """A bilingual text in this page's language (its runs in the other script marked with
        ``lang``), or in the other language, marked, with a notice at the top of the page."""
        if text is None:
            return ""
        value, used = text.pick(self.lang)
        if used == self.lang:
            return text_in(value, self.lang)
        self.fallbacks += 1
        return (f'<span class="atlas-fallback" lang="{used}" '
                f'title="{label("fallback_mark", self.lang)}">{as_text(value)}</span>')

    def words(self, values) -> str:
        """A list of names or keywords written in either language (aliases, search keywords),
        each marked with ``lang`` when it is in the other one."""
        return ("、" if self.lang == "zh" else ", ").join(text_in(v, self.lang) for v in values)

    # -- links ------------------------------------------------------------------------------
    def link(self, kind: str, key=None, anchor: str | None = None) -> str:
        """A relative link to an entity's page (for a part of a plan: the page that shows it)."""
        if kind != "plan" or not key:
            return relative(self.view.src, page_src(kind, key), anchor)
        to, on_page = plan_pages.item_page(self.m, key, anchor)
        return relative(self.view.src, to, on_page if to != self.view.src else anchor)

    def moved_map(self, plan_id: str) -> str:
        """On a paged plan's overview: where the anchors it does not show went, as JSON that
        ``atlas.js`` follows, so that ``plans/<id>/#<task-id>`` keeps working."""
        where = {item: relative_url(self.view.src, src) for item, src in plan_pages.moved(self.m, plan_id).items()}
        data = json.dumps(where, ensure_ascii=True, sort_keys=True)
        data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return f'<script type="application/json" id="atlas-moved">{data}</script>'

    def in_lang(self, escaped: str, lang: str) -> str:
        """Text in ``lang`` marked as such when it is not the page's language (WCAG 3.1.2)."""
        return escaped if lang == self.lang else f'<span lang="{lang}">{escaped}</span>'

    def passage(self, plan_id: str, item_id: str, text: str | None = None, shown: str | None = None) -> str:
        """A link to the paragraph of the source text that ``item_id`` comes from ("" if none),
        reading as ``text`` (a quote, in the source's language and marked so) or as ``shown``
        (our own words, in the page's language)."""
        source = self.m.sources.get(plan_id)
        pid = source.anchors.get(item_id) if source else None
        quoted = self.in_lang(as_text(text), self.m.plans[plan_id].original_language) if text else (shown or "")
        if not pid:
            return quoted
        shown = quoted or f"¶{pid[1:]}"
        return f"[{shown}]({relative(self.view.src, source_src(plan_id), pid)})"

    def paragraph(self, p) -> str:
        """One numbered source paragraph, corrections marked, with links to what cites it."""
        plan_id = self.view.context["plan"].id
        plan_page = page_src("plan", plan_id)
        parts = [f"[¶{p.number}](#{p.id}){{ .atlas-pnum }}"]
        for seg in p.segments:
            if seg.note:
                parts.append(f'<ins class="atlas-correction" title="{label("corrected", self.lang)}">'
                             f'{as_text(seg.text)}</ins>[\\*]({relative(self.view.src, plan_page, seg.note)}'
                             f' "{label("corrected", self.lang)}")')
            else:
                parts.append(as_text(seg.text))
        original = self.view.context["plan"].original_language
        mark = "" if original == self.lang else f' lang="{original}"'
        text = parts[0] + " " + "".join(parts[1:]) + f"\n{{: #{p.id} .atlas-para{mark} }}"
        cited = self.m.sources[plan_id].cited_by.get(p.id, [])
        if cited:
            links = [self.item(plan_id, item_id) for item_id in cited]
            sep = "；" if self.lang == "zh" else "; "
            text += f"\n\n{label('cited_by', self.lang)}{sep.join(links)}\n{{: .atlas-cited }}"
        return text

    def download(self, name: str) -> str:
        return relative(self.view.src, f"{DOWNLOADS}/{name}")

    def ref(self, kind: str, key, text: Text | None = None) -> str:
        """``[name](relative link)`` for an entity, in this language."""
        names = {"agency": self.m.agencies, "sector": self.m.sectors, "region": self.m.regions,
                 "indicator": self.m.indicators, "plan": self.m.plans}
        if text is None:
            record = names[kind][key]
            if kind == "plan" and record.short:
                full = record.title.pick(self.lang)[0].replace('"', "'")
                return f'[{self.tx(record.short)}]({self.link(kind, key)} "{link_title(full)}")'
            text = record.title if kind == "plan" else record.name
        return f"[{self.tx(text)}]({self.link(kind, key)})"

    def agency(self, agency_id: str, short: bool = True) -> str:
        """An agency by its short name (with its region when another region's agency has the
        same short name: 市科技局（桐乡市）), its full name as the link's title."""
        a = self.m.agencies[agency_id]
        shown = a.short if (short and a.short) else a.name
        full = a.name.pick(self.lang)[0].replace('"', "'")
        where = ""
        if shown is a.short and (self.lang, shown.pick(self.lang)[0]) in self.m.shared_short_names:
            region = self.tx(self.m.regions[a.region].name)
            where = f"（{region}）" if self.lang == "zh" else f" ({region})"
        return f'[{self.tx(shown)}{where}]({self.link("agency", agency_id)} "{link_title(full)}")'

    def agencies(self, ids) -> str:
        sep = "、" if self.lang == "zh" else ", "
        return sep.join(self.agency(a) for a in ids) or "—"

    def sectors(self, ids) -> str:
        sep = "、" if self.lang == "zh" else ", "
        return sep.join(self.ref("sector", s) for s in ids) or "—"

    def task(self, ref: TaskRef, with_plan: bool = False) -> str:
        where = present.citation_number([s.number for s in ref.sections] + [ref.task.number], self.lang)
        text = f"[{as_text(where) + ' ' if where else ''}{self.tx(ref.task.title)}]({self.link('plan', ref.plan.id, ref.task.id)})"
        if with_plan:
            text += f" · {self.ref('plan', ref.plan.id)}"
        return text

    def num(self, number: str | None) -> str:
        """An item number ready to stand before a title (with its separator)."""
        prefix = present.item_number(number, self.lang)
        if not prefix:
            return ""
        return as_text(prefix) + ("" if prefix.endswith(("、", "）")) else " ")

    def item(self, plan_id: str, item_id: str) -> str:
        """A link to a section, task or target of a plan, named by its number and title."""
        kind, record = self.m.plan_items[(plan_id, item_id)]
        if kind in ("section", "task"):
            name = self.num(record.number) + self.tx(record.title)
        elif kind == "target":
            name = self.tx(record.text)
        else:
            name = as_text(record.id)
        return f"[{name}]({self.link('plan', plan_id, item_id)})"

    # -- values -----------------------------------------------------------------------------
    def _units(self, unit_id: str):
        unit = self.m.units[unit_id]
        return unit, self.m.units[unit.base]

    def target_value(self, target) -> str:
        unit, base = self._units(target.unit)
        if base.id == MILESTONE:
            return as_text(label("milestone_target", self.lang))
        return as_text(present.target_value(target.comparator, target.value, unit, self.lang, base))

    def obs_value(self, obs) -> str:
        if obs.achieved is not None:
            shown = label("milestone_done" if obs.achieved else "milestone_not_done", self.lang)
            if obs.date:
                when = str(obs.date) if isinstance(obs.date, int) else present.date(obs.date, self.lang)
                shown += ("，" if self.lang == "zh" else ", ") + label("milestone_since", self.lang).format(date=when)
        else:
            unit, base = self._units(obs.unit)
            shown = present.target_value(obs.comparator, obs.value, unit, self.lang, base)
        for flag in ("estimated", "preliminary"):
            if getattr(obs, flag):
                shown += f" ({label(flag, self.lang)})" if self.lang == "en" else f"（{label(flag, self.lang)}）"
        if obs.items:
            sep = "、" if self.lang == "zh" else "; "
            shown += (": " if self.lang == "en" else "：") + sep.join(i.pick(self.lang)[0] for i in obs.items)
        return text_in(shown, self.lang)

    def status(self, ref) -> str:
        """The target's progress as icon and words (never colour alone), linked to the rule, with
        the rule that decided it (and, by trajectory, the two growth rates)."""
        result = progress(self.m, ref)
        rule = relative(self.view.src, "about.md", "progress")
        name = label("status_" + result.status, self.lang)
        if result.rule == "trajectory":
            name += label("by_trajectory", self.lang)

        why = label("rule_" + result.rule, self.lang)
        if result.trajectory:
            path = result.trajectory
            why = label("trajectory_rates", self.lang).format(
                required=present.percent(path.required, self.lang), actual=present.percent(path.actual, self.lang),
                base=present.period_label(path.base.observation.period, self.lang))
        # the space keeps the two apart in text taken from the page (search excerpts, copying);
        # the rule is a block of its own on screen
        return (f'[{name}]({rule}){{ .atlas-status .atlas-status--{result.status} }} '
                f'<small class="atlas-rule">{as_text(why)}</small>')

    def url_link(self, url: str) -> str:
        """A source's web address (validated http/https, no spaces) as a link that reads as itself."""
        return f'<a href="{html.escape(url, quote=True)}" rel="nofollow noopener">{as_text(url)}</a>'

    def doc_link(self, target: str) -> str:
        """A related document: a link to its page when we hold it, else its number as printed."""
        if target in self.m.plans:
            return self.ref("plan", target)
        return text_in(target, self.lang) + label("doc_not_held", self.lang)

    def relations_to(self, plan_id: str) -> list[tuple[str, str]]:
        """``(type, links)`` of the documents relating to this one, one entry per type."""
        by_type: dict[str, list[str]] = {}
        for rel, other in self.m.relations_to.get(plan_id, []):
            by_type.setdefault(rel.type, []).append(self.ref("plan", other.id))
        sep = "、" if self.lang == "zh" else ", "
        return [(kind, sep.join(links)) for kind, links in by_type.items()]

    def lineage_of(self, plan_id: str, target) -> str:
        """For a target row: the later target replacing it, and the earlier ones it replaces."""
        def line(key: str, ref) -> str:
            return (f"<br><small>{label(key, self.lang)}[{self.target_value(ref.target)} · "
                    f"{self.deadline(ref.target)}]({self.link('plan', ref.plan.id, ref.target.id)})"
                    f" · {self.ref('plan', ref.plan.id)}</small>")
        newer = [self.m.target_by_key[target.replaced_by]] if target.replaced_by else []
        older = self.m.replaces.get(f"{plan_id}#{target.id}", [])
        return "".join([line("replaced_by", r) for r in newer] + [line("replaces", r) for r in older])

    def by_status(self, rows) -> list[tuple[str, list]]:
        """Target rows grouped by status, in the roll-up's order: ``[(status, rows)]``."""
        groups: dict[str, list] = {}
        for ref in rows:
            groups.setdefault(progress(self.m, ref).status, []).append(ref)
        return [(Markup(st), groups[st]) for st in STATUSES if st in groups]  # ours: used in anchors

    def rollup(self, rows, bar_id: str = "rollup", page: str | None = None) -> str:
        """How many of these targets are in each status: a small bar and the numbers, each
        number linking to the list of those targets (``#status-…`` on this page or on ``page``)."""
        groups = self.by_status(rows)
        if not groups:
            return ""
        names = {st: label("status_" + st, self.lang) for st in STATUSES}
        bar = status_bar({st: len(g) for st, g in groups}, names, bar_id)
        def href(st: str) -> str:
            return relative_url(self.view.src, page, f"status-{st}") if page else f"#status-{st}"
        items = "".join(f'<li class="atlas-rollup__item"><span class="atlas-status atlas-status--{st}">{names[st]}</span> '
                        f'<a href="{href(st)}">{len(g)}</a></li>' for st, g in groups)
        total = f'<span class="atlas-rollup__total">{label("targets", self.lang)}{"：" if self.lang == "zh" else ": "}{len(rows)}</span>'
        return f'<div class="atlas-rollup">{total}{bar}<ul class="atlas-rollup__list">{items}</ul></div>'

    def note_refs(self, plan, item_id: str) -> str:
        """A line pointing to the editor's notes about an item: each note is printed once, in the
        plan's notes, and the sections and tasks it concerns link to it ("" if none)."""
        notes = [n for n in self.m.notes_for(plan, item_id) if item_id != plan.id]
        if not notes:
            return ""
        links = []
        for n in notes:
            text = n.text.pick(self.lang)[0]
            short = text if len(text) <= 40 else text[:38].rstrip() + "…"
            links.append(f"[{text_in(short, self.lang)}]({self.link('plan', plan.id, n.id)})")
        sep = "；" if self.lang == "zh" else "; "
        colon = "：" if self.lang == "zh" else ": "
        return f"{label('note_ref', self.lang)}{colon}{sep.join(links)}\n{{: .atlas-noteref }}\n"

    def plan_summary(self, plan) -> str:
        """One sentence saying what the document is: kind, issuer, date, period, size."""
        kind = label("kind_" + plan.kind, self.lang)
        issuer = self.agency(plan.issuer, short=False) if plan.issuer else ""
        year = plan_year(plan)
        counts = (len(self.m.tasks_in_plan.get(plan.id, [])), len(self.m.targets_in_plan.get(plan.id, [])),
                  len(self.m.observations_in_plan.get(plan.id, [])))
        period = present.period(plan.period.start, plan.period.end, self.lang)
        return label("plan_summary", self.lang).format(
            kind=kind, issuer=issuer or label("issuer_unknown", self.lang),
            year=year or label("not_stated", self.lang), period=period,
            tasks=counts[0], targets=counts[1], figures=counts[2]) + "\n{: .atlas-summary }"

    def printed(self, value) -> str:
        """A source title or publisher: the bilingual text, or "not printed" in this language."""
        return label("not_printed", self.lang) if value == NOT_PRINTED else self.tx(value)

    def latest(self, ref) -> str:
        """The figure a target's status rests on (or the latest one), with its period."""
        result = progress(self.m, ref)
        if result.figure is None:
            return "—"
        o = result.figure
        when = present.period_label(o.observation.period, self.lang)
        return f"{self.obs_value(o.observation)} ({as_text(when)}, {self.passage(o.plan.id, o.observation.id, shown=label('source_short', self.lang)) or self.ref('plan', o.plan.id)})"

    def _series(self, indicator, name: str = ""):
        """An indicator's dated targets and numeric figures as chart points, in base units."""
        to_base = lambda value, unit_id: value * self.m.units[unit_id].factor  # noqa: E731
        targets = []
        for ref in self.m.targets_of_indicator.get(indicator.id, []):
            t = ref.target
            if not isinstance(t.year, int):
                continue
            low, high = (t.value if isinstance(t.value, tuple) else (t.value, None))
            unit, ubase = self._units(t.unit)
            label_text = (f"{name + ' · ' if name else ''}"
                          f"{present.target_value(t.comparator, t.value, unit, self.lang, ubase)} · "
                          f"{present.deadline(t.year, t.basis, self.lang)}")
            targets.append(Point(float(t.year), to_base(low, t.unit), label_text,
                                 to_base(high, t.unit) if high is not None else None))
        figures = []
        for ref in self.m.observations_of_indicator.get(indicator.id, []):
            o = ref.observation
            if o.value is None:  # a milestone: the table says it, the chart has no scale for it
                continue
            unit, ubase = self._units(o.unit)
            figures.append(Point(period_x(o.period), to_base(o.value, o.unit),
                                 f"{name + ' · ' if name else ''}{present.with_unit(o.value, unit, self.lang, ubase)} · "
                                 f"{present.period_label(o.period, self.lang)}",
                                 part="-" in o.period or ".." in o.period))
        return Series(name, targets, figures)

    def _axis_unit(self, indicator) -> str:
        """The unit the chart's axis is counted in, as the indicator names it: 家 / enterprises
        for a count of enterprises (not the base unit's 个 / items), 元 for money."""
        unit = self.m.units[indicator.unit]
        base = self.m.units[unit.base]
        return (unit if unit.factor == 1 and not base.scale else base).name.pick(self.lang)[0]

    def chart(self, indicators, title: str | None = None, chart_id: str = "chart") -> str:
        """One SVG chart of one or more indicators of the same measure (one series each, on one
        scale), with its legend, as a raw HTML block ("" if no dated data)."""
        indicators = indicators if isinstance(indicators, (list, tuple)) else [indicators]
        first = indicators[0]
        base = self.m.units[self.m.units[first.unit].base]
        if base.id == MILESTONE:
            return ""
        many = len(indicators) > 1
        series = [self._series(ind, self.m.regions[ind.region].name.pick(self.lang)[0] if many else "")
                  for ind in indicators]
        if not any(s.targets or s.figures for s in series):
            return ""
        svg = indicator_chart(series, title or first.name.pick(self.lang)[0],
                              (lambda v: present.compact(v, self.lang)) if base.scale else present.number,
                              label("chart_x", self.lang), self._axis_unit(first), chart_id)
        legend = label("chart_legend", self.lang)
        return (f'<figure class="atlas-figure">{svg}<figcaption>{legend} '
                f'<a href="#{chart_id}-data">{label("chart_table_link", self.lang)}</a></figcaption></figure>')

    def chart_rows(self, indicators) -> list[tuple]:
        """The chart's data in time order: ``(x, period text, kind, value text, where, status, place)``,
        for one indicator or several of the same measure (then ``place`` names each one's region)."""
        indicators = indicators if isinstance(indicators, (list, tuple)) else [indicators]
        rows = []
        for ind in indicators:
            place = self.ref("region", ind.region)
            for ref in self.m.targets_of_indicator.get(ind.id, []):
                t = ref.target
                x = float(t.year) if isinstance(t.year, int) else 9999.0
                rows.append((x, self.deadline(t), label("target", self.lang), self.target_value(t),
                             self.task(ref.task, with_plan=True), self.status(ref), place))
            for ref in self.m.observations_of_indicator.get(ind.id, []):
                o = ref.observation
                rows.append((period_x(o.period), as_text(present.period_label(o.period, self.lang)),
                             label("observations", self.lang), self.obs_value(o),
                             self.passage(ref.plan.id, o.id, shown=label("source_short", self.lang)) + " · "
                             + self.ref("plan", ref.plan.id), "", place))
        return sorted(rows, key=lambda r: r[0])

    def doc(self, value: str) -> str:
        """Our own documentation text (the record definitions' descriptions), with its `code`
        spans as code and runs of the other language marked; safe in a table cell."""
        parts = str(value).split("`")
        out = "".join(f"<code>{html.escape(p)}</code>" if i % 2 else str(text_in(p, self.lang))
                      for i, p in enumerate(parts))
        return out.replace("|", "&#124;")

    def deadline(self, target) -> str:
        return as_text(present.deadline(target.year, target.basis, self.lang))

    def _context(self) -> dict:
        """What templates see: the view's records, and helpers whose output is our Markdown."""
        helpers = dict(
            tx=self.tx, txc=self.tx,  # txc: the same, as templates name it in table cells
            cell=as_text, words=self.words, link=self.link, ref=self.ref,
            agency_link=self.agency, agency_links=self.agencies, sector_links=self.sectors,
            task_link=self.task, target_value=self.target_value, obs_value=self.obs_value,
            printed=self.printed, url_link=self.url_link, doc_link=self.doc_link,
            relations_to=self.relations_to, rollup=self.rollup, lineage_of=self.lineage_of,
            deadline=self.deadline, doc=self.doc, status=self.status, latest=self.latest, chart=self.chart,
            chart_rows=self.chart_rows, in_lang=self.in_lang, note_refs=self.note_refs,
            plan_summary=self.plan_summary, num=self.num, item=self.item, download=self.download,
            columns=self.columns, page_data=self.page_data, changed=self.changed,
            changed_fields=self.changed_fields, status_word=self.status_word,
            dictionary_link=lambda: relative(self.view.src, DICTIONARY),
            passage=self.passage, paragraph=self.paragraph, moved_map=self.moved_map,
            region_page=lambda region_id: page_src("region", region_id),
            page_link=lambda src: relative(self.view.src, src),
            unit_name=lambda unit_id: self.tx(self.m.units[unit_id].name),
            base_unit=lambda unit_id: self.m.units[unit_id].base,
            about_link=lambda anchor: relative(self.view.src, "about.md", anchor),
            source_link=lambda plan_id: relative(self.view.src, source_src(plan_id)),
            figures_link=lambda plan_id: relative(self.view.src, plan_pages.figures_src(plan_id)),
            t=lambda key: label(key, self.lang))
        plain = dict(  # our formatting of data values: printed as text by ``finalize``
            date=lambda d: present.date(d, self.lang), plan_year=plan_year,
            period=lambda p: present.period(p.start, p.end, self.lang),
            period_label=lambda code: present.period_label(code, self.lang))
        return dict(v=self.view, lang=self.lang, other_lang="en" if self.lang == "zh" else "zh",
                    by_status=self.by_status, **{k: _helper(f) for k, f in helpers.items()}, **plain,
                    **self.view.context)

    def page_data(self) -> list[tuple]:
        """This page's own downloads (``outputs.page_downloads``): ``(table, rows, CSV, JSON)``."""
        src = self.view.src
        return [(table, len(refs), relative(src, file_src(src, table, "csv")), relative(src, file_src(src, table, "json")))
                for table, refs in selection(self.m, self.view).items()]

    def changed(self, kind: str, key: str, plan_id: str | None = None) -> str:
        """A record named in a release note: a link to where it is shown now, or its id as text
        (it was removed, or has no page)."""
        registry = {"region": self.m.regions, "agency": self.m.agencies, "sector": self.m.sectors,
                    "indicator": self.m.indicators, "plan": self.m.plans}.get(kind)
        if plan_id is None and registry is not None and key in registry:
            return self.ref(kind, key)
        if plan_id is not None and (plan_id, key) in self.m.plan_items:
            return f"[{as_text(key)}]({self.link('plan', plan_id, key)})"
        return f"<code>{as_text(key)}</code>"

    def status_word(self, key: str) -> str:
        """A target status by its key (``met``) in words; an unknown key as it is, as text."""
        return label("status_" + key, self.lang) if "status_" + key in LABELS else f"<code>{html.escape(key)}</code>"

    def changed_fields(self, fields) -> str:
        """``：`definition`、`quote``` — the names of the fields a release changed ("" if none)."""
        if not fields:
            return ""
        names = [f"<code>{html.escape(str(f).split(' ')[0])}</code>" for f in fields]
        return ("：" + "、".join(names)) if self.lang == "zh" else (": " + ", ".join(names))

    def columns(self, table: str) -> list[tuple]:
        """``(column, meaning, values)`` of a downloaded table, for the data dictionary."""
        row = first_rows(self.m).get(table)
        return [(column, meaning.pick(self.lang)[0], values(schema))
                for column, meaning, schema in (dictionary(table, row) if row else [])]

    def render(self) -> str:
        template = self.env.get_template(self.view.template)
        context = self._context()
        body = template.render(**context)
        downloads = self.page_data() if self.view.kind != "plan" else None  # a plan's facts table lists them
        if downloads:  # the rows of this page's tables, at its foot
            block = self.env.get_template("_page_data.md.j2").render(**context, downloads=_ours(downloads))
            body = body.rstrip("\n") + "\n\n" + block
        if self.view.data_files:  # where a maintainer edits what this page shows
            files = ", ".join(f"<code>{as_text(name)}</code>" for name in self.view.data_files)
            colon = "：" if self.lang == "zh" else ": "
            body = body.rstrip("\n") + f"\n\n{label('edit_source', self.lang)}{colon}{files}\n{{: .atlas-datafile }}\n"
        filters = filter_html(self.m, self.view, self.lang)  # what the search page filters this page by
        if filters:
            body = body.rstrip("\n") + "\n\n" + filters + "\n"
        if self.fallbacks:
            notice = (f'!!! warning "{label("fallback_title", self.lang)}"\n\n'
                      f'    {label("fallback_notice", self.lang)}\n\n')
            body = after_h1(body, notice)
        return body


def after_h1(body: str, insert: str) -> str:
    """``insert`` right after the page's ``# heading`` (MkDocs takes a page's title only from an
    ``<h1>`` that comes first: a notice above it would leave the page named "Index" in the tabs)."""
    lines = body.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: i + 1] + ["", insert] + lines[i + 1:])
    return insert + body


def make_env(templates_dir: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        undefined=jinja2.StrictUndefined,
        autoescape=True,  # with ``finalize``: anything not marked as ours is printed as text
        finalize=finalize,
        keep_trailing_newline=True,
        lstrip_blocks=True,
        trim_blocks=True,
        bytecode_cache=bytecode_cache(),
        auto_reload=False,  # the session makes a new one when a template changes
    )


def render_page(env: jinja2.Environment, model: Model, lang: str, view: PageView) -> str:
    return PageRenderer(env, model, lang, view).render()


def template_problem(exc: jinja2.TemplateError, template: str) -> str:
    """One message for a broken or missing template: which file, which line, what is wrong."""
    if isinstance(exc, jinja2.TemplateNotFound):
        return (f"templates/{exc.name}: the template is missing (needed for {template}); "
                "restore it from git (git checkout -- templates/)")
    name = getattr(exc, "filename", None) or getattr(exc, "name", None) or template
    line = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:  # Jinja puts the template's file and line in the traceback's frames
        if tb.tb_frame.f_code.co_filename.endswith(".j2"):
            name, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
        tb = tb.tb_next
    where = f"templates/{Path(name).name}" + (f":{line}" if line else "")
    return f"{where}: template error: {exc.message or exc} (nothing was built; fix the template and build again)"
