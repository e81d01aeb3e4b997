#!/usr/bin/env python3
"""Build the site in parts side by side, on every core or on several machines, and merge them.

Usage:
  python scripts/build.py [--out DIR] [--jobs N]        the whole site, in N parts at once (N: cores)
  python scripts/build.py --shards N --shard I --out DIR   part I of N only (one machine of many)
  python scripts/build.py --merge DIR [DIR …] --out DIR    put built parts together, index, publish

Each part is ``mkdocs build --dirty`` with ``ATLAS_SHARD=I/N``: it loads and checks all the data
and knows every page, but writes only its share of the detail pages (``atlas.site.shards``).
On one machine the parts write into the same folder at once (ATLAS_SHARED_OUT=1: the files they
all write, navigation pages and assets, get the same bytes from each); parts built on several
machines are put together by ``--merge``, which checks that the files they share are the same.
Then the search index of each language is made (both at once) and the result is moved into
``--out`` whole, as ``mkdocs build`` does: a failed part or merge leaves the old site as it was.
``mkdocs build`` still builds the same site in one process.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

from atlas.model.errors import AtlasError
from atlas.site.shards import ShardError, merge
from atlas.site import index_memory
from atlas.site.search_pairs import paired_folder, written_mark
from atlas.site.site_search import build_index, default_language_job
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


def build_part(config: Path, shard: int, shards: int, out: Path, shared: bool = False) -> subprocess.CompletedProcess:
    """``mkdocs build --dirty`` of part ``shard`` of ``shards`` into ``out`` (``shared``: a folder
    the other parts write into at the same time, published by the caller); its output kept."""
    env = {**os.environ, "ATLAS_SHARD": f"{shard}/{shards}", "ATLAS_SHARED_OUT": "1" if shared else ""}
    command = [sys.executable, "-m", "mkdocs", "build", "--dirty", "-q", "-f", str(config), "-d", str(out)]
    return subprocess.run(command, env=env, capture_output=True, text=True, cwd=config.parent)


def failed(result: subprocess.CompletedProcess, what: str) -> bool:
    if result.returncode == 0:
        return False
    print(f"{what} failed; the site was not changed.\n{result.stdout}{result.stderr}", file=sys.stderr)
    return True


def publish(out: Path, config: Path, fill) -> bool:
    """``fill(partial, (default, others), running)`` writes the site into ``<out>.partial``
    (False: it failed), and may start languages' index runs in ``running``; then the index is
    finished and the site moved into place. Any failure leaves the old site as it was."""
    default, others = languages(config)
    site = SiteBuild(out)
    partial = site.start()
    running: dict = {}
    try:
        if not fill(partial, (default, others), running):
            site.discard()
            return False
        started = time.perf_counter()
        print(build_index(partial, default, others, running=running) + f" ({time.perf_counter() - started:.1f} s after the parts)")
        site.swap()
        return True
    except BaseException:
        site.discard()
        raise
    finally:
        for job in running.values():
            job.cancel()
        site.release()


def merged(parts: list[Path]):
    """``fill`` for ``publish``: the built ``parts`` put together."""
    def fill(partial: Path, langs: tuple, running: dict) -> bool:
        started = time.perf_counter()
        count = merge(parts, partial)
        print(f"merged {len(parts)} parts: {count} files ({time.perf_counter() - started:.1f} s)")
        return True
    return fill


def built_in_place(config: Path, jobs: int):
    """``fill`` for ``publish``: ``jobs`` parts built at once, all into the same folder (each
    writes its own pages, and the same bytes to the files every part writes), so that nothing is
    merged afterwards. The default language's index starts as soon as every part has written
    that language (``search_pairs.written_mark``), while the parts build the others."""
    def fill(partial: Path, langs: tuple, running: dict) -> bool:
        default, others = langs
        started = time.perf_counter()
        marks = [written_mark(partial, default, i) for i in range(jobs)]
        waiting = True  # for the default language to be written by every part
        with ThreadPoolExecutor(jobs) as pool:
            builds = [pool.submit(build_part, config, i, jobs, partial, True) for i in range(jobs)]
            while not all(b.done() for b in builds):
                if waiting and all(m.exists() for m in marks):
                    waiting, pages = False, index_memory.pages_in(paired_folder(partial, default))
                    # beside the parts, which still grow, only with room to spare
                    if index_memory.fits({default: pages}, share=0.5):
                        running[default] = default_language_job(partial, default, others)
                        print(f"{default}: every part written, indexed while the others are built "
                              f"({time.perf_counter() - started:.1f} s)")
                    else:
                        print(f"{default}: every part written ({time.perf_counter() - started:.1f} s); indexed "
                              f"after the parts: Pagefind needs about {index_memory.need(default, pages) / 1e9:.1f} GB "
                              f"for its {pages} pages, {(index_memory.free() or 0) / 1e9:.1f} GB are free")
                time.sleep(0.1)
            results = [b.result() for b in builds]
        print(f"{jobs} parts built at once ({time.perf_counter() - started:.1f} s)")
        return not any([failed(r, f"part {i} of {jobs}") for i, r in enumerate(results)])
    return fill


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
            publish(out, config, merged([p.resolve() for p in args.merge]))
        elif args.shards is not None or args.shard is not None:
            if args.shards is None or args.shard is None or not 0 <= args.shard < args.shards:
                parser.error("--shards N and --shard I go together, with 0 <= I < N")
            if failed(build_part(config, args.shard, args.shards, out), f"part {args.shard} of {args.shards}"):
                return 1
            print(f"part {args.shard} of {args.shards} built in {out}/; merge the parts with --merge")
        else:
            if not publish(out, config, built_in_place(config, max(1, args.jobs))):
                return 1
    except (AtlasError, ShardError, SiteError) as exc:
        print(f"{exc}\nThe site was not changed.", file=sys.stderr)
        return 1
    print(f"site: {out}/ ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
