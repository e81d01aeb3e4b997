"""Build the real site (strict) into a temp dir and check what a visitor would get."""

from __future__ import annotations

import importlib.util
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from atlas.build.complete import resolve
from atlas.build.urls import page_url
from atlas.load.validate import load_dataset
from atlas.build.views import build_views

from conftest import ROOT, build_site

SITE_HOST = "127.0.0.1:8000"  # the default site_url in mkdocs.yml
SPAM = re.compile(r"365bet|bet365|bte365|投注网|拒绝提款", re.I)  # the injected gambling text in source 002


class Refs(HTMLParser):
    """Collects resource references and the language switcher's links of one page."""

    def __init__(self):
        super().__init__()
        self.resources: list[tuple[str, str]] = []
        self.switcher: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for t, attr in (("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"),
                        ("source", "src"), ("video", "src"), ("audio", "src")):
            if tag == t and a.get(attr):
                self.resources.append((tag, a[attr]))
        if tag == "a" and "md-select__link" in (a.get("class") or "") and a.get("hreflang"):
            self.switcher[a["hreflang"]] = a["href"]


def parse(path: Path) -> Refs:
    refs = Refs()
    refs.feed(path.read_text(encoding="utf-8"))
    return refs


def html_pages(site: Path, prefix: str = "") -> set[str]:
    root = site / prefix if prefix else site
    out = set()
    for path in root.rglob("index.html"):
        rel = path.relative_to(root).as_posix()
        if not prefix and rel.startswith("en/"):
            continue
        out.add(rel[: -len("index.html")])
    return out


def expected_generated_urls() -> set[str]:
    dataset, _ = load_dataset(ROOT / "data")
    return {page_url(v.src) for v in build_views(resolve(dataset), "zh")}


def test_every_page_exists_in_both_languages(real_site: Path):
    zh, en = html_pages(real_site), html_pages(real_site, "en")
    assert zh == en
    generated = expected_generated_urls()
    assert generated <= zh
    assert "about/" in zh
    # the kinds the site promises, each with an index page
    for folder in ("plans", "sectors", "agencies", "years", "indicators", "regions"):
        assert f"{folder}/" in zh
        assert any(u.startswith(f"{folder}/") and u != f"{folder}/" for u in zh), folder


def test_language_switcher_lands_on_the_twin_page(real_site: Path):
    for url in sorted(html_pages(real_site)):
        for lang, own, twin in (("zh", url, "en/" + url), ("en", "en/" + url, url)):
            page = f"http://{SITE_HOST}/{own}"
            refs = parse(real_site / own / "index.html")
            other = "en" if lang == "zh" else "zh"
            assert other in refs.switcher, own
            assert urljoin(page, refs.switcher[other]) == f"http://{SITE_HOST}/{twin}", own
            assert urljoin(page, refs.switcher[lang]) == page, own


def test_pages_are_in_their_language(real_site: Path):
    zh = (real_site / "sectors" / "logistics" / "index.html").read_text(encoding="utf-8")
    en = (real_site / "en" / "sectors" / "logistics" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in zh and re.search(r"<h1[^>]*>现代物流<", zh)
    assert '<html lang="en"' in en and re.search(r"<h1[^>]*>Modern logistics<", en)


def test_no_request_leaves_the_site(real_site: Path):
    offsite = []
    for path in real_site.rglob("*.html"):
        for tag, url in parse(path).resources:
            parts = urlsplit(url)
            if (parts.scheme in ("http", "https") or url.startswith("//")) and parts.netloc != SITE_HOST:
                offsite.append((path.relative_to(real_site).as_posix(), tag, url))
    assert offsite == []
    css_js = " ".join(p.read_text(encoding="utf-8", errors="ignore")
                      for p in real_site.rglob("*.css"))
    assert "fonts.googleapis.com" not in css_js and "fonts.gstatic.com" not in css_js


def test_spam_never_reaches_the_site(real_site: Path):
    hits = [p.relative_to(real_site).as_posix() for p in real_site.rglob("*")
            if p.suffix in (".html", ".json", ".xml") and SPAM.search(p.read_text(encoding="utf-8"))]
    assert hits == []


def test_plan_page_shows_tasks_agencies_targets_and_notes(real_site: Path):
    plan = real_site / "plans" / "jx-2010-service-work-plan"
    page = (plan / "index.html").read_text(encoding="utf-8")
    # a long plan: the overview links to one page per part, which shows the part's tasks
    assert 'href="sections/s2/"' in page and 'id="t2-1-4"' not in page
    part = (plan / "sections" / "s2" / "index.html").read_text(encoding="utf-8")
    assert 'id="t2-1-4"' in part and 'id="t2-4-1"' in part
    assert 'href="../../../../agencies/jx-sports/"' in part
    assert 'href="../../#note-spam-sports-bureau"' in part  # notes stay on the overview, once
    assert "127个" in page
    assert "2010年12月9日" in page and "2022年12月13日" in page
    assert 'id="note-spam-sports-bureau"' in page
    en = (real_site / "en" / "plans" / "jx-2010-service-work-plan" / "index.html").read_text(encoding="utf-8")
    assert "own translation" in en
    assert "127 projects" in en


def test_agency_page_lists_what_it_leads_and_joins(real_site: Path):
    page = (real_site / "en" / "agencies" / "jx-drc" / "index.html").read_text(encoding="utf-8")
    assert "Tasks it leads" in page and "Tasks it takes part in" in page
    assert page.count('href="../../plans/jx-2010-service-work-plan/sections/s2/#t2-') > 10


def test_sitemap_has_hreflang_for_generated_pages(real_site: Path):
    sitemap = (real_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>http://{SITE_HOST}/sectors/logistics/</loc>" in sitemap
    assert f'hreflang="en" href="http://{SITE_HOST}/en/sectors/logistics/"' in sitemap


def test_search_index_covers_both_languages_and_only_page_content(real_site: Path):
    # one bundle per language: pagefind/ for Chinese, en/pagefind/ for English. The Chinese pages
    # are indexed already cut into pairs, as "und", a language Pagefind does not cut again
    counts = {}
    for bundle in (real_site / "pagefind", real_site / "en" / "pagefind"):
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        counts.update({lang: info["page_count"] for lang, info in entry["languages"].items()})
    assert set(counts) == {"und", "en"} and counts["und"] == counts["en"] > 300, counts
    assert not (real_site / ".search-input").exists()  # the pages as Pagefind read them: not published
    sector = (real_site / "sectors" / "logistics" / "index.html").read_text(encoding="utf-8")
    # the article, not the navigation, is indexed, and it carries its page type as a filter
    assert sector.count("data-pagefind-body") == 1
    assert re.search(r'<article[^>]*data-pagefind-body><span data-pagefind-filter="类型" hidden>行业</span>', sector)
    source = (real_site / "en" / "plans" / "jx-2010-service-work-plan" / "source" / "index.html").read_text(encoding="utf-8")
    assert '<span data-pagefind-filter="Type" hidden>Source text</span>' in source
    # the results page is not itself a result, and loads Pagefind from this site only
    results = (real_site / "search" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in results
    english = (real_site / "en" / "search" / "index.html").read_text(encoding="utf-8")
    assert 'data-atlas-search="../pagefind/"' in results and 'data-atlas-search="../pagefind/"' in english
    assert '<script defer src="../assets/atlas-search.js">' in results
    assert '<script defer src="../../assets/atlas-search.js">' in english
    assert (real_site / "assets" / "atlas-search.js").is_file()
    # every page's header box sends its query to the results page of its own language
    assert 'action="../../search/"' in sector
    en = (real_site / "en" / "sectors" / "logistics" / "index.html").read_text(encoding="utf-8")
    assert 'action="../../search/"' in en  # /en/sectors/logistics/ -> /en/search/


def test_bad_data_fails_the_build_with_one_message_and_keeps_the_old_site(tmp_path, mini_data):
    site = tmp_path / "site"
    site.mkdir()
    (site / "marker.txt").write_text("previous build", encoding="utf-8")
    plan = mini_data / "plans" / "mini-plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("lead: [jx-drc]", "lead: [jx-dcr]"),
                    encoding="utf-8")
    result = build_site(site, mini_data)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "sections[0].tasks[0].lead[0]: unknown agency 'jx-dcr' (did you mean 'jx-drc'?)" in output
    assert (site / "marker.txt").exists() and not (site / "index.html").exists()
    assert not (tmp_path / "site.partial").exists()


def test_a_good_build_replaces_the_previous_site_whole(tmp_path, mini_data):
    site = tmp_path / "site"
    site.mkdir()
    (site / "stale.html").write_text("from an earlier build", encoding="utf-8")
    result = build_site(site, mini_data)
    assert result.returncode == 0, result.stderr
    assert not (site / "stale.html").exists()
    assert (site / "index.html").exists() and (site / "en" / "index.html").exists()
    assert not (tmp_path / "site.partial").exists() and not (tmp_path / "site.old").exists()


def test_missing_translation_fails_strict_build_but_not_a_normal_one(tmp_path, mini_data):
    plan = mini_data / "plans" / "mini-plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "title: {zh: 发展现代物流, en: Develop modern logistics}", "title: {zh: 发展现代物流}"),
        encoding="utf-8")
    previous = tmp_path / "strict"
    previous.mkdir()
    (previous / "marker.txt").write_text("previous build", encoding="utf-8")
    strict = build_site(previous, mini_data, strict=True)
    assert strict.returncode != 0 and "missing translation 'en'" in strict.stdout + strict.stderr
    # the failed build left the previous site exactly as it was, and no half-written copy
    assert [p.name for p in previous.iterdir()] == ["marker.txt"]
    assert not (tmp_path / "strict.partial").exists()
    normal = build_site(tmp_path / "normal", mini_data, strict=False)
    assert normal.returncode == 0, normal.stderr
    page = (tmp_path / "normal" / "en" / "plans" / "mini-plan" / "index.html").read_text(encoding="utf-8")
    assert 'class="atlas-fallback" lang="zh"' in page and "Some text is not yet translated" in page


def test_each_language_has_its_own_404_page(real_site: Path):
    assert '<html lang="zh"' in (real_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in (real_site / "en" / "404.html").read_text(encoding="utf-8")


def test_indicator_page_has_svg_chart_and_its_table(real_site: Path):
    for prefix in ("", "en/"):
        page = (real_site / prefix / "indicators" / "jx-port-container-throughput" / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<svg class="atlas-chart"[^>]*role="img"', page)
        assert 'class="target s0"' in page  # the 2020 target's marker
        assert 'id="chart-data"' in page and ("text alternative" in page or "文字替代" in page)
    zh = (real_site / "indicators" / "jx-port-container-throughput" / "index.html").read_text(encoding="utf-8")
    en = (real_site / "en" / "indicators" / "jx-port-container-throughput" / "index.html").read_text(encoding="utf-8")
    assert "246万标箱" in zh and "2.46 million TEU" in en


def test_markup_and_pipes_in_data_show_as_text(tmp_path, mini_data):
    plan = mini_data / "plans" / "mini-plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8")
                    .replace("title: {zh: 发展现代物流, en: Develop modern logistics}",
                             'title: {zh: 发展现代物流, en: "Develop <script>alert(1)</script> | logistics"}'),
                    encoding="utf-8")
    result = build_site(tmp_path / "site", mini_data, strict=False)
    assert result.returncode == 0, result.stderr
    assert "contains HTML markup" in result.stdout + result.stderr  # a warning, not an error
    page = (tmp_path / "site" / "en" / "plans" / "mini-plan" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    sector = (tmp_path / "site" / "en" / "sectors" / "logistics" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>(.*?)</tr>", sector, re.S)
    row = next(r for r in rows if "alert(1)" in r)
    assert row.count("<td") == 4  # task, lead, participants, source: the pipe did not split a cell


def test_every_page_names_every_section_in_its_tabs(real_site: Path):
    """Pages built late (after the page's own content was released) still show each tab's title."""
    tabs = re.compile(r'class="md-tabs__link"[^>]*>\s*([^<]*?)\s*<')
    for lang, about in (("", "关于规划图谱"), ("en/", "About Plan Atlas")):
        for path in ("", "about/", "sectors/logistics/", "years/2019/", "search/"):
            html = (real_site / lang / path / "index.html").read_text(encoding="utf-8")
            labels = tabs.findall(html)
            assert len(labels) == 10 and about in labels, (lang + path, labels)
            assert "None" not in labels and "" not in labels, (lang + path, labels)
            assert not re.search(r'class="md-nav__link[^"]*"[^>]*>\s*None\s*<', html), lang + path


def _check_links_module():
    spec = importlib.util.spec_from_file_location("check_links", ROOT / "scripts" / "check_links.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_internal_link_or_anchor_is_broken_anywhere(real_site: Path):
    """Issue 12: every link between the site's pages, in both languages, reaches its page and
    its #anchor (the old citation anchors of a long plan's overview through its map)."""
    assert _check_links_module().broken_links(real_site) == []


def test_the_link_check_finds_a_missing_page_and_a_missing_anchor(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/#here">ok</a><a href="a/#gone">no anchor</a>'
                                         '<a href="b/">no page</a><a href="https://example.org/x">out</a>'
                                         '<script type="application/json" id="atlas-moved">{"t1": "a/"}</script>'
                                         '<a href="#t1">moved</a><a href="#t2">not moved</a>')
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2><p id="t1">task</p>')
    assert _check_links_module().broken_links(tmp_path) == [
        "index.html: a/#gone (no #gone there)", "index.html: b/ (no such page)",
        "index.html: #t2 (no #t2 there)"]
