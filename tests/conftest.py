"""Shared test fixtures: the project root, copies of data, and built sites. The ``atlas``
package (``hooks/atlas``) is installed in the virtual environment (``pip install -e .``)."""

from __future__ import annotations

import fcntl
import os
import shlex
import shutil
import subprocess
import sys
import time
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
                 "test_publishing_and_serve", "test_fuzz_mutations", "test_property_fuzz", "test_sharded_build",
                 "test_lean_markdown", "test_data_changes"}
BUILD_FIXTURES = {"real_site", "poisoned_site", "site"}


TIERS = ("unit", "build", "browser")


@pytest.hookimpl(tryfirst=True)  # before -m selects by these markers
def pytest_collection_modifyitems(config, items):
    for item in items:
        module = item.module.__name__.rpartition(".")[2]
        if module in BROWSER_MODULES or "chromium" in item.name:
            item.add_marker(pytest.mark.browser)
        elif (module in BUILD_MODULES or BUILD_FIXTURES & set(item.fixturenames)
              or any(word in item.name.split("[")[0] for word in ("build", "script"))):
            item.add_marker(pytest.mark.build)
        else:
            item.add_marker(pytest.mark.unit)
    # the fast tiers first: they run while the real site builds in the background (below)
    items.sort(key=lambda item: next(TIERS.index(t) for t in TIERS if item.get_closest_marker(t)))


def pytest_collection_finish(session):
    """Once -m and -k have chosen the tests: start the real site's build if one needs it."""
    if any("real_site" in item.fixturenames for item in session.items):
        _start_real_site(session.config)


def _real_site_dir(config) -> Path:
    """One folder for the whole run: shared by the xdist workers (their temp folders' parent)."""
    base = config._tmp_path_factory.getbasetemp()
    return (base.parent if hasattr(config, "workerinput") else base) / "real-site"


def _start_real_site(config) -> Path:
    """Start the one build of the real site for the whole run, in the background: the first
    worker to get here starts it, the others find it started. The tests that read it wait for it;
    the unit and mini-site tests run meanwhile."""
    root = _real_site_dir(config)
    root.mkdir(parents=True, exist_ok=True)
    with open(root / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (root / "started").exists():
            (root / "started").write_text(str(os.getpid()))
            build = shlex.join(MKDOCS + ["build", "--strict", "-d", str(root / "site")])
            log, rc = shlex.quote(str(root / "log")), shlex.quote(str(root / "rc"))
            script = f"{build} > {log} 2>&1; echo $? > {rc}.tmp; mv {rc}.tmp {rc}"
            subprocess.Popen(["sh", "-c", script], cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                             stdin=subprocess.DEVNULL, start_new_session=True)
    return root


@pytest.fixture
def mini_data(tmp_path: Path) -> Path:
    """A private copy of the minimal dataset, as ``<tmp>/data``, free to edit."""
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture(scope="session")
def real_site(pytestconfig) -> Path:
    """The real site, built strict once per test run (by ``_start_real_site``) and only read."""
    root = _start_real_site(pytestconfig)  # already started by collection; idempotent
    deadline = time.monotonic() + 900
    while not (root / "rc").exists():
        assert time.monotonic() < deadline, "the real site took more than 15 minutes to build"
        time.sleep(0.2)
    log = (root / "log").read_text(encoding="utf-8", errors="replace")
    assert (root / "rc").read_text().strip() == "0", log
    return root / "site"
