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
_NAMES = ("timeline.json", "timeline.ics", "feed.xml", "timelinejs.json")

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
    makers: dict[str, Maker] = {
        "timeline.json": functools.partial(timeline_json, corpus, site_url),
        "feed.xml": functools.partial(
            atom_feed, corpus, site_url, updated, title=title, author=author, subtitle=description
        ),
        "timelinejs.json": functools.partial(
            timelinejs_json, corpus, site_url, title=title, text=description
        ),
    }
    if workers < 2 or len(corpus.events) < MIN_EVENTS or not can_fork():
        made = {name: make() for name, make in makers.items()}
        ics = timeline_ics(corpus, site_url, updated, name=title, description=description)
        return _in_order({**made, "timeline.ics": ics})
    # The calendar costs more than the other three together: its events come in pieces.
    n = len(corpus.events)
    cut = [n * i // CALENDAR_PIECES for i in range(CALENDAR_PIECES + 1)]
    pieces: list[Maker] = [
        functools.partial(calendar_events, corpus, site_url, updated, a, b)
        for a, b in itertools.pairwise(cut)
    ]
    made_all = fork_calls([*pieces, *makers.values()], workers, 1)  # the pieces in order
    ics = calendar_around(title, description, b"".join(made_all[: len(pieces)]))
    made = dict(zip(makers, made_all[len(pieces) :], strict=True))
    return _in_order({**made, "timeline.ics": ics})


def _in_order(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: files[name] for name in _NAMES}
