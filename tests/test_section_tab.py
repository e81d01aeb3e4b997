"""A generated page highlights its section's tab and drawer entry (``atlas.site.section_tab``):
a plan's section is in Plans, a sector in Sectors, in both languages; a page outside every
section (search) lights none, and a page in the navigation lights itself only."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.build


def lit(page_html: str) -> tuple[list[str], list[str]]:
    """The addresses of the highlighted tabs, and of the drawer's active entries."""
    tabs = re.findall(r'<li class="md-tabs__item md-tabs__item--active">\s*<a href="([^"]*)"', page_html)
    drawer = re.findall(r'<li class="md-nav__item md-nav__item--active[^"]*">\s*<a href="([^"]*)"', page_html)
    return tabs, drawer


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_generated_page_lights_its_section(real_site, prefix):
    read = lambda path: (real_site / prefix / path / "index.html").read_text(encoding="utf-8")  # noqa: E731
    assert lit(read("plans/jx-2010-service-work-plan/sections/s2")) == (["../../../"], ["../../../"])
    assert lit(read("plans/jx-2010-service-work-plan")) == (["../"], ["../"])
    assert lit(read("sectors/logistics")) == (["../"], ["../"])
    assert lit(read("agencies/jx-drc")) == (["../"], ["../"])
    assert lit(read("search")) == ([], [])  # under no section but the home page
    tabs, _ = lit(read("plans"))  # in the navigation: MkDocs makes it active itself
    assert tabs == ["./"]
