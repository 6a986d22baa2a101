"""Under ``mkdocs serve`` the articles folder is watched by file events on a local
Linux filesystem and polled elsewhere, the timeline file is polled more often than
the folders, with MkDocs' own server and watchdog's own observers, and a save is seen."""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.livereload import LiveReloadServer

from generator import serve_watch
from generator.serve_watch import FILE_POLL_SECONDS, filesystem, watch_file_often, watch_folder


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
        assert asked_for_a_build(server, 10)
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


# What a mount table holds: a mount point with a space (escaped), optional fields before
# the ``-``, a mount over a mount, a folder whose name starts like a mount point's, and
# two rows cut short.
MOUNTINFO = r"""22 1 0:21 / / rw,relatime shared:1 - ext4 /dev/vda rw
30 22 0:30 / /home/ann/网络\040盘 rw,relatime shared:7 master:2 - nfs4 srv:/share rw
31 22 0:31 / /srv rw,relatime - xfs /dev/vdb rw
32 31 0:32 / /srv rw,relatime - fuse.sshfs ann@far:/ rw
33 22 0:33 / /mnt/c rw,noatime - 9p drvfs rw
not a row of the table
34 32 0:34 / /srv/archive rw -
"""


def test_the_filesystem_of_a_folder_is_read_from_the_deepest_mount(tmp_path: Path) -> None:
    table = tmp_path / "mountinfo"
    table.write_text(MOUNTINFO, encoding="utf-8")
    assert filesystem(Path("/home/ann/网络 盘/seeds"), table) == "nfs4"
    assert filesystem(Path("/home/ann/网络 盘"), table) == "nfs4"
    assert filesystem(Path("/home/ann/网络"), table) == "ext4"
    assert filesystem(Path("/srv/archive"), table) == "fuse.sshfs"  # the mount seen last
    assert filesystem(Path("/mnt/cc/seeds"), table) == "ext4"  # not under /mnt/c
    assert filesystem(Path("/mnt/c/seeds"), table) == "9p"
    assert filesystem(Path("/tmp"), tmp_path / "no-such-table") is None


def test_the_filesystem_found_is_the_one_findmnt_names(tmp_path: Path) -> None:
    # An oracle written by others: util-linux reads the same table its own way.
    for folder in (tmp_path, Path("/proc"), Path("/")):
        named = subprocess.run(
            ["findmnt", "--noheadings", "--output", "FSTYPE", "--target", str(folder)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()[-1]
        assert filesystem(folder) == named


@contextlib.contextmanager
def folder_watched(tmp_path: Path, kind: str, monkeypatch: Any) -> Iterator[tuple[Any, Any]]:
    """``seeds/`` watched by a real server as if it were on a ``kind`` filesystem;
    yields ``(server, what watch_folder returned)``."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("第一篇。\n", encoding="utf-8")
    monkeypatch.setattr(serve_watch, "filesystem", lambda path: kind)
    with server_in(tmp_path) as server:
        watching = watch_folder(server, tmp_path / "seeds")
        try:
            yield server, watching
        finally:
            serve_watch.stop(watching)


def polled(server: LiveReloadServer) -> set[str]:
    return {Path(e.watch.raw_path).name for e in server.observer.emitters}


def asked_for_a_build(server: LiveReloadServer, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not server._want_rebuild and time.monotonic() < deadline:
        time.sleep(0.02)
    return server._want_rebuild


def test_a_local_folder_is_watched_by_file_events_and_reading_it_asks_for_nothing(
    tmp_path: Path, monkeypatch: Any
) -> None:
    with folder_watched(tmp_path, "ext4", monkeypatch) as (server, watching):
        assert watching is not None and watching.is_alive()
        assert polled(server) == set()  # the polling observer does not look at the folder
        assert str(tmp_path / "seeds") in server._watched_paths  # MkDocs lists it as watched
        # A build reads every article (open, read, close): that must not start another.
        for _ in range(3):
            (tmp_path / "seeds" / "a.txt").read_bytes()
            os.listdir(tmp_path / "seeds")
        assert not asked_for_a_build(server, 0.5)
        (tmp_path / "seeds" / "a.txt").write_text("改过了。\n", encoding="utf-8")
        # No polling observer runs at all: only the event can have asked.
        assert asked_for_a_build(server, 5)
    assert not watching.is_alive()


@pytest.mark.parametrize("save", ["rename over", "new file", "delete", "new subfolder file"])
def test_every_way_of_saving_an_article_asks_for_a_build(
    tmp_path: Path, monkeypatch: Any, save: str
) -> None:
    with folder_watched(tmp_path, "xfs", monkeypatch) as (server, _):
        seeds = tmp_path / "seeds"
        if save == "rename over":  # how many editors save: a new file renamed over the old
            (seeds / ".a.txt.tmp").write_text("改过了。\n", encoding="utf-8")
            time.sleep(0.3)
            server._want_rebuild = False  # the temporary file's own events asked already
            os.replace(seeds / ".a.txt.tmp", seeds / "a.txt")
        elif save == "new file":
            (seeds / "b.html").write_text("<p>第二篇。</p>\n", encoding="utf-8")
        elif save == "delete":
            (seeds / "a.txt").unlink()
        else:
            (seeds / "二月").mkdir()
            time.sleep(0.3)  # the new folder gets its own watch
            (seeds / "二月" / "c.txt").write_text("第三篇。\n", encoding="utf-8")
        assert asked_for_a_build(server, 5)


@pytest.mark.parametrize("kind", ["nfs4", "9p", "fuse.grpcfuse", "virtiofs", None])
def test_a_shared_or_unknown_folder_is_still_polled(
    tmp_path: Path, monkeypatch: Any, kind: str | None
) -> None:
    with folder_watched(tmp_path, kind, monkeypatch) as (server, watching):  # type: ignore[arg-type]
        assert watching is None
        assert polled(server) == {"seeds"}


def test_a_refused_event_watch_falls_back_to_polling(
    tmp_path: Path, monkeypatch: Any, caplog: pytest.LogCaptureFixture
) -> None:
    from watchdog.observers.inotify import InotifyObserver

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(InotifyObserver, "schedule", refuse)
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.timeline")
    with folder_watched(tmp_path, "ext4", monkeypatch) as (server, watching):
        assert watching is None
        assert polled(server) == {"seeds"}
        assert str(tmp_path / "seeds") in server._watch_refs
        # The curator is told why the folder is polled (one line, no traceback).
        said = [r.getMessage() for r in caplog.records if "seeds" in r.getMessage()]
        assert said == [
            f"timeline: watching {tmp_path / 'seeds'} by looking at it every so often"
            " ([Errno 28] inotify watch limit reached)"
        ]
        server.observer.start()
        try:
            time.sleep(2 * server.observer.timeout)  # the first look, before the save
            (tmp_path / "seeds" / "a.txt").write_text("改过了。\n", encoding="utf-8")
            assert asked_for_a_build(server, 10)
        finally:
            server.observer.stop()
            server.observer.join()
