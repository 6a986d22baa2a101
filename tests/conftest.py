"""Shared fixtures: the project's own inputs, throwaway copies of them, and a browser."""

from __future__ import annotations

import faulthandler
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PROJECT_FILES = ("mkdocs.yml", "timeline.yaml")
PROJECT_DIRS = ("docs", "seeds", "schema", "overrides")


def copy_project(dest: Path) -> Path:
    """A copy of the site's inputs in ``dest``, to build or break without touching the repo."""
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, dest / name)
    for name in PROJECT_DIRS:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, dest / name)
    return dest


def mkdocs(
    project: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real ``mkdocs`` command line in ``project``."""
    full_env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": "1586217600",
        "NO_MKDOCS_2_WARNING": "1",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=project,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture
def watchdog(request: pytest.FixtureRequest) -> Iterator[None]:
    """A guard against hangs, not a speed test: a test still running after its module's
    ``HANG_SECONDS`` ends the run with every thread's traceback."""
    faulthandler.dump_traceback_later(request.module.HANG_SECONDS, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The real project built once with ``--strict``; tests read its HTML and exports."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = mkdocs(project, "build", "--strict", "--site-dir", "site")
    assert result.returncode == 0, result.stderr
    yield project / "site"


@contextmanager
def serving(project: Path, log_path: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``mkdocs serve`` as ``make serve`` runs it, on a free port, its output in
    ``log_path``: (process, site URL).

    The URL carries the path of ``site_url``, where serve mounts the site, as published.
    """
    from mkdocs.config import load_config

    from benchmarks.serve import SERVE, free_port

    port = free_port()
    mount = urllib.parse.urlsplit(load_config(str(project / "mkdocs.yml")).site_url or "/").path
    with log_path.open("w", encoding="utf-8") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", *SERVE, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1", "NO_MKDOCS_2_WARNING": "1"},
        )
        try:
            yield proc, f"http://127.0.0.1:{port}{mount}"
        finally:
            proc.terminate()
            proc.wait(timeout=30)


# Browser tests drive Debian's Chromium through Playwright. On a laptop without Chromium
# they skip; under CI (``CI=true``) a missing browser is a failure, never a skip.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _require_browser() -> None:
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"Chromium not found at {CHROMIUM}: browser tests never skip in CI")
    pytest.skip("Chromium is not installed (apt-get install chromium)")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def offline(context: Any) -> Any:
    """This machine has no internet: answer third-party requests (the repository
    badge asks GitHub for stars) with an empty response instead of a network error."""

    def route(request: Any) -> None:
        if request.request.url.startswith("http://127.0.0.1:"):
            request.continue_()
        else:
            request.fulfill(status=200, body="{}", content_type="application/json")

    context.route("**/*", route)
    return context


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = offline(browser.new_context(viewport={"width": 1280, "height": 900}))
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.console_errors = errors
    yield tab
    context.close()
