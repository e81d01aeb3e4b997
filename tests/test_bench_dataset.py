"""The benchmark's data (``scripts/bench.py``: the real data and K-1 numbered copies) must be valid
data: a copy that still pointed at the real plans (a replaced target, a superseded plan) made every
build at K > 1 stop with data errors."""

from __future__ import annotations

import importlib.util

from conftest import ROOT
from atlas.build.pipeline import build_model

_spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def test_the_benchmark_data_at_k_2_is_valid_and_twice_the_real_data(tmp_path):
    bench.make_dataset(2, tmp_path)
    model, _ = build_model(tmp_path)  # raises AtlasError on any error
    real, _ = build_model(ROOT / "data")
    assert len(model.plans) == 2 * len(real.plans)
    copy = model.plans["jx-2011-service-doubling-plan-s1"]
    assert [r.target for r in copy.relations] == ["jx-2010-service-work-plan-s1"]
