#!/usr/bin/env python3
"""Audit a built site as a reader's screen sees it: for one page of every kind (and the largest
plan, plan part, sector and year pages), in both languages, at 390 and 1280 px, count the tables wider than
their column (sideways scrolling or clipping), the pixels hidden, the page's DOM elements and
height, and the console errors.

Usage: python scripts/audit_layout.py SITE_DIR [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from atlas.site.local_site import CHROMIUM, CHROMIUM_ARGS, serve

PAGES = ["", "plans/", "plans/jx-2010-service-work-plan/", "plans/jx-2010-service-work-plan/source/",
         "plans/jx-2019-government-work-report/", "plans/jx-2019-government-work-report/figures/",
         "plans/jx-2010-service-work-plan/sections/s2/", "plans/jx-2016-modern-service-action-plan/sections/s3/",
         "sectors/", "sectors/logistics/", "sectors/producer-services/",
         "agencies/", "agencies/jx-drc/", "indicators/", "indicators/jx-gdp-growth/", "compare/",
         "compare/tourism-revenue/", "years/", "years/2019/", "regions/", "regions/jiaxing/", "about/"]
MEASURE = """() => {
  const hidden = [...document.querySelectorAll('article table')].map(t => {
    const wrap = t.closest('.md-typeset__scrollwrap') || t.parentElement;
    return Math.max(0, t.scrollWidth - wrap.clientWidth, t.getBoundingClientRect().right - window.innerWidth);
  }).filter(px => px > 1);
  return {wide_tables: hidden.length, hidden_px: Math.round(hidden.reduce((a, b) => a + b, 0)),
          dom: document.getElementsByTagName('*').length, height: document.documentElement.scrollHeight};
}"""


def audit(site: Path) -> list[dict]:
    from playwright.sync_api import sync_playwright
    server, base = serve(site)
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for width in (390, 1280):
                page = browser.new_page(viewport={"width": width, "height": 900})
                errors: list[str] = []
                page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
                for path in PAGES:
                    for prefix in ("", "en/"):
                        errors.clear()
                        page.goto(base + prefix + path)
                        page.wait_for_timeout(100)
                        rows.append({"page": prefix + path or "/", "width": width, **page.evaluate(MEASURE),
                                     "console_errors": len(errors)})
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    rows = audit(args.site)
    print("| page | width | wide tables | px hidden | DOM elements | height px | console errors |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['page']} | {r['width']} | {r['wide_tables']} | {r['hidden_px']} | {r['dom']} | "
              f"{r['height']} | {r['console_errors']} |")
    wide = [r for r in rows if r["wide_tables"]]
    print(f"\n{len(wide)} of {len(rows)} page views have a table wider than the screen "
          f"({sum(r['hidden_px'] for r in rows)} px hidden in all).")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
