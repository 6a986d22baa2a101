"""What a template needs to draw an event: plain values, links already relative.

Python decides the content (which date text, which link, which kind of date);
templates decide the look. A card's links are relative, but written the long way
round, through the site's root (:func:`paths.from_root`), so one card serves every
page as deep as the one it was made for: an event is on its month's list, each of its
tags' and each of its names' lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import paths
from ..labels import Labels
from ..model import Event, SourceRef
from .index import ENTITY_KINDS, Index

Link = tuple[str, str]  # (text, href)


@dataclass(frozen=True)
class SourceLink:
    title: str  # the article's title in 《》, or its id when the article is unknown
    where: str  # "第 3 段", or "原文" for a quote that spans the whole article
    href: str


@dataclass(frozen=True)
class Card:
    """One event as a timeline entry or list item."""

    id: str
    title: str
    href: str  # the event page
    date: str  # the whole date or range, in the site's language
    day: str  # the short date shown in the axis column ("1月23日", "1月")
    datetime: str  # machine-readable start (``2020-01-23``, ``2020-01``)
    end: str  # the range's end in words ("" for a single date)
    shape: str  # "day", "month", "year" or "range": how the axis draws it
    approximate: bool
    summary: str  # Markdown, rendered by the template's ``|summary`` filter
    tags: tuple[Link, ...]
    entities: tuple[Link, ...]
    sources: tuple[SourceLink, ...]


def shape(event: Event) -> str:
    if event.end is not None and event.end != event.date:
        return "range"
    return event.date.precision


def source_link(up: str, source: SourceRef, index: Index, labels: Labels) -> SourceLink:
    article = index.articles.get(source.article)
    title = f"《{article.title}》" if article else source.article
    anchor = source.anchor
    where = labels("paragraph", number=anchor[1:]) if anchor else labels("whole_article")
    href = paths.from_root(up, paths.article_page(source.article), anchor)
    return SourceLink(title, where, href)


def card(page: str, event: Event, index: Index, labels: Labels) -> Card:
    """``event`` drawn for ``page``, and for every page as deep (:func:`paths.up_to_root`)."""
    up = paths.up_to_root(page)
    end = event.end if event.end is not None and event.end != event.date else None
    return Card(
        id=event.id,
        title=event.title,
        href=paths.from_root(up, paths.event_page(event.id)),
        date=labels.date_range(event.date, end),
        day=labels.date(event.date, short=True),
        datetime=event.date.iso(),
        end=labels.date(end, short=end.year == event.date.year) if end else "",
        shape=shape(event),
        approximate=event.date.approximate,
        summary=event.summary,
        tags=tuple((tag, paths.from_root(up, paths.tag_page(tag))) for tag in event.tags),
        entities=entity_links(up, event),
        sources=tuple(source_link(up, s, index, labels) for s in event.sources),
    )


def entity_links(up: str, event: Event) -> tuple[Link, ...]:
    """The event's people, organisations and places, in that order."""
    order = list(ENTITY_KINDS)
    named = sorted(event.entities, key=lambda e: order.index(e.kind))
    names = dict.fromkeys(e.name for e in named)  # a name used as two kinds: one link
    return tuple((name, paths.from_root(up, paths.entity_page(name))) for name in names)
