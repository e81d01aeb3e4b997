"""Each page's own rows as downloads: the targets (with their status), tasks and reported figures
a plan, sector, agency, year, region, indicator or comparison page shows, as CSV and JSON.

The rows are the site-wide tables' rows (``export.target_row`` …), same columns, chosen by what
the page's view shows, so that a download holds exactly the page's rows. Files live at
``downloads/<page path>/<table>.csv`` (``downloads/sectors/logistics/targets.csv``): from ids,
like the pages. Empty tables get no file. A row is made once per build however many pages show it.
"""

from __future__ import annotations

from functools import partial
from typing import Callable

from ..build.resolve import Model
from ..build.urls import DOWNLOADS
from ..build.views import PageView
from .export import observation_row, target_row, task_row, to_csv, to_json

ROW = {"targets": target_row, "tasks": task_row, "observations": observation_row}


def _unique(refs) -> list:
    return list({id(r): r for r in refs}.values())


def selection(m: Model, view: PageView) -> dict[str, list]:
    """The references each table of ``view``'s downloads holds: what the page's tables show."""
    c, kind = view.context, view.kind
    if kind in ("plan", "plan-section"):
        chosen = {"targets": c["targets"], "tasks": c["tasks"], "observations": c.get("observations", [])}
    elif kind == "plan-figures":
        chosen = {"observations": c["observations"]}
    elif kind == "sector":
        chosen = {"targets": c["targets"], "tasks": [r for _, refs in c["by_plan"] for r in refs]}
    elif kind == "agency":
        chosen = {"targets": c["led_targets"], "tasks": _unique(c["led"] + c["joined"])}
    elif kind == "year":
        chosen = {"targets": c["due"], "observations": c["observed"]}
    elif kind == "region":
        chosen = {"targets": c["targets"]}
    elif kind == "indicator":
        chosen = {"targets": c["targets"], "observations": c["observations"]}
    elif kind == "compare":
        inds = c["indicators"]
        chosen = {"targets": [t for i in inds for t in m.targets_of_indicator.get(i.id, [])],
                  "observations": [o for i in inds for o in m.observations_of_indicator.get(i.id, [])]}
    else:
        return {}
    return {table: refs for table, refs in chosen.items() if refs}


def file_src(page: str, table: str, ext: str) -> str:
    """``sectors/logistics.md``, ``targets``, ``csv`` → ``downloads/sectors/logistics/targets.csv``."""
    return f"{DOWNLOADS}/{page[:-len('.md')]}/{table}.{ext}"


class PageDownloads:
    """The download files of many pages, rows made once each (for one model)."""

    def __init__(self, m: Model):
        self.m = m
        self.rows: dict[tuple, dict] = {}

    def row(self, table: str, ref) -> dict:
        key = (table, id(ref))
        if key not in self.rows:
            self.rows[key] = ROW[table](self.m, ref)
        return self.rows[key]

    def files(self, view: PageView) -> dict[str, Callable[[], bytes]]:
        """``{path: a function that makes its content}`` for ``view``'s CSV and JSON files: made
        when written, so that a build does not hold every page's files at once (at 30 times the
        real data they are 38,000 files)."""
        out = {}
        for table, refs in selection(self.m, view).items():
            out[file_src(view.src, table, "csv")] = partial(self.content, table, refs, "csv")
            out[file_src(view.src, table, "json")] = partial(self.content, table, refs, "json")
        return out

    def content(self, table: str, refs: list, ext: str) -> bytes:
        rows = [self.row(table, ref) for ref in refs]
        return to_csv(rows) if ext == "csv" else to_json(rows).encode("utf-8")
