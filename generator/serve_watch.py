"""Under ``mkdocs serve``: the timeline file is looked at more often than folders.

MkDocs polls what it watches every half second (polling works on Docker volumes and
network mounts, where file events do not arrive: mkdocs/mkdocs#2477), so a save
waits a quarter of a second on average before its build starts. Watching one file
looks at its own folder alone, not below it (a few entries: about 0.1 ms), so
``timeline.yaml``, the file a curator saves most, is polled every
:data:`FILE_POLL_SECONDS`. A folder keeps MkDocs' pace: one look at 1,000 articles
takes about 15 ms, at 10,000 about 130 ms, and polling those more often would take a
core's time from the builds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

FILE_POLL_SECONDS = 0.1


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
    observer._timeout = min(interval, FILE_POLL_SECONDS)  # type: ignore[union-attr]
    try:
        server.watch(str(path))
    finally:
        observer._timeout = interval  # type: ignore[union-attr]
