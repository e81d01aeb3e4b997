"""What each page offers the search page to filter by: region, issuing agency, lead agency,
sector, document type, year issued, years in force, target deadline and target status.

Each value is an element ``<span data-pagefind-filter="地区">嘉兴市</span>`` in a ``<template>``
(no part of the page a browser shows or counts) that Pagefind does not index as text (``data-pagefind-ignore``: filters are still
read), so a filter adds no words to the page's results. Values are names in the page's language,
the way a reader picks them; a page gets every value that applies (a sector page: every region
and lead agency of its tasks). The search page keeps the chosen filters in its address.
"""

from __future__ import annotations

import html

from ..build.labels import label
from ..build.progress import progress
from ..build.resolve import Model, plan_year, years_in_force
from ..build.views import PageView
from ..outputs.page_downloads import selection

PLAN_KINDS = ("plan", "plan-section", "plan-figures", "plan-source")
# filter -> its label key, in the order the search page lists them
FILTERS = ("region", "issuer", "lead", "sector", "doc_kind", "issued", "in_force", "deadline", "status")


def page_filters(m: Model, view: PageView, lang: str) -> dict[str, list[str]]:
    """``{filter: [values]}`` for ``view`` in ``lang`` (no empty lists)."""
    name = {"region": lambda i: m.regions[i].name, "agency": lambda i: m.agencies[i].name,
            "sector": lambda i: m.sectors[i].name}
    out: dict[str, list] = {key: [] for key in FILTERS}
    c, kind = view.context, view.kind
    shown = selection(m, view)  # the rows the page's tables show (and its downloads hold)
    targets = shown.get("targets", [])
    # the leads and sectors of the tasks a document or a sector lists; an agency page is its own lead
    tasks = shown.get("tasks", []) if kind in ("plan", "plan-section", "sector") else []
    if kind in PLAN_KINDS:
        plan = c["plan"]
        out["region"].append(name["region"](plan.region))
        if plan.issuer:
            out["issuer"].append(name["agency"](plan.issuer))
        out["doc_kind"].append(label("kind_" + plan.kind, lang))
        if plan_year(plan):
            out["issued"].append(str(plan_year(plan)))
        out["in_force"] += [str(y) for y in years_in_force(plan)]
    elif kind == "sector":
        out["sector"].append(c["sector"].name)
        out["region"] += [name["region"](r) for r in c.get("region_ids", [])]
    elif kind == "agency":
        out["region"].append(name["region"](c["agency"].region))
        if c.get("led"):
            out["lead"].append(c["agency"].name)
        out["sector"] += [s.name for s, *_ in c.get("by_sector", [])]
    elif kind == "indicator":
        out["region"].append(name["region"](c["indicator"].region))
        out["sector"] += [name["sector"](s) for s in c["indicator"].sectors]
    elif kind == "region":
        out["region"].append(c["region"].name)
    elif kind == "compare":
        out["region"] += [name["region"](i.region) for i in c["indicators"]]
    for ref in tasks:
        out["lead"] += [name["agency"](a) for a in ref.task.lead]
        if kind != "sector":
            out["sector"] += [name["sector"](s) for s in ref.task.sectors]
    for ref in targets:
        if isinstance(ref.target.year, int):
            out["deadline"].append(str(ref.target.year))
        status = label("status_" + progress(m, ref).status, lang)
        out["status"].append(status.split(" ", 1)[-1])  # the words, without the symbol
    shown = {}
    for key, values in out.items():
        words = [v if isinstance(v, str) else v.pick(lang)[0] for v in values]
        words = sorted(set(words), key=words.index) if key not in ("issued", "in_force", "deadline") else sorted(set(words))
        if words:
            shown[key] = words
    return shown


def filter_html(m: Model, view: PageView, lang: str) -> str:
    """The page's filters as a raw HTML block for the end of its Markdown ("" if none)."""
    filters = page_filters(m, view, lang)
    if not filters:
        return ""
    spans = "".join(f'<span data-pagefind-filter="{label("filter_" + key, lang)}">{html.escape(value)}</span>'
                    for key, values in filters.items() for value in values)
    # a <template>: Pagefind reads the elements inside, a browser keeps them out of the page's DOM
    return f'<div class="atlas-search-filters" hidden><template data-pagefind-ignore>{spans}</template></div>'
