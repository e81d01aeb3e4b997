"""Drive the built site in headless Chromium (Debian's, through Playwright), as readers would.

Screenshots of one page of every kind, in both languages, at desktop and phone widths, are saved
under artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse, urlsplit

import pytest

from conftest import ROOT

from atlas.site.local_site import CHROMIUM, CHROMIUM_ARGS, serve
from atlas.site.search_pairs import index_words, query_words

playwright = pytest.importorskip("playwright.sync_api")

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "artifacts" / "screenshots"
# one page of every kind (Chinese path; the English twin is under en/)
PAGES = {
    "home": "",
    "plan-index": "plans/",
    "plan": "plans/jx-2010-service-work-plan/",
    "plan-section": "plans/jx-2010-service-work-plan/sections/s2/",
    "plan-figures": "plans/jx-2019-government-work-report/figures/",
    "source": "plans/jx-2010-service-work-plan/source/",
    "sector-index": "sectors/",
    "sector": "sectors/logistics/",
    "agency-index": "agencies/",
    "agency": "agencies/jx-drc/",
    "indicator-index": "indicators/",
    "indicator": "indicators/jx-gdp-growth/",
    "compare": "compare/tourism-revenue/",
    "year-index": "years/",
    "year": "years/2019/",
    "region": "regions/jiaxing/",
    "about": "about/",
    "fields": "maintainers/fields/",  # generated from the record definitions, both languages in it
    "search": "search/?q=2020",  # the results page, with results (the year is in both languages)
    # and the largest pages: most tables, rows and links
    "plan-largest": "plans/jx-2019-government-work-report/",
    "plan-section-largest": "plans/jx-2016-modern-service-action-plan/sections/s3/",
    "sector-largest": "sectors/producer-services/",
}


@pytest.fixture(scope="module")
def site(real_site: Path):
    server, base = serve(real_site)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        requests: list[str] = []
        context = browser.new_context()
        context.on("request", lambda r: requests.append(r.url))
        yield context, base, requests
        browser.close()
    server.shutdown()


@pytest.fixture
def page(site):
    context, base, _ = site
    page = context.new_page()
    yield page
    page.close()


def switch_language(page, lang: str) -> None:
    """Open the header's language menu as a person would (hover) and pick ``lang``."""
    page.locator(".md-header .md-select").first.hover()
    page.locator(f'.md-header a.md-select__link[hreflang="{lang}"]').first.click()


@pytest.mark.parametrize("kind", ["sector", "agency", "plan", "indicator"])
def test_switcher_lands_on_the_twin_page_and_back(site, page, kind):
    _, base, _ = site
    path = PAGES[kind]
    page.goto(base + path)
    zh_title = page.locator("h1").first.inner_text()
    switch_language(page, "en")
    page.wait_for_url(base + "en/" + path)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.inner_text() != zh_title
    switch_language(page, "zh")
    page.wait_for_url(base + path)
    assert page.locator("h1").first.inner_text() == zh_title


def search(page, query: str) -> list[str]:
    """Type ``query`` into the header's search box and press Enter; the result links, best first."""
    box = page.locator("input.atlas-header-search__input")
    box.fill(query)
    with page.expect_navigation():  # a plain form: the results page loads anew (no stale results)
        box.press("Enter")
    return results_of(page)


def results_of(page) -> list[str]:
    """The result links of the search page once they have all loaded (sub-results left out)."""
    page.locator(".atlas-search__message").filter(has_text=re.compile(r"\d")).wait_for(timeout=15000)
    page.wait_for_function("!document.querySelector('.atlas-search__loading')", timeout=15000)
    results = page.locator(".atlas-search__result > .atlas-search__title a")
    return [results.nth(i).get_attribute("href") or "" for i in range(results.count())]


SEARCHES = [
    ("", "物流", "/sectors/logistics/"),  # a two-character Chinese word
    ("", "市发改委", "/agencies/jx-drc/"),  # an agency's common short form
    ("", "市发展改革委", "/agencies/jx-drc/"),  # another form the sources use
    ("", "嘉服集团", "/agencies/jx-jiafu-group/"),
    # a programme name in a task, and a common word: Pagefind's own cutting (jieba for the pages,
    # the browser's Intl.Segmenter for the query) found 1 of the 30 pages with 房地产
    ("", "百项百亿", "/sectors/investment-projects/"),
    ("", "房地产", "/sectors/real-estate/"),
    ("en/", "市建委", "/en/agencies/jx-construction/"),  # a Chinese name on the English pages
    ("en/", "outsourcing", "/en/sectors/service-outsourcing/"),  # English finds English pages
]


@pytest.mark.parametrize("path", ["", "en/"])
def test_search_finds_chinese_words_short_forms_and_english(site, page, path):
    """Each query typed into the header's box, one after another as a reader would (the first
    from a sector page, the next from the results page)."""
    _, base, _ = site
    page.goto(base + path + PAGES["sector"])
    for prefix, query, expect in SEARCHES:
        if prefix != path:
            continue
        hrefs = search(page, query)
        # the box leads to the results page of the same language, with the query in the address
        assert page.url.startswith(base + path + "search/?q="), page.url
        assert any(h.endswith(expect) for h in hrefs[:5]), (query, hrefs)
        if path == "en/":
            assert all("/en/" in h for h in hrefs), hrefs
        else:
            assert not any("/en/" in h for h in hrefs), hrefs


# words Pagefind's own Chinese cutting missed (issue 14), and a name the dictionary lacks
RECALL_WORDS = ("房地产", "百项百亿", "市建委", "村庄", "市体育局")


def test_search_finds_every_page_that_contains_the_words(real_site):
    """Recall, measured by ``scripts/search_recall.py``: every Chinese page whose searchable text
    contains the word is found, with the query cut as the search page cuts it."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "search_recall.py"), str(real_site),
                             "--words", ",".join(RECALL_WORDS)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    total = re.search(r"^\| all \| (\d+) \| (\d+) \| (\d+) \|", result.stdout, re.M)
    assert total, result.stdout
    assert int(total.group(1)) == len(RECALL_WORDS) and int(total.group(2)) > 100, result.stdout
    assert total.group(2) == total.group(3), result.stdout  # pages containing them == pages found


JOINED_BACK = {
    "": ("嘉兴市房地产开发投资，市建委牵头。", "体育", "（二）加快推进“百项百亿”工程", "2020年GDP增长", "嘉兴 市"),
    "en/": ("Form printed in sources: 市建委 / Construction.", "嘉兴 市",
            "the “Hundred Projects” (百项百亿) programme, “市建委”, 嘉兴.", "市建委牵头。"),
}


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_search_page_cuts_and_joins_chinese_as_the_build_does(site, page, prefix):
    """The browser's half of the pairs (atlas.js) agrees with the build's (search_pairs.py): the
    query is cut alike, and text cut for the index (excerpts, titles) reads as the page's again,
    with the words found marked whole."""
    _, base, _ = site
    page.goto(base + prefix + "search/")
    for text in ("房地产", "市建委牵头", "百项百亿 GDP 2020", "“百项百亿”工程", "局", "Port of 嘉兴 grew",
                 "嘉政办发〔2011〕66号", "（二）加快推进，2020年"):
        assert page.evaluate("t => atlasQueryWords(t)", text) == query_words(text)
    for text in JOINED_BACK[prefix]:
        assert page.evaluate("t => atlasJoinPairs(t, true)", index_words(text)) == text
    found = set(query_words("房地产").split())
    excerpt = " ".join(f"<mark>{w}</mark>" if w in found else w for w in index_words("嘉兴市房地产开发").split())
    assert page.evaluate("t => atlasJoinPairs(t)", excerpt) == "嘉兴市<mark>房地产</mark>开发"


def show_filters(page) -> None:
    """Ask for the filters, as a reader does: the button above the results fetches them."""
    page.locator(".atlas-search__ask").click()
    page.locator(".atlas-search__filters").wait_for(timeout=30000)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_search_fetches_the_filters_only_when_asked(site, page, prefix):
    """Issue 14: the filter files grow with the site (185 KB gzipped at K = 30, as much again as
    the rest of a search), so a search fetches none; the button fetches them all, and the page
    type comes first, open on a desk."""
    _, base, _ = site
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(base + prefix + "search/?q=" + ("物流" if not prefix else "logistics"))
    results_of(page)
    assert page.locator(".atlas-search__filters").count() == 0
    assert not [u for u in fetched if u.endswith(".pf_filter")]
    assert any(u.endswith(".pf_index") for u in fetched)  # the search itself ran
    show_filters(page)
    assert page.locator(".atlas-search__ask").count() == 0
    filter_files = {u for u in fetched if u.endswith(".pf_filter")}
    assert len(filter_files) == 10, filter_files  # the page type and the nine of search_filters
    names = page.locator(".atlas-search__filter-name").all_inner_texts()
    assert names[0].strip() == ("类型" if not prefix else "Type") and len(names) == 10, names
    first = page.locator(".atlas-search__filter").first
    assert first.locator("input.atlas-search__filter-checkbox").first.is_visible()  # open at 1280 px
    # a filtered address fetches them at once: its groups are there without asking
    page.goto(base + prefix + "search/?q=" + ("物流&f=地区:嘉兴市" if not prefix else "logistics&f=Region:Jiaxing"))
    results_of(page)
    page.locator(".atlas-search__filters").wait_for(timeout=30000)
    assert page.locator(".atlas-search__ask").count() == 0
    assert page.locator("input.atlas-search__filter-checkbox:checked").count() == 1


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_search_box_searches_as_you_type_and_clears(site, page, prefix):
    """The results page's own box: empty, it offers only the filters (no results, no "Load
    more"); typing searches and keeps the query in the address; Clear empties the results and the
    address."""
    _, base, _ = site
    page.goto(base + prefix + "search/")
    box = page.locator(".atlas-search__input")
    assert box.evaluate("e => e === document.activeElement")  # ready for typing
    page.locator(".atlas-search__ask").wait_for(state="visible", timeout=15000)
    for hidden in (".atlas-search__more", ".atlas-search__result"):
        assert not page.locator(hidden).is_visible(), hidden
    box.press_sequentially("物流" if not prefix else "logistics")
    hrefs = results_of(page)
    assert any(h.endswith(f"/{prefix}sectors/logistics/") for h in hrefs), hrefs
    assert parse_qs(urlparse(page.url).query)["q"] == ["物流" if not prefix else "logistics"]
    # each result says what kind of page it is (its type filter)
    sector = page.locator(".atlas-search__result", has=page.locator(f'a[href$="/{prefix}sectors/logistics/"]'))
    assert sector.first.locator(".atlas-search__kind").inner_text() == ("行业" if not prefix else "Sectors")
    assert page.locator(".atlas-search__ask").is_visible() and page.locator(".atlas-search__more").is_visible()
    page.locator(".atlas-search__clear").click()
    assert page.locator(".atlas-search__result").count() == 0 and box.input_value() == ""
    assert "q" not in parse_qs(urlparse(page.url).query)
    assert not page.locator(".atlas-search__more").is_visible()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_filters_without_a_query_list_every_page_that_has_them(site, page, real_site, prefix):
    """"Which targets were met in Jiaxing?": filters alone, from a linked address, list every page
    that carries them, as the index has them (no query)."""
    _, base, _ = site
    (region, city), (status, met) = FILTERED[prefix][1]
    page.goto(base + prefix + f"search/?f={region}:{city}&f={status}:{met}")
    hrefs = results_of(page)
    shown = int(re.search(r"\d+", page.locator(".atlas-search__message").inner_text()).group())
    expected = []
    for html_file in (real_site / prefix).glob("**/index.html") if prefix else real_site.glob("**/index.html"):
        rel = html_file.relative_to(real_site).as_posix()
        if not prefix and rel.startswith("en/"):
            continue
        html = html_file.read_text(encoding="utf-8")
        if (f'data-pagefind-filter="{region}">{city}</span>' in html
                and f'data-pagefind-filter="{status}">{met}</span>' in html and "data-pagefind-body" in html):
            expected.append("/" + rel[: -len("index.html")])
    assert shown == len(expected) > 5, (shown, len(expected))
    assert len(hrefs) == 5 and set(hrefs) <= set(expected), hrefs
    assert page.locator("input.atlas-search__filter-checkbox:checked").count() == 2
    assert page.locator(".atlas-search__input").input_value() == ""


def test_search_results_can_be_narrowed_by_type_and_linked(site, page):
    _, base, _ = site
    page.goto(base + "search/?q=" + "物流")  # a shared link to a results page runs its search
    results_of(page)
    assert page.locator(".atlas-search__input").input_value() == "物流"
    found = int(re.search(r"\d+", page.locator(".atlas-search__message").inner_text()).group())
    show_filters(page)
    page.locator('input.atlas-search__filter-checkbox[name="类型"][value="行业"]').check()
    page.wait_for_function(f"!document.querySelector('.atlas-search__message').innerText.includes(' {found} ')")
    page.wait_for_function("(() => { const a = [...document.querySelectorAll('.atlas-search__title a')];"
                           " return a.length > 0 && a.every(x => x.href.includes('/sectors/')); })()")
    hrefs = results_of(page)
    narrowed = int(re.search(r"\d+", page.locator(".atlas-search__message").inner_text()).group())
    assert 0 < narrowed < found
    assert hrefs and all("/sectors/" in h for h in hrefs), hrefs
    page.locator(".atlas-search__link").first.click()
    page.wait_for_load_state()
    assert "/sectors/" in page.url


def test_sector_page_shows_its_targets_table(site, page):
    _, base, _ = site
    page.goto(base + PAGES["sector"])
    # the targets come grouped by status, one table per status, after the roll-up
    tables = page.locator("#targets ~ .md-typeset__scrollwrap table")
    assert tables.first.is_visible()
    assert page.locator("#targets ~ .atlas-rollup, #targets ~ p .atlas-rollup, .atlas-rollup").first.is_visible()
    rows = sum(tables.nth(i).locator("tbody tr").count() for i in range(tables.count()))
    assert rows >= 5
    behind = page.locator("#status-behind ~ .md-typeset__scrollwrap table").first
    assert "246万标箱" in behind.inner_text() and "195.6万标箱" in behind.inner_text()


def test_indicator_page_shows_chart_and_its_table(site, page):
    _, base, _ = site
    page.goto(base + "en/" + PAGES["indicator"])
    chart = page.locator("svg.atlas-chart")
    assert chart.is_visible() and chart.get_attribute("role") == "img"
    # targets for 2017 (plan-implementation report) and 2019 (work report)
    assert chart.locator("circle.figure").count() >= 1 and chart.locator("path.target").count() == 2
    alt = page.locator("#chart-data ~ .md-typeset__scrollwrap table").first
    # the 2019 target (over 7%) is decided by the 2019 figure of the 2020 work report: 7.0%
    text = alt.inner_text()
    assert "7.6%" in text and "2019\tReported figures\t7%\t" in text  # 7.0 as printed: 7%
    assert "Behind" in text and "deadline year" in text


DUPLICATE_IDS = """() => { const seen = {}; document.querySelectorAll('[id]').forEach(e => seen[e.id] = (seen[e.id] || 0) + 1);
    return Object.keys(seen).filter(k => seen[k] > 1); }"""
# Text in the other language's script not inside an element of that language (WCAG 3.1.2): Chinese
# characters on an English page, an English phrase (two words of two letters or more) on a Chinese page. Code is
# neither language. The same rule as hooks/atlas/site/safe_text.py's other_script_runs.
UNMARKED = r"""() => {
  const page = document.documentElement.lang.slice(0, 2), out = [];
  const han = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
  const phrase = /(?<![A-Za-z0-9'\u2019-])[A-Za-z][A-Za-z0-9'\u2019-]*(?:[ \t]*[,.;:!?]?[ \t]+(?:[A-Za-z][A-Za-z0-9'\u2019-]*|[0-9][0-9,.%]*(?![A-Za-z])))+/g;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const el = node.parentElement;
    if (!el || el.closest('script, style, noscript, code, pre, kbd')) continue;
    const lang = (el.closest('[lang]').getAttribute('lang') || '').slice(0, 2), text = node.nodeValue;
    if (lang === 'en' && han.test(text)) out.push(text.trim().slice(0, 60));
    if (lang === 'zh') for (const m of text.match(phrase) || [])
      if ((m.match(/[A-Za-z][A-Za-z0-9'\u2019-]+/g) || []).length >= 2) out.push(m);
  }
  return out;
}"""
# A disclosure's summary whose admonition icon (Material's ::before) would sit on its text: shown,
# with less left padding than the icon takes.
ICON_ON_TEXT = """() => [...document.querySelectorAll('article summary')].filter(s =>
    getComputedStyle(s, '::before').display !== 'none' && parseFloat(getComputedStyle(s).paddingLeft) < 24
).map(s => s.textContent.trim().slice(0, 40))"""
WIDE_TABLES = """() => [...document.querySelectorAll('article table')].filter(t => {
    const wrap = t.closest('.md-typeset__scrollwrap') || t.parentElement;
    return t.scrollWidth > wrap.clientWidth + 1 || t.getBoundingClientRect().right > window.innerWidth + 1;
}).length"""


WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}


@pytest.mark.parametrize("name", WIDTHS)
@pytest.mark.parametrize("kind", PAGES)
def test_every_kind_of_page_passes_axe_fits_marks_its_languages_and_is_photographed(site, kind, name):
    """One visit per page kind, language and width (a phone's and a desk's): no request leaves
    the machine (every resource the page and its search ask for); on a phone every data table is
    a list of cards and on a desk nothing is clipped (issue 12); no id twice; every run of the
    other language marked with lang; a plan page under 1,500 elements; no console error. axe
    finds no violation of any rule, best practices included, whatever its impact: on every kind
    of page, in Chinese at a phone's width and in English at a desk's, so that each language and
    each width is checked for every kind (all four combinations cost twice the time, for rules
    that depend on neither). The screenshot is saved to artifacts/screenshots/ for a person."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `bash scripts/test.sh` (it installs it from npm)")
    context, base, _ = site
    width, height = WIDTHS[name]
    path = PAGES[kind]
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": height})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    SHOTS.mkdir(parents=True, exist_ok=True)
    for lang, prefix in (("zh", ""), ("en", "en/")):
        where = f"{prefix}{path} at {width}px"
        page.goto(base + prefix + path)
        if kind == "search":
            results_of(page)
        page.evaluate("document.fonts.ready.then(() => true)")  # no boxes for unloaded glyphs
        if "?" not in path:
            assert page.evaluate(WIDE_TABLES) == 0, where
            assert page.evaluate(DUPLICATE_IDS) == [], where
            assert page.evaluate(UNMARKED) == [], where
            assert page.evaluate(ICON_ON_TEXT) == [], where
        if path.startswith("plans/"):  # a long plan is paged by section (plan_pages.py)
            assert page.evaluate("document.getElementsByTagName('*').length") < 1500, where
        target = SHOTS / f"{kind}-{lang}-{name}.png"
        if name == "desktop":  # the first three screens: enough to look at, and quick to encode
            tall = page.evaluate("document.documentElement.scrollHeight")
            page.screenshot(path=str(target), full_page=True,
                            clip={"x": 0, "y": 0, "width": width, "height": min(tall, 3 * height)})
        else:
            page.screenshot(path=str(target))
        assert target.stat().st_size > 10_000, where
        if (lang, name) in (("zh", "phone"), ("en", "desktop")):
            page.add_script_tag(path=str(AXE))
            result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
            bad = [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"]]
            assert bad == [], f"{where}: {bad}"
    page.close()
    assert errors == []
    hosts = {urlsplit(u).hostname for u in requests if not u.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, requests


def test_search_excerpts_mark_the_other_language(site, page):
    _, base, _ = site
    page.goto(base + "search/?q=2020")
    results_of(page)
    # each result's excerpt arrives after the list (Pagefind loads it lazily); then it is marked
    page.wait_for_selector('.atlas-search__excerpt span[lang="en"]', state="attached", timeout=15000)
    assert page.evaluate(UNMARKED) == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_citation_link_to_a_moved_part_opens_the_page_that_shows_it(site, page, prefix):
    """A long plan is paged by section; plans/<id>/#<task> (the documented citation form) and
    #<figure> still land on the item."""
    _, base, _ = site
    plan = base + prefix + "plans/jx-2016-modern-service-action-plan/"
    page.goto(plan + "#t3-1-0-port-cargo")
    page.wait_for_url("**/sections/s3/#t3-1-0-port-cargo")
    page.wait_for_load_state()
    top = page.evaluate("document.getElementById('t3-1-0-port-cargo').getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"]  # scrolled to the task
    page.goto(base + prefix + "plans/jx-2019-government-work-report/#o-2018-afforestation")
    page.wait_for_url("**/figures/#o-2018-afforestation")
    assert page.locator("#o-2018-afforestation").count() == 1
    page.goto(plan + "#notes")  # what the overview shows stays there
    assert page.url == plan + "#notes"


def test_on_a_phone_a_row_is_a_card_with_its_column_names(site):
    context, base, _ = site
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base + "sectors/logistics/")
    cell = page.locator("#status-met ~ .md-typeset__scrollwrap table td[data-label='进展']").first
    assert cell.is_visible()
    assert "已达成" in cell.inner_text()
    label = cell.evaluate("e => getComputedStyle(e, '::before').content")
    assert "进展" in label
    page.close()


def test_the_404_page_speaks_both_languages_and_links_home(site, page):
    _, base, _ = site
    page.goto(base + "404.html")
    assert "页面不存在" in page.inner_text("h1") and "Page not found" in page.inner_text("h1")
    assert page.locator('article p[lang="en"] a').count() == 2
    assert page.locator(".md-header .md-select").count() == 0  # no switcher to an unrelated page


def test_other_language_text_is_marked(site, page):
    _, base, _ = site
    page.goto(base + "plans/jx-2016-modern-service-action-plan/sections/s2/")
    quote = page.locator('#t2-0-service-value-added').locator("xpath=ancestor::tr").locator('span[lang="en"]')
    assert quote.count() == 1 and "250 billion" in quote.inner_text()
    page.goto(base + "plans/jx-2016-modern-service-action-plan/source/")
    assert page.locator('p.atlas-para[lang="en"]').count() > 20


def test_indicators_index_is_grouped_and_filters_as_you_type(site, page):
    _, base, _ = site
    for prefix, word, region in (("", "旅游", "嘉兴市"), ("en/", "tourism", "Jiaxing")):
        page.goto(base + prefix + "indicators/")
        assert page.locator("article h2").count() >= 2 and page.locator("article h3").count() >= 4
        total = page.locator("article tbody tr").count()
        page.fill("#atlas-filter-input", word)
        visible = page.locator("article tbody tr:not([hidden])")
        assert 0 < visible.count() < total
        assert all(word in visible.nth(i).inner_text().lower() for i in range(visible.count()))
        assert page.locator("article h2:not([hidden])", has_text=region).count() == 1
        page.fill("#atlas-filter-input", "")
        assert page.locator("article tbody tr:not([hidden])").count() == total


def test_switching_language_keeps_the_anchor_and_the_query(site, page):
    _, base, _ = site
    page.goto(base + "plans/jx-2016-modern-service-action-plan/sections/s3/#t3-1-0-port-cargo")
    switch_language(page, "en")
    page.wait_for_load_state()
    assert page.url.endswith("/en/plans/jx-2016-modern-service-action-plan/sections/s3/#t3-1-0-port-cargo")
    page.goto(base + "search/?q=2020")
    switch_language(page, "en")
    page.wait_for_load_state()
    assert "/en/search/?q=2020" in page.url


def test_tab_skips_the_closed_navigation_drawer_on_a_phone(site):
    context, base, _ = site
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base + "sectors/logistics/")
    assert page.locator(".md-sidebar--primary[inert]").count() == 1
    for _ in range(12):
        page.keyboard.press("Tab")
        inside = page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')")
        assert not inside
    page.close()


def test_footer_says_where_the_data_comes_from_and_when_it_changed(site, page):
    _, base, _ = site
    page.goto(base)
    footer = page.inner_text(".atlas-footer")
    # the data version (data/releases/) and when what the page shows last changed, with the change log
    assert "数据来源" in footer and re.search(r"数据版本 \d{4}\.\d\d\.\d\d；本页内容最后更新：\d{4}-\d\d-\d\d", footer)
    page.goto(base + "en/")
    footer = page.inner_text(".atlas-footer")
    assert re.search(r"Data version \d{4}\.\d\d\.\d\d; this page's content last changed: \d{4}-\d\d-\d\d", footer)
    page.locator(".atlas-footer a", has_text="data changes").click()
    page.wait_for_load_state()
    assert page.url.endswith("/en/changes/")


def test_printed_pages_number_their_links_and_list_the_addresses_once(site, page):
    _, base, _ = site
    page.goto(base + "sectors/logistics/")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    refs = page.locator("ol.atlas-print-refs li")
    assert refs.count() > 10
    assert page.locator("article td a[data-print-ref]").count() > 10
    cells = page.evaluate("() => [...document.querySelectorAll('article td')].map(td => td.innerText).join(' ')")
    assert "http" not in cells  # no address inside a table cell
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("ol.atlas-print-refs").count() == 0


def test_a_printed_sector_page_fits_in_half_the_paper_it_took(site, page):
    """Issue 12: 现代物流 took 10 A4 pages when link addresses sat in table cells; now at most 5."""
    _, base, _ = site
    for prefix in ("", "en/"):
        page.goto(base + prefix + "sectors/logistics/")
        page.emulate_media(media="print")
        pdf = page.pdf(format="A4")  # Chromium fires beforeprint: the numbered references are in
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert 1 < pages <= 5, f"{prefix}sectors/logistics/: {pages} A4 pages"


FILTERED = {  # (query, two filters, a document number and its page), per language
    "": ("物流", (("地区", "嘉兴市"), ("目标进展", "已达成"))),
    "en/": ("logistics", (("Region", "Jiaxing"), ("Target status", "Met"))),
}


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_search_combines_filters_keeps_them_in_the_address_and_finds_document_numbers(site, page, real_site, prefix):
    """Issue 15: filters by field, combined, in the address (a filtered search can be linked and
    reloaded); a document number typed whole finds its document first."""
    _, base, _ = site
    query, filters = FILTERED[prefix]
    page.goto(base + prefix + "search/?q=" + query)
    results_of(page)
    everything = int(re.search(r"\d+", page.locator(".atlas-search__message").inner_text()).group())
    show_filters(page)
    for name, value in filters:  # tick a value in two filter groups, as a reader does
        box = page.locator(f'input.atlas-search__filter-checkbox[name="{name}"][value="{value}"]')
        box.wait_for(state="attached", timeout=60000)  # the filter panel loads after the results
        if not box.is_visible():  # its group is closed: open it
            page.locator(".atlas-search__filter-name", has_text=re.compile(rf"^\s*{name}\s*$")).click()
        box.check()
    page.wait_for_function("new URLSearchParams(location.search).getAll('f').length === 2")
    address = parse_qs(urlparse(page.url).query)
    assert address["q"] == [query] and sorted(address["f"]) == sorted(f"{n}:{v}" for n, v in filters)
    # the address alone (a pasted link) gives the search with both filters
    fresh = page.context.new_page()
    fresh.goto(page.url)
    hrefs = results_of(fresh)
    assert hrefs and len(hrefs) < everything
    for name, _ in filters:
        assert fresh.locator(f'input.atlas-search__filter-checkbox[name="{name}"]:checked').count() == 1
    for href in hrefs:  # every result carries both values
        html = (real_site / urlparse(href).path.lstrip("/") / "index.html").read_text(encoding="utf-8")
        for name, value in filters:
            assert f'data-pagefind-filter="{name}">{value}</span>' in html, (href, name)
    fresh.close()
    page.goto(base + prefix + "search/?q=" + "嘉政办发〔2011〕66号")
    page.locator(".atlas-search__link").first.wait_for(timeout=15000)  # its digits are in "searching for…" too
    assert results_of(page)[0].endswith(f"/{prefix}plans/jx-2011-service-doubling-plan/")
