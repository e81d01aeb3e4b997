"""Which page of a plan shows each of its parts.

A short plan is one page, ``plans/<id>/``. A long one (more than ``ONE_PAGE_MAX_TASKS`` tasks)
is shown on several, so that no page grows with the document:

- the overview ``plans/<id>/``: what the document is, its status roll-up, its notes, its contents
  and its targets by status;
- one page per top-level section, ``plans/<id>/sections/<section-id>/``, with its tasks and
  their targets;
- its reported figures, ``plans/<id>/figures/``.

The citation form ``plans/<id>/#<item-id>`` works for every item either way: the overview carries
a map from the anchors it does not show to the page that does (``moved``), which ``atlas.js``
follows. Links made by the site go straight to the right page (``item_page``).
"""

from __future__ import annotations

from .resolve import Model
from .urls import page_src

ONE_PAGE_MAX_TASKS = 12


def is_paged(m: Model, plan_id: str) -> bool:
    return len(m.tasks_in_plan.get(plan_id, [])) > ONE_PAGE_MAX_TASKS


def section_src(plan_id: str, section_id: str) -> str:
    return f"plans/{plan_id}/sections/{section_id}.md"


def figures_src(plan_id: str) -> str:
    return f"plans/{plan_id}/figures.md"


def placement(m: Model, plan_id: str) -> dict[str, str]:
    """``{item id: page source}`` for the parts of a paged plan that are not on its overview
    (worked out once, by ``resolve``: ``m.placement``)."""
    where: dict[str, str] = {}
    if is_paged(m, plan_id):
        def walk(sections, src):
            for s in sections:
                where[s.id] = src or section_src(plan_id, s.id)
                for task in s.tasks:
                    where[task.id] = where[s.id]
                    for target in task.targets:
                        where[target.id] = where[s.id]
                walk(s.sections, where[s.id])
        walk(m.plans[plan_id].sections, None)
        for ref in m.observations_in_plan.get(plan_id, []):
            where[ref.observation.id] = figures_src(plan_id)
    return where


def item_page(m: Model, plan_id: str, item_id: str | None) -> tuple[str, str | None]:
    """``(page source, anchor)`` of a part of a plan: the page showing it (the overview for the
    plan itself and its notes) and the anchor on it (none for a section on its own page)."""
    src = m.placement[plan_id].get(item_id, page_src("plan", plan_id)) if item_id else page_src("plan", plan_id)
    return src, (None if src == section_src(plan_id, item_id or "") else item_id)


def moved(m: Model, plan_id: str) -> dict[str, str]:
    """The parts a paged plan's overview does not show: ``{item id: page source}``."""
    return dict(m.placement[plan_id])


def sections_around(plan, section_id: str) -> tuple:
    """``(previous, next)`` top-level sections of ``plan`` around ``section_id`` (None at the ends)."""
    tops = list(plan.sections)
    i = next(k for k, s in enumerate(tops) if s.id == section_id)
    return (tops[i - 1] if i else None, tops[i + 1] if i + 1 < len(tops) else None)
