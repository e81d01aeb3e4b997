"""Progress of a target, judged only from figures reported for its indicator, never guessed.

The rule (also written on the site's About page):

- **not reported**: no reported figure can decide the target — none at all, or none for the
  deadline year (the latest figure is still shown for context);
- **not comparable**: the figures cannot be set against the target — the deadline is not stated,
  the target is cumulative over a period while figures are single readings, or a part-year level
  (e.g. first-half investment) is set against a full-year level;
- **met**: a full-year figure for the deadline year satisfies the target, or a figure before the
  deadline already does for a level to be reached by then;
- **behind**: a full-year figure for the deadline year does not satisfy it;
- **on track** / **behind (so far)**: a part-year figure of a rate (e.g. first-half GDP growth)
  in the deadline year satisfies it / does not yet.

"About" (``~``) counts as satisfied within ±5% of the value; "reach X" (``=``) at X or more.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .records import NOT_STATED, period_end_year
from .resolve import Model, ObservationRef, TargetRef

RATE_BASES = ("percent", "percentage-point")
STATUSES = ("met", "on_track", "behind", "behind_so_far", "not_reported", "not_comparable")


@dataclass(frozen=True)
class Progress:
    status: str  # one of STATUSES
    figure: Optional[ObservationRef]  # the figure the status rests on, or the latest one shown


def satisfies(comparator: str, target, value: float) -> bool:
    if comparator == "range":
        low, high = target
        return low <= value <= high
    if comparator == "~":
        return abs(value - target) <= abs(target) * 0.05
    return {">=": value >= target, ">": value > target, "<=": value <= target,
            "<": value < target, "=": value >= target}[comparator]


def _base_value(m: Model, value, unit_id: str):
    factor = m.units[unit_id].factor
    if isinstance(value, tuple):
        return tuple(v * factor for v in value)
    return value * factor


def _is_full_year(period: str) -> bool:
    return ".." not in period and "-" not in period


def _sort_key(o: ObservationRef):
    return (period_end_year(o.observation.period), o.observation.period)


def progress(m: Model, ref: TargetRef) -> Progress:
    """The status of one target and the figure it rests on (worked out once per build)."""
    key = ("progress", ref.plan.id, ref.target.id)
    if key not in m.memo:
        m.memo[key] = _judge(m, ref)
    return m.memo[key]


def _judge(m: Model, ref: TargetRef) -> Progress:
    t = ref.target
    figures = sorted(m.observations_of_indicator.get(t.indicator, []), key=_sort_key)
    latest = figures[-1] if figures else None
    if not figures:
        return Progress("not_reported", None)
    if t.year == NOT_STATED or t.basis == "cumulative":
        return Progress("not_comparable", latest)
    goal = _base_value(m, t.value, t.unit)
    is_rate = m.units[t.unit].base in RATE_BASES

    def ok(o: ObservationRef) -> bool:
        return satisfies(t.comparator, goal, _base_value(m, o.observation.value, o.observation.unit))

    in_year = [o for o in figures if ".." not in o.observation.period
               and int(o.observation.period[:4]) == t.year]
    full = [o for o in in_year if _is_full_year(o.observation.period)]
    if full:
        return Progress("met" if ok(full[-1]) else "behind", full[-1])
    if in_year:
        part = in_year[-1]
        if is_rate:
            return Progress("on_track" if ok(part) else "behind_so_far", part)
        return Progress("not_comparable", part)
    before = [o for o in figures if period_end_year(o.observation.period) < t.year]
    if before and t.basis == "by_year" and not is_rate and ok(before[-1]):
        return Progress("met", before[-1])
    return Progress("not_reported", latest)
