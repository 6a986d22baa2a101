"""Under ``mkdocs serve`` the timeline file is polled more often than the folders,
with MkDocs' own server and watchdog's own observer, and a save is still seen."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mkdocs.livereload import LiveReloadServer

from generator.serve_watch import FILE_POLL_SECONDS, watch_file_often


@contextlib.contextmanager
def server_in(root: Path) -> Iterator[LiveReloadServer]:
    # Never bound nor started: only its observer is looked at.
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(root))
    try:
        yield server
    finally:
        server.server_close()


def intervals(server: LiveReloadServer) -> dict[str, float]:
    """What each watch was asked for (a file's watch looks at its folder) -> seconds."""
    return {Path(e.watch.raw_path).name: e.timeout for e in server.observer.emitters}


def test_only_the_timeline_file_is_polled_often(tmp_path: Path) -> None:
    for folder in ("docs", "seeds"):
        (tmp_path / folder).mkdir()
    timeline = tmp_path / "timeline.yaml"
    timeline.write_text("[]\n", encoding="utf-8")
    with server_in(tmp_path) as server:
        watched_in_order(server, tmp_path, timeline)


def watched_in_order(server: LiveReloadServer, tmp_path: Path, timeline: Path) -> None:
    mkdocs_pace = server.observer.timeout
    assert mkdocs_pace > FILE_POLL_SECONDS  # otherwise there is nothing to test
    server.watch(str(tmp_path / "docs"))
    watch_file_often(server, timeline)
    server.watch(str(tmp_path / "seeds"))  # a watch made afterwards keeps MkDocs' pace
    assert intervals(server) == {
        "docs": mkdocs_pace,
        "timeline.yaml": FILE_POLL_SECONDS,
        "seeds": mkdocs_pace,
    }
    assert server.observer.timeout == mkdocs_pace


def test_a_save_of_the_timeline_asks_for_a_build(tmp_path: Path) -> None:
    timeline = tmp_path / "timeline.yaml"
    timeline.write_text("[]\n", encoding="utf-8")
    with server_in(tmp_path) as server:
        saved(server, timeline)


def saved(server: LiveReloadServer, timeline: Path) -> None:
    watch_file_often(server, timeline)
    server.observer.start()
    try:
        time.sleep(3 * FILE_POLL_SECONDS)  # the first look, before the save
        assert not server._want_rebuild
        timeline.write_text("- id: a\n", encoding="utf-8")
        deadline = time.monotonic() + 10
        while not server._want_rebuild and time.monotonic() < deadline:
            time.sleep(0.02)
        assert server._want_rebuild
    finally:
        server.observer.stop()
        server.observer.join()


class Observer:
    """An observer that says nothing of its interval."""


class Server:
    def __init__(self) -> None:
        self.observer = Observer()
        self.watched: list[Any] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


def test_a_server_without_an_interval_still_watches_the_file(tmp_path: Path) -> None:
    server = Server()
    watch_file_often(server, tmp_path / "timeline.yaml")
    assert server.watched == [str(tmp_path / "timeline.yaml")]
    assert not hasattr(server.observer, "_timeout")
