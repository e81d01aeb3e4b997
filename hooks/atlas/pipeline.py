"""The pipeline in one call: read and check the data, resolve it, load the source texts.

Scripts, the MkDocs glue and tests all start here, so the stages always run the same way.
"""

from __future__ import annotations

from pathlib import Path

from .resolve import Model, resolve
from .schema import SOURCES_DIR
from .source_text import load_sources
from .validate import load_dataset


def build_model(data_dir: Path, *, strict: bool = False) -> tuple[Model, list]:
    """The resolved model and the warnings; raises ``AtlasError`` when the data has errors."""
    dataset, warnings = load_dataset(data_dir, strict=strict)
    model = resolve(dataset)
    model.sources = load_sources(dataset.plans, data_dir / SOURCES_DIR)
    return model, warnings
