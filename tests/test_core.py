"""Unit tests of the core stages: load (marks), validate, resolve, present, views, render."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from atlas.site import present
from atlas.model.errors import AtlasError
from atlas.build.labels import LABELS
from atlas.model.records import Text, Unit, period_end_year
from atlas.site.render import make_env, render_page
from atlas.site.safe_text import text as md
from atlas.site.safe_text import text_in
from atlas.build.complete import resolve
from atlas.site.site_search import build_index, mark_searchable, page_kind
from atlas.site.search_pairs import index_words, paired_html, query_words, word
from atlas.build.urls import page_src, page_url, relative
from atlas.load.validate import check_data, load_dataset
from atlas.build.views import build_views
from atlas.load.yaml_source import read_yaml

from conftest import MINI, ROOT


def write(tmp_path: Path, text: str, name: str = "x.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- load ------------------------------------------------------------------------------------
def test_marks_point_at_values_and_keys(tmp_path):
    doc, problems = read_yaml(write(tmp_path, "a:\n  - x\n  - {b: 2}\n"), "x.yaml")
    assert problems == []
    assert doc.data == {"a": ["x", {"b": 2}]}
    assert str(doc.loc(("a", 1, "b"))) == "x.yaml:3:9"
    assert str(doc.loc(("a", 1, "b"), key=True)) == "x.yaml:3:6"
    assert str(doc.loc(("a", 5))) == "x.yaml:2:3"  # falls back to the enclosing list


def test_not_utf8_is_named_with_its_line(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes("a: 1\nb: 嘉兴\n".encode("gbk"))
    doc, problems = read_yaml(path, "gbk.yaml")
    assert doc is None
    assert str(problems[0]).startswith("gbk.yaml:2:4: the file is not valid UTF-8")


def test_impossible_date_is_an_error_not_a_traceback(tmp_path):
    _, problems = read_yaml(write(tmp_path, "d: 2019-02-30\n"), "x.yaml")
    assert "x.yaml:1:4: d: cannot read value '2019-02-30'" in str(problems[0])


# -- validate --------------------------------------------------------------------------------
def test_minimal_data_is_clean():
    dataset, diagnostics = check_data(MINI)
    assert diagnostics == []
    assert [p.id for p in dataset.plans] == ["mini-plan"]


def test_real_data_is_clean_and_complete():
    dataset, diagnostics = check_data(ROOT / "data")
    assert [str(d) for d in diagnostics] == []
    assert len(dataset.plans) >= 1


def test_load_dataset_raises_with_every_error(mini_data):
    plan = mini_data / "plans" / "mini-plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8")
                    .replace("lead: [jx-drc]", "lead: [jx-nope]")
                    .replace("year: 2012", "year: soon"), encoding="utf-8")
    with pytest.raises(AtlasError) as caught:
        load_dataset(mini_data)
    messages = [str(d) for d in caught.value.diagnostics]
    assert len(messages) == 2
    assert "unknown agency 'jx-nope'" in messages[0]
    assert "year: expected a year" in messages[1]


def test_strict_turns_missing_translation_into_failure(mini_data):
    agencies = mini_data / "agencies.yaml"
    agencies.write_text(agencies.read_text(encoding="utf-8")
                        .replace("short: {zh: 市旅游局, en: Tourism Bureau}", "short: {zh: 市旅游局}"),
                        encoding="utf-8")
    _, warnings = load_dataset(mini_data)
    assert [w.severity for w in warnings] == ["warning"]
    with pytest.raises(AtlasError):
        load_dataset(mini_data, strict=True)


def test_observation_in_the_future_is_refused(mini_data):
    plan = mini_data / "plans" / "mini-plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + """observations:
  - id: o-2030
    indicator: jx-projects
    period: 2030-H1
    value: 5
    unit: project
    quote: 确保127个项目按时完成
""", encoding="utf-8")
    _, diagnostics = check_data(mini_data, today=dt.date(2026, 11, 21))
    assert [d.message for d in diagnostics] == [
        "period 2030-H1 is in the future (today is 2026-11-21)"]


# -- resolve ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def mini_model():
    dataset, _ = check_data(MINI)
    return resolve(dataset)


def test_reverse_indexes(mini_model):
    m = mini_model
    assert [r.task.id for r in m.tasks_led_by["jx-drc"]] == ["t1-1"]
    assert [r.task.id for r in m.tasks_joined_by["jx-tourism"]] == ["t1-1"]
    # a task in a sector also counts for the sector's group
    assert [r.task.id for r in m.tasks_in_sector["producer-services"]] == ["t1-1"]
    assert [t.target.id for t in m.targets_due_in[2012]] == ["t1-1-projects"]
    assert [p.id for p in m.plans_issued_in[2010]] == ["mini-plan"]
    assert [p.id for p in m.plans_in_force_in[2011]] == ["mini-plan"]
    assert m.years == [2010, 2011, 2012]
    assert [n.id for n in m.notes_for(m.plans["mini-plan"], "t1-1")] == ["note-date"]


def test_search_marks_the_article_with_its_page_type():
    html = '<body><nav>menu</nav><article class="md-content__inner md-typeset"><h1>x</h1></article></body>'
    marked = mark_searchable(html, "agencies/jx-drc.md", "zh")
    assert '<article class="md-content__inner md-typeset" data-pagefind-body>' in marked
    assert '<span data-pagefind-filter="类型" hidden>部门</span><h1>' in marked
    assert 'data-pagefind-filter="Type" hidden>Source text<' in mark_searchable(html, "plans/p/source.md", "en")
    assert mark_searchable(html, "search.md", "zh") == html  # the results page is not a result
    assert mark_searchable(html, "agencies/index.md", "zh") == html  # nor a list of agencies
    # nor a region's part of a split summary: its rows are on their documents' pages
    assert mark_searchable(html, "sectors/logistics/jiaxing.md", "zh") == html
    assert mark_searchable(html, "years/2019/huaian.md", "zh") == html
    assert mark_searchable(html, "indicators/by-region/jiaxing.md", "zh") == html
    assert "data-pagefind-body" in mark_searchable(html, "plans/p/sections/s1.md", "zh")
    titled = mark_searchable(html.replace("<h1>", '<h1 id="x">'), "sectors/logistics.md", "en")
    assert '<h1 data-pagefind-weight="10" id="x">' in titled  # a page's own name weighs most
    assert page_kind("index.md") == page_kind("about.md") == "other_pages"
    assert page_kind("plans/index.md") == "plans" and page_kind("compare/x.md") == "compare"


def test_search_cuts_chinese_into_overlapping_pairs_alike_in_index_and_query():
    # each pair is one word of Latin letters and digits, which no cutter splits again
    assert query_words("房地产") == "0x623f5730 0x57304ea7"  # 房地 地产
    assert query_words("局") == "0x5c40" and query_words("GDP 局") == "GDP 0x5c40"
    # a long name as the pairs that cover it (every other one and the last): fewer index chunks
    assert query_words("市发展改革委").split() == [word("市发"), word("展改"), word("革委")]
    assert query_words("一二三四五").split() == [word("一二"), word("三四"), word("四五")]
    # every pair of what a reader types is a word of any page that contains it
    indexed = index_words("嘉兴市房地产开发").split()
    for query in ("房地产", "嘉兴", "市房", "开发", "嘉兴市房地产开发"):
        assert set(query_words(query).split()) <= set(indexed), query
    # the run's last character is a word too, and a one-character query begins the others
    assert indexed[-1] == "0x53d1" and query_words("发") == "0x53d1"
    assert any(w.startswith(query_words("房")) for w in indexed)
    assert index_words("2020年GDP增长5%，") == "2020 0x5e74 GDP 0x589e957f 0x957f 5%，"
    # only the text of the searchable part: filter values, attributes and scripts stay as they are;
    # Pagefind reads only that part (the article), which is all the copy holds, with the page's
    # <html> tag and title
    page = ('<!doctype html>\n<html lang="zh" class="no-js"><head><title>嘉兴市</title><link rel="x"></head>'
            '<body><nav>导航 房地产</nav><div><article class="md" data-pagefind-body><span data-pagefind-filter="类型" hidden>'
            '规划文件</span><h1 title="嘉兴市建委">市建委</h1><script>var a = "房地产";</script>'
            '<p>房地产<b>开发</b></p></article></div><footer>页脚</footer></body></html>')
    assert paired_html(page) == (
        '<!doctype html><html lang="zh" class="no-js"><head><meta charset="utf-8"><title>嘉兴市</title></head>'
        '<body><article class="md" data-pagefind-body><span data-pagefind-filter="类型" hidden>规划文件</span>'
        f'<h1 title="嘉兴市建委">{index_words("市建委")}</h1><script>var a = "房地产";</script>'
        f"<p>{index_words('房地产')}<b>{index_words('开发')}</b></p></article></body></html>")
    assert paired_html("<p>房地产</p>") == "<p>房地产</p>"  # not searchable: not read anyway
    # a searchable part that is not an article: the page is kept whole
    assert paired_html("<nav>房地产</nav><div data-pagefind-body><p>开发</p></div>") == \
        f"<nav>房地产</nav><div data-pagefind-body><p>{index_words('开发')}</p></div>"
    # Pagefind stores every element with an id, and its text, in the fragment a search downloads,
    # but reads only the headings': a source text's numbered paragraphs were stored twice
    page = ('<html lang="en"><article data-pagefind-body><h2 id="s1">第一</h2><p id="p1" class="x">¶1 text id="a"</p>'
            '<table><tr id="t1"><td>1</td></tr></table><header id="top"></header><h3  id="s2">Two</h3></article>')
    assert paired_html(page) == ('<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>'
                                 '<article data-pagefind-body><h2 id="s1">' + index_words("第一") + '</h2>'
                                 '<p class="x">¶1 text id="a"</p><table><tr><td>1</td></tr></table>'
                                 '<header></header><h3  id="s2">Two</h3></article></body></html>')


def test_search_index_failure_is_one_clear_error(tmp_path):
    with pytest.raises(AtlasError) as caught:
        build_index(tmp_path)  # no pages at all
    assert "Pagefind could not build the search index" in str(caught.value)
    assert "pagefind-bin-extended" in str(caught.value)


def test_stopping_a_search_index_stops_pagefind_too(tmp_path, monkeypatch):
    """IndexJob runs our wrapper, which runs Pagefind. Stopping the job (a preview's next rebuild)
    killed the wrapper only, and Pagefind went on beside the rebuild, slowing it."""
    import sys
    import time
    from atlas.site import site_search

    grandchild = tmp_path / "pid"
    script = tmp_path / "wrapper.sh"  # stands in for the wrapper: starts a long child and waits
    script.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > {grandchild}\nwait\n")
    script.chmod(0o755)
    monkeypatch.setattr(site_search.sys, "executable", str(script))
    job = site_search.IndexJob(tmp_path)
    monkeypatch.setattr(site_search.sys, "executable", sys.executable)
    deadline = time.monotonic() + 10
    while not (grandchild.exists() and grandchild.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.05)
    pid = int(grandchild.read_text())
    started = time.monotonic()
    job.cancel()  # killing the wrapper alone waited for its child's 60 s (it holds the output)
    assert time.monotonic() - started < 10

    def alive() -> bool:
        try:
            return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
        except OSError:
            return False
    deadline = time.monotonic() + 5
    while alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive()


def test_a_search_index_killed_for_memory_says_so(tmp_path):
    """At K = 100 the kernel killed Pagefind at 14.9 GB; the message said to install packages."""
    import subprocess
    import sys
    from atlas.site.site_search import IndexJob

    for code in ("import os, signal; os.kill(os.getpid(), signal.SIGKILL)",  # killed itself
                 "raise SystemExit(-9)"):  # our wrapper, passing on its Pagefind's end
        job = IndexJob.__new__(IndexJob)
        job.site_dir, job.error = tmp_path, None
        job.proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, text=True)
        with pytest.raises(AtlasError) as caught:
            job.wait()
        assert "memory ran out" in str(caught.value) and "pagefind-bin-extended" not in str(caught.value)


# -- present ---------------------------------------------------------------------------------
def unit(zh, en):
    return Unit(id="u", name=Text(zh=zh, en=en), base="u", factor=1)


def test_values_read_naturally():
    project = unit("个", "projects")
    assert present.target_value(">=", 127, project, "zh") == "不少于127个"
    assert present.target_value(">=", 127, project, "en") == "at least 127 projects"
    assert present.target_value("range", (50, 100), project, "en") == "50–100 projects"
    assert present.with_unit(7.5, unit("%", "%"), "en") == "7.5%"
    assert present.number(2.0) == "2"


def test_large_amounts_read_naturally_in_each_language():
    teu = Unit(id="teu", name=Text(zh="标箱", en="TEU"), base="teu", factor=1, scale=True)
    mteu = Unit(id="teu-million", name=Text(zh="百万标箱", en="million TEU"), base="teu", factor=1_000_000)
    yuan = Unit(id="yuan", name=Text(zh="元", en="yuan"), base="yuan", factor=1, scale=True)
    byuan = Unit(id="yuan-billion", name=Text(zh="十亿元", en="billion yuan"), base="yuan", factor=1_000_000_000)
    assert present.with_unit(2.46, mteu, "zh", teu) == "246万标箱"
    assert present.with_unit(2.46, mteu, "en", teu) == "2.46 million TEU"
    assert present.with_unit(250, byuan, "zh", yuan) == "2500亿元"
    assert present.with_unit(250, byuan, "en", yuan) == "250 billion yuan"
    assert present.with_unit(450000, teu, "en", teu) == "450,000 TEU"
    assert present.target_value(">", 40, byuan, "zh", yuan) == "超过400亿元"
    pct = Unit(id="percent", name=Text(zh="%", en="%"), base="percent", factor=1)
    pp = Unit(id="percentage-point", name=Text(zh="个百分点", en="percentage points"), base="percentage-point", factor=1)
    assert present.with_unit(1.2, pp, "zh", pp) == "1.2个百分点"
    assert present.with_unit(1.2, pct, "en", pct) == "1.2%"


def test_deadlines_and_numbers():
    assert present.deadline(2020, "by_year", "en") == "by 2020"
    assert present.deadline("not stated", "annual", "zh") == "未说明（每年）"
    assert present.item_number("(一)", "en") == "(1)"
    assert present.item_number("二", "zh") == "二、"
    assert present.item_number("十二", "en") == "12."
    assert present.citation_number(["二", "(二)", "1"], "zh") == "二（二）1"
    assert present.item_number("III", "zh") == "三、" and present.item_number("III", "en") == "III."
    assert present.item_number("(XIII)", "zh") == "（十三）"
    assert present.citation_number(["III", "2", "(1)"], "en") == "3.2.1"
    assert present.citation_number(["III", "1", None], "zh") == "三、1"
    assert present.citation_number(["二", "(二)", "1"], "en") == "2.2.1"
    assert present.citation_number(["二", "(五)", None], "en") == "2.5"
    assert present.period_label("2019-H1", "zh") == "2019年上半年"
    assert present.period_label("2018..2019-07", "en") == "2018–July 2019"
    assert period_end_year("2018..2019-07") == 2019
    assert present.date(dt.date(2010, 12, 9), "zh") == "2010年12月9日"


def test_labels_are_bilingual():
    assert all(set(v) == {"zh", "en"} for v in LABELS.values())


# -- urls and escaping -----------------------------------------------------------------------
def test_urls_come_from_ids():
    assert page_src("sector", "logistics") == "sectors/logistics.md"
    assert page_url("sectors/logistics.md") == "sectors/logistics/"
    assert page_url("sectors/index.md") == "sectors/"
    assert relative("plans/a.md", "agencies/b.md", "t1") == "../agencies/b.md#t1"


def test_data_text_cannot_inject_markup():
    assert md("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert md("a | b") == "a &#124; b"
    assert md("# not a heading\n\n!!! danger") == "\\# not a heading<br><br>!!! danger"
    assert md("[x](y) *z*") == "\\[x\\](y) \\*z\\*"


# -- views and render ------------------------------------------------------------------------
def test_every_entity_has_a_view_in_both_languages(mini_model):
    for lang in ("zh", "en"):
        srcs = {v.src for v in build_views(mini_model, lang)}
        assert {"index.md", "plans/mini-plan.md", "sectors/logistics.md", "agencies/jx-drc.md",
                "years/2012.md", "indicators/jx-projects.md", "regions/jiaxing.md",
                "plans/index.md", "sectors/index.md", "agencies/index.md", "years/index.md",
                "indicators/index.md", "regions/index.md"} <= srcs


def test_plan_page_renders_anchors_agencies_and_targets(mini_model):
    view = next(v for v in build_views(mini_model, "en") if v.src == "plans/mini-plan.md")
    text = render_page(make_env(ROOT / "templates"), mini_model, "en", view)
    assert "{ #t1-1 }" in text
    assert '<span id="t1-1-projects"></span>' in text
    assert "[Municipal DRC](../agencies/jx-drc.md" in text
    assert "at least 127 projects" in text
    assert "Plan Atlas's own translation" in text


def test_missing_translation_falls_back_with_notice(mini_data):
    plan = mini_data / "plans" / "mini-plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "title: {zh: 发展现代物流, en: Develop modern logistics}", "title: {zh: 发展现代物流}"),
        encoding="utf-8")
    dataset, _ = check_data(mini_data)
    model = resolve(dataset)
    view = next(v for v in build_views(model, "en") if v.src == "plans/mini-plan.md")
    text = render_page(make_env(ROOT / "templates"), model, "en", view)
    assert '<span class="atlas-fallback" lang="zh"' in text
    assert "Some text is not yet translated" in text
    zh_view = next(v for v in build_views(model, "zh") if v.src == "plans/mini-plan.md")
    assert "atlas-fallback" not in render_page(make_env(ROOT / "templates"), model, "zh", zh_view)


def test_counts_and_dates_read_the_way_each_language_writes_them():
    import datetime as dt

    from atlas.site import present
    from atlas.model.records import Text, Unit
    enterprise = Unit(id="enterprise", name=Text(zh="家", en="enterprises"), base="count", factor=1)
    assert present.with_unit(26000, enterprise, "zh") == "2.6万家"
    assert present.with_unit(26000, enterprise, "en") == "26,000 enterprises"
    assert present.with_unit(127, enterprise, "en") == "127 enterprises"
    assert present.date(dt.date(2016, 4, 2), "en") == "2 April 2016"  # no glibc-only %-d
    assert present.compact(150_000_000, "zh") == "1.5亿" and present.compact(150_000_000, "en") == "150M"


def test_other_language_runs_are_marked_and_still_escaped():
    """WCAG 3.1.2: an English phrase in Chinese text, Chinese characters in English text."""
    assert text_in("原文写“Shanghai-Zhapu-Hangzhou Railway”。", "zh") == \
        '原文写“<span lang="en">Shanghai-Zhapu-Hangzhou Railway</span>”。'
    assert text_in("嘉政发〔2009〕61号 (not held)", "en") == '<span lang="zh">嘉政发〔2009〕61号</span> (not held)'
    # a lone name, an acronym, a code or a format is not a phrase
    for plain in ("GDP增长7%", "门类 F, I", "日期 YYYY-MM-DD", "嘉兴 Jiaxing"):
        assert text_in(plain, "zh") == md(plain)
    # each part is escaped as text, and a block marker at the start is still neutralised
    assert text_in("# <b>bold words</b> 中文", "en") == '\\# &lt;b&gt;bold words&lt;/b&gt; <span lang="zh">中文</span>'
    assert text_in("<i>two words</i>", "zh") == '&lt;i&gt;<span lang="en">two words</span>&lt;/i&gt;'


def test_agencies_whose_short_names_clash_across_regions_are_told_apart(mini_data):
    """Issue 13: Tongxiang's 市科技局 and Jiaxing's 市科技局 must not read as one agency."""
    agencies = mini_data / "agencies.yaml"
    agencies.write_text(agencies.read_text(encoding="utf-8") + (
        "- id: zj-tourism\n  name: {zh: 浙江省旅游局, en: Zhejiang Provincial Tourism Bureau}\n"
        "  short: {zh: 市旅游局, en: Provincial Tourism Bureau}\n  region: zhejiang\n  kind: bureau\n"),
        encoding="utf-8")
    dataset, diagnostics = check_data(mini_data)
    assert [d.severity for d in diagnostics if "short name '市旅游局'" in d.message] == ["warning"]
    model = resolve(dataset)
    env = make_env(ROOT / "templates")
    zh = render_page(env, model, "zh", next(v for v in build_views(model, "zh") if v.src == "plans/mini-plan.md"))
    assert "[市旅游局（嘉兴市）]" in zh
    en = render_page(env, model, "en", next(v for v in build_views(model, "en") if v.src == "plans/mini-plan.md"))
    assert "[Tourism Bureau]" in en  # the English short names differ: nothing added


def test_templates_read_views_not_the_model_and_the_model_is_read_only(mini_data):
    """Issue 13: views are the templates' only input; once resolved, the model cannot grow."""
    import re
    for template in (ROOT / "templates").glob("*.j2"):
        assert not re.search(r"\bm[.\[]", template.read_text(encoding="utf-8")), template.name
    dataset, _ = check_data(mini_data)
    model = resolve(dataset)
    with pytest.raises(TypeError):
        model.tasks_led_by["nobody"] = []
    assert "nobody" not in model.tasks_led_by and model.tasks_led_by.get("nobody") is None
    env = make_env(ROOT / "templates")
    before = {name: len(getattr(model, name)) for name in ("tasks_led_by", "targets_of_indicator", "plans_in_region")}
    for lang in ("zh", "en"):
        for view in build_views(model, lang):
            render_page(env, model, lang, view)
    assert before == {name: len(getattr(model, name)) for name in before}


def test_scripts_and_tests_import_the_installed_package_without_path_edits():
    """Issue 13: hooks/atlas is installed (pyproject.toml, `pip install -e .` in scripts/env.sh)."""
    import atlas
    assert Path(atlas.__file__).resolve().parent == ROOT / "hooks" / "atlas"
    edits = [p.name for folder in ("scripts", "tests") for p in (ROOT / folder).glob("*.py")
             if "sys.path.insert(" in p.read_text(encoding="utf-8").replace('"sys.path.insert("', "")]
    assert edits == []


STAGES = ("model", "load", "build", "outputs", "site")


def test_each_stage_imports_only_the_stages_before_it():
    """Issue 13: the layout shows the pipeline. A module of one sub-package may import its own
    package and those before it, never a later one (a failing case: build importing site)."""
    import ast
    core = ROOT / "hooks" / "atlas"
    assert sorted(p.name for p in core.glob("*.py")) == ["__init__.py"]  # every module is in a stage
    assert sorted(p.name for p in core.iterdir() if p.is_dir() and p.name != "__pycache__") == sorted(STAGES)
    wrong = []
    for stage in STAGES:
        for module in (core / stage).glob("*.py"):
            for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom):
                    if node.level == 1:
                        target = stage
                    elif node.level == 2:
                        target = (node.module or "").split(".")[0]
                    else:
                        target = (node.module or "").split(".")[1] if (node.module or "").startswith("atlas.") else None
                    if target and STAGES.index(target) > STAGES.index(stage):
                        wrong.append(f"{stage}/{module.name} imports {target}")
                if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "mkdocs" for a in node.names):
                    wrong.append(f"{stage}/{module.name} imports mkdocs")
    assert wrong == []


def test_the_mkdocs_glue_keeps_only_event_handlers():
    """Issue 13: hooks/atlas_hooks.py under 150 lines; the build state lives in atlas.site.session."""
    glue = (ROOT / "hooks" / "atlas_hooks.py").read_text(encoding="utf-8")
    assert len(glue.splitlines()) < 150


def test_compiled_templates_are_kept_between_builds(tmp_path, monkeypatch):
    """Templates are compiled once and kept in the user's cache folder (template_cache.py); an
    edited template is compiled anew (Jinja checks each source's checksum)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.md.j2").write_text("one {{ 1 + 1 }}", encoding="utf-8")
    assert make_env(tmp_path / "t").get_template("page.md.j2").render() == "one 2"
    kept = list((tmp_path / "cache" / "plan-atlas" / "jinja").glob("__jinja2_*.cache"))
    assert len(kept) == 1
    (tmp_path / "t" / "page.md.j2").write_text("two {{ 2 + 2 }}", encoding="utf-8")
    assert make_env(tmp_path / "t").get_template("page.md.j2").render() == "two 4"
