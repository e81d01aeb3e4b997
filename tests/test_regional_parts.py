"""Issue 14: pages that do not grow with the data. A sector's or a year's page (and the
indicator index) that would list too many rows shows a summary, and each region's rows on a page
of its own; nothing is dropped, and the real data's pages stay whole."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from atlas.build.pipeline import build_model
from atlas.build.views import PARTS_OVER, build_views
from atlas.site.render import make_env, render_page


@pytest.fixture(scope="module")
def model():
    return build_model(ROOT / "data")[0]


def by_src(views):
    return {v.src: v for v in views}


def test_the_real_data_keeps_every_page_whole(model):
    views = build_views(model, "zh")
    assert not [v.src for v in views if "parts" in v.context or "whole" in v.context]
    longest = max(v.context["task_count"] + len(v.context["targets"]) for v in views if v.kind == "sector")
    assert 100 < longest <= PARTS_OVER  # the threshold sits above today's longest sector page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_long_page_is_a_summary_and_one_page_per_region_with_every_row(model, lang):
    views = by_src(build_views(model, lang, parts_over=60))
    env = make_env(ROOT / "templates")
    sector = views["sectors/producer-services.md"]
    parts = sector.context["parts"]
    assert [region.id for region, _, _ in parts] == ["jiaxing", "huaian"]
    assert [src for _, _, src in parts] == ["sectors/producer-services/jiaxing.md", "sectors/producer-services/huaian.md"]
    # every task and target of the whole is on exactly one region's page, and only there
    whole_tasks = [t.task.id for _, refs in sector.context["by_plan"] for t in refs]
    part_tasks = [t.task.id for _, part, _ in parts for _, refs in part["by_plan"] for t in refs]
    assert sorted(part_tasks) == sorted(whole_tasks) and len(whole_tasks) > 50
    assert sum(len(part["targets"]) for _, part, _ in parts) == len(sector.context["targets"])
    for region, part, src in parts:
        assert all(t.plan.region == region.id for t in part["targets"])
        page = views[src]
        assert page.context["whole"] == sector.src and page.title.get(lang).endswith(region.name.get(lang))
        text = render_page(env, model, lang, page)
        assert "](../producer-services.md)" in text  # back to the summary
    summary = render_page(env, model, lang, sector)
    for _, _, src in parts:
        assert "](" + src.split("/", 1)[1] + ")" in summary  # the summary links each region's page
    assert "{ #regions }" in summary and "{ #tasks }" not in summary  # the lists are on the parts
    # a year and the indicator index likewise
    year = views["years/2019.md"]
    assert sum(len(p["due"]) for _, p, _ in year.context["parts"]) == len(year.context["due"])
    index = views["indicators/index.md"]
    assert index.in_nav and not views["indicators/by-region/jiaxing.md"].in_nav
    counts = [p["indicator_count"] for _, p, _ in index.context["parts"]]
    assert sum(counts) == len(model.indicators)
    assert re.search(r"\]\(by-region/jiaxing\.md\) \| 271 \|", render_page(env, model, lang, index))
