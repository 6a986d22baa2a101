"""The home page: what the site holds, and the period at a glance as a calendar.

The overview is a calendar per month, a square per day, darker with more events,
each day with events a link to where that day starts in the timeline. It is HTML
and CSS (no script, no drawing), so it wraps on a phone, reads as lists of links to
a screen reader, and stays small: a long period is drawn by weeks or by months.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .. import paths
from ..model import Corpus, Event, PartialDate
from .common import month_key
from .site import Site

# Above these spans a square per day would make the home page too heavy (a day is
# about 30 bytes empty, 200 with its link): weeks up to four years, months beyond.
DAYS_MAX_MONTHS = 12
WEEKS_MAX_MONTHS = 48
# A square's tooltip names this many events, then says how many more.
TITLES_PER_MARK = 3
# Shades: a mark with this many events or more is drawn darkest.
SHADES = 4


@dataclass(frozen=True)
class Mark:
    label: str  # the day, "1—7", or the month: the square's visible text
    name: str  # what a screen reader hears: "1月23日：3 个事件"
    href: str  # where it starts in the timeline ("" for a day without events)
    count: int
    shade: int  # 0 (none) to SHADES
    tip: str  # the first events' titles
    column: int = 0  # weekday column of a month's first day (1-7), 0 elsewhere


def home_page(corpus: Corpus, site: Site) -> str:
    events = corpus.events
    page = paths.HOME
    context: dict[str, Any] = {
        "articles": len(corpus.articles),
        "count": len(events),
        "first": site.t.date(events[0].date) if events else "",
        "last": site.t.date(max((e.end or e.date for e in events), key=lambda d: d.last_day()))
        if events
        else "",
        "overview": overview(events, site) if events else None,
        "links": {
            "timeline": paths.href(page, paths.TIMELINE),
            "articles": paths.href(page, paths.ARTICLES_INDEX),
            "tags": paths.href(page, paths.TAGS_INDEX),
            "entities": paths.href(page, paths.ENTITIES_INDEX),
        },
    }
    return site.page("home", page, **context)


def overview(events: Sequence[Event], site: Site) -> dict[str, Any]:
    months: dict[tuple[int, int], list[Event]] = defaultdict(list)
    for event in events:
        months[month_key(event)].append(event)
    dated = [k for k in months if k[1]]
    span = (dated[-1][0] - dated[0][0]) * 12 + dated[-1][1] - dated[0][1] + 1 if dated else 0
    unit = "day" if span <= DAYS_MAX_MONTHS else "week" if span <= WEEKS_MAX_MONTHS else "month"
    out = []
    for key in sorted(months):
        group = months[key]
        place = site.index.layout.month_place(key)
        out.append(
            {
                "title": site.t.month(*key),
                "count": len(group),
                "href": paths.href(paths.HOME, *place) if place else "",
                "marks": _marks(key, group, unit, site) if key[1] and unit != "month" else [],
                "undated": _undated(key, group, site),
            }
        )
    caption = "overview_caption" if unit == "day" else "overview_weeks_caption"
    return {
        "unit": unit,
        "months": out,
        "caption": site.t(caption),
        "weekdays": site.t.list("weekdays"),
    }


def _marks(key: tuple[int, int], group: list[Event], unit: str, site: Site) -> list[Mark]:
    year, month = key
    by_day: dict[int, list[Event]] = defaultdict(list)
    for event in group:
        if event.date.day is not None:
            by_day[event.date.day].append(event)
    days = calendar.monthrange(year, month)[1]
    if unit == "week":
        spans = [(d, min(d + 6, days)) for d in range(1, days + 1, 7)]
    else:
        spans = [(d, d) for d in range(1, days + 1)]
    first_column = dt.date(year, month, 1).isoweekday()
    marks = []
    for i, (lo, hi) in enumerate(spans):
        inside = [e for d in range(lo, hi + 1) for e in by_day.get(d, [])]
        marks.append(_mark(year, month, (lo, hi), inside, site, first_column if i == 0 else 0))
    return marks


def _mark(
    year: int, month: int, days: tuple[int, int], events: list[Event], site: Site, column: int
) -> Mark:
    t = site.t
    lo, hi = days
    label = str(lo) if lo == hi else t("days", first=lo, last=hi)
    if not events:
        return Mark(label, "", "", 0, 0, "", column)
    when = t.date(PartialDate(year, month, lo), short=True)
    if lo != hi:
        when = t("days", first=when, last=hi)
    tip = "；".join(e.title for e in events[:TITLES_PER_MARK])
    if len(events) > TITLES_PER_MARK:
        tip += f" …（+{len(events) - TITLES_PER_MARK}）"
    place = site.index.layout.event_place(events[0].id)
    return Mark(
        label,
        t("overview_day", date=when, count=len(events)),
        paths.href(paths.HOME, *place),
        len(events),
        min(len(events), SHADES),
        tip,
        column,
    )


def _undated(key: tuple[int, int], group: list[Event], site: Site) -> dict[str, Any] | None:
    """The month's events known only to the month (or the year): one link for them all."""
    loose = [e for e in group if e.date.day is None]
    if not loose:
        return None
    place = site.index.layout.event_place(loose[0].id)
    name = site.t("overview_undated", month=site.t.month(*key), count=len(loose))
    return {"name": name, "href": paths.href(paths.HOME, *place), "count": len(loose)}
