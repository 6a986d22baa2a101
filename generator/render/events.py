"""One page per event: its date, summary, tags, names and every quoted source."""

from __future__ import annotations

from dataclasses import dataclass

from .. import paths
from ..model import Event, SourceRef
from .cards import SourceLink, card, source_link
from .common import edit_url
from .index import ENTITY_KINDS
from .site import Site


def event_page(event: Event, site: Site) -> str:
    memo = site.renderer.memo
    if memo is None:
        return _page(event, site)
    # Under serve: found by what the page shows, without building its context.
    return memo.page_by(_shown(event, site), lambda: _page(event, site))


def _shown(event: Event, site: Site) -> tuple[object, ...]:
    """Everything :func:`_page` reads: the event and its articles' titles (the card's
    digest), its neighbours' titles, its place on the timeline, the facts it shows of
    each article it quotes, and what every page shows (:attr:`Site.shared`)."""
    index = site.index
    prev, nxt = index.neighbours.get(event.id, (None, None))
    facts = tuple(
        (a.publication, a.author, a.date, a.file) if (a := index.articles.get(s.article)) else None
        for s in event.sources
    )
    around = (_brief(prev), _brief(nxt), index.layout.event_place(event.id), facts)
    return ("event page", site.shared, site.event_digest(event), around)


def _brief(event: Event | None) -> tuple[str, str] | None:
    return (event.id, event.title) if event else None


def _page(event: Event, site: Site) -> str:
    page = paths.event_page(event.id)
    index, t = site.index, site.t
    prev, nxt = index.neighbours.get(event.id, (None, None))
    return site.page(
        "event",
        page,
        edit_url=edit_url(site.options, site.options.timeline_path, event.line),
        tags=event.tags,
        c=card(page, event, index, t),
        back=paths.href(page, *index.layout.event_place(event.id)),
        entities=_entities(page, event, site),
        quotes=[_quote(page, source, site) for source in event.sources],
        prev=_neighbour(page, prev),
        next=_neighbour(page, nxt),
    )


def _entities(page: str, event: Event, site: Site) -> list[tuple[str, list[tuple[str, str]]]]:
    """``(人物, [(name, href), ...])`` for each kind of name the event has."""
    out = []
    for kind in ENTITY_KINDS:
        names = dict.fromkeys(e.name for e in event.entities if e.kind == kind)
        if names:
            links = [(n, paths.href(page, paths.entity_page(n))) for n in names]
            out.append((site.t(kind), links))
    return out


@dataclass(frozen=True)
class Quoted:
    """A quoted source as an event page draws it (a record, as :mod:`.articles` says why)."""

    text: str
    link: SourceLink
    facts: list[str]
    raw: str


def _quote(page: str, source: SourceRef, site: Site) -> Quoted:
    """A quoted source: the quote, its passage, and what is known of the article."""
    article = site.index.articles.get(source.article)
    facts: list[str] = []
    raw = ""
    if article is not None:
        facts = [x for x in (article.publication, article.author) if x]
        if article.date:
            facts.append(site.t.date(article.date))
        raw = paths.href(page, paths.raw_file(article.file))
    return Quoted(
        text=" ".join(source.quote.split()),
        link=source_link(paths.up_to_root(page), source, site.index, site.t),
        facts=facts,
        raw=raw,
    )


def _neighbour(page: str, event: Event | None) -> tuple[str, str] | None:
    return (event.title, paths.href(page, paths.event_page(event.id))) if event else None
