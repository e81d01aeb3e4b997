"""Issue 15, item 3: every indicator page says what the sources say it measures (the definition
with its source's words and document) or, plainly, that no source defines it; its unit and base
unit, the documents that set or report it, and the same measure in other cities. Definitions
are in the downloads. No definition is made up: each one quotes its document (checked by the
data check; tests/golden/definition-not-in-source)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

WORDS = {"": ("来源的定义", "来源未给出这一指标的定义。", "基本单位", "设定或报告该指标的文件"),
         "en/": ("As a source defines it", "Not defined in the sources.", "Base unit", "Documents that set or report it")}


@pytest.mark.parametrize("lang", ["", "en/"])
def test_every_indicator_page_says_what_it_measures_or_that_no_source_defines_it(real_site: Path, lang: str):
    defined, undefined, header = WORDS[lang][0], WORDS[lang][1], WORDS[lang][2:]
    rows = {r["id"]: r for r in json.loads((real_site / "downloads" / "indicators.json").read_text(encoding="utf-8"))}
    pages = sorted((real_site / lang / "indicators").glob("*/index.html"))
    assert len(pages) == len(rows) > 100
    counts = {True: 0, False: 0}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        section = html[html.index('id="definition"'):html.index("</table>", html.index('id="definition"'))]
        row = rows[page.parent.name]
        has = row["definition_quote"] is not None
        says = bool(re.search(f"<p>{defined}[：:]", section)), f"<p>{undefined}</p>" in section
        assert says == (has, not has), page
        assert all(f"<td>{h}</td>" in section for h in header), page
        counts[has] += 1
        if has:  # the source's own words, linked to their paragraph, and the document named
            quote = re.escape(row["definition_quote"])
            assert re.search(rf'<a href="[^"]*plans/{row["definition_plan"]}/source/#p\d+"><span lang="zh">{quote}</span></a>'
                             if lang else rf'<a href="[^"]*plans/{row["definition_plan"]}/source/#p\d+">{quote}</a>', section), page
    assert counts[True] >= 1 and counts[False] > 100


def test_an_indicator_lists_its_documents_and_the_same_measure_elsewhere(real_site: Path):
    html = (real_site / "indicators" / "jx-gdp-growth" / "index.html").read_text(encoding="utf-8")
    facts = html[html.index('id="definition"'):html.index("</table>", html.index('id="definition"'))]
    assert 'href="../../plans/jx-2022-statistical-communique/"' in facts
    assert 'href="../ha-gdp-growth/"' in facts and 'href="../../compare/gdp-growth/"' in facts
