"""What every export format shares: public URLs, article look-ups, event order, time.

URLs come from :mod:`generator.paths` so the exports point at exactly the pages the
site renders. With an empty (or path-only) ``site_url`` the URLs are relative; the
formats that need absolute identifiers (Atom ids, iCalendar UIDs) fall back to
names that need no host, see :func:`urn_for`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from ..model import Article, Corpus, Event, SourceRef
from ..paths import article_page, event_page, url_of

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)

# A fixed namespace so the fallback ids of a timeline without a site URL are the
# same on every build (feed readers key read/unread state on them).
_URN_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "timeline-generator")


@dataclass(frozen=True)
class Links:
    """Public URLs of a corpus's pages under ``site_url``, and its articles by id."""

    site_url: str
    articles: dict[str, Article]

    @classmethod
    def of(cls, corpus: Corpus, site_url: str) -> Links:
        return cls(site_url, {article.id: article for article in corpus.articles})

    @property
    def absolute(self) -> bool:
        """True when ``site_url`` has a scheme, so the URLs below are absolute."""
        return bool(urlsplit(self.site_url).scheme)

    @property
    def host(self) -> str:
        return urlsplit(self.site_url).hostname or "timeline"

    def event(self, event: Event) -> str:
        return url_of(event_page(event.id), self.site_url)

    def article_url(self, article_id: str) -> str:
        return url_of(article_page(article_id), self.site_url)

    def source(self, src: SourceRef) -> str:
        """Deep link to the quoted passage: ``…/articles/<id>/#p12``."""
        return url_of(article_page(src.article), self.site_url, anchor=src.anchor)

    def article_title(self, article_id: str) -> str:
        # Validation guarantees the article exists; the id is a readable fallback.
        article = self.articles.get(article_id)
        return article.title if article else article_id

    def article_file(self, article_id: str) -> str | None:
        article = self.articles.get(article_id)
        return article.file if article else None


def source_titles(event: Event, links: Links) -> tuple[str, ...]:
    """The titles of the articles ``event`` cites, in the order of its sources."""
    return tuple(links.article_title(src.article) for src in event.sources)


def placeless(event: Event) -> Event:
    """``event`` without its line in timeline.yaml, which no export shows: the key under
    which an export keeps the event's entry while a save leaves the event as it was
    (under ``mkdocs serve`` a save changes a few events of thousands)."""
    return event if event.line == 0 else replace(event, line=0)


def without_lines(corpus: Corpus) -> Corpus:
    """``corpus`` with every event :func:`placeless`, once for all the exports."""
    events = tuple(placeless(event) for event in corpus.events)
    return replace(corpus, timeline=replace(corpus.timeline, events=events))


def urn_for(kind: str, key: str) -> str:
    """A stable ``urn:uuid:`` for a thing that has no absolute URL."""
    return "urn:uuid:" + str(uuid.uuid5(_URN_NAMESPACE, f"{kind}/{key}"))


def in_order(corpus: Corpus) -> list[Event]:
    """Events by (date, id): the timeline order, made explicit so exports never depend on
    how the loader happened to order them."""
    return sorted(corpus.events, key=Event.sort_key)


def published(event: Event) -> dt.date:
    """The day the event became news to a reader: when it was added, else its first day."""
    return event.added or event.date.first_day()


def newest_first(corpus: Corpus) -> list[Event]:
    """The feed's order: newest added first, so a reader sees what is new at the top.

    Events added the same day (or without ``added``) go by date descending, ties by id
    ascending; each sort is stable, so the earlier ones break the later one's ties.
    """
    by_id = sorted(corpus.events, key=lambda event: event.id)
    by_date = sorted(by_id, key=lambda event: event.date.sort_key(), reverse=True)
    return sorted(by_date, key=published, reverse=True)


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def updated_at(corpus: Corpus, updated: dt.datetime | None) -> dt.datetime:
    """The export's timestamp in UTC, whole seconds.

    Without ``updated`` it is derived from the data (the latest :func:`published` day at
    00:00Z, so adding an event moves it forward) and two builds of the same input give
    the same bytes; the clock is never read. A naive ``updated`` is taken as UTC.
    """
    if updated is None:
        days = [published(event) for event in corpus.events]
        return midnight(max(days)) if days else EPOCH
    if updated.tzinfo is None:
        updated = updated.replace(tzinfo=dt.timezone.utc)
    return updated.astimezone(dt.timezone.utc).replace(microsecond=0)
