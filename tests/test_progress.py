"""Progress status: judged only from reported figures, by the rule written on the About page."""

from __future__ import annotations

import pytest

from atlas.build.progress import progress, satisfies
from atlas.build.complete import resolve
from atlas.load.validate import check_data


def model_with(mini_data, observations: list[tuple[str, float]]):
    plan = mini_data / "plans" / "mini-plan.yaml"
    text = plan.read_text(encoding="utf-8") + "observations:\n"
    for i, (period, value) in enumerate(observations):
        text += (f"  - {{id: o{i}, indicator: jx-projects, period: '{period}', value: {value}, "
                 f"unit: project, quote: 确保127个项目按时完成}}\n")
    plan.write_text(text, encoding="utf-8")
    dataset, diagnostics = check_data(mini_data)
    assert [d for d in diagnostics if d.severity == "error"] == []
    m = resolve(dataset)
    return m, m.targets[0]  # ">= 127 projects by 2012"


@pytest.mark.parametrize("figures,status", [
    ([], "not_reported"),
    ([("2012", 130)], "met"),
    ([("2012", 120)], "behind"),
    ([("2011", 128)], "met"),  # a level already reached before its deadline
    ([("2011", 100)], "not_reported"),  # no figure for the deadline year
    ([("2012-H1", 130)], "not_comparable"),  # a part-year amount against a full-year target
    ([("2011", 100), ("2012", 127)], "met"),
])
def test_status_of_a_level_target(mini_data, figures, status):
    m, ref = model_with(mini_data, figures)
    result = progress(m, ref)
    assert result.status == status
    if figures:
        assert result.figure is not None


def test_comparators():
    assert satisfies(">", 7, 7.1) and not satisfies(">", 7, 7)
    assert satisfies("~", 15, 14.3) and not satisfies("~", 15, 14.2)
    assert satisfies("~", 7, 7.8)  # "about 7%" growth is not missed by growing 7.8%
    assert satisfies("range", (50, 100), 50) and not satisfies("range", (50, 100), 101)
    assert satisfies("=", 100, 120)  # "reach X" is met at X or more


def model_with_plan(mini_data, observations: list[str], target: str | None = None, start: int = 2011):
    """The mini plan with extra observation lines (YAML flow mappings) and, optionally, its
    target replaced by ``target`` (a YAML flow mapping)."""
    plan = mini_data / "plans" / "mini-plan.yaml"
    text = plan.read_text(encoding="utf-8").replace("period: {start: 2011, end: 2012}",
                                                     f"period: {{start: {start}, end: 2030}}")
    if target:
        head, _, _ = text.partition("          - id: t1-1-projects")
        text = head + f"          - {target}\n"
    text += "observations:\n" + "".join(f"  - {o}\n" for o in observations)
    plan.write_text(text, encoding="utf-8")
    dataset, diagnostics = check_data(mini_data)
    assert [d for d in diagnostics if d.severity == "error"] == [], diagnostics
    m = resolve(dataset)
    return m, m.targets[0]


def _figure(i: int, period: str, value: float, extra: str = "") -> str:
    return (f"{{id: o{i}, indicator: jx-projects, period: '{period}', value: {value}, unit: project, "
            f"quote: 确保127个项目按时完成{extra}}}")


LEVEL_2030 = ("{id: t-2030, indicator: jx-projects, comparator: '>=', value: 200, unit: project, "
              "year: 2030, basis: by_year, text: {zh: 达到200个。, en: Reach 200.}, quote: 确保127个项目按时完成}")


def test_trajectory_on_track_when_growth_achieved_is_at_least_growth_needed(mini_data):
    # base 100 in 2010 (the last figure up to the plan's first year, 2011); 200 needed by 2030:
    # 3.5% a year; 120 by 2015 is 3.7% a year achieved.
    m, ref = model_with_plan(mini_data, [_figure(0, "2009", 90), _figure(1, "2010", 100),
                                         _figure(2, "2015", 120)], LEVEL_2030)
    result = progress(m, ref)
    assert (result.status, result.rule) == ("on_track", "trajectory")
    assert result.trajectory.base.observation.id == "o1"
    assert round(result.trajectory.required, 4) == round(2 ** (1 / 20) - 1, 4)
    assert round(result.trajectory.actual, 4) == round(1.2 ** (1 / 5) - 1, 4)
    assert result.figure.observation.id == "o2"


def test_trajectory_off_track_when_growth_is_too_slow(mini_data):
    m, ref = model_with_plan(mini_data, [_figure(0, "2010", 100), _figure(1, "2015", 105)], LEVEL_2030)
    result = progress(m, ref)
    assert (result.status, result.rule) == ("off_track", "trajectory")
    assert result.trajectory.actual < result.trajectory.required


def test_trajectory_needs_two_full_year_figures(mini_data):
    m, ref = model_with_plan(mini_data, [_figure(0, "2010", 100), _figure(1, "2015-H1", 160)], LEVEL_2030)
    assert progress(m, ref).status == "not_reported"


def test_final_figure_counts_over_a_preliminary_one(mini_data):
    # 2012 preliminary 120 (behind), final 130 (met): the final figure decides
    m, ref = model_with_plan(mini_data, [_figure(0, "2012", 130), _figure(1, "2012", 120, ", preliminary: true")])
    result = progress(m, ref)
    assert (result.status, result.figure.observation.id) == ("met", "o0")


def _milestone_data(mini_data):
    (mini_data / "units.yaml").write_text((mini_data / "units.yaml").read_text(encoding="utf-8") +
                                          "\n- {id: milestone, name: {zh: 项里程碑, en: milestone}, base: milestone, factor: 1}\n",
                                          encoding="utf-8")
    (mini_data / "indicators.yaml").write_text((mini_data / "indicators.yaml").read_text(encoding="utf-8") +
                                               "\n- {id: jx-opened, name: {zh: 开通, en: Opened}, unit: milestone, region: jiaxing}\n",
                                               encoding="utf-8")


MILESTONE_2022 = ("{id: t-open, indicator: jx-opened, comparator: '=', value: 1, unit: milestone, year: 2022, "
                  "basis: by_year, text: {zh: 2022年开通。, en: Open in 2022.}, quote: 确保127个项目按时完成}")


@pytest.mark.parametrize("observation,status", [
    ("{id: o0, indicator: jx-opened, period: 2022, achieved: true, date: 2022-06-30, quote: 确保127个项目按时完成}", "met"),
    ("{id: o0, indicator: jx-opened, period: 2023, achieved: true, date: 2023, quote: 确保127个项目按时完成}", "behind"),
    ("{id: o0, indicator: jx-opened, period: 2022, achieved: false, quote: 确保127个项目按时完成}", "behind"),
    ("{id: o0, indicator: jx-opened, period: 2021, achieved: false, quote: 确保127个项目按时完成}", "not_reported"),
])
def test_milestone_target(mini_data, observation, status):
    _milestone_data(mini_data)
    m, ref = model_with_plan(mini_data, [observation], MILESTONE_2022)
    result = progress(m, ref)
    assert result.status == status
    if status != "not_reported":
        assert result.rule == "milestone"


def test_a_milestone_indicator_takes_achieved_not_a_number(mini_data):
    _milestone_data(mini_data)
    plan = mini_data / "plans" / "mini-plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "observations:\n  - {id: o0, indicator: jx-opened, "
                    "period: 2012, value: 1, unit: milestone, quote: 确保127个项目按时完成}\n", encoding="utf-8")
    _, diagnostics = check_data(mini_data)
    assert [d.message for d in diagnostics] == ["indicator 'jx-opened' is a milestone: report it with achieved:"]
