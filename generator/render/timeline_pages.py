"""The timeline: one page of events by month, or, when long, an overview and month pages.

:mod:`.layout` decides whether and where the timeline is split; this module gathers
what each page shows and hands it to its template (``timeline``, ``months``,
``month``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from .. import paths
from ..model import Event
from .common import month_anchor
from .layout import TimelinePart, by_month
from .site import Site


def timeline_pages(events: Sequence[Event], site: Site) -> dict[str, str]:
    """``timeline.md`` and, for a split timeline, every month page (path -> Markdown)."""
    layout = site.index.layout
    if not layout.split:
        return {paths.TIMELINE: _single_page(events, site)}
    pages = {paths.TIMELINE: _overview_page(events, site)}
    parts = layout.parts
    for i, part in enumerate(parts):
        prev = parts[i - 1] if i else None
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        pages[part.path] = _part_page(part, prev, nxt, site)
    return pages


def _span(events: Sequence[Event], site: Site) -> dict[str, Any]:
    if not events:
        return {"count": 0, "first": "", "last": ""}
    last = max((e.end or e.date for e in events), key=lambda d: d.last_day())
    return {"count": len(events), "first": site.t.date(events[0].date), "last": site.t.date(last)}


def filters(page: str, events: Sequence[Event]) -> dict[str, Any]:
    """The tags and names a reader can narrow the timeline to, most used first; each
    links to its own page (the filter without JavaScript)."""
    tags = Counter(tag for e in events for tag in dict.fromkeys(e.tags))
    names = Counter(name for e in events for name in {x.name for x in e.entities})

    def ranked(counts: Counter[str], to_page: Any) -> list[tuple[str, str, int]]:
        items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(name, paths.href(page, to_page(name)), n) for name, n in items]

    return {
        "total": len(events),
        "tags": ranked(tags, paths.tag_page),
        "entities": ranked(names, paths.entity_page),
    }


def _single_page(events: Sequence[Event], site: Site) -> str:
    page = paths.TIMELINE
    months = [
        {"title": site.t.month(*key), "anchor": month_anchor(key), "cards": site.cards(page, group)}
        for key, group in by_month(events).items()
    ]
    return site.page(
        "timeline", page, months=months, filters=filters(page, events), **_span(events, site)
    )


def _overview_page(events: Sequence[Event], site: Site) -> str:
    """The months, each with its event count and its pages labelled by the days they cover."""
    page = paths.TIMELINE
    layout = site.index.layout
    by_key: dict[tuple[int, int], list[TimelinePart]] = {}
    for part in layout.parts:
        by_key.setdefault(part.month, []).append(part)
    months = [
        {
            "title": site.t.month(*key),
            "count": count,
            "href": paths.href(page, by_key[key][0].path),
            "parts": [(_days(p, site), paths.href(page, p.path)) for p in by_key[key]],
        }
        for key, count in layout.months.items()
    ]
    return site.page(
        "months", page, months=months, filters=filters(page, events), **_span(events, site)
    )


def _days(part: TimelinePart, site: Site) -> str:
    """``3—5日``: the days a page covers, by the start dates of its events."""
    days = sorted({e.date.day for e in part.events if e.date.day is not None})
    if not days:
        return site.t("page_n", number=part.part)
    if days[0] == days[-1]:
        return site.t("day", day=days[0])
    return site.t("days", first=days[0], last=days[-1])


def _part_page(
    part: TimelinePart, prev: TimelinePart | None, nxt: TimelinePart | None, site: Site
) -> str:
    t = site.t
    month = t.month(*part.month)
    title = t("month_page_title", month=month, part=part.part) if part.part > 1 else month
    labels = (
        t("page_prev") if prev is None or prev.month == part.month else f"← {t.month(*prev.month)}",
        t("page_next") if nxt is None or nxt.month == part.month else f"{t.month(*nxt.month)} →",
    )
    pager = site.pager(
        part.path,
        (part.part, part.parts),
        prev.path if prev else None,
        nxt.path if nxt else None,
        labels,
    )
    return site.cards_page(
        "month",
        part.path,
        part.events,
        title=title,
        count=site.index.layout.months[part.month],
        back=paths.href(part.path, paths.TIMELINE),
        pager=pager,
    )
