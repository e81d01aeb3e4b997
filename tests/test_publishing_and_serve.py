"""The site works from a sub-path, and `mkdocs serve` survives a data error."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import MINI, ROOT, build_site

from atlas.site.local_site import CHROMIUM, CHROMIUM_ARGS, serve

playwright = pytest.importorskip("playwright.sync_api")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_site_works_from_a_sub_path(tmp_path):
    root = tmp_path / "www"
    server, base = serve(root)  # the port is known only once serving; the site goes under /atlas/
    try:
        result = build_site(root / "atlas", MINI, site_url=base + "atlas/")
        assert result.returncode == 0, result.stderr
        failed: list[str] = []
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
            page.goto(base + "atlas/sectors/logistics/")
            page.locator(".md-header .md-select").first.hover()
            page.locator('.md-header a.md-select__link[hreflang="en"]').first.click()
            page.wait_for_url(base + "atlas/en/sectors/logistics/")
            page.goto(base + "atlas/search/?q=物流")  # Pagefind finds its index and links under the sub-path
            first = page.locator(".atlas-search__result > .atlas-search__title a").first
            first.wait_for(timeout=15000)
            assert first.get_attribute("href").startswith("/atlas/"), first.get_attribute("href")
            page.goto(base + "atlas/en/no-such-page/")  # the English 404 page, styled (assets found)
            browser.close()
        # Material's language menu first probes a sitemap next to the target page and, as
        # designed, falls back to plain navigation when there is none; those probes may 404.
        assert [u for u in failed if "no-such-page" not in u and not u.endswith("/sitemap.xml")] == [], failed
        sitemap = (root / "atlas" / "sitemap.xml").read_text(encoding="utf-8")
        assert f"<loc>{base}atlas/sectors/logistics/</loc>" in sitemap
    finally:
        server.shutdown()


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(predicate, seconds: float = 60) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def start_serve(tmp_path, data, port, *extra, **env_extra):
    """`mkdocs serve` with the project's config, watching a temporary data folder."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", ATLAS_DATA_DIR=str(data), **env_extra)
    config = tmp_path / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8")
                      .replace("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}")
                      .replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
                      .replace("  - hooks/atlas_hooks.py", f"  - {ROOT / 'hooks' / 'atlas_hooks.py'}")
                      .replace("  - data\n", f"  - {data}\n")
                      .replace("  - templates\n", f"  - {ROOT / 'templates'}\n")
                      .replace("  - hooks\n", f"  - {ROOT / 'hooks'}\n"), encoding="utf-8")
    log = open(tmp_path / "serve.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(config),
                             "--dev-addr", f"127.0.0.1:{port}", *extra],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    return proc, log


def test_serve_keeps_the_last_good_site_on_a_data_error_and_recovers(tmp_path):
    """As `serve.sh` runs it (both languages, --dirty): a data error leaves the last good pages
    served, every page with the notice (also pages the error does not touch), and mending the data
    takes the notice away everywhere."""
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    port = free_port()
    proc, log = start_serve(tmp_path, data, port, "--dirty")
    url = f"http://127.0.0.1:{port}/en/plans/mini-plan/"
    other = f"http://127.0.0.1:{port}/indicators/jx-projects/"  # shows nothing of the edited task
    plan = data / "plans" / "mini-plan.yaml"
    try:
        assert wait_for(lambda: "Develop modern logistics" in fetch(url)), (tmp_path / "serve.log").read_text()
        entries = {lang: f"http://127.0.0.1:{port}/{lang}pagefind/pagefind-entry.json" for lang in ("", "en/")}
        assert wait_for(lambda: all(fetch(e) for e in entries.values()))
        index_before = {lang: fetch(e) for lang, e in entries.items()}  # names the index by its content
        plan.write_text(plan.read_text(encoding="utf-8").replace("lead: [jx-drc]", "lead: [jx-dcr]"),
                        encoding="utf-8")
        assert wait_for(lambda: "unknown agency 'jx-dcr'" in (tmp_path / "serve.log").read_text())
        assert proc.poll() is None  # still serving
        # the last good data, with a notice on the page
        assert wait_for(lambda: "shows the last good data" in fetch(url))
        assert "Develop modern logistics" in fetch(url)
        # the notice comes after each page's heading: the tabs keep their names (not "Index")
        labels = tab_labels(fetch(url))
        assert "Sectors" in labels and "Index" not in labels, labels
        assert "shows the last good data" in fetch(other)
        plan.write_text(plan.read_text(encoding="utf-8").replace("lead: [jx-dcr]", "lead: [jx-drc]")
                        .replace("Develop modern logistics", "Develop modern logistics now")
                        .replace("zh: 发展现代物流", "zh: 加快发展现代物流"), encoding="utf-8")
        assert wait_for(lambda: "Develop modern logistics now" in fetch(url))
        assert "shows the last good data" not in fetch(url)
        assert "shows the last good data" not in fetch(other)
        # both languages' search indexes follow the edit, in the background, after every rebuild
        for lang, entry in entries.items():
            assert wait_for(lambda: fetch(entry) not in ("", index_before[lang]), 30), lang
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def tab_labels(html: str) -> list[str]:
    return [re.sub(r"\s+", " ", m).strip() for m in re.findall(r'class="md-tabs__link[^"]*">(.*?)</a>', html, re.S)]


def reload_free(html: str) -> str:
    return re.sub(r"livereload\(\d+, \d+\)", "livereload()", html)


def test_one_language_preview_rebuilds_what_an_edit_changed(tmp_path):
    """`serve.sh --lang en`: English only, at the root, no search index; after an edit, the pages
    that show the edited text are new and the pages that do not are still served."""
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    port = free_port()
    proc, log = start_serve(tmp_path, data, port, "--dirty", ATLAS_PREVIEW_LANG="en")
    base = f"http://127.0.0.1:{port}/"
    plan = data / "plans" / "mini-plan.yaml"
    try:
        assert wait_for(lambda: "Develop modern logistics" in fetch(base + "plans/mini-plan/")), \
            (tmp_path / "serve.log").read_text()
        assert fetch(base + "en/plans/mini-plan/") == ""  # one language only
        assert "search index is not built" in (tmp_path / "serve.log").read_text()
        tabs_before = tab_labels(fetch(base + "plans/mini-plan/"))
        agency_before = fetch(base + "agencies/jx-drc/")
        region_before = fetch(base + "regions/jiaxing/")
        assert "Develop modern logistics" in agency_before and region_before
        download = base + "downloads/agencies/jx-drc/tasks.csv"  # the agency page's rows
        assert wait_for(lambda: "Develop modern logistics" in fetch(download))
        served = Path(re.search(r"documentation to directory: (\S+)", (tmp_path / "serve.log").read_text()).group(1))
        written = {page: (served / page / "index.html").stat().st_mtime_ns
                   for page in ("plans/mini-plan", "agencies/jx-drc", "regions/jiaxing", "sectors")}
        plan.write_text(plan.read_text(encoding="utf-8").replace("Develop modern logistics",
                                                                 "Develop modern logistics now"),
                        encoding="utf-8")
        assert wait_for(lambda: "Develop modern logistics now" in fetch(base + "plans/mini-plan/"))
        assert "Develop modern logistics now" in fetch(base + "agencies/jx-drc/")  # it lists the task
        # its download follows, written once the pages are served (later_downloads)
        assert wait_for(lambda: "Develop modern logistics now" in fetch(download), 10)
        # kept, not rebuilt (serve's live-reload script carries the build's number)
        assert reload_free(fetch(base + "regions/jiaxing/")) == reload_free(region_before)
        # the pages written again: those showing the edit; not the others, nor a page in the
        # navigation that did not change (its title is kept for the tabs)
        rewritten = {page for page, before in written.items()
                     if (served / page / "index.html").stat().st_mtime_ns != before}
        assert rewritten == {"plans/mini-plan", "agencies/jx-drc"}, rewritten
        # a rebuilt page names every tab as before, the hand-written pages' too (not "None")
        labels = tab_labels(fetch(base + "plans/mini-plan/"))
        assert labels == tabs_before and len(labels) == 10 and "None" not in labels, labels
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    """Issue 13: ProperDocs 1.6, the maintained continuation of MkDocs 1.x, builds the project
    unchanged (it redirects `mkdocs.*` imports and reads mkdocs.yml): the same files, the same
    pages apart from the generator's name (on the small dataset: every page kind, in seconds)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", ATLAS_DATA_DIR=str(MINI))
    sites = {}
    for tool in ("properdocs", "mkdocs"):
        sites[tool] = tmp_path / tool
        result = subprocess.run([sys.executable, "-m", tool, "build", "-f", "mkdocs.yml", "-d", str(sites[tool])],
                                cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stdout + result.stderr

    def files(root):
        return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                      if p.is_file() and "pagefind" not in p.parts)
    assert files(sites["properdocs"]) == files(sites["mkdocs"])
    assert len(files(sites["mkdocs"])) > 100
    generator = re.compile(r'<meta name="generator" content="[^"]*">')
    pages = [p for p in files(sites["mkdocs"]) if p.endswith(".html")]
    assert len(pages) > 40
    for page in pages:
        ours = generator.sub("", (sites["properdocs"] / page).read_text(encoding="utf-8"))
        theirs = generator.sub("", (sites["mkdocs"] / page).read_text(encoding="utf-8"))
        assert ours == theirs, page
