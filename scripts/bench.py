#!/usr/bin/env python3
"""Benchmark the build at K times the real data, against plain MkDocs building the same Markdown.

Usage: python scripts/bench.py --scale 1 10 30 [--out benchmarks/] [--keep DIR]

For each K it makes a synthetic dataset (the real one plus K-1 renamed copies: new regions,
agencies, indicators and plans, valid against the real schema), builds the site in both languages
with our hooks, then builds the very Markdown our hooks produced as plain files in a plain
MkDocs + Material + i18n site with the same configuration. It records pages per language, wall and
CPU seconds, peak memory of the whole process tree, our own code's time by stage, Pagefind's time,
site size, the search bundle's size and what one search downloads (measured in Chromium), and
writes benchmarks/results.json and benchmarks/results.md. The baseline is given the same search
step: Pagefind over each language's articles.
"""

from __future__ import annotations

import argparse
import copy
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REGISTRIES = ("regions", "agencies", "sectors", "units", "indicators")


# -- synthetic data ----------------------------------------------------------------------------
def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def _suffix(text: dict | None, n: int) -> dict | None:
    if not text:
        return text
    out = dict(text)
    if out.get("zh"):
        out["zh"] = f"{out['zh']}（样本{n}）"
    if out.get("en"):
        out["en"] = f"{out['en']} (sample {n})"
    return out


def _remap_section(section: dict, aid: dict, iid: dict, pid: dict) -> None:
    """Point a copied section's tasks at the copied agencies, indicators and plans."""
    for task in section.get("tasks", []):
        task["lead"] = [aid[a] for a in task.get("lead", [])]
        task["participants"] = [aid[a] for a in task.get("participants", [])]
        for t in task.get("targets", []):
            t["indicator"] = iid[t["indicator"]]
            if t.get("replaced_by"):  # plan#target: the copy's own later plan
                plan, _, target = t["replaced_by"].partition("#")
                t["replaced_by"] = f"{pid.get(plan, plan)}#{target}"
    for child in section.get("sections", []):
        _remap_section(child, aid, iid, pid)


def make_dataset(k: int, target: Path) -> None:
    """The real data plus k-1 copies whose ids, names and regions carry a sample number."""
    shutil.copytree(ROOT / "data" / "sources", target / "sources")
    real = {name: _load(ROOT / "data" / f"{name}.yaml") for name in REGISTRIES}
    plans = {p.stem: _load(p) for p in sorted((ROOT / "data" / "plans").glob("*.yaml"))}
    out = {name: list(real[name]) for name in REGISTRIES}
    out_plans = dict(plans)
    city_regions = [r["id"] for r in real["regions"] if r["level"] != "province"]
    for n in range(1, k):
        rid = {r: f"{r}-s{n}" for r in city_regions}
        aid = {a["id"]: f"{a['id']}-s{n}" for a in real["agencies"]}
        iid = {i["id"]: f"{i['id']}-s{n}" for i in real["indicators"]}
        for r in real["regions"]:
            if r["id"] in rid:
                c = copy.deepcopy(r)
                c.update(id=rid[r["id"]], name=_suffix(r["name"], n), code=f"9{n:02d}{len(out['regions']) % 1000:03d}")
                c["parent"] = rid.get(r.get("parent"), r.get("parent"))
                out["regions"].append(c)
        for a in real["agencies"]:
            c = copy.deepcopy(a)
            c.update(id=aid[a["id"]], name=_suffix(a["name"], n), region=rid.get(a["region"], a["region"]))
            if a.get("parent"):
                c["parent"] = aid[a["parent"]]
            out["agencies"].append(c)
        for i in real["indicators"]:
            c = copy.deepcopy(i)
            c.update(id=iid[i["id"]], name=_suffix(i["name"], n), region=rid.get(i["region"], i["region"]))
            out["indicators"].append(c)
        plan_ids = {p: f"{p}-s{n}" for p in plans}
        for pid, plan in plans.items():
            new_id = plan_ids[pid]
            c = copy.deepcopy(plan)
            c.update(id=new_id, title=_suffix(plan["title"], n), region=rid.get(plan["region"], plan["region"]))
            if plan.get("issuer"):
                c["issuer"] = aid[plan["issuer"]]
            for note in c.get("notes", []):
                note["about"] = [new_id if a == pid else a for a in note.get("about", [])]
            for relation in c.get("relations", []):  # supersedes, cites, reports on: the copies
                relation["target"] = plan_ids.get(relation["target"], relation["target"])
            for section in c["sections"]:
                _remap_section(section, aid, iid, plan_ids)
            for o in c.get("observations", []):
                o["indicator"] = iid[o["indicator"]]
            out_plans[new_id] = c
    for name in REGISTRIES:
        _dump(target / f"{name}.yaml", out[name])
    for pid, plan in out_plans.items():
        _dump(target / "plans" / f"{pid}.yaml", plan)


# -- builds --------------------------------------------------------------------------------------
def _tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants (MkDocs and the Pagefind it starts)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry.name))
            rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo += children.get(current, [])
    return total / 2**20


def _timed_run(cmd: list[str], env: dict, cwd: Path) -> dict:
    """Run ``cmd``: wall and CPU seconds, and peak memory of the whole process tree (sampled)."""
    start = time.perf_counter()
    before = os.times()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0.0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss_mb(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    after = os.times()
    if proc.returncode != 0:
        raise SystemExit(f"build failed: {' '.join(cmd)}\n{stdout[-3000:]}\n{stderr[-3000:]}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "peak_mb": round(peak[0])}


def _dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _site_stats(site: Path) -> dict:
    pages = [p for p in site.rglob("index.html") if "pagefind" not in p.parts]
    per_lang = sum(1 for p in pages if not p.relative_to(site).as_posix().startswith("en/"))
    bundles = [b for b in (site / "pagefind", site / "en" / "pagefind") if b.is_dir()]
    sized = sorted((len(gzip.compress(p.read_bytes(), 6)), p.relative_to(site).parent.as_posix()) for p in pages)
    html = [size for size, _ in sized]
    return {"pages_per_language": per_lang, "site_mb": round(_dir_size(site) / 1e6, 1),
            "search_bundle_mb": round(sum(_dir_size(b) for b in bundles) / 1e6, 1),
            "median_page_gz_kb": round(html[len(html) // 2] / 1024, 1),
            "largest_page_gz_kb": round(html[-1] / 1024, 1), "largest_page": sized[-1][1] + "/"}


# a two-character word, a three-character one (two pairs), a long name (five pairs), an English word
SEARCHES = (("zh 物流", "search/?q=物流"), ("zh 房地产", "search/?q=房地产"),
            ("zh 市发展改革委", "search/?q=市发展改革委"), ("en logistics", "en/search/?q=logistics"))


def search_download(site: Path) -> dict:
    """What one search downloads: every response a results page fetches from Pagefind's bundle,
    and the page's search interface (atlas-search.js), in KB (gzipped size for files a web server
    would compress; Pagefind's own chunks are already compressed)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {}
    from atlas.site.local_site import CHROMIUM, CHROMIUM_ARGS, serve
    out = {}
    server, base = serve(site)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path in SEARCHES:
            page = browser.new_page()
            sizes = {}

            def seen(response, sizes=sizes):
                if response.status == 200 and ("/pagefind/" in response.url or "/atlas-search.js" in response.url):
                    body = response.body()
                    packed = body if response.url.endswith(("pagefind", "pf_index", "pf_fragment",
                                                            "pf_meta", "pf_filter")) else gzip.compress(body, 6)
                    sizes[response.url] = len(packed)
            page.on("response", seen)
            page.goto(base + path)
            page.locator(".atlas-search__message").filter(has_text=re.compile(r"\d")).wait_for(timeout=60000)
            page.wait_for_function("!document.querySelector('.atlas-search__loading')", timeout=60000)
            out[name] = round(sum(sizes.values()) / 1024, 1)
            page.close()
        browser.close()
    server.shutdown()
    return out


def _baseline_config(docs: Path, work: Path) -> Path:
    """Our mkdocs.yml without our hooks, reading the dumped Markdown as plain files."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: docs", f"docs_dir: {docs}")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    text = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", text)
    text = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", text)
    config = work / "baseline.yml"
    config.write_text(text, encoding="utf-8")
    return config


PAGEFIND_STAGE = "search index (Pagefind)"  # timed by the hook, but Pagefind's time, not our code's
BASELINE_INDEX = ("import sys; from pathlib import Path; "
                  "from atlas.site.site_search import build_index; "
                  "build_index(Path(sys.argv[1]), 'zh', ['en'], root_selector='article.md-content__inner')")


def bench(k: int, keep: Path | None) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"atlas-bench-{k}-"))
    try:
        data = work / "data"
        t0 = time.perf_counter()
        make_dataset(k, data)
        generate_s = time.perf_counter() - t0
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", ATLAS_DATA_DIR=str(data),
                   ATLAS_TIMINGS=str(work / "timings.json"), ATLAS_DUMP_MARKDOWN=str(work / "plain"))
        ours = _timed_run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(work / "site")], env, ROOT)
        timings = json.loads((work / "timings.json").read_text())
        ours.update(_site_stats(work / "site"))
        # the same site in parts on every core, merged (scripts/build.py)
        parts_env = {k: v for k, v in env.items() if k not in ("ATLAS_TIMINGS", "ATLAS_DUMP_MARKDOWN")}
        parts = _timed_run([sys.executable, str(ROOT / "scripts" / "build.py"), "--out", str(work / "parts-site")],
                           parts_env, ROOT)
        ours["parts_wall_s"], ours["parts_peak_mb"] = parts["wall_s"], parts["peak_mb"]
        shutil.rmtree(work / "parts-site", ignore_errors=True)
        # the baseline: the same Markdown as plain files, with the hand-written pages and assets
        plain = work / "plain"
        for path in (ROOT / "docs").rglob("*"):
            if path.is_file():
                target = plain / path.relative_to(ROOT / "docs")
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, target)
        base_env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        baseline = _timed_run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                               str(_baseline_config(plain, work)), "-d", str(work / "plain-site")],
                              base_env, ROOT)
        # a plain site gets its search the same way: Pagefind over each language's articles
        index = _timed_run([sys.executable, "-c", BASELINE_INDEX, str(work / "plain-site")], base_env, ROOT)
        baseline["mkdocs_wall_s"] = baseline["wall_s"]
        baseline["pagefind_wall_s"] = index["wall_s"]
        baseline["wall_s"] = round(baseline["wall_s"] + index["wall_s"], 2)
        baseline["cpu_s"] = round(baseline["cpu_s"] + index["cpu_s"], 2)
        baseline["peak_mb"] = max(baseline["peak_mb"], index["peak_mb"])
        baseline.update(_site_stats(work / "plain-site"))
        ours["search_download_kb"] = search_download(work / "site")
        pagefind = timings.pop(PAGEFIND_STAGE, 0.0)
        own = sum(timings.values())
        return {"k": k, "generate_s": round(generate_s, 2), "ours": ours, "baseline": baseline,
                "own_code_s": {name: round(v, 3) for name, v in timings.items()},
                "own_code_total_s": round(own, 2), "pagefind_s": round(pagefind, 2),
                "own_share_of_build": round(own / ours["wall_s"], 3),
                "ratio_to_baseline": round(ours["wall_s"] / baseline["wall_s"], 3)}
    finally:
        if keep:
            shutil.copytree(work, keep / f"k{k}", dirs_exist_ok=True)
        shutil.rmtree(work, ignore_errors=True)


def combine(runs: list[dict]) -> dict:
    """One result from repeated runs: the median of every timing, and the runs' ratios."""
    if len(runs) == 1:
        return runs[0]
    median = statistics.median
    out = copy.deepcopy(runs[len(runs) // 2])
    for side in ("ours", "baseline"):
        for key in ("wall_s", "cpu_s", "mkdocs_wall_s", "pagefind_wall_s", "parts_wall_s"):
            if key in out[side]:
                out[side][key] = round(median(r[side][key] for r in runs), 2)
    out["own_code_s"] = {name: round(median(r["own_code_s"][name] for r in runs), 3) for name in out["own_code_s"]}
    out["own_code_total_s"] = round(median(r["own_code_total_s"] for r in runs), 2)
    out["pagefind_s"] = round(median(r["pagefind_s"] for r in runs), 2)
    out["ratios_of_runs"] = [r["ratio_to_baseline"] for r in runs]
    out["ratio_to_baseline"] = round(median(out["ratios_of_runs"]), 3)
    out["own_share_of_build"] = round(out["own_code_total_s"] / out["ours"]["wall_s"], 3)
    return out


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), "0")
    return f"{os.cpu_count()} cores ({cpu}), {int(mem) // 1024 // 1024} GiB, Python {platform.python_version()}"


def table(results: list[dict]) -> str:
    lines = ["| K | pages/lang | ours wall s | ours CPU s | peak MB (tree) | in parts (build.py) wall s / peak MB | own code s (share) | Pagefind s | "
             "baseline wall s (MkDocs + Pagefind) | baseline peak MB | ratio | site MB | search bundle MB | "
             "one search downloads KB (zh 物流 / 房地产 / 市发展改革委 / en logistics) | median / largest page KB gz |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        o, b = r["ours"], r["baseline"]
        dl = o.get("search_download_kb", {})
        lines.append(f"| {r['k']} | {o['pages_per_language']} | {o['wall_s']} | {o['cpu_s']} | {o['peak_mb']} | "
                     f"{o.get('parts_wall_s', '—')} / {o.get('parts_peak_mb', '—')} | "
                     f"{r['own_code_total_s']} ({r['own_share_of_build']:.0%}) | {r.get('pagefind_s', '—')} | "
                     f"{b['wall_s']} ({b.get('mkdocs_wall_s', '—')} + {b.get('pagefind_wall_s', '—')}) | "
                     f"{b['peak_mb']} | {r['ratio_to_baseline']} | {o['site_mb']} | {o.get('search_bundle_mb', '—')} | "
                     f"{' / '.join(str(v) for v in dl.values()) or '—'} | "
                     f"{o['median_page_gz_kb']} / {o['largest_page_gz_kb']} ({o.get('largest_page', '?')}) |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, nargs="+", default=[1])
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks")
    parser.add_argument("--keep", type=Path, help="keep the generated data and sites here")
    parser.add_argument("--repeat", type=int, default=1,
                        help="build each K this many times, ours and the baseline in turn, and keep medians")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    results_file = args.out / "results.json"
    results = json.loads(results_file.read_text()) if results_file.exists() else {"runs": []}
    for k in args.scale:
        print(f"K={k} …", flush=True)
        run = combine([bench(k, args.keep) for _ in range(args.repeat)])
        run["machine"] = machine()
        run["date"] = time.strftime("%Y-%m-%d")
        results["runs"] = [r for r in results["runs"] if r["k"] != k] + [run]
        results["runs"].sort(key=lambda r: r["k"])
        results_file.write_text(json.dumps(results, indent=1), encoding="utf-8")
        print(table([run]), flush=True)
    (args.out / "results.md").write_text(
        f"# Build benchmark\n\nMachine: {machine()}\n\n{table(results['runs'])}\n", encoding="utf-8")
    print(f"wrote {results_file} and {args.out / 'results.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
