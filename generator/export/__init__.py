"""Machine-readable exports of the timeline: pure functions from a Corpus to bytes.

``export_all`` returns every file by its published name; writing them is the
caller's job. Nothing here reads the clock: pass ``updated`` (for instance from
``SOURCE_DATE_EPOCH``) to stamp the feed and calendar, or let it be derived from
the data.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Callable

from ..cores import can_fork, fork_calls
from ..model import Corpus
from .atom import atom_feed
from .ics import calendar_around, calendar_events, timeline_ics
from .links import without_lines
from .timeline_json import timeline_json
from .timelinejs import timelinejs_json

__all__ = [
    "DEFAULT_TITLE",
    "atom_feed",
    "export_all",
    "timeline_ics",
    "timeline_json",
    "timelinejs_json",
]

Maker = Callable[[], bytes]
MIN_EVENTS = 200  # fewer events are exported faster than workers start
CALENDAR_PIECES = 6  # the calendar's events, in this many pieces for the workers

# The name of a timeline whose site has none (MkDocs requires one; ``build --out`` does not).
DEFAULT_TITLE = "时间线"


def export_all(
    corpus: Corpus,
    site_url: str,
    updated: dt.datetime | None = None,
    *,
    title: str = DEFAULT_TITLE,
    author: str = "时间线编者",
    description: str = "",
    workers: int = 1,
) -> dict[str, bytes]:
    """``timeline.json``, ``timeline.ics``, ``feed.xml`` and ``timelinejs.json`` as bytes.

    ``site_url`` (``https://example.org/timeline/``) makes every URL absolute; with
    ``""`` URLs are relative to the site root and the Atom/iCalendar ids use
    host-free fallbacks. ``title`` (the site's name) names the feed, calendar and
    TimelineJS title slide, and ``description`` (the site's) describes them;
    ``author`` is the feed's author. With ``workers``, a big timeline's files are made
    side by side on that many forked processes where that is safe.
    """
    corpus = without_lines(corpus)  # no export shows them: see .links.placeless
    # The calendar costs more than the other three together: with workers, its events
    # are made in pieces beside them.
    parallel = workers > 1 and len(corpus.events) >= MIN_EVENTS and can_fork()
    n, count = len(corpus.events), CALENDAR_PIECES if parallel else 1
    cut = [n * i // count for i in range(count + 1)]
    calls: list[Maker] = [
        functools.partial(calendar_events, corpus, site_url, updated, a, b)
        for a, b in itertools.pairwise(cut)
    ]
    calls += [
        functools.partial(timeline_json, corpus, site_url),
        functools.partial(
            atom_feed, corpus, site_url, updated, title=title, author=author, subtitle=description
        ),
        functools.partial(timelinejs_json, corpus, site_url, title=title, text=description),
    ]
    made = fork_calls(calls, workers, 1) if parallel else [call() for call in calls]
    *events, json_file, feed, timelinejs = made
    return {
        "timeline.json": json_file,
        "timeline.ics": calendar_around(title, description, b"".join(events)),
        "feed.xml": feed,
        "timelinejs.json": timelinejs,
    }
