"""Shared fixtures: the project's own inputs, and throwaway copies of them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The real project built once with ``--strict``; tests read its HTML and exports."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = mkdocs(project, "build", "--strict", "--site-dir", "site")
    assert result.returncode == 0, result.stderr
    yield project / "site"


@contextmanager
def serving(project: Path, log_path: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``mkdocs serve`` on a free port, its output in ``log_path``: (process, site URL).

    The URL carries the path of ``site_url``, where serve mounts the site, as published.
    """
    from mkdocs.config import load_config

    from benchmarks.serve import free_port

    port = free_port()
    mount = urllib.parse.urlsplit(load_config(str(project / "mkdocs.yml")).site_url or "/").path
    with log_path.open("w", encoding="utf-8") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
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
