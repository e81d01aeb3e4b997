"""Shared test fixtures: the project root, copies of data, and built sites. The ``atlas``
package (``hooks/atlas``) is installed in the virtual environment (``pip install -e .``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
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


# Which tier each test is in: modules that drive Chromium; modules that build sites, run the
# preview or fuzz (slow), and the tests of other modules that build or run a script (by their use
# of a built site, or by name). Everything else is a unit test.
BROWSER_MODULES = {"test_browser"}
BUILD_MODULES = {"test_site_build", "test_outcomes_pages", "test_build_safety", "test_injection",
                 "test_publishing_and_serve", "test_fuzz_mutations", "test_property_fuzz"}
BUILD_FIXTURES = {"real_site", "poisoned_site", "site"}


def pytest_collection_modifyitems(items):
    for item in items:
        module = item.module.__name__.rpartition(".")[2]
        if module in BROWSER_MODULES or "chromium" in item.name:
            item.add_marker(pytest.mark.browser)
        elif (module in BUILD_MODULES or BUILD_FIXTURES & set(item.fixturenames)
              or any(word in item.name.split("[")[0] for word in ("build", "script"))):
            item.add_marker(pytest.mark.build)
        else:
            item.add_marker(pytest.mark.unit)


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
