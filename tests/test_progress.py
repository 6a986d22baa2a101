"""A long build says how far it is now and then; a short one says nothing more."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.progress import PROGRESS_SECONDS, Progress

from .conftest import ROOT, copy_project


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_line_after_each_stretch_of_silence_with_the_time_since_the_build_began(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.timeline")
    clock = Clock()
    progress = Progress(clock)
    clock.now = 100.0
    progress.begin()
    progress.steps("converted", 3)
    for clock.now in (101.0, 102.0, 103.0):
        progress.page()
    assert caplog.messages == []  # a short stretch: nothing to say
    progress.steps("written", 4)
    for clock.now in (110.0, 100.0 + PROGRESS_SECONDS, 125.0, 100.0 + 2 * PROGRESS_SECONDS):
        progress.page()
    seconds = f"{PROGRESS_SECONDS:.0f}", f"{2 * PROGRESS_SECONDS:.0f}"
    assert caplog.messages == [
        f"timeline: 2 of 4 pages written ({seconds[0]} s since the build began)",
        f"timeline: 4 of 4 pages written ({seconds[1]} s since the build began)",
    ]
    caplog.clear()
    clock.now = 500.0
    progress.begin()  # the next build (a save) starts its own clock
    progress.steps("converted", 12_345)
    clock.now = 500.0 + PROGRESS_SECONDS - 0.5
    progress.page()
    assert caplog.messages == []
    clock.now = 500.0 + PROGRESS_SECONDS
    progress.page()
    assert caplog.messages == [
        f"timeline: 2 of 12,345 pages converted ({seconds[0]} s since the build began)"
    ]


# ``mkdocs build`` with every page reported (no silence is short enough to keep).
BUILD = """
import sys
import generator.progress
generator.progress.PROGRESS_SECONDS = 0.0
from mkdocs.__main__ import cli
cli(["build", "--site-dir", sys.argv[1]])
"""


@pytest.mark.slow
def test_the_build_counts_every_page_it_converts_and_writes(tmp_path: Path) -> None:
    assert len(os.sched_getaffinity(0)) >= 2, "this test needs a machine with two cores"
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1586217600", "NO_MKDOCS_2_WARNING": "1"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-c", BUILD, str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    pages = len(list(site.rglob("index.html")))
    assert counted(done.stderr, "pages converted") == pages
    assert counted(done.stderr, "pages written") == pages
    # The generated pages, on the workers first (counted as each comes back).
    assert counted(done.stderr, "pages converted ahead") > 64
    assert counted(done.stderr, "pages put through the theme ahead") > 64


def counted(log: str, what: str) -> int:
    """The total of the lines ``N of TOTAL what``, which count 1, 2, ... up to it."""
    said = re.findall(rf"timeline: ([\d,]+) of ([\d,]+) {what} \(", log)
    counts = [int(n.replace(",", "")) for n, _ in said]
    totals = {int(total.replace(",", "")) for _, total in said}
    assert len(totals) == 1 and counts == list(range(1, max(totals) + 1)), (what, counts[:5])
    return totals.pop()
