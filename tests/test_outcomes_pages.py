"""What the outcome sources add to the built site: one comparison chart per measure, status
roll-ups that link to their lists, lineage shown both ways, and source metadata in each language."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

LANGS = ["", "en/"]


def _page(site: Path, lang: str, path: str) -> str:
    return (site / lang / path / "index.html").read_text(encoding="utf-8")


def _ids(html: str) -> Counter:
    return Counter(re.findall(r'\sid="([^"]+)"', html))


@pytest.mark.parametrize("lang", LANGS)
def test_comparison_pages_have_one_chart_one_table_and_unique_ids(real_site: Path, lang: str):
    pages = sorted(p.parent.name for p in (real_site / lang / "compare").glob("*/index.html"))
    assert len(pages) >= 5
    for name in pages:
        html = _page(real_site, lang, f"compare/{name}")
        assert html.count('<svg class="atlas-chart"') <= 1, name
        content = html[:html.index('id="page-data"')]  # then the page's downloads (issue 15)
        assert content.count("<table") == 1, name  # the chart's data, all cities in one table
        duplicates = [i for i, n in _ids(html).items() if n > 1]
        assert duplicates == [], (name, duplicates)
        for anchor in re.findall(r'href="#([^"]+)"', html):
            assert f'id="{anchor}"' in html, (name, anchor)


def test_comparison_title_names_the_measure_and_the_cities(real_site: Path):
    def h1(lang):
        html = _page(real_site, lang, "compare/service-value-added")
        return re.search(r"<h1[^>]*>(.*?)<a ", html).group(1)
    assert h1("") == "服务业增加值：嘉兴市、淮安市"
    assert h1("en/") in ("Service industry value added: Jiaxing, Huai'an",
                         "Service industry value added: Jiaxing, Huai&#39;an")


@pytest.mark.parametrize("lang", LANGS)
def test_home_rollup_numbers_open_the_lists_of_those_targets(real_site: Path, lang: str):
    html = _page(real_site, lang, "")
    links = re.findall(r'<li class="atlas-rollup__item">.*?<a href="([^"]+)">(\d+)</a>', html)
    assert links, "no roll-up on the home page"
    for href, count in links:
        path, _, anchor = href.partition("#")
        target = (real_site / lang / path / "index.html").read_text(encoding="utf-8")
        heading = re.search(rf'<h3 id="{anchor}">(.*?)</h3>', target)
        assert heading, href
        assert f"（{count}）" in heading.group(1) or f" ({count})" in heading.group(1), (href, heading.group(1))


@pytest.mark.parametrize("lang,not_printed", [("", "原文未印明"), ("en/", "not printed")])
def test_source_not_printed_reads_in_the_page_language(real_site: Path, lang: str, not_printed: str):
    html = _page(real_site, lang, "plans/ha-2028-modern-service-plan")
    assert not_printed in html
    if lang == "":
        assert "not printed" not in html


@pytest.mark.parametrize("lang,supersedes,superseded_by", [("", "取代", "被以下文件取代"),
                                                           ("en/", "Supersedes", "Superseded by")])
def test_lineage_is_shown_both_ways(real_site: Path, lang: str, supersedes: str, superseded_by: str):
    older = _page(real_site, lang, "plans/jx-2010-service-work-plan")
    newer = _page(real_site, lang, "plans/jx-2011-service-doubling-plan")
    assert re.search(rf"<td>{superseded_by}</td>\s*<td><a href=\"../jx-2011-service-doubling-plan/\"", older)
    assert re.search(rf"<td>{supersedes}</td>\s*<td><a href=\"../jx-2010-service-work-plan/\"", newer)
    # a document we do not hold is named by its number, not linked
    assert "嘉政发〔2009〕61号" in older


@pytest.mark.parametrize("lang", LANGS)
def test_a_replaced_target_names_its_replacement_and_back(real_site: Path, lang: str):
    old = _page(real_site, lang, "plans/jx-2016-modern-service-action-plan/sections/s3")
    new = _page(real_site, lang, "plans/jx-2021-port-hub-action-plan")
    assert 'href="../../../jx-2021-port-hub-action-plan/#t2-port-cargo"' in old
    assert 'href="../jx-2016-modern-service-action-plan/sections/s3/#t3-1-0-port-cargo"' in new


@pytest.mark.parametrize("lang", LANGS)
def test_status_comes_with_its_rule_and_figure(real_site: Path, lang: str):
    html = _page(real_site, lang, "plans/jx-2016-modern-service-action-plan")
    section = html[html.index('id="status-met"'):]
    row = section[:section.index("</tr>", section.index("<tbody>"))]
    assert "t2-0-service-value-added" in row or "t3-1-0-port-cargo" in row
    assert 'class="atlas-rule"' in row
    assert '</a> <small class="atlas-rule">' in row  # apart in the page's text (search excerpts, copying)
    assert ("依据截止年份全年数据" if lang == "" else "deadline year's full-year figure") in row


def test_downloads_carry_status_rule_and_figure(real_site: Path):
    import json
    rows = {r["id"] + "@" + r["plan"]: r for r in
            json.loads((real_site / "downloads" / "targets.json").read_text(encoding="utf-8"))}
    cargo = rows["t3-1-0-port-cargo@jx-2016-modern-service-action-plan"]
    assert (cargo["status"], cargo["status_rule"]) == ("met", "deadline-figure")
    assert cargo["status_figure"] and cargo["status_figure_plan"] == "jx-2021-port-hub-action-plan"
    assert cargo["replaced_by"] == "jx-2021-port-hub-action-plan#t2-port-cargo"
    csv = (real_site / "downloads" / "targets.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert "status,status_rule,status_figure" in csv
