"""Charts drawn at build time as inline SVG: an indicator's targets and reported figures over time.

Reported full-year figures are filled circles joined by a line, part-year figures (such as a
first half) squares standing alone; targets are hollow diamonds (a vertical bar
for a range) at their deadline year, with a dashed deadline line. Shapes, not colours, tell them
apart; the page puts the same data in a table labelled as the chart's alternative.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

W, H = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 80, 16, 34, 48


@dataclass(frozen=True)
class Point:
    x: float  # a year, with fractions for part-year periods (end of period)
    y: float  # in the indicator's base unit
    label: str  # what a tooltip says
    high: float | None = None  # for a range target
    part: bool = False  # a part-year figure: drawn as a square and not joined to full years


def period_x(period: str) -> float:
    """Where a reported period ends on a year axis: 2018 → 2018, 2019-H1 → 2018.5 …"""
    end = period.rpartition("..")[2]
    year, _, part = end.partition("-")
    y = int(year)
    if not part:
        return float(y)
    if part in ("H1", "Q2"):
        return y - 0.5
    if part == "Q1":
        return y - 0.75
    if part == "Q3":
        return y - 0.25
    if part in ("H2", "Q4"):
        return float(y)
    return y - 1 + int(part) / 12


def _ticks(low: float, high: float, n: int = 4) -> list[float]:
    if high == low:
        return [low]
    step = (high - low) / n
    magnitude = 10 ** len(str(int(step))) / 10 if step >= 1 else 0.1
    for nice in (1, 2, 2.5, 5, 10):
        if step <= nice * magnitude:
            step = nice * magnitude
            break
    start = (low // step) * step
    out, v = [], start
    while True:
        out.append(round(v, 10))
        if v >= high - step * 0.001:
            return out
        v += step


@dataclass(frozen=True)
class Series:
    """One place's targets and figures on a chart; ``name`` labels its line directly."""

    name: str
    targets: list
    figures: list


def indicator_chart(series: list[Series], title: str, fmt, x_label: str, y_label: str,
                    chart_id: str = "chart") -> str:
    """The SVG for one measure: every series on one scale (``fmt`` turns a base value into axis
    text, ``y_label`` names the unit). Each series has its own colour and dash pattern and is
    named at its last point; a dotted path joins its first full-year figure to each later target.
    ``chart_id`` keeps ids unique when a page holds several charts."""
    points = [p for s in series for p in s.targets + s.figures]
    if not points:
        return ""
    xs = [p.x for p in points]
    ys = [p.y for p in points] + [p.high for s in series for p in s.targets if p.high is not None] + [0.0]
    x0, x1 = min(xs) - 0.5, max(xs) + 0.5
    ticks = _ticks(min(ys), max(ys))
    y0, y1 = min(ticks + [min(ys)]), max(ticks + [max(ys)])
    y1 = y1 if y1 > y0 else y0 + 1

    def sx(x):
        return LEFT + (x - x0) / (x1 - x0) * (W - LEFT - RIGHT)

    def sy(y):
        return H - BOTTOM - (y - y0) / (y1 - y0) * (H - TOP - BOTTOM)

    title_id = f"{chart_id}-title"
    out = [f'<svg class="atlas-chart" viewBox="0 0 {W} {H}" role="img" aria-labelledby="{title_id}" '
           f'xmlns="http://www.w3.org/2000/svg"><title id="{title_id}">{escape(title)}</title>']
    for t in ticks:
        out.append(f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{sy(t):.1f}" y2="{sy(t):.1f}" class="grid"/>'
                   f'<text x="{LEFT - 6}" y="{sy(t) + 4:.1f}" class="ylab">{escape(fmt(t))}</text>')
    years = list(range(int(x0 + 0.5), int(x1) + 1))
    every = max(1, -(-len(years) // 8))  # at most about 8 year labels, so they stay legible
    for year in years[::every]:
        out.append(f'<text x="{sx(year):.1f}" y="{H - BOTTOM + 16}" class="xlab">{year}</text>')
    out.append(f'<text x="{(LEFT + W - RIGHT) / 2:.1f}" y="{H - 6}" class="xlab">{escape(x_label)}</text>')
    out.append(f'<text x="4" y="14" class="unit">{escape(y_label)}</text>')
    for s in series:
        for p in s.targets:
            out.append(f'<line x1="{sx(p.x):.1f}" x2="{sx(p.x):.1f}" y1="{TOP}" y2="{H - BOTTOM}" class="deadline"/>')
    for i, s in enumerate(series):
        cls = f"s{i % 4}"
        full_years = sorted((p for p in s.figures if not p.part), key=lambda p: p.x)
        if full_years:
            first = full_years[0]
            for p in s.targets:
                if p.x > first.x:
                    out.append(f'<line x1="{sx(first.x):.1f}" y1="{sy(first.y):.1f}" x2="{sx(p.x):.1f}" '
                               f'y2="{sy(p.y):.1f}" class="path {cls}"/>')
        if len(full_years) > 1:
            path = " ".join(f"{sx(p.x):.1f},{sy(p.y):.1f}" for p in full_years)
            out.append(f'<polyline points="{path}" class="line {cls}"/>')
        for p in s.figures:
            if p.part:
                out.append(f'<rect x="{sx(p.x) - 5:.1f}" y="{sy(p.y) - 5:.1f}" width="10" height="10" '
                           f'class="figure part {cls}"><title>{escape(p.label)}</title></rect>')
            else:
                out.append(f'<circle cx="{sx(p.x):.1f}" cy="{sy(p.y):.1f}" r="5" class="figure {cls}">'
                           f'<title>{escape(p.label)}</title></circle>')
        for p in s.targets:
            x, y = sx(p.x), sy(p.y)
            if p.high is not None:
                out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y:.1f}" y2="{sy(p.high):.1f}" class="range {cls}"/>')
            out.append(f'<path d="M{x:.1f},{y - 7:.1f} L{x + 7:.1f},{y:.1f} L{x:.1f},{y + 7:.1f} '
                       f'L{x - 7:.1f},{y:.1f} Z" class="target {cls}"><title>{escape(p.label)}</title></path>')
        if len(series) > 1 and (s.figures or s.targets):
            last = max(s.figures + s.targets, key=lambda p: p.x)
            anchor = "end" if sx(last.x) > W - 120 else "start"
            dx = -9 if anchor == "end" else 9
            out.append(f'<text x="{sx(last.x) + dx:.1f}" y="{sy(last.y) - 9:.1f}" text-anchor="{anchor}" '
                       f'class="series {cls}">{escape(s.name)}</text>')
    out.append("</svg>")
    return "".join(out)


def status_bar(counts: dict, names: dict, bar_id: str) -> str:
    """A stacked bar of how many targets are in each status (decorative: the numbers beside it
    say the same in text), one segment per status, in the order of ``counts``."""
    total = sum(counts.values())
    if not total:
        return ""
    width, height, x = 320, 14, 0.0
    out = [f'<svg class="atlas-rollup-bar" id="{bar_id}" viewBox="0 0 {width} {height}" '
           f'aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">']
    for status, n in counts.items():
        if not n:
            continue
        w = n / total * width
        out.append(f'<rect x="{x:.2f}" y="0" width="{w:.2f}" height="{height}" '
                   f'class="st-{status}"><title>{escape(names[status])}: {n}</title></rect>')
        x += w
    out.append("</svg>")
    return "".join(out)
