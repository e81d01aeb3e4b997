"""Builds in parts: which pages a part renders, and putting the parts together into one site.

A part (``ATLAS_SHARD=I/N``, set by ``scripts/build.py``) loads and checks all the data, as every
build does (it is cheap), and knows every page, so that every link resolves as in a whole build;
but it converts and writes only its share of the detail pages, and every page of the navigation
(few, and each needs the others' titles). The parts run side by side, on one machine's cores or
on several machines, and ``merge`` puts their folders together: each detail page comes from the
one part that wrote it, and what every part writes (navigation pages, assets, downloads,
sitemap) is the same in each. The search index is made once, on the merged site.
"""

from __future__ import annotations

import filecmp
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..model.errors import AtlasError, Diagnostic, Loc


class ShardError(Exception):
    """A part is named wrongly, or the parts do not fit together; the message says which."""


@dataclass(frozen=True)
class Shard:
    index: int  # 0 … count-1
    count: int

    @classmethod
    def parse(cls, text: str | None) -> "Shard | None":
        """``"I/N"`` (ATLAS_SHARD) as a part; None for a whole build. Raises ``AtlasError``."""
        if not text:
            return None
        try:
            index, count = (int(n) for n in text.split("/"))
            if not 0 <= index < count:
                raise ValueError
        except ValueError:
            raise AtlasError([Diagnostic(Loc("ATLAS_SHARD"), "", f"{text!r} is not a part of the site",
                                         "write I/N with 0 <= I < N, e.g. 0/2 for the first of two parts")]) from None
        return cls(index, count)

    def share(self, srcs: list[str]) -> set[str]:
        """This part's pages of ``srcs``: every N-th of them in sorted order, so that each part
        gets about as many pages of each kind (a plan's sections, agencies, years…)."""
        return set(sorted(srcs)[self.index::self.count])


def merge(parts: list[Path], into: Path) -> int:
    """Put the folders of the parts together in ``into`` (empty or new); the number of files.

    A file written by several parts must be the same in each: anything else means the parts were
    built from different data or code, and is a ``ShardError`` naming the file."""
    into.mkdir(parents=True, exist_ok=True)
    seen: dict[str, tuple[Path, Path]] = {}  # relative path -> (file, the part it came from)
    for part in parts:
        if not part.is_dir():
            raise ShardError(f"{part}/ is not a built part (python scripts/build.py --shards N --shard I --out DIR)")
        for folder, _, names in os.walk(part):
            for name in names:
                source = Path(folder) / name
                rel = source.relative_to(part).as_posix()
                if rel in seen:
                    first, first_part = seen[rel]
                    if not filecmp.cmp(first, source, shallow=False):
                        raise ShardError(f"{rel} differs between {first_part}/ and {part}/: the parts were "
                                         "built from different data or code; build them all again from "
                                         "the same commit")
                    continue
                seen[rel] = (source, part)
                target = into / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(source, target)  # same disk: no copy
                except OSError:
                    shutil.copy2(source, target)
    return len(seen)
