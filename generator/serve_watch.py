"""Under ``mkdocs serve``: how the articles folder and the timeline file are watched.

MkDocs polls what it watches every half second (polling works on Docker volumes and
network mounts, where file events do not arrive: mkdocs/mkdocs#2477). One look at a
folder of 1,000 articles takes about 15 ms, at 10,000 about 130 ms: an idle server
spent a quarter of a core looking at articles nobody touched, and a save waited a
quarter of a second on average before its build started.

* The articles folder is watched by the system's file events (inotify) where they are
  known to arrive: on Linux, on a local filesystem (:data:`EVENT_FILESYSTEMS`). The
  server learns of a save at once and looks at nothing in between. Anywhere else (a
  network mount, a Docker Desktop or WSL share, another system) it is polled as before.
* ``timeline.yaml``, the file a curator saves most, is polled every
  :data:`FILE_POLL_SECONDS`. Watching one file looks at its own folder alone (a few
  entries: about 0.1 ms). It is not given to file events: an editor that saves by
  writing a new file and renaming it over the old one leaves an event watch on a
  file that is gone.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from watchdog import events as fs

from .pipeline import Inputs

FILE_POLL_SECONDS = 0.1
# Filesystems whose changes, made from this machine, reach inotify. Not the shares of
# another machine or of a virtual machine's host (nfs, cifs, 9p, virtiofs, fuse.*),
# where an edit made on the other side says nothing.
EVENT_FILESYSTEMS = frozenset(
    {"ext2", "ext3", "ext4", "xfs", "btrfs", "f2fs", "zfs", "jfs", "bcachefs", "tmpfs", "overlay"}
)
# The events a save makes (written, created, renamed over, deleted). Not "opened" or
# "closed without writing": every build reads the articles, and would start the next.
SAVES = (
    fs.FileModifiedEvent,
    fs.FileClosedEvent,
    fs.FileCreatedEvent,
    fs.FileMovedEvent,
    fs.FileDeletedEvent,
)
MOUNTS = Path("/proc/self/mountinfo")

log = logging.getLogger("mkdocs.plugins.timeline")


def watch_inputs(server: Any, inputs: Inputs) -> Any:
    """Watch the articles folder and the timeline file; give what this returns to
    :func:`stop` when the server stops."""
    watching = watch_folder(server, inputs.articles)
    watch_file_often(server, inputs.timeline)
    return watching


def stop(watching: Any) -> None:
    """Stop the file-event watch :func:`watch_inputs` started, if it started one."""
    if watching is not None:
        watching.stop()
        watching.join(timeout=5)


def filesystem(path: Path, mounts: Path = MOUNTS) -> str | None:
    """The type of filesystem ``path`` is on (``ext4``, ``nfs``...), from the mount table;
    ``None`` where there is no such table."""
    try:
        table = mounts.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    where = os.path.realpath(path)
    best, kind = "", None
    for row in table.splitlines():
        fields = row.split()
        if "-" not in fields[6:-1]:  # not a row as the kernel writes them
            continue
        point = _unescape(fields[4])
        inside = where == point or where.startswith(point.rstrip("/") + "/")
        # The deepest mount wins; the last of equals (a mount over a mount) is the one seen.
        if inside and len(point) >= len(best):
            best, kind = point, fields[fields.index("-", 6) + 1]
    return kind


def _unescape(point: str) -> str:
    """A mount point as the kernel writes it: space, tab, newline and ``\\`` in octal."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        point = point.replace(code, char)
    return point


def watch_folder(server: Any, folder: Path) -> Any:
    """``server.watch(folder)``, by file events where they arrive (see the module).

    MkDocs' own ``watch`` makes the handler, so a save asks for a build exactly as a
    polled one does; only the observer it is given to changes. Returns the event
    observer (to stop at the end), or ``None`` if the folder is polled.
    """
    kind = filesystem(folder) if sys.platform.startswith("linux") else None
    polling = getattr(server, "observer", None)
    if kind not in EVENT_FILESYSTEMS or polling is None:
        server.watch(str(folder))
        return None
    try:
        from watchdog.observers.inotify import InotifyObserver

        events = InotifyObserver()
        events.start()
    except (ImportError, OSError) as err:  # no inotify, or its instances used up
        _say_polled(folder, err)
        server.watch(str(folder))
        return None
    chooser = _FirstEvents(events, polling)
    _watch_with(server, folder, server, "observer", chooser)
    if chooser.failed is not None:
        _say_polled(folder, chooser.failed)
        stop(events)
        return None
    return events


def _say_polled(folder: Path, why: Exception) -> None:
    log.info(f"timeline: watching {folder} by looking at it every so often ({why})")


class _FirstEvents:
    """Stands in for the server's observer while it schedules one folder: the folder goes
    to the file-event observer, or to the polling one if the system refuses (its limit
    of watches reached, say), so the server's own record of its watches stays right."""

    def __init__(self, events: Any, polling: Any) -> None:
        self.events, self.polling = events, polling
        self.failed: OSError | None = None

    def schedule(self, handler: Any, path: str, *, recursive: bool = True) -> Any:
        try:
            return self.events.schedule(
                handler, path, recursive=recursive, event_filter=list(SAVES)
            )
        except OSError as err:
            self.failed = err
            return self.polling.schedule(handler, path, recursive=recursive)


def watch_file_often(server: Any, path: Path) -> None:
    """``server.watch(path)``, polled every :data:`FILE_POLL_SECONDS` where the server's
    observer lets us say so.

    MkDocs gives its observer one interval for every watch; a watch made while the
    observer's interval is shorter keeps the shorter one. An observer without that
    setting (another watchdog, another server) watches the file at its own pace.
    """
    observer = getattr(server, "observer", None)
    interval = getattr(observer, "_timeout", None)
    if isinstance(interval, bool) or not isinstance(interval, int | float):
        server.watch(str(path))
        return
    _watch_with(server, path, observer, "_timeout", min(interval, FILE_POLL_SECONDS))


def _watch_with(server: Any, path: Path, owner: object, name: str, value: object) -> None:
    """``server.watch(path)`` with ``owner.name`` set to ``value`` for that call alone:
    MkDocs' ``watch`` reads its observer and the observer's interval only while it
    schedules, so every other watch keeps MkDocs' own."""
    kept = getattr(owner, name)
    setattr(owner, name, value)
    try:
        server.watch(str(path))
    finally:
        setattr(owner, name, kept)
