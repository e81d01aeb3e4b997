"""Every quoted figure and every original-language task text traces to its source document."""

from __future__ import annotations

import re

import pytest

from atlas.model.records import iter_sections
from atlas.load.validate import check_data

from conftest import ROOT

SOURCES = ROOT / "data" / "sources"
DATASET, _ = check_data(ROOT / "data")


def squash(text: str) -> str:
    """Compare text, not layout: drop whitespace and quote-mark variants."""
    return re.sub(r"[\s\u3000“”\"]+", "", text)


@pytest.mark.parametrize("plan", DATASET.plans, ids=lambda p: p.id)
def test_source_file_is_in_the_project(plan):
    assert (SOURCES / plan.source.file).is_file()


def as_shown(plan) -> str:
    """The source text as its page shows it: with the plan's marked corrections applied (such as
    the pinyin a mirror site inserted), each explained by an editor's note."""
    text = (SOURCES / plan.source.file).read_text(encoding="utf-8")
    for c in plan.source.corrections:
        text = re.sub(c.find, c.replace, text)
    return text


@pytest.mark.parametrize("plan", DATASET.plans, ids=lambda p: p.id)
def test_every_quote_is_in_the_source(plan):
    """As printed, or as the page shows it after a marked correction."""
    source = squash((SOURCES / plan.source.file).read_text(encoding="utf-8")) + "\0" + squash(as_shown(plan))
    missing = []
    for section in iter_sections(plan.sections):
        for task in section.tasks:
            for target in task.targets:
                if squash(target.quote) not in source:
                    missing.append(target.id)
    for obs in plan.observations:
        if squash(obs.quote) not in source:
            missing.append(obs.id)
    assert missing == []


@pytest.mark.parametrize("plan", DATASET.plans, ids=lambda p: p.id)
def test_original_text_is_verbatim_unless_a_note_explains(plan):
    """Task and section texts in the original language are the source's words; a correction
    is allowed only where an editor's note names the item."""
    source = squash((SOURCES / plan.source.file).read_text(encoding="utf-8"))
    explained = {about for note in plan.notes for about in note.about}
    lang = plan.original_language
    changed = []
    for section in iter_sections(plan.sections):
        texts = [(section.id, section.summary)] + [(t.id, t.summary) for t in section.tasks]
        for item_id, text in texts:
            if text is None or item_id in explained:
                continue
            for paragraph in (text.get(lang) or "").split("\n\n"):
                if paragraph.strip() and squash(paragraph) not in source:
                    changed.append(item_id)
    assert changed == []
