#!/usr/bin/env python3
"""Serve a built site on 127.0.0.1 and save screenshots of chosen pages in both languages.

Usage: python scripts/screenshots.py SITE_DIR OUT_DIR PATH [PATH …] [--width 1280] [--full]
Each PATH is a Chinese page path such as ``plans/x/``; its English twin ``en/PATH`` is taken too.
Uses Debian's /usr/bin/chromium through Playwright (no browser download).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from atlas.site.local_site import CHROMIUM, CHROMIUM_ARGS, serve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--full", action="store_true", help="whole page, not just the first screen")
    parser.add_argument("--print", action="store_true", help="as printed (print stylesheet, link addresses)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    server, base = serve(args.site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": 900})
            if args.print:
                page.emulate_media(media="print")
            for path in args.paths:
                for prefix in ("", "en/"):
                    page.goto(base + prefix + path.lstrip("/"))
                    page.wait_for_timeout(700)  # let the header tabs finish their entry animation
                    if args.print:
                        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
                    name = (prefix + path).strip("/").replace("/", "_") or "home"
                    target = args.out / f"{name}-{args.width}{'-print' if args.print else ''}.png"
                    page.screenshot(path=str(target), full_page=args.full)
                    print(target)
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
