"""``timeline.json``: the whole timeline as plain JSON for other tools.

Keys come in a fixed order (``sort_keys`` would scatter ``id`` and ``date``), text
stays readable UTF-8, and events keep the timeline order (date, then id).
"""

from __future__ import annotations

import functools
from typing import Any

from ..model import Article, Corpus, EntityKind, Event
from . import jsonfile
from .jsonfile import Encoded
from .links import Links, in_order, placeless

_ENTITY_GROUPS: tuple[tuple[EntityKind, str], ...] = (
    ("person", "people"),
    ("organization", "organizations"),
    ("place", "places"),
)


def _event(event: Event, links: Links) -> Encoded:
    files = tuple(links.article_file(src.article) for src in event.sources)
    return _event_json(placeless(event), files, links.site_url)


@functools.lru_cache(maxsize=20_000)  # kept while the event stays the same (see .links)
def _event_json(event: Event, files: tuple[str | None, ...], site_url: str) -> Encoded:
    links = Links(site_url, {})
    out: dict[str, Any] = {"id": event.id, "date": event.date.iso()}
    if event.end is not None:
        out["end"] = event.end.iso()
    out["precision"] = event.date.precision
    out["approximate"] = event.date.approximate
    out["title"] = event.title
    out["summary"] = event.summary
    out["tags"] = list(event.tags)
    out["entities"] = {
        group: [entity.name for entity in event.entities if entity.kind == kind]
        for kind, group in _ENTITY_GROUPS
    }
    out["url"] = links.event(event)
    out["sources"] = [
        {"article": src.article, "file": file, "quote": src.quote, "url": links.source(src)}
        for src, file in zip(event.sources, files, strict=True)
    ]
    return jsonfile.encoded(out)


def _article(article: Article, links: Links) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "author": article.author,
        "publication": article.publication,
        "date": article.date.iso() if article.date else None,
        "file": article.file,
        "url": links.article_url(article.id),
        "source_url": article.url,
    }


def timeline_json(corpus: Corpus, site_url: str) -> bytes:
    """``{"events": [...], "articles": [...]}`` as UTF-8 JSON, one record per line."""
    links = Links.of(corpus, site_url)
    data = {
        "events": [_event(event, links) for event in in_order(corpus)],
        "articles": [_article(article, links) for article in corpus.articles],
    }
    return jsonfile.dump(data)
