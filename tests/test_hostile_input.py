"""Data is untrusted input (issue 11): YAML structure, numbers, file kinds and paths, patterns.

Each case is a file an outside contributor could propose. The check must end quickly with one
clear message naming the file (and line where there is one), never a traceback, a hang, a crash
or the content of a file outside the project.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from atlas.load.validate import check_data

from conftest import ROOT

PLAN = "plans/mini-plan.yaml"
SCRIPT = [sys.executable, str(ROOT / "scripts" / "validate.py"), "--data"]


def _messages(data: Path) -> list[str]:
    _, diagnostics = check_data(data)
    return [str(d) for d in diagnostics if d.severity == "error"]


def _replace(data: Path, old: str, new: str, name: str = PLAN) -> None:
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _run_validate(data: Path) -> subprocess.CompletedProcess:
    result = subprocess.run(SCRIPT + [str(data)], capture_output=True, text=True, timeout=60)
    assert "Traceback" not in result.stdout + result.stderr
    return result


# --- YAML structure --------------------------------------------------------------------------

@pytest.mark.parametrize("yaml_text,message", [
    ("a: &x [1]\nb: *x\n", "aliases (*x) are not allowed"),
    ("a: &x [*x]\n", "aliases (*x) are not allowed"),  # recursive
    ("base: &b {k: 1}\nother:\n  <<: {k: 2}\n", "merge keys (<<) are not allowed"),
    ("x: " + "[" * 500 + "]" * 500 + "\n", "nested more than 40 levels deep"),
    ("x: " + "[" * 30000 + "]" * 30000 + "\n", "nested more than 40 levels deep"),  # was a segfault
    ("a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n",
     "aliases (*a) are not allowed"),  # the start of an alias bomb
])
def test_yaml_structure_is_bounded(mini_data: Path, yaml_text: str, message: str):
    (mini_data / "regions.yaml").write_text(yaml_text, encoding="utf-8")
    errors = _messages(mini_data)
    assert any(message in e and e.startswith("data/regions.yaml:") for e in errors), errors
    _run_validate(mini_data)


# --- numbers ---------------------------------------------------------------------------------

@pytest.mark.parametrize("written,message", [
    (".inf", "'.inf' is not a number written in plain decimal"),
    (".nan", "'.nan' is not a number written in plain decimal"),
    ("0x10", "'0x10' is not a number written in plain decimal"),
    ("010", "'010' is not a number written in plain decimal"),
    ("1:20", "'1:20' is not a number written in plain decimal"),
    ("1_000", "'1_000' is not a number written in plain decimal"),
    ("1.0e+400", "inf is not a usable number"),
    ("9" * 400, "is not a usable number"),
])
def test_numbers_are_finite_decimal_and_sane(mini_data: Path, written: str, message: str):
    _replace(mini_data, "            value: 127\n", f"            value: {written}\n")
    errors = _messages(mini_data)
    assert any(message in e and "targets[0].value" in e for e in errors), errors
    result = _run_validate(mini_data)
    assert result.returncode == 1


@pytest.mark.parametrize("factor", ["0", "-1", ".nan", ".inf"])
def test_a_unit_factor_is_a_positive_finite_number(mini_data: Path, factor: str):
    units = mini_data / "units.yaml"
    text = units.read_text(encoding="utf-8")
    units.write_text(text.replace("factor: 1", f"factor: {factor}", 1), encoding="utf-8")
    errors = _messages(mini_data)
    assert any("data/units.yaml:" in e and "factor" in e for e in errors), errors


# --- paths and files ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["../../../../../../../proc/self/environ", "/etc/passwd",
                                  "../regions.yaml", "sub/mini.txt", "mini.txt`{: onclick=x}"])
def test_a_source_file_is_a_plain_name_in_data_sources(mini_data: Path, path: str):
    _replace(mini_data, "  file: mini.txt", f"  file: '{path}'")
    errors = _messages(mini_data)
    assert any("source.file" in e and "is not a plain file name" in e for e in errors), errors


def test_a_source_file_linked_outside_the_project_is_refused(mini_data: Path, tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("ATLAS_TEST_SECRET=hunter2\n", encoding="utf-8")
    (mini_data / "sources" / "mini.txt").unlink()
    (mini_data / "sources" / "mini.txt").symlink_to(secret)
    errors = _messages(mini_data)
    assert any("is outside sources/" in e for e in errors), errors
    result = _run_validate(mini_data)
    assert "hunter2" not in result.stdout + result.stderr


def test_a_plan_file_linked_to_etc_passwd_is_refused_without_echoing_it(mini_data: Path):
    (mini_data / PLAN).unlink()
    (mini_data / PLAN).symlink_to("/etc/passwd")
    result = _run_validate(mini_data)
    assert "is outside data/" in result.stderr or "outside" in result.stderr
    assert "root:" not in result.stdout + result.stderr


@pytest.mark.parametrize("kind", ["directory", "dangling", "loop", "fifo", "dev-zero"])
def test_files_that_are_not_plain_files(mini_data: Path, kind: str):
    target = mini_data / "plans" / "x.yaml"
    if kind == "directory":
        target.mkdir()
    elif kind == "dangling":
        target.symlink_to(mini_data / "plans" / "nothing.yaml")
    elif kind == "loop":
        target.symlink_to(mini_data / "plans" / "y.yaml")
        (mini_data / "plans" / "y.yaml").symlink_to(target)
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/zero")
    errors = _messages(mini_data)
    assert any(e.startswith("data/plans/x.yaml") for e in errors), errors
    result = _run_validate(mini_data)
    assert result.returncode == 1


def test_a_huge_file_is_refused_before_it_is_parsed(mini_data: Path):
    big = mini_data / "plans" / "big.yaml"
    with open(big, "wb") as handle:
        handle.truncate(11 * 1024 * 1024)
    errors = _messages(mini_data)
    assert any(e.startswith("data/plans/big.yaml") and "more than 10 MB" in e for e in errors), errors


def test_a_shared_list_may_hold_a_province_but_not_more(mini_data: Path):
    """indicators.yaml for every city and county of a province is about 11 MB: read; past 64 MB
    it is refused before it is parsed, as a plan is past 10 MB."""
    indicators = mini_data / "indicators.yaml"
    with open(indicators, "a", encoding="utf-8") as handle:
        handle.write("# " + "x" * (11 * 1024 * 1024) + "\n")
    assert not any("MB" in e for e in _messages(mini_data))
    with open(indicators, "wb") as handle:
        handle.truncate(65 * 1024 * 1024)
    errors = _messages(mini_data)
    assert any(e.startswith("data/indicators.yaml") and "more than 64 MB" in e and "split" not in e
               for e in errors), errors


# --- patterns ----------------------------------------------------------------------------------

@pytest.mark.parametrize("pattern,why", [
    (r"(\w+\s?)+$", "a repetition inside a repetition"),
    (r"(a|aa)+b", "a choice (|) inside a repetition"),
    (r"(x)\1", "back-references are not allowed"),
])
def test_correction_patterns_cannot_hang_the_build(mini_data: Path, pattern: str, why: str):
    _replace(mini_data, "{find: 园建设,", f"{{find: '{pattern}',")
    errors = _messages(mini_data)
    assert any("corrections[0].find" in e and why in e for e in errors), errors


# --- one-line fields ----------------------------------------------------------------------------

def test_a_line_break_in_a_title_is_an_error_with_its_line(mini_data: Path):
    _replace(mini_data, "title: {zh: 测试工作方案, en: Test work plan}",
             'title: {zh: 测试工作方案, en: "Action Plan\\n[x]: javascript:alert(1)"}')
    errors = _messages(mini_data)
    assert any(e.startswith("data/plans/mini-plan.yaml:6:") and "title.en: a line break" in e
               for e in errors), errors


# --- downloads -------------------------------------------------------------------------------

def test_csv_cells_cannot_run_as_formulas_and_json_stays_valid(mini_data: Path):
    import csv
    import io
    import json

    from atlas.outputs.export import files
    from atlas.build.pipeline import build_model

    _replace(mini_data, "title: {zh: 发展现代物流, en: Develop modern logistics}",
             "title: {zh: '=HYPERLINK(\"http://x\",\"y\")', en: '@SUM(1+1)'}")
    _replace(mini_data, "summary: {zh: 推进物流园建设。确保127个项目按时完成年度计划。,",
             "summary: {zh: '+1 推进物流园建设。确保127个项目按时完成年度计划。',")
    model, _ = build_model(mini_data)
    out = files(model)
    rows = list(csv.DictReader(io.StringIO(out["tasks.csv"].decode("utf-8-sig"))))
    assert rows[0]["title_zh"] == "'=HYPERLINK(\"http://x\",\"y\")"
    assert rows[0]["title_en"] == "'@SUM(1+1)"
    assert rows[0]["summary_zh"].startswith("'+1 ")
    targets = list(csv.DictReader(io.StringIO(out["targets.csv"].decode("utf-8-sig"))))
    assert targets[0]["value"] == "127"  # numbers stay numbers
    json.loads(out["targets.json"])  # strict JSON (no NaN)
