#!/usr/bin/env python3
"""Measure how long `mkdocs serve` takes to show an edit to a YAML file.

Usage: python scripts/preview_latency.py [--lang zh|en] [--runs 3]

Starts `mkdocs serve --dirty` on a copy of the repository, as `bash scripts/serve.sh` does (both
languages, or one with --lang, as `serve.sh --lang zh` does), then edits a sector's description in
data/sectors.yaml (in both languages, or the one previewed) and times from the write to the moment
the served sector page carries the edit: in Chinese, then in English. Prints one line per run and
the medians.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the logistics sector's description, in each language; a marker is appended to it
OLD = {"zh": "zh: 物流园区、港口物流、内河集装箱运输、物流信息平台和物流配送", "en": "en: Logistics parks, port logistics"}


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["zh", "en"])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="atlas-preview-"))
    for name in ("docs", "data", "hooks", "templates", "overrides", "mkdocs.yml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, work / name)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # the copy's own code (the project's environment finds hooks/ of the checkout it was made in)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(work / "hooks"))
    if args.lang:
        env["ATLAS_PREVIEW_LANG"] = args.lang
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command,
                              cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/sectors/logistics/"
    try:
        deadline = time.time() + 300
        while "现代物流" not in fetch(url) and "Modern logistics" not in fetch(url):
            if time.time() > deadline:
                raise SystemExit("mkdocs serve did not start")
            time.sleep(0.5)
        time.sleep(2)
        data = work / "data" / "sectors.yaml"
        text = data.read_text(encoding="utf-8")
        edited = [args.lang] if args.lang else ["zh", "en"]  # both: one edit to both texts
        for lang in edited:
            if OLD[lang] not in text:
                raise SystemExit(f"the sentence to edit is not in data/sectors.yaml: {OLD[lang]}")
        # both languages: the Chinese page, then its English twin
        urls = [url] if args.lang else [url, f"http://127.0.0.1:{port}/en/sectors/logistics/"]
        times, firsts = [], []
        for run in range(args.runs):
            marker = f"preview{run}edit"
            changed = text
            for lang in edited:
                changed = changed.replace(OLD[lang], OLD[lang] + marker)
            data.write_text(changed, encoding="utf-8")
            start = time.perf_counter()
            shown = []
            for page in urls:  # the default language is written first
                while marker not in fetch(page) and time.perf_counter() - start < 120:
                    time.sleep(0.05)
                shown.append(time.perf_counter() - start)
            firsts.append(shown[0])
            times.append(shown[-1])
            print(f"run {run + 1}: " + ", ".join(f"{u.split(str(port))[1]} {t:.2f} s" for u, t in zip(urls, shown)), flush=True)
            time.sleep(3)  # let the server settle before the next edit
        if args.lang:
            print(f"median: {statistics.median(times):.2f} s (one language: {args.lang})")
        else:
            print(f"median: {statistics.median(times):.2f} s for both languages ({statistics.median(firsts):.2f} s "
                  "for the Chinese page; the search index follows in the background)")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
