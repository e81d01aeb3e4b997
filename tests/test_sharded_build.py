"""Issue 14: the site built in parts (on several cores or machines) and merged is the site that
one ``mkdocs build`` makes; parts that do not fit together are one clear error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_site
from atlas.model.errors import AtlasError
from atlas.site.shards import Shard, ShardError, merge

BUILD = [sys.executable, str(ROOT / "scripts" / "build.py")]
# Pagefind names these files by a hash of their content, and orders a filter's values as its
# hash map does, differently in any two runs: the same site gives other bytes (and names) here
PAGEFIND_UNORDERED = ("pagefind-entry.json", ".pf_filter", ".pf_meta")


def run(args: list[str], data: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, ATLAS_DATA_DIR=str(data), NO_MKDOCS_2_WARNING="1")
    return subprocess.run(BUILD + args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def assert_same_site(merged: Path, single: Path) -> None:
    got, want = files(merged), files(single)
    def named(names):  # Pagefind's hash-named files by folder and kind, not by name
        return sorted(n if not n.endswith(PAGEFIND_UNORDERED) else n.rsplit("/", 1)[0] + "/*" + Path(n).suffix
                      for n in names)
    assert named(got) == named(want)
    differ = [n for n in want if n in got and got[n] != want[n] and not n.endswith(PAGEFIND_UNORDERED)]
    assert differ == []
    assert len(want) > 100 and any(n.startswith("pagefind/fragment/") for n in want)
    assert not any(n.startswith(".search-input/") for n in [*got, *want])


def test_two_parts_merged_are_the_site_one_build_makes(tmp_path, mini_data):
    single = tmp_path / "single"
    done = build_site(single, mini_data, strict=False)
    assert done.returncode == 0, done.stderr
    for shard in (0, 1):
        done = run(["--shards", "2", "--shard", str(shard), "--out", str(tmp_path / f"part{shard}")], mini_data)
        assert done.returncode == 0, done.stderr
    parts = [files(tmp_path / f"part{shard}") for shard in (0, 1)]
    # each part wrote only its share of the detail pages (and every navigation page)
    only = [set(parts[0]) - set(parts[1]), set(parts[1]) - set(parts[0])]
    assert all(any(n.endswith("index.html") for n in side) for side in only), only
    assert not any(n.startswith("pagefind/") for part in parts for n in part)  # indexed once merged
    # but each part cut its own pages into pairs for the index, as it wrote them
    assert all(any(n.startswith(f".search-input/{lang}/plans/") for n in part) for part in parts for lang in ("zh", "en"))
    done = run(["--merge", str(tmp_path / "part0"), str(tmp_path / "part1"), "--out", str(tmp_path / "merged")],
               mini_data)
    assert done.returncode == 0, done.stderr
    assert_same_site(tmp_path / "merged", single)
    # the whole build on every core: the same parts, written into one folder at once (no merge)
    done = run(["--out", str(tmp_path / "whole"), "--jobs", "2"], mini_data)
    assert done.returncode == 0, done.stderr
    assert "2 parts built at once" in done.stdout and "merged 2 parts" not in done.stdout
    # Chinese was indexed as soon as both parts had written it, while they built English
    assert done.stdout.index("zh: every part written") < done.stdout.index("2 parts built at once")
    assert_same_site(tmp_path / "whole", single)


def test_parts_that_do_not_fit_together_are_refused(tmp_path, mini_data):
    for name, text in (("a", "one"), ("b", "other")):
        (tmp_path / name / "x").mkdir(parents=True)
        (tmp_path / name / "x" / "index.html").write_text(text, encoding="utf-8")
    with pytest.raises(ShardError, match=r"x/index.html differs between .*a/ and .*b/"):
        merge([tmp_path / "a", tmp_path / "b"], tmp_path / "merged")
    # from the command line: one message, and the site that was there stays
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "keep.html").write_text("old", encoding="utf-8")
    done = run(["--merge", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(tmp_path / "site")], mini_data)
    assert done.returncode == 1 and "differs between" in done.stderr and "Traceback" not in done.stderr
    assert "The site was not changed" in done.stderr
    assert (tmp_path / "site" / "keep.html").read_text(encoding="utf-8") == "old"
    done = run(["--merge", str(tmp_path / "nowhere"), "--out", str(tmp_path / "site")], mini_data)
    assert done.returncode == 1 and "is not a built part" in done.stderr


def test_a_whole_build_whose_part_fails_leaves_the_old_site(tmp_path, mini_data):
    """The parts write into one folder beside the site; a failed part leaves nothing there."""
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "keep.html").write_text("old", encoding="utf-8")
    regions = mini_data / "regions.yaml"
    regions.write_text(regions.read_text(encoding="utf-8") + "\n  - id: [broken\n", encoding="utf-8")
    done = run(["--out", str(tmp_path / "site"), "--jobs", "2"], mini_data)
    assert done.returncode == 1 and "part 0 of 2 failed; the site was not changed" in done.stderr
    assert "regions.yaml" in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".site.lock") == ["data", "site"]  # no site.partial
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["keep.html"]


def test_a_part_is_named_i_of_n_and_the_parts_share_out_every_page():
    pages = [f"plans/p{i}/index.md" for i in range(7)] + ["agencies/a.md", "years/2020.md"]
    shares = [Shard(i, 3).share(pages) for i in range(3)]
    assert set().union(*shares) == set(pages) and sum(map(len, shares)) == len(pages)
    assert Shard.parse(None) is None and Shard.parse("1/2") == Shard(1, 2)
    for bad in ("2/2", "x", "1", "-1/2"):
        with pytest.raises(AtlasError, match="ATLAS_SHARD"):
            Shard.parse(bad)


def test_workflows_install_the_core_and_the_sharded_one_runs_the_parts_and_the_merge():
    """Every workflow that runs our scripts or MkDocs installs ``atlas`` first (the hooks and
    scripts import it); the sharded workflow builds its matrix of parts and merges them."""
    import yaml
    for path in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        for name, job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].items():
            runs = [step.get("run", "") for step in job.get("steps", [])]
            uses_core = [i for i, r in enumerate(runs) if "scripts/" in r or "mkdocs" in r]
            installs = [i for i, r in enumerate(runs) if "pip install --no-deps -e ." in r]
            if uses_core:
                assert installs and installs[0] < uses_core[0], (path.name, name)
    jobs = yaml.safe_load((ROOT / ".github" / "workflows" / "sharded-build.yml").read_text(encoding="utf-8"))["jobs"]
    part = " ".join(step.get("run", "") for step in jobs["part"]["steps"])
    assert "scripts/build.py --shards ${{ strategy.job-total }} --shard ${{ matrix.shard }}" in part
    assert "scripts/build.py --merge parts/* --out site" in " ".join(s.get("run", "") for s in jobs["merge"]["steps"])
    assert jobs["merge"]["needs"] == "part" and "matrix" in jobs["part"]["strategy"]
