"""Issue 15, item 2: every page that shows targets, tasks or figures offers its own rows as CSV
and JSON, with the site-wide tables' columns; the rows are the page's rows; a data dictionary
page explains every column of every download, and the JSON Schemas under /downloads/schema/
describe the downloaded tables."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from pathlib import Path

import jsonschema

TABLES = ("targets", "tasks", "observations")
# 目标（22 行）：CSV · JSON / Targets (22 rows): CSV · JSON, at the page's foot or in a plan's facts
LINKS = re.compile(r'(\d+)[^<\d]{1,12}<a href="([^"]+\.csv)">CSV</a> · <a href="([^"]+\.json)">JSON</a>')


def _pages_with_data(site: Path):
    for page in sorted(site.glob("**/index.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith("downloads/"):
            continue
        html = page.read_text(encoding="utf-8")
        if LINKS.search(html):
            yield rel, html


def _rows_after(html: str, anchor: str) -> int:
    """The number of body rows of the first table after the heading ``anchor``."""
    start = html.index(f'id="{anchor}"')
    body = html[html.index("<tbody>", start):html.index("</tbody>", start)]
    return body.count("<tr>")


def test_every_kind_of_page_offers_its_rows_as_csv_and_json(real_site: Path):
    header = {t: (real_site / "downloads" / f"{t}.csv").read_bytes().decode("utf-8-sig").splitlines()[0]
              for t in TABLES}
    schema = {t: json.loads((real_site / "downloads" / "schema" / f"{t}.schema.json").read_text(encoding="utf-8"))
              for t in TABLES}
    kinds = set()
    for rel, html in _pages_with_data(real_site):
        here = posixpath.dirname(rel)
        overview = re.fullmatch(r"(en/)?plans/[^/]+/index\.html", rel) is not None
        assert ('id="page-data"' in html) != overview, rel  # a plan's overview lists them in its facts
        for count, csv_href, json_href in LINKS.findall(html):
            csv_file = real_site / posixpath.normpath(posixpath.join(here, csv_href))
            rows = json.loads((real_site / posixpath.normpath(posixpath.join(here, json_href))).read_text(encoding="utf-8"))
            table = Path(csv_href).stem
            raw = csv_file.read_bytes()
            assert raw.startswith(b"\xef\xbb\xbf"), csv_file  # UTF-8 with BOM: Excel shows Chinese
            lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
            assert ",".join(lines[0]) == header[table]  # the site-wide table's columns
            assert len(rows) == len(lines) - 1 == int(count) > 0, (rel, table)
            jsonschema.validate(rows, schema[table])
        kinds.add(rel.removeprefix("en/").split("/")[0])
    assert kinds >= {"plans", "sectors", "agencies", "years", "regions", "indicators", "compare"}


def test_downloaded_rows_are_the_rows_the_page_shows(real_site: Path):
    dl = real_site / "downloads"

    def rows(page: str, table: str) -> list[dict]:
        path = dl / page / f"{table}.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    checked = 0
    for page in sorted((real_site / "indicators").glob("*/index.html")):
        html, name = page.read_text(encoding="utf-8"), f"indicators/{page.parent.name}"
        for table, anchor in (("targets", "targets"), ("observations", "observations")):
            if rows(name, table):
                assert _rows_after(html, anchor) == len(rows(name, table)), (name, table)
                checked += 1
    for page in sorted((real_site / "compare").glob("*/index.html")):
        html, name = page.read_text(encoding="utf-8"), f"compare/{page.parent.name}"
        assert _rows_after(html, "chart-data") == len(rows(name, "targets")) + len(rows(name, "observations"))
        checked += 1
    # a sector's targets and tasks: every target it lists (grouped by status) and every task row
    sector = (real_site / "sectors" / "logistics" / "index.html").read_text(encoding="utf-8")
    targets = rows("sectors/logistics", "targets")
    shown = set(re.findall(r'<td data-label="目标"><a href="[^"]*#([^"]+)">', sector))
    assert shown == {r["id"] for r in targets} and len(targets) > 10
    tasks = rows("sectors/logistics", "tasks")
    groups = sector[sector.index('class="atlas-task-groups"'):sector.index('id="agencies"')]
    assert groups.count("<tr>") - groups.count("<thead") == len(tasks) > 5
    # a plan: its rows are the records it defines (each has its anchor on the plan's pages)
    plan = "jx-2016-modern-service-action-plan"
    anchors = set()
    for page in (real_site / "plans" / plan).glob("**/index.html"):
        if "source" not in page.parts:
            anchors |= set(re.findall(r'id="([^"]+)"', page.read_text(encoding="utf-8")))
    anchors |= set(re.findall(r'id="([^"]+)"', (real_site / "plans" / plan / "index.html").read_text(encoding="utf-8")))
    for table in TABLES:
        ids = {r["id"] for r in rows(f"plans/{plan}", table)}
        assert ids <= anchors and {r["plan"] for r in rows(f"plans/{plan}", table)} <= {plan}
        assert ids == {r["id"] for r in json.loads((dl / f"{table}.json").read_text(encoding="utf-8")) if r["plan"] == plan}
        checked += len(ids)
    assert checked > 300


def test_the_data_dictionary_explains_every_column_of_every_download(real_site: Path):
    for lang, prefix in (("zh", ""), ("en", "en/")):
        page = (real_site / prefix / "downloads" / "index.html").read_text(encoding="utf-8")
        for name in ("plans", "tasks", "targets", "observations", "agencies", "sectors", "indicators"):
            columns = json.loads((real_site / "downloads" / f"{name}.json").read_text(encoding="utf-8"))[0].keys()
            section = page[page.index(f'id="{name}"'):]
            section = section[:section.index("</table>")]
            described = dict(re.findall(r"<td[^>]*><code>([^<]+)</code></td>\s*<td[^>]*>(.*?)</td>", section))
            assert list(described) == list(columns), (lang, name)
            assert all(meaning.strip() for meaning in described.values()), (lang, name)
            schema = json.loads((real_site / "downloads" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
            assert list(schema["items"]["properties"]) == list(columns)
            assert all(p["description"] and p["x-description-zh"] for p in schema["items"]["properties"].values())
    # the YAML files' own schemas moved beside them, and the home page links them there
    assert (real_site / "downloads" / "schema" / "data" / "plan.schema.json").exists()
    assert 'href="downloads/schema/data/plan.schema.json"' in (real_site / "index.html").read_text(encoding="utf-8")
