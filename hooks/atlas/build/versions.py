"""Which data release a page's content last changed in, for its "last changed" date and the data
version a citation names: the newest release (``load.releases``) that changed a document or a
registry record the page shows. Pages whose records no release after the first touched say the
first release's date: they are as first published.
"""

from __future__ import annotations

from ..model.records import Agency, Indicator, Plan, Region, Sector
from .resolve import Model, ObservationRef, TargetRef, TaskRef
from .views import PageView

_ENTITIES = ((Plan, "plan"), (Sector, "sector"), (Agency, "agency"), (Indicator, "indicator"), (Region, "region"))


def page_records(view: PageView) -> set[tuple[str, str]]:
    """``("plan", id)`` for every document whose items the page shows, and ``(kind, id)`` for the
    registry records it is about (a sector's page: the sector)."""
    out: set = set()

    def add(value, depth: int = 0) -> None:
        if isinstance(value, (TaskRef, TargetRef, ObservationRef)):
            out.add(("plan", value.plan.id))
            return
        for cls, kind in _ENTITIES:
            if isinstance(value, cls):
                out.add((kind, value.id))
                return
        if depth < 4 and isinstance(value, (list, tuple)):
            for item in value:
                add(item, depth + 1)
        elif depth < 4 and isinstance(value, dict):
            for item in value.values():
                add(item, depth + 1)
    for key, value in view.context.items():
        if key != "tally":
            add(value)
    return out


def last_release(m: Model, view: PageView):
    """The newest release that changed what ``view`` shows (the first release if none did);
    None when the data has no releases."""
    records = page_records(view)
    for release in m.releases:
        if release.touches(records):
            return release
    return m.releases[-1] if m.releases else None
