"""Drive the built site in headless Chromium (Debian's, through Playwright)."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from screenshots import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

playwright = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser_page(real_site: Path):
    server, base = serve(real_site)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        yield page, base, requests
        browser.close()
    server.shutdown()


def switch_language(page, lang: str) -> None:
    """Open the header's language menu as a person would (hover) and pick ``lang``."""
    page.locator(".md-header .md-select").first.hover()
    page.locator(f'.md-header a.md-select__link[hreflang="{lang}"]').first.click()


def test_switcher_click_lands_on_twin_and_back(browser_page):
    page, base, _ = browser_page
    page.goto(base + "agencies/jx-drc/")
    switch_language(page, "en")
    page.wait_for_url(base + "en/agencies/jx-drc/")
    assert page.locator("h1").first.inner_text().startswith("Jiaxing Municipal Development and Reform Commission")
    switch_language(page, "zh")
    page.wait_for_url(base + "agencies/jx-drc/")
    assert page.locator("h1").first.inner_text().startswith("嘉兴市发展和改革委员会")


@pytest.mark.parametrize("path,query,expect", [
    ("", "物流", "/plans/jx-2010-service-work-plan/"),
    ("en/", "outsourcing", "/en/"),
])
def test_search_finds_chinese_and_english_words(browser_page, path, query, expect):
    page, base, _ = browser_page
    page.goto(base + path)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").fill(query)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any(expect in (h or "") for h in hrefs), hrefs


def test_no_request_leaves_the_machine(browser_page):
    page, base, requests = browser_page
    for path in ("", "en/", "plans/jx-2010-service-work-plan/", "en/sectors/logistics/"):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
    hosts = {urlsplit(u).hostname for u in requests if not u.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}
