"""Golden cases of bad input: each ``golden/<case>.yaml`` replaces one file of the minimal
dataset (named on its first line, ``# replaces: <path>``); the data check must print exactly
``golden/<case>.expected``. Regenerate after a deliberate change with ATLAS_UPDATE_GOLDEN=1,
then read every diff.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from atlas.model.errors import format_report
from atlas.load.validate import check_data

from conftest import MINI, ROOT, build_site

GOLDEN = Path(__file__).parent / "golden"
TODAY = datetime.date(2026, 11, 21)  # the date the .expected files were written with
OTHER_DAY = datetime.date(2031, 7, 1)  # any other date gives the same messages, with its own date
DATES = [TODAY, OTHER_DAY]
CASES = sorted(p.stem for p in GOLDEN.glob("*.yaml"))


def _prepare(case: str, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    raw = (GOLDEN / f"{case}.yaml").read_bytes()
    header = raw.decode("utf-8-sig", errors="replace").splitlines()[0]
    assert header.startswith("# replaces: "), f"{case}: first line must name the file it replaces"
    (data / header.split(": ", 1)[1].strip()).write_bytes(raw)
    return data


def _expected(case: str, today: datetime.date = TODAY) -> str:
    """The golden message as it reads on ``today`` (the files are written on ``TODAY``)."""
    text = (GOLDEN / f"{case}.expected").read_text(encoding="utf-8")
    return text.replace(f"today is {TODAY.isoformat()}", f"today is {today.isoformat()}")


def _env(today: datetime.date) -> dict:
    """The environment of a script or build run as if on ``today``."""
    return dict(os.environ, ATLAS_TODAY=today.isoformat())


@pytest.mark.parametrize("today", DATES, ids=str)
@pytest.mark.parametrize("case", CASES)
def test_golden_message(case: str, today: datetime.date, tmp_path: Path):
    data = _prepare(case, tmp_path)
    _, diagnostics = check_data(data, today=today)
    actual = format_report(diagnostics) + "\n"
    if os.environ.get("ATLAS_UPDATE_GOLDEN") and today == TODAY:
        (GOLDEN / f"{case}.expected").write_text(actual, encoding="utf-8")
    assert actual == _expected(case, today)


def test_every_case_has_expected_output():
    assert CASES, "no golden cases found"
    for case in CASES:
        assert (GOLDEN / f"{case}.expected").exists(), case


def _only_warnings(case: str) -> bool:
    return "error" not in (GOLDEN / f"{case}.expected").read_text(encoding="utf-8").splitlines()[-1]


@pytest.mark.parametrize("case", CASES)
def test_validate_script_gives_the_message_without_traceback(case: str, tmp_path: Path):
    data = _prepare(case, tmp_path)
    script = [sys.executable, str(ROOT / "scripts" / "validate.py"), "--data", str(data)]
    result = subprocess.run(script, capture_output=True, text=True, timeout=60, env=_env(OTHER_DAY))
    assert "Traceback" not in result.stderr + result.stdout
    assert _expected(case, OTHER_DAY).strip() in result.stderr
    assert result.returncode == (0 if _only_warnings(case) else 1)
    strict = subprocess.run(script + ["--strict"], capture_output=True, text=True, timeout=60,
                            env=_env(OTHER_DAY))
    assert strict.returncode == 1


# Every case goes through check_data above, which is what the build runs first; through the real
# `mkdocs build --strict`, one case of each way data can fail: unreadable, YAML, shape, reference,
# cross-record rule, source file, and a warning that --strict turns into a failure.
BUILD_CASES = ["not-utf8", "yaml-syntax-error", "missing-required", "unknown-agency", "deadline-before-start",
               "quote-not-in-source", "missing-translation", "html-in-text"]


@pytest.mark.parametrize("case", BUILD_CASES)
def test_strict_build_fails_with_the_message_without_traceback(case: str, tmp_path: Path):
    data = _prepare(case, tmp_path)
    result = build_site(tmp_path / "site", data, strict=True, today=TODAY)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    first = _expected(case).splitlines()[0]
    assert first.removesuffix(" [warning]") in output
    assert not (tmp_path / "site" / "index.html").exists()


def test_missing_translation_passes_unless_strict(tmp_path: Path):
    data = _prepare("missing-translation", tmp_path)
    script = [sys.executable, str(ROOT / "scripts" / "validate.py"), "--data", str(data)]
    assert subprocess.run(script, capture_output=True, timeout=60).returncode == 0
    assert subprocess.run(script + ["--strict"], capture_output=True, timeout=60).returncode == 1


def test_today_is_one_setting_for_scripts_and_build(tmp_path: Path):
    """ATLAS_TODAY decides what "the future" is, for the validator as for the build."""
    data = _prepare("observation-in-future", tmp_path)
    script = [sys.executable, str(ROOT / "scripts" / "validate.py"), "--data", str(data)]
    late = subprocess.run(script, capture_output=True, text=True, timeout=60,
                          env=_env(datetime.date(2100, 1, 1)))
    assert late.returncode == 0, late.stderr  # in 2100, a 2099 figure is no longer in the future
    bad = subprocess.run(script, capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, ATLAS_TODAY="21/11/2026"))
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr
    assert "ATLAS_TODAY: '21/11/2026' is not a date (write it as YYYY-MM-DD" in bad.stderr
