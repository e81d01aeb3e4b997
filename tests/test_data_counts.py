"""Pin what each document holds, so that an accidental deletion fails CI; and check that
every target is complete. Update the numbers deliberately when data is added."""

from __future__ import annotations

import pytest

from atlas.model.records import NOT_STATED
from atlas.outputs.report import plan_counts
from atlas.build.complete import resolve
from atlas.load.validate import check_data

from conftest import ROOT

DATASET, DIAGNOSTICS = check_data(ROOT / "data")
MODEL = resolve(DATASET)

# plan: (sections, tasks, targets, observations, agencies named, editor's notes)
EXPECTED = {
    "ha-2019-government-work-report": (0, 0, 0, 9, 0, 4),
    "ha-2024-government-work-report": (0, 0, 0, 10, 0, 4),
    "ha-2025-government-work-report": (0, 0, 0, 3, 0, 3),
    "ha-2025-tourism-action-plan": (1, 1, 2, 0, 0, 3),
    "ha-2028-modern-service-plan": (4, 15, 28, 0, 0, 6),
    "jx-2009-service-work-conference-news": (1, 1, 3, 6, 0, 3),
    "jx-2010-service-work-plan": (9, 24, 6, 0, 45, 6),
    "jx-2011-service-doubling-plan": (2, 2, 5, 0, 1, 3),
    "jx-2012-government-work-report": (0, 0, 0, 10, 1, 5),
    "jx-2016-modern-service-action-plan": (11, 29, 43, 0, 22, 15),
    "jx-2017-economy-news": (0, 0, 0, 8, 0, 3),
    "jx-2017-plan-implementation-report": (1, 1, 5, 12, 1, 5),
    "jx-2019-government-work-report": (25, 42, 76, 83, 1, 19),
    "jx-2019-port-100mt-news": (0, 0, 0, 11, 0, 5),
    "jx-2019-service-industry-news": (0, 0, 0, 10, 0, 5),
    "jx-2019-yrd-integration-news": (4, 3, 2, 24, 2, 13),
    "jx-2020-economy-ranking-article": (0, 0, 0, 13, 0, 5),
    "jx-2020-government-work-report": (0, 0, 0, 6, 1, 5),
    "jx-2021-government-work-report": (0, 0, 0, 2, 1, 5),
    "jx-2021-port-hub-action-plan": (1, 3, 7, 3, 0, 6),
    "jx-2021-statistical-communique": (0, 0, 0, 21, 0, 7),
    "jx-2021-tourism-plan": (1, 1, 1, 0, 0, 4),
    "jx-2022-gdp-news": (0, 0, 0, 14, 0, 4),
    "jx-2022-government-work-report": (0, 0, 0, 12, 1, 6),
    "jx-2022-statistical-communique": (0, 0, 0, 16, 0, 5),
    "jx-2023-economy-news": (0, 0, 0, 8, 0, 3),
    "jx-2023-sea-river-hub-implementation-plan": (1, 1, 3, 12, 0, 5),
    "jx-2025-government-work-report": (0, 0, 0, 7, 1, 4),
}
SOURCES = {
    "ha-2019-government-work-report": "24-huaian-gwr-2019-en-2018-results.txt",
    "ha-2024-government-work-report": "21-huaian-gwr-2024-en-2023-results.txt",
    "ha-2025-government-work-report": "22-huaian-gwr-2025-en-2024-results.txt",
    "ha-2025-tourism-action-plan": "20-huaian-en-2025-05-09-tourism-action-plan-2025-2027.txt",
    "ha-2028-modern-service-plan": "004_d7377418a0d12ffd.txt",
    "jx-2009-service-work-conference-news": "25-context-56885-2009-jiaxing-service-target-2011.txt",
    "jx-2010-service-work-plan": "002_0d713a18524f5318.txt",
    "jx-2011-service-doubling-plan": "16-fymate-jiaxing-service-doubling-plan-2011-2015.txt",
    "jx-2012-government-work-report": "15-jiaxing-gwr-2012-en-2011-results.txt",
    "jx-2016-modern-service-action-plan": "000_7bf17a918e0637eb.txt",
    "jx-2017-economy-news": "08-zjol-2018-02-01-jiaxing-2017-results.txt",
    "jx-2017-plan-implementation-report": "18-jiaxing-2017-plan-implementation-report.txt",
    "jx-2019-government-work-report": "001_1036424bba339072.txt",
    "jx-2019-port-100mt-news": "09-jtzix-2019-12-31-jiaxing-port-100mt.txt",
    "jx-2019-service-industry-news": "07-ttnews-jiaxing-2019-service-industry.txt",
    "jx-2019-yrd-integration-news": "003_0e370278f6824660.txt",
    "jx-2020-economy-ranking-article": "05-maigoo-mirror-jiaxing-2020-gdp-tertiary.txt",
    "jx-2020-government-work-report": "04-jiaxing-gwr-2020-en-2019-results.txt",
    "jx-2021-government-work-report": "03-jiaxing-gwr-2021-en-2020-results.txt",
    "jx-2021-port-hub-action-plan": "01-chinadaily-2021-09-15-jiaxing-port-top30.txt",
    "jx-2021-statistical-communique": "06-mirror-jiaxing-2021-statistical-communique.txt",
    "jx-2021-tourism-plan": "17-chinadaily-2022-01-18-jiaxing-tourism-plan-2021-2025.txt",
    "jx-2022-gdp-news": "10-chinadaily-2023-01-29-jiaxing-2022-gdp.txt",
    "jx-2022-government-work-report": "13-jiaxing-gwr-2022-zh-five-year-review.txt",
    "jx-2022-statistical-communique": "11-mirror-jiaxing-2022-statistical-communique.txt",
    "jx-2023-economy-news": "12-ezhejiang-2024-01-26-jiaxing-2023-economy.txt",
    "jx-2023-sea-river-hub-implementation-plan": "02-chinadaily-2023-01-30-jiaxing-sea-river-hub-2022-figures.txt",
    "jx-2025-government-work-report": "14-jiaxing-gwr-2025-zh-2024-results.txt",
}


def test_data_is_clean_and_fully_translated():
    assert [str(d) for d in DIAGNOSTICS] == []


def test_every_source_document_is_entered():
    assert {p.id: p.source.file for p in DATASET.plans} == SOURCES
    # the five core texts and the 23 outcome passages, each a document of its own
    copied = {f.name for f in (ROOT / "data" / "sources").glob("*.txt")}
    assert copied == set(SOURCES.values()) and len(copied) == 28


@pytest.mark.parametrize("plan_id", sorted(EXPECTED))
def test_per_document_counts(plan_id):
    counts = {c.plan: c for c in plan_counts(MODEL)}[plan_id]
    actual = (counts.sections, counts.tasks, counts.targets, counts.observations, counts.agencies,
              counts.notes)
    assert actual == EXPECTED[plan_id]


def test_every_target_has_indicator_unit_and_year_or_not_stated():
    for ref in MODEL.targets:
        t = ref.target
        assert t.indicator in MODEL.indicators, t.id
        assert t.unit in MODEL.units, t.id
        assert isinstance(t.year, int) or t.year == NOT_STATED, t.id
        assert t.quote and t.text.zh and t.text.en, t.id
