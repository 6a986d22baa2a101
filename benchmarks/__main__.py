"""``python -m benchmarks``: corpora, stage timings, builds, first search, curator's loop,
and readers' queries on the seeds' site.

Progress goes to stderr; the table goes to stdout at the end, and every number to
``.cache/bench/results.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from . import builds, cleaning, gold, report, search_queries, stages, targets
from .corpus import CACHE, write_project

SEARCH_WORD = "复工复产"
Build = Callable[[], dict[str, Any]]  # one whole build: its seconds and what it wrote


def _sizes(text: str) -> list[int]:
    return sorted({int(part.replace(",", "").replace("_", "")) for part in text.split(",") if part})


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--sizes", default="100,1000,10000", help="articles, for the stages")
    parser.add_argument(
        "--build-sizes", default="100,1000", help="articles, for whole MkDocs builds"
    )
    parser.add_argument("--quick", action="store_true", help="stages at 100 and 1,000 only")
    parser.add_argument(
        "--page-size-at",
        type=int,
        default=10000,
        help="articles of the one cold build that measures the largest page (0: none)",
    )
    parser.add_argument("--skip-mkdocs", action="store_true", help="no builds (nor search, serve)")
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument(
        "--skip-search-queries",
        action="store_true",
        help="no readers' queries on the seeds' site (python -m benchmarks.search_queries)",
    )
    parser.add_argument("--stage-timeout", type=float, default=300, help="seconds per size")
    parser.add_argument("--serve-repeats", type=int, default=3)
    parser.add_argument(
        "--build-repeats",
        type=int,
        default=3,
        help="report the best of N (the cold builds taking turns)",
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the largest build")
    parser.add_argument(
        "--no-jieba-baseline",
        dest="jieba_baseline",
        action="store_false",
        help="skip plain Material with jieba (built from a throwaway venv in .cache/bench)",
    )
    parser.add_argument("--word", default=SEARCH_WORD, help="the first search's query")
    args = parser.parse_args(argv)
    args.stage_sizes = [n for n in _sizes(args.sizes) if not args.quick or n <= 1000]
    args.build_sizes = [] if args.skip_mkdocs else _sizes(args.build_sizes)
    if args.skip_mkdocs or args.quick:
        args.page_size_at = 0
    return args


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    started = time.perf_counter()
    say("cleaning accuracy on the gold fixtures")
    accuracy = cleaning.evaluate(gold.all_gold([]))
    results: dict[str, Any] = {
        "cleaning": cleaning.as_json(accuracy),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_at_start": os.getloadavg()[0],
        },
        "corpora": {},
        "stages": {},
        "builds": {},
    }
    projects = {}
    for size in sorted({*args.stage_sizes, *args.build_sizes, args.page_size_at} - {0}):
        say(f"corpus of {size:,} articles")
        project = write_project(CACHE / str(size), size)
        projects[size] = project.root
        results["corpora"][str(size)] = {
            "files": project.articles,
            "articles": project.cleaned,
            "events": project.events,
        }
    for size in args.stage_sizes:
        say(f"stages at {size:,} (timeout {args.stage_timeout:.0f} s)")
        results["stages"][str(size)] = stages.run(projects[size], args.stage_timeout)
    if args.profile and 1000 in projects:
        say("stages at 1,000 under cProfile")
        stages.run(projects[1000], args.stage_timeout * 3, CACHE / "stages-1000.prof")
        results["profile_stages"] = report.top_functions(
            str(CACHE / "stages-1000.prof"), 25, own=True
        )
    if args.build_sizes:
        run_builds(args, projects, results)
    if args.page_size_at:
        size = args.page_size_at
        say(f"mkdocs build, ours, {size:,} articles, cold: the largest generated page")
        results["page_size"] = cold_build(projects[size], CACHE / "sites" / f"{size}-ours")
        results["page_size"]["size"] = size
    if not (args.skip_search_queries or args.skip_browser or args.skip_mkdocs):
        run_search_queries(results)
    results["seconds"] = time.perf_counter() - started
    results["machine"]["load_at_end"] = os.getloadavg()[0]
    (CACHE / "results.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print("Cleaning accuracy (tests/fixtures/gold, see python -m benchmarks.cleaning -v):")
    print(cleaning.table(accuracy))
    print()
    print(report.table(results))
    print()
    print(targets.table(results))
    queries = results.get("search_queries")
    if queries:
        print("\nReaders' queries on the seeds' site (python -m benchmarks.search_queries -v):")
        print(queries.get("failed") or search_queries.table(queries))
    print(notes(results))
    return 0


def run_search_queries(results: dict[str, Any]) -> None:
    say("readers' queries in Chromium on the seeds' site, in both scripts")
    try:
        results["search_queries"] = search_queries.measure()
    except Exception as err:  # a missing browser must not lose the other numbers
        results["search_queries"] = {"failed": f"{type(err).__name__}: {err}"}


def run_builds(
    args: argparse.Namespace, projects: dict[int, Path], results: dict[str, Any]
) -> None:
    results["jieba"] = {"project_venv": builds.has_jieba(), "baseline": None}
    jieba = None
    if args.jieba_baseline:
        say("throwaway venv with jieba in .cache/bench/jieba-venv")
        try:
            jieba = builds.jieba_python(CACHE / "jieba-venv")
            results["jieba"]["baseline"] = "plain Material + jieba from .cache/bench/jieba-venv"
        except (OSError, subprocess.SubprocessError) as err:  # offline: keep the other numbers
            say(f"no jieba baseline: {err}")
    sites = CACHE / "sites"
    for size in args.build_sizes:
        plain = builds.plain_project(projects[size], CACHE / f"plain-{size}")
        entry: dict[str, Any] = {}
        turns: dict[str, Build] = {"plain": partial(builds.build, plain, sites / f"{size}-plain")}
        if jieba is not None:
            site = sites / f"{size}-plain-jieba"
            turns["plain_jieba"] = partial(builds.build, plain, site, jieba)
        turns["ours"] = partial(cold_build, projects[size], sites / f"{size}-ours")
        say(f"mkdocs build, {size:,} articles, in turn: {', '.join(turns)} (ours cold)")
        entry.update(in_turn(args.build_repeats, turns))
        say(f"mkdocs build, ours, {size:,} articles, warm (cache of the previous build)")
        warm = partial(builds.build, projects[size], sites / f"{size}-warm")
        entry.update(in_turn(args.build_repeats, {"ours_warm": warm}))
        entry["warm_identical"] = builds.same_tree(sites / f"{size}-ours", sites / f"{size}-warm")
        results["builds"][str(size)] = entry
    largest = args.build_sizes[-1]
    results["site_size"] = largest
    if args.profile:
        say(f"mkdocs build, ours, {largest:,} articles, under cProfile")
        prof = CACHE / f"build-{largest}.prof"
        builds.build(projects[largest], sites / f"{largest}-profiled", profile=prof)
        results["profile_build"] = report.top_functions(str(prof), 10)
        results["profile_build_own"] = report.top_functions(str(prof), 15, own=True)
    if not args.skip_browser and results["builds"][str(largest)]["ours"]["ok"]:
        from .browser import first_search

        say(f"first search in Chromium on the {largest:,}-article site")
        try:
            results["search"] = first_search(sites / f"{largest}-ours", args.word)
        except Exception as err:  # a missing browser must not lose the other numbers
            results["search"] = {"failed": f"{type(err).__name__}: {err}"}
    if not args.skip_serve:
        from .serve import curator_loop

        say(f"mkdocs serve on {largest:,} articles: {args.serve_repeats} edits of each kind")
        results["serve"] = curator_loop(
            projects[largest], CACHE / f"serve-{largest}", args.serve_repeats
        )


def cold_build(project: Path, site: Path) -> dict[str, Any]:
    """Our build with no cache from an earlier one."""
    shutil.rmtree(project / builds.PLUGIN_CACHE, ignore_errors=True)
    return builds.build(project, site)


def in_turn(repeats: int, turns: dict[str, Build]) -> dict[str, dict[str, Any]]:
    """The best of ``repeats`` runs of each build, the builds taking turns: a machine's
    speed drifts over minutes (the same plain Material build took 24.5 s in one run of
    the bench and 34.6 s in another), so a ratio of builds made minutes apart measured
    the drift as much as the builds."""
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in turns}
    for _ in range(max(1, repeats)):
        for name, build in turns.items():
            runs[name].append(build())
    best = {}
    for name, made in runs.items():
        best[name] = min(made, key=lambda r: (not r["ok"], r["seconds"]))
        best[name]["all_seconds"] = [r["seconds"] for r in made]
    return best


def notes(results: dict[str, Any]) -> str:
    lines = [""]
    for size, corpus in results["corpora"].items():
        lines.append(
            f"corpus {int(size):,}: {corpus['files']:,} files -> {corpus['articles']:,} cleaned "
            f"articles, {corpus['events']:,} events"
        )
    jieba = results.get("jieba")
    if jieba:
        lines.append(
            f"jieba in the project venv: {'yes' if jieba['project_venv'] else 'no'}; "
            f"jieba baseline: {jieba['baseline'] or 'not built (--no-jieba-baseline)'}"
        )
        repeats = max(len(b["ours"].get("all_seconds", [])) for b in results["builds"].values())
        lines.append(
            f"builds: wall time, best of {repeats} (the cold builds taking turns), "
            "each in its own process"
        )
    if results.get("search") and "word" in results["search"]:
        search = results["search"]
        lines.append(
            f"first search: query “{search['word']}”, {search.get('results_shown', 0)} results "
            f"shown; KB by kind: {search.get('pagefind_by_kind_kb', {})}"
        )
    for key, title in (
        ("profile_stages", "stages at 1,000, top self time"),
        ("profile_build", "our build, top cumulative"),
        ("profile_build_own", "our build, top self time"),
    ):
        if key in results:
            lines += [f"cProfile, {title}:", *(f"  {line}" for line in results[key])]
    machine = results["machine"]
    lines.append(
        f"machine: {machine['cpus']} CPUs, 1-min load average {machine['load_at_start']:.1f} at "
        f"start and {machine['load_at_end']:.1f} at end (other work on the machine inflates "
        f"timings); whole run {results['seconds']:.0f} s"
    )
    lines.append(f"results: {CACHE / 'results.json'}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
