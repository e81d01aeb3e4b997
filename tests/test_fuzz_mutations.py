"""Fuzzing with hostile edits (issue 11): 320 seeded mutations of real data files — injection
payloads, YAML aliases and merge keys, deep brackets, odd numbers, control characters, cut and
doubled lines — go through the validator with a time limit; those that still validate are
rendered to every page; one that validates and one that does not go through the real
``mkdocs build``. Nothing may raise,
hang or print a traceback."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

from atlas.model.errors import AtlasError
from atlas.build.pipeline import build_model
from atlas.site.render import make_env, render_page
from atlas.load.validate import check_data
from atlas.build.views import build_views

from conftest import MKDOCS, ROOT

REAL = ROOT / "data"
PLANS = ["jx-2010-service-work-plan", "jx-2021-port-hub-action-plan", "jx-2020-economy-ranking-article"]
TARGETS = ["regions.yaml", "agencies.yaml", "units.yaml", "indicators.yaml"] + [f"plans/{p}.yaml" for p in PLANS]
QUOTED = ["jx-2022-statistical-communique"]  # copied, not mutated: an indicator's definition quotes it
FRAGMENTS = [
    '{: onclick="alert(1)" }', "</title><img src=x onerror=alert(1)>", "\n[x]: javascript:alert(1)\n",
    "\n!!! danger\n", "*a", "&a ", "<<: {a: 1}", "[" * 60, "{" * 60, ".nan", ".inf", "0x10", "010", "1:20",
    "1_000", "1e400", "9" * 400, "\x07", "\t", ": ", "- ", "'", '"', "\\", "{{ 7*7 }}", "`", "|", "#",
    "../../etc/passwd", "(\\w+\\s?)+$", "\u202e", "\ufeff", "\u3000", "~", "null", "[]", "{}", "- - -",
]
MUTATIONS = 320
CHUNKS = 4


@contextmanager
def time_limit(seconds: int):
    def alarm(signum, frame):
        raise TimeoutError(f"took more than {seconds} s")
    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _dataset(root: Path) -> Path:
    """The real registries, three real plans and the one an indicator definition quotes (with their
    sources): small enough to check fast."""
    data = root / "data"
    (data / "plans").mkdir(parents=True)
    (data / "sources").mkdir()
    for name in ["regions.yaml", "agencies.yaml", "sectors.yaml", "units.yaml", "indicators.yaml"]:
        shutil.copy(REAL / name, data / name)
    for plan in PLANS + QUOTED:
        text = (REAL / "plans" / f"{plan}.yaml").read_text(encoding="utf-8")
        (data / "plans" / f"{plan}.yaml").write_text(text, encoding="utf-8")
        source = text.split("\n  file: ", 1)[1].split("\n")[0].strip()
        shutil.copy(REAL / "sources" / source, data / "sources" / source)
    return data


def mutate(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    mode = rng.choice(["insert", "replace-value", "cut-line", "double-line", "truncate", "indent"])
    at = rng.randrange(len(text) + 1)
    fragment = rng.choice(FRAGMENTS)
    if mode == "insert":
        return text[:at] + fragment + text[at:]
    if mode == "replace-value":
        i = rng.randrange(len(lines))
        key, sep, _ = lines[i].partition(": ")
        return "".join(lines[:i] + [f"{key}{sep or ': '}{fragment}\n"] + lines[i + 1:])
    if mode == "cut-line":
        del lines[rng.randrange(len(lines))]
        return "".join(lines)
    if mode == "double-line":
        i = rng.randrange(len(lines))
        return "".join(lines[:i + 1] + [lines[i]] + lines[i + 1:])
    if mode == "truncate":
        return text[:at]
    i = rng.randrange(len(lines))
    return "".join(lines[:i] + [" " * rng.randrange(1, 9) + lines[i]] + lines[i + 1:])


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_hostile_mutations_never_crash_or_hang(tmp_path: Path, chunk: int):
    """MUTATIONS in CHUNKS seeded runs, so that the test tiers can spread them over the cores."""
    rng = random.Random(20261201 + chunk)
    data = _dataset(tmp_path)
    env = make_env(ROOT / "templates")
    outcomes = {"errors": 0, "clean": 0, "rendered pages": 0}
    for n in range(MUTATIONS // CHUNKS):
        target = rng.choice(TARGETS)
        original = (REAL / target).read_text(encoding="utf-8")
        mutated = mutate(original, rng)
        (data / target).write_text(mutated, encoding="utf-8")
        with time_limit(20):
            _, diagnostics = check_data(data)
        if any(d.severity == "error" for d in diagnostics):
            outcomes["errors"] += 1
        else:
            outcomes["clean"] += 1
            with time_limit(60):
                try:
                    model, _ = build_model(data)
                except AtlasError:
                    pass
                else:
                    for lang in ("zh", "en"):  # the pages that show the mutated file
                        views = [v for v in build_views(model, lang)
                                 if any(f.endswith(target) for f in v.data_files)]
                        for view in views[:4]:  # the plan page and its parts, or a registry's first pages
                            render_page(env, model, lang, view)
                            outcomes["rendered pages"] += 1
        (data / target).write_text(original, encoding="utf-8")
    assert outcomes["errors"] + outcomes["clean"] == MUTATIONS // CHUNKS
    assert outcomes["errors"] > 25 and outcomes["clean"] > 5 and outcomes["rendered pages"] > 30, outcomes


def test_mutations_through_the_real_build_give_a_message_or_a_site(tmp_path: Path):
    """Two mutations through the real ``mkdocs build``: the first that validates, which must give
    a whole site, and the first that does not, which must give a message and no site; neither a
    traceback. (Two, not one per chunk: what the build adds to the checks above is the glue, and
    one of each kind exercises it.)"""
    rng = random.Random(20261201)
    data = _dataset(tmp_path)
    picks: dict = {}
    for _ in range(200):
        target = rng.choice(TARGETS)
        original = (REAL / target).read_text(encoding="utf-8")
        mutated = mutate(original, rng)
        (data / target).write_text(mutated, encoding="utf-8")
        valid = not any(d.severity == "error" for d in check_data(data)[1])
        (data / target).write_text(original, encoding="utf-8")
        if mutated != original:
            picks.setdefault(valid, (target, mutated))
        if len(picks) == 2:
            break
    assert set(picks) == {True, False}
    for valid, (target, mutated) in picks.items():
        (data / target).write_text(mutated, encoding="utf-8")
        site = tmp_path / f"site-{valid}"
        env_vars = dict(os.environ, NO_MKDOCS_2_WARNING="1", ATLAS_DATA_DIR=str(data))
        result = subprocess.run(MKDOCS + ["build", "-d", str(site)], cwd=ROOT, env=env_vars,
                                capture_output=True, text=True, timeout=300)
        assert "Traceback" not in result.stdout + result.stderr, (target, result.stderr[-2000:])
        assert (result.returncode == 0) == valid == (site / "index.html").exists(), (target, result.stderr[-2000:])
        (data / target).write_text((REAL / target).read_text(encoding="utf-8"), encoding="utf-8")


@pytest.mark.parametrize("seed", [1, 2])
def test_mutation_is_deterministic(seed: int):
    text = (REAL / "regions.yaml").read_text(encoding="utf-8")
    assert mutate(text, random.Random(seed)) == mutate(text, random.Random(seed))
