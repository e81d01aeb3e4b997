"""Issue 13: one definition per record kind. A field added to a record's definition in
``model/records.py``, and nowhere else, reaches the checker, the typed record, the JSON Schema,
the field reference, the download columns, the release note and the new-plan scaffold."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from atlas.model.schema import record_specs
from atlas.model.specs import ListOf, Nested

from conftest import MINI, ROOT

NEW_FIELD = '''    baseline: Optional[float] = may(Number(), "规划基期的数值，照原文", "the value in the plan's base year, as printed",
                                    example="12.5")
'''

PROBE = r'''
import json, sys
from pathlib import Path
import atlas
from atlas.load.validate import check_data
from atlas.build.complete import resolve
from atlas.build.views import field_reference
from atlas.outputs.export import schemas, tables
from atlas.outputs.changes import release_note
from atlas.outputs.scaffold import plan_scaffold

good, bad, old = (Path(p) for p in sys.argv[1:4])
dataset, problems = check_data(good)
errors = [str(d) for d in problems if d.severity == "error"]
target = dataset.plans[0].sections[0].tasks[0].targets[0] if dataset else None
_, bad_problems = check_data(bad)
old_dataset, _ = check_data(old)
plan_schema = json.loads(schemas()["plan.schema.json"])
reference = {lang: field_reference(None, lang)[0].context["records"] for lang in ("zh", "en")}
print(json.dumps({
    "package": atlas.__file__,
    "errors": errors,
    "value": getattr(target, "baseline", "missing"),
    "bad": [str(d) for d in bad_problems if d.severity == "error"],
    "schema": json.dumps(plan_schema, ensure_ascii=False),
    "reference": {lang: [f for r in recs if r["name"] == "target" for f in r["fields"]] for lang, recs in reference.items()},
    "columns": list(tables(resolve(dataset))["targets"][0]),
    "note": json.dumps(release_note(old_dataset, dataset), ensure_ascii=False),
    "scaffold": plan_scaffold({"id": "x", "sections": []}, "probe"),
}, ensure_ascii=False, default=str))
'''


def _with_baseline(data: Path, value: str) -> None:
    plan = data / "plans" / "mini-plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("            basis: by_year\n", f"            basis: by_year\n            baseline: {value}\n", 1),
                    encoding="utf-8")


def test_a_field_added_to_the_definition_alone_reaches_every_derived_output(tmp_path):
    core = tmp_path / "hooks"
    shutil.copytree(ROOT / "hooks" / "atlas", core / "atlas", ignore=shutil.ignore_patterns("__pycache__"))
    records = core / "atlas" / "model" / "records.py"
    source = records.read_text(encoding="utf-8")
    anchor = source.index("\n\n\ndef _one_kind_of_value")  # the end of the Target definition
    records.write_text(source[:anchor] + "\n" + NEW_FIELD.rstrip("\n") + source[anchor:], encoding="utf-8")
    datasets = {}
    for name, value in (("good", "12.5"), ("bad", "twelve"), ("old", None)):
        shutil.copytree(MINI, tmp_path / name)
        if value:
            _with_baseline(tmp_path / name, value)
        datasets[name] = tmp_path / name
    env = dict(os.environ, PYTHONPATH=str(core), ATLAS_TODAY="2026-01-01")
    run = subprocess.run([sys.executable, "-c", PROBE, *map(str, datasets.values())], env=env,
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert Path(out["package"]).is_relative_to(core)  # the edited copy, not the project's core
    assert out["errors"] == [] and out["value"] == 12.5  # the checker and the typed record
    assert any("baseline" in e and "mini-plan.yaml:" in e and "expected a number" in e for e in out["bad"]), out["bad"]
    assert '"baseline"' in out["schema"] and "the value in the plan's base year" in out["schema"]
    assert "规划基期的数值" in out["schema"]
    assert ("baseline", False, "数字", "规划基期的数值，照原文") in [tuple(f) for f in out["reference"]["zh"]]
    assert ("baseline", False, "number", "the value in the plan's base year, as printed") in \
        [tuple(f) for f in out["reference"]["en"]]
    assert "baseline" in out["columns"]
    assert "baseline" in out["note"] and "12.5" in out["note"]
    assert "#   baseline: 12.5" in out["scaffold"] and "the value in the plan's base year" in out["scaffold"]


def test_every_field_is_documented_in_both_languages_and_reachable():
    """No field without a meaning in Chinese and English (the reference, the schemas and the
    scaffold would show a blank), and every record kind reachable from a data file."""
    undocumented = [f"{name}.{key}" for name, spec in record_specs() for key, f in spec.fields.items()
                    if not (f.doc.zh and f.doc.en)]
    assert undocumented == []
    assert all(spec.doc.zh and spec.doc.en and spec.title.zh and spec.title.en for _, spec in record_specs())
    nested = [key for _, spec in record_specs() for key, f in spec.fields.items()
              if isinstance(f.spec, ListOf) and isinstance(f.spec.item, Nested)]
    assert {"targets", "tasks", "sections", "observations", "notes", "relations", "corrections"} <= set(nested)
