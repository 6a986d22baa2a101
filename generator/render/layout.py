"""Which timeline page holds which event and which month.

A short timeline is one page (``timeline.md``), months as sections. A long one would
be one huge page, slow to load and to scroll on a phone, so it is split: ``timeline.md``
becomes an overview of the months, each month gets its own page
(``timeline/2020-03.md``), and a month too long for one page continues on numbered
pages (``timeline/2020-03/2.md``). Every link into the timeline asks
:meth:`TimelineLayout.event_place` or :meth:`TimelineLayout.month_place` where to go,
so no page needs to know how the timeline was split.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .. import paths
from ..model import Event
from .common import month_anchor, month_key
from .paging import chunks

# A timeline of up to this many events stays one page, exactly as it always was: a
# short timeline reads best top to bottom with no clicks (the project's own has 28
# events, about 40 KB of HTML), and leaves room for the curator to add more.
TIMELINE_ONE_PAGE_MAX = 50
# Once split, a timeline page holds at most this many events. An entry (heading,
# summary, date, tag, source and edit links) is 0.8-1.1 KB of HTML, and Material's
# page chrome takes 15-17 KB of a 30 KB page budget: 12 entries leave room for
# longer summaries and several sources.
TIMELINE_PAGE_EVENTS = 12

Month = tuple[int, int]  # (year, month); month 0: the year's events without a month
Place = tuple[str, str | None]  # page, anchor on it (None: the top of the page)


@dataclass(frozen=True)
class TimelinePart:
    """One page of a split timeline: part ``part`` of ``parts`` of a month."""

    path: str
    month: Month
    part: int
    parts: int
    events: tuple[Event, ...]


@dataclass(frozen=True)
class TimelineLayout:
    """The split timeline's pages in reading order; none when the timeline is one page."""

    parts: tuple[TimelinePart, ...] = ()
    months: dict[Month, int] = field(default_factory=dict)  # events per month
    _page_of: dict[str, str] = field(default_factory=dict)  # event id -> page

    @property
    def split(self) -> bool:
        return bool(self.parts)

    def event_place(self, event_id: str) -> Place:
        """The timeline page and anchor of an event's entry (its id is the anchor)."""
        return self._page_of.get(event_id, paths.TIMELINE), event_id

    def month_place(self, key: Month) -> Place | None:
        """Where a month starts in the timeline; None for a month without events."""
        if key not in self.months:
            return None
        if not self.split:
            return paths.TIMELINE, month_anchor(key)
        return paths.timeline_month(key[0], key[1] or None), None


def by_month(events: Sequence[Event]) -> dict[Month, list[Event]]:
    """Events grouped by month, months in date order, events in their given order."""
    groups: dict[Month, list[Event]] = {}
    for event in events:
        groups.setdefault(month_key(event), []).append(event)
    return dict(sorted(groups.items()))


def plan_timeline(events: Sequence[Event]) -> TimelineLayout:
    groups = by_month(events)
    months = {key: len(group) for key, group in groups.items()}
    if len(events) <= TIMELINE_ONE_PAGE_MAX:
        return TimelineLayout(months=months)
    parts: list[TimelinePart] = []
    for key, group in groups.items():
        first = paths.timeline_month(key[0], key[1] or None)
        runs = chunks(group, TIMELINE_PAGE_EVENTS)
        for number, run in enumerate(runs, 1):
            path = paths.numbered_page(first, number)
            parts.append(TimelinePart(path, key, number, len(runs), tuple(run)))
    page_of = {event.id: part.path for part in parts for event in part.events}
    return TimelineLayout(tuple(parts), months, page_of)
