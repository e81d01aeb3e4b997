"""Progress status: judged only from reported figures, by the rule written on the About page."""

from __future__ import annotations

import pytest

from atlas.progress import progress, satisfies
from atlas.resolve import resolve
from atlas.validate import check_data


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
    assert satisfies("~", 15, 15.7) and not satisfies("~", 15, 16)
    assert satisfies("range", (50, 100), 50) and not satisfies("range", (50, 100), 101)
    assert satisfies("=", 100, 120)  # "reach X" is met at X or more
