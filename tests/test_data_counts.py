"""Pin what each document holds, so that an accidental deletion fails CI; and check that
every target is complete. Update the numbers deliberately when data is added."""

from __future__ import annotations

import pytest

from atlas.records import NOT_STATED
from atlas.report import plan_counts
from atlas.resolve import resolve
from atlas.validate import check_data

from conftest import ROOT

DATASET, DIAGNOSTICS = check_data(ROOT / "data")
MODEL = resolve(DATASET)

# plan: (sections, tasks, targets, observations, agencies named, editor's notes)
EXPECTED = {
    "jx-2010-service-work-plan": (9, 24, 6, 0, 45, 6),
    "jx-2016-modern-service-action-plan": (11, 29, 43, 0, 22, 15),
    "jx-2019-yrd-integration-news": (4, 2, 1, 22, 1, 13),
    "ha-2028-modern-service-plan": (4, 15, 28, 0, 0, 6),
    "jx-2019-government-work-report": (25, 42, 75, 82, 1, 18),
}
SOURCES = {
    "jx-2010-service-work-plan": "002_0d713a18524f5318.txt",
    "jx-2016-modern-service-action-plan": "000_7bf17a918e0637eb.txt",
    "jx-2019-yrd-integration-news": "003_0e370278f6824660.txt",
    "ha-2028-modern-service-plan": "004_d7377418a0d12ffd.txt",
    "jx-2019-government-work-report": "001_1036424bba339072.txt",
}


def test_data_is_clean_and_fully_translated():
    assert [str(d) for d in DIAGNOSTICS] == []


def test_every_source_document_is_entered():
    assert {p.id: p.source.file for p in DATASET.plans} == SOURCES


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
