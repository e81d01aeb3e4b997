"""Export tables, the per-document report, and source-text pages."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from atlas.outputs.export import TABLES, tables, to_csv
from atlas.outputs.report import plan_counts
from atlas.build.pipeline import build_model
from atlas.load.source_text import load_source
from atlas.load.validate import check_data

from conftest import MINI, ROOT


def mini_model():
    return build_model(MINI)[0]


def test_tables_carry_ids_plans_and_base_values():
    t = tables(mini_model())
    assert set(t) == set(TABLES)
    target = t["targets"][0]
    assert target["id"] == "t1-1-projects" and target["plan"] == "mini-plan"
    assert target["value"] == 127 and target["base_value"] == 127 and target["base_unit"] == "count"
    assert target["year"] == 2012 and target["comparator"] == ">=" and target["indicator"] == "jx-projects"
    assert t["plans"][0]["source"] == "mini.txt"
    assert all("id" in row for rows in t.values() for row in rows)
    assert all(row["plan"] == "mini-plan" for row in t["tasks"] + t["targets"])


def test_csv_has_bom_and_opens_as_utf8():
    data = to_csv([{"id": "a", "name_zh": "嘉兴", "lead": ["x", "y"]}])
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [{"id": "a", "name_zh": "嘉兴", "lead": "x; y"}]


def test_export_script_writes_every_table(tmp_path):
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "export.py"), "--out", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    for name in TABLES:
        assert isinstance(json.loads((out / f"{name}.json").read_text(encoding="utf-8")), list), name
        assert (out / f"{name}.csv").read_bytes().startswith("\ufeff".encode()), name


def test_report_counts_and_translation_list():
    counts = plan_counts(mini_model())
    assert [(c.plan, c.sections, c.tasks, c.targets, c.observations, c.agencies) for c in counts] == [
        ("mini-plan", 1, 1, 1, 0, 3)]
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "report.py")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "| jx-2010-service-work-plan |" in result.stdout
    assert "Translations missing: none." in result.stdout


def test_source_text_is_cleaned_corrected_and_indexed():
    dataset, _ = check_data(MINI)
    doc = load_source(dataset.plans[0], MINI / "sources")
    texts = [p.text for p in doc.paragraphs]
    assert texts[0].startswith("嘉兴市人民政府办公室关于印发")  # navigation before `begin` dropped
    assert "浏览次数:" not in texts  # dropped as debris
    corrected = [s for p in doc.paragraphs for s in p.segments if s.note]
    assert [(s.text, s.original, s.note) for s in corrected] == [("园区建设", "园建设", "note-date")]
    assert doc.anchors == {"s1": "p2", "t1-1": "p3", "t1-1-projects": "p3"}


def test_real_source_pages_link_every_task_and_target():
    dataset, _ = check_data(ROOT / "data")
    for plan in dataset.plans:
        doc = load_source(plan, ROOT / "data" / "sources")
        for section in _sections(plan.sections):
            assert section.id in doc.anchors, (plan.id, section.id)
            for task in section.tasks:
                assert task.id in doc.anchors, (plan.id, task.id)
                for target in task.targets:
                    assert target.id in doc.anchors, (plan.id, target.id)
        for obs in plan.observations:
            assert obs.id in doc.anchors, (plan.id, obs.id)


def _sections(sections):
    for s in sections:
        yield s
        yield from _sections(s.sections)


def test_site_offers_downloads_and_source_pages(real_site: Path):
    assert (real_site / "downloads" / "targets.csv").read_bytes().startswith("\ufeff".encode())
    home = (real_site / "en" / "index.html").read_text(encoding="utf-8")
    assert 'href="../downloads/targets.csv"' in home
    source = (real_site / "plans" / "jx-2010-service-work-plan" / "source" / "index.html").read_text(encoding="utf-8")
    assert 'id="p7"' in source and 'class="atlas-correction"' in source and "市体育局" in source
    assert (real_site / "en" / "plans" / "jx-2010-service-work-plan" / "source" / "index.html").exists()
    plan = (real_site / "plans" / "jx-2010-service-work-plan" / "index.html").read_text(encoding="utf-8")
    assert 'href="source/"' in plan
    part = (real_site / "plans" / "jx-2010-service-work-plan" / "sections" / "s2" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../source/#p' in part  # each task links to its passage


def test_json_schemas_accept_the_real_data_and_refuse_a_typo():
    import jsonschema
    import yaml

    from atlas.outputs.export import schemas

    docs = {name: json.loads(content) for name, content in schemas().items()}

    def plain(data):
        return json.loads(json.dumps(data, default=str))  # YAML dates → strings, as in JSON

    for path in (ROOT / "data" / "plans").glob("*.yaml"):
        jsonschema.validate(plain(yaml.safe_load(path.read_text(encoding="utf-8"))), docs["plan.schema.json"])
    for kind in ("regions", "agencies", "sectors", "units", "indicators"):
        data = plain(yaml.safe_load((ROOT / "data" / f"{kind}.yaml").read_text(encoding="utf-8")))
        jsonschema.validate(data, docs[f"{kind}.schema.json"])
    bad = plain(yaml.safe_load((MINI / "plans" / "mini-plan.yaml").read_text(encoding="utf-8")))
    bad["sections"][0]["tasks"][0]["lede"] = bad["sections"][0]["tasks"][0].pop("lead")
    try:
        jsonschema.validate(bad, docs["plan.schema.json"])
    except jsonschema.ValidationError as exc:
        assert "lede" in str(exc)
    else:
        raise AssertionError("the schema accepted an unknown key")


def test_generated_schemas_match_the_definitions_and_every_data_file_points_to_one():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "schemas.py"), "--check"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    for path in list((ROOT / "data").glob("*.yaml")) + list((ROOT / "data" / "plans").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target.is_file(), (path, target)
