"""Shared test fixtures: the project root on sys.path, copies of data, and built sites."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
MINI = ROOT / "tests" / "fixtures" / "mini"
PYTHON = sys.executable
MKDOCS = [PYTHON, "-m", "mkdocs"]


def build_site(site_dir: Path, data_dir: Path | None = None, strict: bool = True,
               site_url: str | None = None, today=None) -> subprocess.CompletedProcess:
    """Run the real ``mkdocs build`` from the project root into ``site_dir`` (as if on ``today``)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if today is not None:
        env["ATLAS_TODAY"] = today.isoformat()
    if site_url:
        env["ATLAS_SITE_URL"] = site_url
    if data_dir is not None:
        env["ATLAS_DATA_DIR"] = str(data_dir)
    cmd = MKDOCS + ["build", "-d", str(site_dir)] + (["--strict"] if strict else [])
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture
def mini_data(tmp_path: Path) -> Path:
    """A private copy of the minimal dataset, as ``<tmp>/data``, free to edit."""
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real site, built strict once per test session."""
    site = tmp_path_factory.mktemp("site")
    result = build_site(site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site
