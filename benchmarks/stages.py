"""The generator's stages alone (no MkDocs), timed one by one in a fresh process.

``python -m benchmarks.stages PROJECT [--profile FILE]`` prints one JSON object.
Each size runs in its own process so peak memory (``VmHWM``) is that size's own.
The stages mirror :func:`generator.pipeline.load_corpus` and
:func:`generator.pipeline.site_files`, split where the timings are wanted.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from generator import export, render, timeline
from generator.cache import JsonCache
from generator.clean import clean_corpus
from generator.cores import all_cores
from generator.model import Corpus
from generator.pipeline import Inputs, build_date
from generator.read import read_dir

from .corpus import ROOT, site_url

STAGES = ("read", "clean", "validate", "render", "export")
T = TypeVar("T")


def _rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB.

    ``VmHWM`` rather than ``ru_maxrss``: Linux carries ``ru_maxrss`` over from the
    parent across fork and exec, so a child started by a big parent reports the
    parent's peak.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measure(project: Path) -> dict[str, Any]:
    """Seconds and peak resident memory after each stage, for the project in ``project``."""
    inputs = Inputs(
        articles=project / "seeds",
        timeline=project / "timeline.yaml",
        root=project,
        site_url=site_url(project),
    )
    result: dict[str, Any] = {"baseline_rss_mb": round(_rss_mb(), 1)}

    def timed(name: str, step: Callable[[], T]) -> T:
        start = time.perf_counter()
        value = step()
        result[name] = {"seconds": time.perf_counter() - start, "rss_mb": round(_rss_mb(), 1)}
        return value

    raws = timed("read", lambda: read_dir(inputs.articles, inputs.root))
    # As the pipeline cleans in `mkdocs build` and `generator build`: on every core.
    articles = timed("clean", lambda: clean_corpus(raws, workers=all_cores()))

    def validate() -> Corpus:
        tl, problems = timeline.check(inputs.timeline, articles, inputs.display(inputs.timeline))
        errors = [d for d in problems if d.severity == "error"]
        if errors:
            raise SystemExit("\n".join(str(d) for d in errors[:20]))
        return Corpus(tuple(timeline.apply_overrides(articles, tl)), tl)

    corpus = timed("validate", validate)
    options = render.Options(site_url=inputs.site_url, timeline_path="timeline.yaml")
    pages = timed("render", lambda: render.render_pages(corpus, options, workers=all_cores()))
    files = timed(
        "export",
        lambda: export.export_all(corpus, inputs.site_url, build_date(), workers=all_cores()),
    )
    result["total"] = {
        "seconds": sum(result[name]["seconds"] for name in STAGES),
        "rss_mb": round(_rss_mb(), 1),
    }
    # Cleaning again with the cache a previous build left: what a rebuild costs.
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "articles.json"
        first = JsonCache(store)
        clean_corpus(raws, first, workers=all_cores())
        first.save()
        warm = JsonCache(store)
        timed("clean_warm", lambda: clean_corpus(raws, warm))
    result["total_warm"] = {
        "seconds": result["total"]["seconds"]
        - result["clean"]["seconds"]
        + result["clean_warm"]["seconds"]
    }
    result["files"] = len(raws)
    result["articles"] = len(corpus.articles)
    result["events"] = len(corpus.events)
    result["pages"] = len(pages)
    result["markdown_mb"] = sum(len(t.encode()) for t in pages.values()) / 1e6
    result["exports_mb"] = sum(len(b) for b in files.values()) / 1e6
    return result


def run(project: Path, timeout: float, profile: Path | None = None) -> dict[str, Any]:
    """:func:`measure` in a subprocess; ``{"timed_out": seconds}`` if it runs too long."""
    command = [sys.executable, "-m", "benchmarks.stages", str(project)]
    if profile is not None:
        command += ["--profile", str(profile)]
    try:
        done = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return {"timed_out": timeout}
    if done.returncode != 0:
        return {"failed": (done.stderr or done.stdout).strip()[-2000:]}
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.stages")
    parser.add_argument("project", type=Path)
    parser.add_argument("--profile", type=Path, help="write cProfile statistics here")
    args = parser.parse_args(argv)
    if args.profile is None:
        print(json.dumps(measure(args.project)))
        return
    profiler = cProfile.Profile()
    result = profiler.runcall(measure, args.project)
    profiler.dump_stats(args.profile)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
