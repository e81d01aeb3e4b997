#!/usr/bin/env python3
"""Build the site in parts side by side, on every core or on several machines, and merge them.

Usage:
  python scripts/build.py [--out DIR] [--jobs N]        the whole site, in N parts at once (N: cores)
  python scripts/build.py --shards N --shard I --out DIR   part I of N only (one machine of many)
  python scripts/build.py --merge DIR [DIR …] --out DIR    put built parts together, index, publish

Each part is ``mkdocs build --dirty`` with ``ATLAS_SHARD=I/N``: it loads and checks all the data
and knows every page, but writes only its share of the detail pages (``atlas.site.shards``).
The merge puts the parts' folders together, makes the search index of each language on the
merged site (both at once) and moves the result into ``--out`` whole, as ``mkdocs build`` does:
a failed part or merge leaves the old site as it was. ``mkdocs build`` still builds the same site
in one process.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

from atlas.model.errors import AtlasError
from atlas.site.shards import ShardError, merge
from atlas.site.site_search import build_index
from atlas.site.site_swap import SiteBuild, SiteError

ROOT = Path(__file__).resolve().parent.parent


def languages(config: Path) -> tuple[str, list[str]]:
    """The default language and the others, from the i18n plugin's settings in ``config``."""
    class Loader(yaml.SafeLoader):  # mkdocs.yml's !ENV and !!python tags are not needed here
        pass
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    settings = yaml.load(config.read_text(encoding="utf-8"), Loader=Loader)
    for plugin in settings.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            langs = plugin["i18n"]["languages"]
            default = next(lang["locale"] for lang in langs if lang.get("default"))
            return default, [lang["locale"] for lang in langs if lang["locale"] != default]
    return "en", []


def build_part(config: Path, shard: int, shards: int, out: Path) -> subprocess.CompletedProcess:
    """``mkdocs build --dirty`` of part ``shard`` of ``shards`` into ``out``; its output kept."""
    env = {**os.environ, "ATLAS_SHARD": f"{shard}/{shards}"}
    command = [sys.executable, "-m", "mkdocs", "build", "--dirty", "-q", "-f", str(config), "-d", str(out)]
    return subprocess.run(command, env=env, capture_output=True, text=True, cwd=config.parent)


def failed(result: subprocess.CompletedProcess, what: str) -> bool:
    if result.returncode == 0:
        return False
    print(f"{what} failed; the site was not changed.\n{result.stdout}{result.stderr}", file=sys.stderr)
    return True


def merge_and_publish(parts: list[Path], out: Path, config: Path) -> None:
    """Merge ``parts`` into ``<out>.partial``, index it, and move it into place."""
    default, others = languages(config)
    site = SiteBuild(out)
    partial = site.start()
    try:
        started = time.perf_counter()
        count = merge(parts, partial)
        merged = time.perf_counter()
        print(f"merged {len(parts)} parts: {count} files ({merged - started:.1f} s)")
        print(build_index(partial, default, others) + f" ({time.perf_counter() - merged:.1f} s)")
        site.swap()
    except BaseException:
        site.discard()
        raise
    finally:
        site.release()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site", help="the site folder (default: site/)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--jobs", type=int, default=min(os.cpu_count() or 1, 4),
                        help="parts built at once for a whole build (default: the cores, at most 4)")
    parser.add_argument("--shards", type=int, help="build one part of this many (with --shard)")
    parser.add_argument("--shard", type=int, help="which part, 0 … N-1 (with --shards)")
    parser.add_argument("--merge", type=Path, nargs="+", metavar="DIR", help="built parts to merge into --out")
    args = parser.parse_args()
    out, config = args.out.resolve(), args.config.resolve()
    started = time.perf_counter()
    try:
        if args.merge:
            merge_and_publish([p.resolve() for p in args.merge], out, config)
        elif args.shards is not None or args.shard is not None:
            if args.shards is None or args.shard is None or not 0 <= args.shard < args.shards:
                parser.error("--shards N and --shard I go together, with 0 <= I < N")
            if failed(build_part(config, args.shard, args.shards, out), f"part {args.shard} of {args.shards}"):
                return 1
            print(f"part {args.shard} of {args.shards} built in {out}/; merge the parts with --merge")
        else:
            jobs = max(1, args.jobs)
            with tempfile.TemporaryDirectory(prefix="atlas-parts-", dir=out.parent) as scratch:
                parts = [Path(scratch) / f"part-{i}" for i in range(jobs)]
                with ThreadPoolExecutor(jobs) as pool:
                    results = list(pool.map(lambda i: build_part(config, i, jobs, parts[i]), range(jobs)))
                built = time.perf_counter()
                print(f"{jobs} parts built at once ({built - started:.1f} s)")
                if any(failed(r, f"part {i} of {jobs}") for i, r in enumerate(results)):
                    return 1
                merge_and_publish(parts, out, config)
    except (AtlasError, ShardError, SiteError) as exc:
        print(f"{exc}\nThe site was not changed.", file=sys.stderr)
        return 1
    print(f"site: {out}/ ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
