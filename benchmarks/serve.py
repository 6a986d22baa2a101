"""The curator's loop: from saving a file to seeing the change under ``mkdocs serve``.

The project is copied to a scratch folder and served on 127.0.0.1 at a free port.
Each edit writes a fresh marker into one input and polls the page that shows it
every 100 ms (bounded). Before each edit we wait until the server is quiet (every
rebuild it started has finished, Pagefind included), so edits do not overlap.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .builds import build_env
from .corpus import site_url

POLL = 0.1
# What ``make serve`` runs (tests/test_serve.py checks the Makefile says the same):
# with ``--dirty`` MkDocs keeps the site folder and the timeline plugin says which
# pages a save left unchanged (generator/unchanged.py).
SERVE = ("serve", "--dirty")
# A rebuild begins and ends with these lines of MkDocs' server. Not "Documentation built
# in N seconds": MkDocs never says a message twice, so a save that took as long as an
# earlier one had no line, and the wait for a quiet server ran into its timeout.
_STARTED = "Detected file changes"
_BUILT = "Reloading browsers"
_FAILED = "An error happened during the rebuild"
QUIET = 2.0  # seconds without a new build before the next edit
START_TIMEOUT = 600.0  # seconds a server may take to build before it serves
# An idle server's own CPU time is counted over IDLE seconds, SETTLE seconds after its
# last build: the search index of that build is still being made in the background then.
SETTLE, IDLE = 10.0, 10.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(check: Callable[[], bool], seconds: float) -> float | None:
    """Seconds until ``check()`` holds, polling every 100 ms; ``None`` if it never did."""
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if check():
            return time.perf_counter() - start
        time.sleep(POLL)
    return None


Edit = Callable[[Path, str], str]  # (project, marker) -> page path that shows the marker


def edit_plain(project: Path, marker: str) -> str:
    page = project / "docs" / "about.md"
    text = re.sub(r"\n\n编辑标记\S*\n$", "\n", page.read_text(encoding="utf-8"))
    page.write_text(text + f"\n\n编辑标记{marker}\n", encoding="utf-8")
    return "about/"


def edit_timeline(project: Path, marker: str) -> str:
    path = project / "timeline.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(
        r"^(  title: [^\n]*?)(（标记\d+）)?$", rf"\1（标记{marker}）", text, count=1, flags=re.M
    )
    path.write_text(text, encoding="utf-8")
    return "events/ev-00001/"


def edit_article(project: Path, marker: str) -> str:
    """Adds a paragraph after the headline of a magazine-style article (one per line)."""
    path = next(iter(sorted((project / "seeds").glob("*_magazine.txt"))))
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines[1].startswith("编者补记"):
        del lines[1]
    lines.insert(1, f"编者补记{marker}，这一段是编者新加的。")
    path.write_text("\n".join(lines), encoding="utf-8")
    return f"articles/{path.stem}/"


EDITS: tuple[tuple[str, Edit], ...] = (
    ("plain", edit_plain),
    ("timeline", edit_timeline),
    ("article", edit_article),
)


def curator_loop(
    project: Path, work: Path, repeats: int = 3, timeout: float = 120
) -> dict[str, Any]:
    """Median seconds from save to visible, per kind of edit. The server starts without
    the plugin's cache (a curator's first ``make serve``); once stopped with Ctrl-C, which
    writes the cache, it is started again, as the next day's ``make serve``."""
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(project, work, ignore=lambda folder, _: _cache_in(project, folder))
    result: dict[str, Any] = {}
    # Both starts on one port, as ``make serve`` always is: the server's address is the
    # site's address in its pages, and a page kept from the last start is found by them.
    port = free_port()
    with _server(work, work / "serve.log", port) as (base, pid):
        started = _up(base)
        if started is None:
            return {"failed": f"mkdocs serve did not come up within {START_TIMEOUT:.0f} s"}
        result["first_build_s"] = started
        for kind, edit in EDITS:
            times = [
                _one_edit(work, base, edit, work / "serve.log", timeout) for _ in range(repeats)
            ]
            seen = [t for t in times if t is not None]
            result[kind] = {
                "runs": times,
                "median_s": statistics.median(seen) if len(seen) == len(times) else None,
            }
        _wait_quiet(work / "serve.log", timeout)
        result["idle_core_percent"] = _idle_percent(pid)
    with _server(work, work / "serve-again.log", port) as (base, _):
        result["warm_start_s"] = _up(base)
    result["timeout_s"] = timeout
    return result


def _up(base: str) -> float | None:
    """Seconds until the server at ``base`` shows the timeline (its first build done)."""
    return wait_for(lambda: "时间线" in fetch(base + "timeline/"), START_TIMEOUT)


def _idle_percent(pid: int) -> float | None:
    """The share of one core the server at ``pid`` uses while nothing changes: what
    watching the inputs costs a curator who leaves ``make serve`` running."""
    time.sleep(SETTLE)
    start, before = time.perf_counter(), _cpu_seconds(pid)
    time.sleep(IDLE)
    after = _cpu_seconds(pid)
    if before is None or after is None:
        return None
    return 100 * (after - before) / (time.perf_counter() - start)


def _cpu_seconds(pid: int) -> float | None:
    """User and system time of the process so far (``/proc/PID/stat``, Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _cache_in(project: Path, folder: str) -> list[str]:
    """What not to copy: the cache the bench's builds left in the project."""
    return [".cache"] if Path(folder) == project else []


@contextlib.contextmanager
def _server(work: Path, log_path: Path, port: int) -> Iterator[tuple[str, int]]:
    """``make serve``'s command in ``work`` on ``port``, logging to ``log_path``; yields its
    address and process id.
    Stopped as a curator stops it (Ctrl-C: the plugin writes its cache then)."""
    mount = urllib.parse.urlsplit(site_url(work) or "/").path
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", *SERVE, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=work,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**build_env(), "PYTHONUNBUFFERED": "1"},
        )
        try:
            yield f"http://127.0.0.1:{port}{mount}", proc.pid
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=120)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _one_edit(work: Path, base: str, edit: Edit, log_path: Path, timeout: float) -> float | None:
    _wait_quiet(log_path, timeout)
    marker = f"{time.time_ns() % 10**9:09d}"
    page = edit(work, marker)
    return wait_for(lambda: marker in fetch(base + page), timeout)


def _wait_quiet(log_path: Path, timeout: float) -> None:
    """Until every rebuild the server started has finished, and none started for a while."""
    last = ""
    calm = time.perf_counter()
    deadline = calm + timeout
    while time.perf_counter() < deadline:
        log = log_path.read_text(errors="replace")
        started, ended = log.count(_STARTED), log.count(_BUILT) + log.count(_FAILED)
        state = f"{started}:{ended}"
        if state != last:
            last, calm = state, time.perf_counter()
        elif started == ended and time.perf_counter() - calm >= QUIET:
            return
        time.sleep(POLL)
