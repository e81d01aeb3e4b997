"""Progress of a target, judged only from figures reported for its indicator, never guessed.

The rule (also written on the site's About page; each status names the rule that decided it):

- **met** / **behind** (``deadline-figure``): a full-year figure for the deadline year satisfies
  the target, or does not;
- **met** (``earlier-figure``): a figure before the deadline already satisfies a level to be
  reached by then;
- **met** / **behind** (``milestone``): a milestone reported as reached by its deadline / reported
  as not reached, or reached only after it;
- **on track** / **behind so far** (``part-year-rate``): a part-year figure of a rate (e.g.
  first-half GDP growth) in the deadline year satisfies it / does not yet;
- **on track** / **off track** (``trajectory``): for a level to be reached by a deadline that no
  figure covers yet, the compound annual growth achieved from the base figure (the last full-year
  figure up to the plan's first year — or the year it was issued, when the period's start is not
  stated — else the first one) to the latest full-year figure is at
  least / below the growth needed from the base figure to the target by the deadline (the method
  of Open SDG). Figures reported as bounds ("over …") are not used for it. Both rates are shown;
- **not reported** (``no-figure``): no reported figure can decide the target;
- **not comparable** (``not-comparable``): the figures cannot be set against the target — no
  deadline stated, a cumulative target against single readings, a part-year level against a
  full-year level.

Figures count for the period they measure, whichever document reported them; where a period has
a preliminary and a final figure, the final one counts. "About X" (``~``) counts as satisfied
from 5% below X upwards (exceeding an "about" goal does not make it missed); "reach X" (``=``)
at X or more.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..model.records import MILESTONE, NOT_STATED, period_end_year
from .resolve import Model, ObservationRef, TargetRef, plan_year

RATE_BASES = ("percent", "percentage-point")
# in the order pages list them: decided and good first, undecided last
STATUSES = ("met", "on_track", "behind_so_far", "off_track", "behind", "not_comparable", "not_reported")
RULES = ("deadline-figure", "earlier-figure", "milestone", "part-year-rate", "trajectory",
         "no-figure", "not-comparable")


@dataclass(frozen=True)
class Trajectory:
    """Required against achieved compound annual growth, from ``base`` to the target / to ``latest``."""

    base: ObservationRef
    required: float  # per year, e.g. 0.052 for 5.2%
    actual: float


@dataclass(frozen=True)
class Progress:
    status: str  # one of STATUSES
    figure: Optional[ObservationRef]  # the figure the status rests on, or the latest one shown
    rule: str = "no-figure"  # one of RULES: which part of the rule decided
    trajectory: Optional[Trajectory] = None


def satisfies(comparator: str, target, value: float) -> bool:
    if comparator == "range":
        low, high = target
        return low <= value <= high
    if comparator == "~":
        return value >= target - abs(target) * 0.05
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
    """Time order; for the same period a final figure comes after a preliminary one."""
    obs = o.observation
    return (period_end_year(obs.period), obs.period, not obs.preliminary)


def progress(m: Model, ref: TargetRef) -> Progress:
    """The status of one target and the figure it rests on (worked out once, by ``resolve``)."""
    return m.progress[f"{ref.plan.id}#{ref.target.id}"]


def judge(m: Model, ref: TargetRef) -> Progress:
    t = ref.target
    figures = sorted(m.observations_of_indicator.get(t.indicator, []), key=_sort_key)
    latest = figures[-1] if figures else None
    if not figures:
        return Progress("not_reported", None)
    if m.units[t.unit].base == MILESTONE:
        return _milestone(t, figures)
    if t.year == NOT_STATED or t.basis == "cumulative":
        return Progress("not_comparable", latest, "not-comparable")
    goal = _base_value(m, t.value, t.unit)
    is_rate = m.units[t.unit].base in RATE_BASES

    def ok(o: ObservationRef) -> bool:
        return satisfies(t.comparator, goal, _base_value(m, o.observation.value, o.observation.unit))

    in_year = [o for o in figures if ".." not in o.observation.period
               and int(o.observation.period[:4]) == t.year]
    full = [o for o in in_year if _is_full_year(o.observation.period)]
    if full:
        return Progress("met" if ok(full[-1]) else "behind", full[-1], "deadline-figure")
    if in_year:
        part = in_year[-1]
        if is_rate:
            return Progress("on_track" if ok(part) else "behind_so_far", part, "part-year-rate")
        return Progress("not_comparable", part, "not-comparable")
    before = [o for o in figures if period_end_year(o.observation.period) < t.year]
    if before and t.basis == "by_year" and not is_rate and ok(before[-1]):
        return Progress("met", before[-1], "earlier-figure")
    if t.basis == "by_year" and not is_rate:
        path = trajectory(m, ref, [o for o in before if _is_full_year(o.observation.period)])
        if path:
            rising = t.comparator not in ("<", "<=")
            on = path.actual >= path.required if rising else path.actual <= path.required
            return Progress("on_track" if on else "off_track", _final(before)[-1], "trajectory", path)
    return Progress("not_reported", latest)


def _final(figures: list[ObservationRef]) -> list[ObservationRef]:
    """One figure per period: the final one where a preliminary one was revised."""
    by_period = {o.observation.period: o for o in figures}  # sorted: the final one comes last
    return sorted(by_period.values(), key=_sort_key)


def trajectory(m: Model, ref: TargetRef, full_before: list[ObservationRef]) -> Optional[Trajectory]:
    """Required and achieved growth per year, or None when two full-year figures are lacking."""
    t = ref.target
    figures = [o for o in _final(full_before) if o.observation.comparator in ("=", "~")]  # not bounds
    if len(figures) < 2:
        return None
    start = ref.plan.period.start if isinstance(ref.plan.period.start, int) else plan_year(ref.plan)
    up_to_start = [o for o in figures if isinstance(start, int) and int(o.observation.period) <= start]
    base = up_to_start[-1] if up_to_start else figures[0]
    last = figures[-1]
    base_year, last_year = int(base.observation.period), int(last.observation.period)
    goal = _base_value(m, t.value[0] if isinstance(t.value, tuple) else t.value, t.unit)
    base_value = _base_value(m, base.observation.value, base.observation.unit)
    last_value = _base_value(m, last.observation.value, last.observation.unit)
    if last_year <= base_year or t.year <= base_year or min(goal, base_value, last_value) <= 0:
        return None
    required = (goal / base_value) ** (1 / (t.year - base_year)) - 1
    actual = (last_value / base_value) ** (1 / (last_year - base_year)) - 1
    return Trajectory(base, required, actual)


def _milestone(t, figures: list[ObservationRef]) -> Progress:
    """A milestone target: met when reported reached by its deadline."""
    latest = figures[-1]
    if not isinstance(t.year, int):
        return Progress("not_comparable", latest, "not-comparable")
    for o in figures:
        obs = o.observation
        when = obs.date if isinstance(obs.date, int) else (obs.date.year if obs.date else period_end_year(obs.period))
        if obs.achieved and when <= t.year:
            return Progress("met", o, "milestone")
    decided = [o for o in figures if period_end_year(o.observation.period) >= t.year]
    if decided:
        return Progress("behind", decided[-1], "milestone")
    return Progress("not_reported", latest)
