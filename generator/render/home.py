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

from markupsafe import Markup

from .. import paths
from ..model import Corpus, Event, PartialDate
from .common import month_key
from .site import Site

# The overview is drawn by days, else by weeks, else by months: the finest that fits
# this many bytes of HTML (with Material's 18-20 KB of chrome, the home page stays
# within 60 KB however many events there are). A day is about 30 bytes empty and
# 200-400 with its link and tooltip, so a busy year no longer fits by days.
OVERVIEW_MAX_BYTES = 30 * 1024
UNITS = ("day", "week", "month")
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
        "overview": overview(events, site)[1] if events else "",
        "links": {
            "timeline": paths.href(page, paths.TIMELINE),
            "articles": paths.href(page, paths.ARTICLES_INDEX),
            "tags": paths.href(page, paths.TAGS_INDEX),
            "entities": paths.href(page, paths.ENTITIES_INDEX),
        },
    }
    return site.page("home", page, **context)


def overview(events: Sequence[Event], site: Site) -> tuple[str, Markup]:
    """The overview's unit and HTML: the finest unit that fits :data:`OVERVIEW_MAX_BYTES`
    (by months whatever its size, as nothing coarser is drawn)."""
    for unit in UNITS:
        html = draw(events, site, unit)
        if len(html.encode("utf-8")) <= OVERVIEW_MAX_BYTES or unit == UNITS[-1]:
            return unit, html
    raise AssertionError("unreachable")


def draw(events: Sequence[Event], site: Site, unit: str) -> Markup:
    """The overview by ``unit`` (``day``, ``week``, ``month``), from ``partials/overview.html``."""
    months: dict[tuple[int, int], list[Event]] = defaultdict(list)
    for event in events:
        months[month_key(event)].append(event)
    out = []
    for key in _every_month(list(months)):
        group = months.get(key, [])
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
    context = {
        "unit": unit,
        "months": out,
        "caption": site.t(f"overview_{unit}_caption"),
        "weekdays": site.t.list("weekdays"),
    }
    return Markup(site.renderer.partial("partials/overview.html", overview=context))


def _every_month(keys: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The months with events and the months between them (a quiet month is part of the
    period too); each year's events without a month after its twelve months."""
    dated = sorted(k for k in keys if k[1])
    between = []
    if dated:
        first, last = dated[0][0] * 12 + dated[0][1] - 1, dated[-1][0] * 12 + dated[-1][1] - 1
        between = [(m // 12, m % 12 + 1) for m in range(first, last + 1)]
    return sorted({*between, *keys}, key=lambda k: (k[0], k[1] or 13))


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
