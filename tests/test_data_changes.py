"""Issue 15, item 4: what changed. The data's releases (data/releases/, written by
``scripts/report.py --release``) make a public data-changes page, and every page's footer gives
the data version and the date what it shows last changed (from the releases, not the build)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, build_site
from atlas.load.releases import load_releases
from atlas.model.errors import AtlasError

RELEASES = sorted((ROOT / "data" / "releases").glob("*.json"), reverse=True)


@pytest.mark.parametrize("lang", ["", "en/"])
def test_the_changes_page_lists_the_last_releases_with_links(real_site: Path, lang: str):
    html = (real_site / lang / "changes" / "index.html").read_text(encoding="utf-8")
    versions = re.findall(r'<h2 id="v(\d{4}-\d\d-\d\d(?:-\d+)?)"', html)
    assert len(versions) == len(RELEASES) >= 2
    assert versions == sorted(versions, reverse=True)  # newest first
    newest = json.loads(RELEASES[0].read_text(encoding="utf-8"))
    for change in [c for group in newest["registries"].values() for c in group]:
        kind = {"indicator": "indicators", "agency": "agencies", "sector": "sectors", "region": "regions"}[change["kind"]]
        assert f'href="../{kind}/{change["id"]}/"' in html  # from /changes/ or /en/changes/
    # every document a release names links to its page
    older = json.loads(RELEASES[1].read_text(encoding="utf-8"))
    for doc in older["documents"]:
        assert f'plans/{doc["id"]}/"' in html


def test_every_page_says_its_data_version_and_when_what_it_shows_last_changed(real_site: Path):
    newest, older = (json.loads(p.read_text(encoding="utf-8")) for p in RELEASES[:2])
    touched = {(c["kind"], c["id"]) for group in newest["registries"].values() for c in group}
    touched |= {("plan", d["id"]) for d in newest["documents"]}
    pages = [p for p in real_site.glob("**/index.html") if "pagefind" not in p.parts]
    assert len(pages) > 1000
    for page in pages:
        footer = page.read_text(encoding="utf-8").split('class="md-copyright atlas-footer"', 1)[1]
        assert re.search(rf"(数据版本|Data version) {re.escape(newest['version'])}[；;]", footer), page
        assert re.search(r"(本页内容最后更新：|this page's content last changed: )\d{4}-\d\d-\d\d", footer), page
    # the indicator a definition was added to changed in the newest release; a plan it does not show did not
    if ("indicator", "jx-gdp-growth") in touched:
        gdp = (real_site / "indicators" / "jx-gdp-growth" / "index.html").read_text(encoding="utf-8")
        assert f"本页内容最后更新：{newest['date']}" in gdp
    untouched = next(d["id"] for d in older["documents"] if ("plan", d["id"]) not in touched)
    plan = (real_site / "en" / "plans" / untouched / "index.html").read_text(encoding="utf-8")
    assert f"this page's content last changed: {older['date']}" in plan


def _release_dir(tmp_path: Path, name: str, content: str) -> Path:
    (tmp_path / "releases").mkdir(exist_ok=True)
    (tmp_path / "releases" / name).write_text(content, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name, content, message", [
    ("2026.12.02.json", "{not json", "data/releases/2026.12.02.json: is not JSON"),
    ("2026.12.02.json", '{"version": "2026.12.03", "date": "2026-12-02"}', "version: must be the file's name"),
    ("2026.12.02.json", '{"version": "2026.12.02", "date": "2026-13-02"}', "date: is not a date"),
    ("2026.12.02.json", '{"version": "2026.12.02", "date": "2026-12-02", "documents": [{"id": "x", "change": "gone"}]}',
     "documents[0].change: must be one of added, removed, modified"),
    ("notes.txt", "hello", "data/releases/notes.txt: is not a release file"),
])
def test_a_bad_release_file_is_one_clear_error(tmp_path: Path, name: str, content: str, message: str):
    with pytest.raises(AtlasError) as caught:
        load_releases(_release_dir(tmp_path, name, content))
    assert message in str(caught.value) and "scripts/report.py --release" in str(caught.value)


def test_releases_are_read_newest_first_and_know_what_they_touched(tmp_path: Path):
    for version, date, doc in (("2026.11.01", "2026-11-01", "a"), ("2026.12.01", "2026-12-01", "b")):
        _release_dir(tmp_path, f"{version}.json", json.dumps(
            {"version": version, "date": date, "since": "x", "documents": [{"id": doc, "title": "", "change": "added"}]}))
    releases = load_releases(tmp_path)
    assert [r.version for r in releases] == ["2026.12.01", "2026.11.01"]
    assert releases[0].touches({("plan", "b")}) and not releases[0].touches({("plan", "a")})


def test_status_changes_are_found_and_shown(tmp_path: Path, mini_data: Path):
    """A target whose status changed between two releases (a figure came) is listed with both
    statuses in words and a link to the target; the plan's pages then date from that release."""
    from types import SimpleNamespace as NS
    from atlas.outputs.changes import status_changes
    old = NS(progress={"p#t1": NS(status="not_reported"), "p#t2": NS(status="met")})
    new = NS(progress={"p#t1": NS(status="met"), "p#t2": NS(status="met"), "p#t3": NS(status="behind")})
    assert status_changes(old, new) == [{"plan": "p", "target": "t1", "before": "not_reported", "after": "met"}]
    (mini_data / "releases").mkdir()
    for version, date, statuses in (("2026.11.01", "2026-11-01", []),
                                    ("2026.12.01", "2026-12-01", [{"plan": "mini-plan", "target": "t1-1-projects",
                                                                   "before": "not_reported", "after": "met"}])):
        (mini_data / "releases" / f"{version}.json").write_text(json.dumps(
            {"version": version, "date": date, "since": "x", "statuses": statuses}), encoding="utf-8")
    done = build_site(tmp_path / "site", mini_data)
    assert done.returncode == 0, done.stderr
    for lang, words in (("", "— 无报告数据 → ✔ 已达成"), ("en/", "— Not reported → ✔ Met")):
        html = (tmp_path / "site" / lang / "changes" / "index.html").read_text(encoding="utf-8")
        assert words in html and 't1-1-projects</a>' in html and 'id="v2026-11-01"' in html
        plan = (tmp_path / "site" / lang / "plans" / "mini-plan" / "index.html").read_text(encoding="utf-8")
        assert "2026-12-01" in plan.split("atlas-footer", 1)[1]


def test_the_data_check_reports_a_bad_release_file_with_the_rest(mini_data: Path):
    """``scripts/validate.py`` (and every build) names a broken release file like any bad data."""
    from atlas.load.validate import check_data
    (mini_data / "releases").mkdir()
    (mini_data / "releases" / "2026.12.02.json").write_text('{"version": "2026.12.02", "date": "02/12/2026"}',
                                                            encoding="utf-8")
    _, diagnostics = check_data(mini_data)
    assert [str(d).split(" (")[0] for d in diagnostics if d.severity == "error"] == [
        "data/releases/2026.12.02.json: date: must be a date written YYYY-MM-DD"]
