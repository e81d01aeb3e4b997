"""The maintainer's tools: scaffolding a plan and listing data changes since a revision."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import MINI, ROOT

SCRIPTS = ROOT / "scripts"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True,
                          timeout=120, cwd=cwd)


def test_new_plan_scaffold_validates_and_refuses_to_overwrite(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    source = tmp_path / "text.txt"
    source.write_text("示例\n", encoding="utf-8")
    args = [SCRIPTS / "new_plan.py", "new-plan", "--region", "jiaxing", "--source", source,
            "--title-zh", "新方案", "--title-en", "New plan", "--data", data]
    assert run(*args).returncode == 0
    text = (data / "plans" / "new-plan.yaml").read_text(encoding="utf-8")
    assert text.count("#") > 40  # every field comes with its comment
    assert (data / "sources" / "text.txt").exists()
    check = run(SCRIPTS / "validate.py", "--strict", "--data", data)
    assert check.returncode == 0, check.stderr
    again = run(*args)
    assert again.returncode != 0 and "already exists" in again.stderr


def test_report_changes_since_a_revision(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(MINI, repo / "data")
    git = ["git", "-C", str(repo)]
    subprocess.run(git + ["init", "-q"], check=True)
    subprocess.run(git + ["-c", "user.name=t", "-c", "user.email=t@t", "add", "-A"], check=True)
    subprocess.run(git + ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base"], check=True)
    plan = repo / "data" / "plans" / "mini-plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("value: 127", "value: 128")
                    .replace("title: {zh: 发展现代物流, en: Develop modern logistics}",
                             "title: {zh: 发展现代物流业, en: Develop modern logistics}"), encoding="utf-8")
    result = run(SCRIPTS / "report.py", "--data", repo / "data", "--changes", "HEAD")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "modified target mini-plan#t1-1-projects: value 127 → 128" in out
    assert "modified task mini-plan#t1-1: title" in out


def test_new_plan_refuses_an_unknown_region_and_writes_nothing(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    source = tmp_path / "text.txt"
    source.write_text("正文", encoding="utf-8")
    result = run(SCRIPTS / "new_plan.py", "lz-2024-plan", "--region", "jiaxin", "--source", source,
                 "--title-zh", "标题", "--title-en", "Title", "--data", data)
    assert result.returncode != 0
    assert "unknown region 'jiaxin' (did you mean 'jiaxing'?)" in result.stderr
    assert not (data / "plans" / "lz-2024-plan.yaml").exists()
