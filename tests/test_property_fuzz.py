"""Property-based tests: whatever a maintainer writes, checking the data never crashes.

Random YAML documents and random mutations of the real data go through the loader and the
validator; the only outcome allowed is a list of diagnostics (and ``AtlasError`` from
``load_dataset``), never another exception.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atlas.model.errors import AtlasError
from atlas.load.validate import check_data, load_dataset

from conftest import ROOT

REAL = ROOT / "data"
FILES = ["regions.yaml", "agencies.yaml", "sectors.yaml", "units.yaml", "indicators.yaml",
         "plans/jx-2010-service-work-plan.yaml"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
                    st.text(max_size=20), st.sampled_from(["not stated", "jx-drc", "2019-H1", ">=", "zh"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.sampled_from(["id", "name", "zh", "en", "lead", "targets", "year", "value",
                                     "sections", "tasks", "unit", "x"]) | st.text(max_size=6),
                    inner, max_size=5)), max_leaves=20)


def _copy(tmp_path: Path) -> Path:
    """A private copy of the real data, made once per test; each example restores what it broke."""
    data = tmp_path / "data"
    if not data.exists():
        shutil.copytree(REAL, data)
    for name in FILES:
        (data / name).write_bytes((REAL / name).read_bytes())
    return data


SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@SETTINGS
@given(target=st.sampled_from(FILES), document=values)
def test_any_yaml_document_gives_diagnostics_not_a_crash(tmp_path, target, document):
    data = _copy(tmp_path)
    (data / target).write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    _, diagnostics = check_data(data)
    try:
        load_dataset(data)
    except AtlasError:
        assert any(d.severity == "error" for d in diagnostics)


@SETTINGS
@given(target=st.sampled_from(FILES), cut=st.integers(0, 10_000), junk=st.text(max_size=12),
       mode=st.sampled_from(["truncate", "insert", "delete-line", "swap-bytes"]))
def test_any_edit_of_the_real_files_gives_diagnostics_not_a_crash(tmp_path, target, cut, junk, mode):
    data = _copy(tmp_path)
    path = data / target
    text = path.read_text(encoding="utf-8")
    at = cut % (len(text) + 1)
    if mode == "truncate":
        text = text[:at]
    elif mode == "insert":
        text = text[:at] + junk + text[at:]
    elif mode == "delete-line":
        lines = text.splitlines(keepends=True)
        del lines[at % len(lines)]
        text = "".join(lines)
    if mode == "swap-bytes":
        raw = path.read_bytes()
        path.write_bytes(raw[:at] + bytes([0xff, 0xfe]) + raw[at:])
    else:
        path.write_text(text, encoding="utf-8")
    check_data(data)  # must not raise
