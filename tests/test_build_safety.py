"""One build at a time and a site replaced whole (issue 11): concurrent builds, a swap that fails
half-way, a folder that cannot be written, broken templates — one message each, no traceback,
and the old site intact."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from atlas.site.site_swap import SiteBuild, SiteError

from conftest import MKDOCS, ROOT


def _start_build(site: Path, data: Path) -> subprocess.Popen:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", ATLAS_DATA_DIR=str(data))
    return subprocess.Popen(MKDOCS + ["build", "-d", str(site)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_builds_started_together_take_turns_and_leave_a_whole_site(tmp_path: Path, mini_data: Path):
    site = tmp_path / "site"
    builds = [_start_build(site, mini_data) for _ in range(3)]
    outputs = [b.communicate(timeout=600)[0] for b in builds]
    assert [b.returncode for b in builds] == [0, 0, 0], outputs
    assert all("Traceback" not in out for out in outputs)
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file()
    assert len(list(site.rglob("index.html"))) > 20
    assert not (tmp_path / "site.partial").exists() and not (tmp_path / "site.old").exists()


def test_a_second_build_refuses_with_a_message_when_the_first_holds_the_lock(tmp_path: Path):
    first = SiteBuild(tmp_path / "site")
    first.start()
    second = SiteBuild(tmp_path / "site", wait=0.5)
    with pytest.raises(SiteError, match="another build of site/ has been running"):
        second.start()
    first.discard()
    first.release()


def test_a_swap_that_fails_half_way_puts_the_old_site_back(tmp_path: Path):
    final = tmp_path / "site"
    final.mkdir()
    (final / "index.html").write_text("old", encoding="utf-8")
    build = SiteBuild(final)
    build.start()
    build.partial.rmdir()  # the new site vanished: the second rename fails
    with pytest.raises(SiteError, match="the old site is unchanged"):
        build.swap()
    assert (final / "index.html").read_text(encoding="utf-8") == "old"
    build.release()


def test_a_folder_that_cannot_be_written_is_one_message(tmp_path: Path, mini_data: Path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", ATLAS_DATA_DIR=str(mini_data))
    result = subprocess.run(MKDOCS + ["build", "-d", str(blocker / "site")], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert "cannot write in" in result.stdout + result.stderr


@pytest.mark.parametrize("edit,message", [
    ("{% if %}\n", "templates/year.md.j2:"),
    ("{{ no_such_name }}\n", "'no_such_name' is undefined"),
])
def test_a_broken_template_is_one_message_naming_file_and_line(tmp_path: Path, mini_data: Path,
                                                                 edit: str, message: str):
    templates = tmp_path / "templates"
    templates.mkdir()
    for path in (ROOT / "templates").iterdir():
        (templates / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (templates / "year.md.j2").write_text((templates / "year.md.j2").read_text(encoding="utf-8") + edit,
                                          encoding="utf-8")
    site = tmp_path / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", ATLAS_DATA_DIR=str(mini_data),
               ATLAS_TEMPLATES_DIR=str(templates))
    result = subprocess.run(MKDOCS + ["build", "-d", str(site)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert message in output and "templates/year.md.j2" in output
    assert not site.exists()
