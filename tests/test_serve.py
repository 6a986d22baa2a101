"""`mkdocs serve`: edits to timeline.yaml reach the served site; a broken save never kills it."""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from benchmarks.serve import SERVE, fetch

from .conftest import ROOT, copy_project, serving

pytestmark = pytest.mark.slow


def wait_for(check: Callable[[], bool], seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    project = copy_project(tmp_path)
    with serving(project, tmp_path / "serve.log") as (proc, base):
        assert wait_for(lambda: "时间线" in fetch(base + "timeline/")), "server did not start"
        yield project, base, proc


def test_timeline_edit_broken_save_and_recovery(
    served: tuple[Path, str, subprocess.Popen[str]],
) -> None:
    project, base, proc = served
    timeline = project / "timeline.yaml"
    original = timeline.read_text(encoding="utf-8")

    edited = original.replace("title:", "title: 【已修改】", 1)
    timeline.write_text(edited, encoding="utf-8")
    assert wait_for(lambda: "【已修改】" in fetch(base + "timeline/"))

    timeline.write_text(edited.replace("events:", "events: [", 1), encoding="utf-8")
    assert wait_for(lambda: "输入有错误" in fetch(base + "timeline/"))
    page = fetch(base + "timeline/")
    assert "timeline.yaml:" in page and "error:" in page
    assert "【已修改】" in page  # the last good version stays readable
    assert proc.poll() is None

    timeline.write_text(original, encoding="utf-8")
    assert wait_for(
        lambda: (
            "输入有错误" not in fetch(base + "timeline/")
            and "【已修改】" not in fetch(base + "timeline/")
        )
    )
    assert proc.poll() is None
    log = (project / "serve.log").read_text(encoding="utf-8")
    assert "Traceback" not in log
    # The broken save neither cached its banner pages nor dropped the good entries:
    # the recovery reused nearly every page.
    reused = re.findall(r"timeline cache: \d+ article files and (\d+) pages reused", log)
    assert len(reused) >= 3 and int(reused[-1]) > 50, reused


def test_server_starts_on_a_broken_timeline_and_recovers(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    timeline = project / "timeline.yaml"
    original = timeline.read_text(encoding="utf-8")
    timeline.write_text(original.replace("events:", "events: [", 1), encoding="utf-8")
    with serving(project, tmp_path / "serve.log") as (proc, base):
        assert wait_for(lambda: "输入有错误" in fetch(base))
        assert "timeline.yaml:" in fetch(base) and proc.poll() is None
        # No good version yet: the banner says so, and every tab answers with it.
        assert "还没有可以显示的正确版本" in fetch(base)
        for tab in ("timeline/", "articles/", "tags/", "entities/"):
            assert "输入有错误" in fetch(base + tab), tab
        timeline.write_text(original, encoding="utf-8")
        assert wait_for(lambda: 'class="tl-event' in fetch(base + "timeline/"))
        assert "输入有错误" not in fetch(base)


def test_search_index_is_built_beside_the_preview(
    served: tuple[Path, str, subprocess.Popen[str]],
) -> None:
    """Under serve, Pagefind runs in the background after each build: the page reloads
    without waiting for it, and search works moments later."""
    project, base, proc = served
    assert wait_for(lambda: '"languages"' in fetch(base + "pagefind/pagefind-entry.json"))
    # A save starts a new run (stopping any run still going); the index comes back.
    timeline = project / "timeline.yaml"
    timeline.write_text(timeline.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert wait_for(lambda: '"languages"' in fetch(base + "pagefind/pagefind-entry.json"))
    assert proc.poll() is None
    # A finished run is reaped at once: once no Pagefind is running under the preview,
    # none is left as a zombie either.
    assert wait_for(lambda: all(state == "Z" for _, state in _children(proc.pid)))
    assert [name for name, state in _children(proc.pid) if state == "Z"] == []


def test_an_article_saved_is_seen_by_file_events_and_built_once(
    served: tuple[Path, str, subprocess.Popen[str]],
) -> None:
    """On a local Linux folder the server learns of a save from the system's file events
    (not by polling), and a build, which reads every article, starts no other."""
    project, base, proc = served
    seeds = project / "seeds"
    assert seeds.stat().st_ino in _inotify_inodes(proc.pid)
    (seeds / "watch-test.txt").write_text("保存测试\n\n这一段用来确认保存被看见了。\n", "utf-8")
    assert wait_for(lambda: "这一段用来确认保存被看见了" in fetch(base + "articles/watch-test/"))
    time.sleep(3)  # a build that started the next would have done so within a second
    log = (project / "serve.log").read_text(encoding="utf-8")
    assert log.count("Detected file changes") == 1, log[-2000:]
    assert proc.poll() is None


def _inotify_inodes(pid: int) -> set[int]:
    """The inodes the process watches with inotify (Linux lists them in fdinfo, in hex)."""
    found = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            if os.readlink(fd) != "anon_inode:inotify":
                continue
            info = (Path(f"/proc/{pid}/fdinfo") / fd.name).read_text()
        except OSError:  # closed meanwhile
            continue
        watched = re.findall(r"^inotify wd:\S+ ino:([0-9a-f]+)", info, re.M)
        found |= {int(ino, 16) for ino in watched}
    return found


def _children(pid: int) -> list[tuple[str, str]]:
    """(name, state) of ``pid``'s child processes; state ``Z``: ended, not reaped (Linux)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            children = (task / "children").read_text().split()
        except (FileNotFoundError, ProcessLookupError):  # the thread ended meanwhile
            continue
        for child in children:
            try:
                stat = Path(f"/proc/{child}/stat").read_text()
            except FileNotFoundError:  # reaped between the two reads
                continue
            name, rest = stat.split("(", 1)[1].rsplit(")", 1)
            found.append((name, rest.split()[0]))
    return found


def test_the_tests_and_the_benchmark_serve_the_way_make_serve_does() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^serve:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert recipe is not None
    assert f"$(BIN)/mkdocs {' '.join(SERVE)} --dev-addr" in recipe.group(1)
