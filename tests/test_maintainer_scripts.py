"""The maintainer's tools: scaffolding a plan and listing data changes since a revision."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
    agencies = repo / "data" / "agencies.yaml"
    agencies.write_text(agencies.read_text(encoding="utf-8").replace(
        "short: {zh: 市旅游局, en: Tourism Bureau}", "short: {zh: 市旅游委, en: Tourism Bureau}"), encoding="utf-8")
    (repo / "data" / "sources" / "mini.txt").write_text(
        (repo / "data" / "sources" / "mini.txt").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = run(SCRIPTS / "report.py", "--data", repo / "data", "--changes", "HEAD")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("# Data changes since HEAD\n")
    assert "### 测试工作方案 / Test work plan (`mini-plan`): modified" in out
    assert "modified: 1 tasks, 1 targets" in out  # counts per document
    assert "- modified target `t1-1-projects`: value 127 → 128" in out
    assert "- modified task `t1-1`: title" in out
    assert "## Agencies" in out and "- modified agency `jx-tourism`: short" in out
    assert "- modified `data/sources/mini.txt`" in out
    note = json.loads(run(SCRIPTS / "report.py", "--data", repo / "data", "--changes", "HEAD",
                          "--format", "json").stdout)
    assert note["documents"][0]["counts"] == {"modified": {"tasks": 1, "targets": 1}}
    assert note["registries"]["agencies"][0]["fields"] == ["short"]


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


GUIDES = [ROOT / "docs" / "maintainers" / "index.md", ROOT / "docs" / "maintainers" / "index.en.md"]


def _guide_commands(guide) -> list[str]:
    """The guide's ``.venv/bin/python scripts/…`` commands, in code blocks (continued lines
    joined) and in inline code, in the order a maintainer meets them."""
    text = re.sub(r"\\\n\s*", "", guide.read_text(encoding="utf-8"))
    return [c.strip() for c in re.findall(r"(?m)(?:^\s*|`)(\.venv/bin/python scripts/[^`\n]+)", text)]


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_the_guides_script_commands_run_as_written(tmp_path, guide):
    """Issue 13: every script command of the maintainer's guide works when pasted, in order, in a
    copy of the project (with the source text the example names in the home folder)."""
    project = tmp_path / "project"
    for name in ("data", "hooks", "scripts", "templates", ".git"):
        shutil.copytree(ROOT / name, project / name)
    (project / ".venv").symlink_to(Path(sys.prefix))  # the virtual environment running the tests
    home = tmp_path / "home"
    home.mkdir()
    for name in ("原文.txt", "source.txt"):
        (home / name).write_text("淮安市服务业发展方案\n一、总体要求\n", encoding="utf-8")
    commands = _guide_commands(guide)
    assert any("new_plan.py" in c for c in commands) and any("--changes" in c for c in commands)
    for command in commands:
        result = subprocess.run(command, shell=True, cwd=project, capture_output=True, text=True,
                                timeout=120, env=dict(os.environ, HOME=str(home)))
        assert result.returncode == 0, f"{guide.name}: {command}\n{result.stdout}{result.stderr}"
