"""Render the validated corpus as Markdown pages (path -> text), engine-agnostic.

The pages use plain Markdown plus the extensions listed in ``mkdocs.yml``
(attribute lists for paragraph anchors, admonitions and details for notes and the
cleaning report, tables). Any engine with those extensions can build them.
"""

from __future__ import annotations

from .. import paths
from ..model import Corpus
from .articles import article_page, articles_index
from .common import Options
from .events import event_page, timeline_page
from .index import build_index
from .overview import overview
from .taxonomy import entities_index, entity_pages, tag_page, tags_index

__all__ = ["Options", "overview", "raw_path", "render_pages"]


def raw_path(name: str) -> str:
    return paths.raw_file(name)


def render_pages(corpus: Corpus, options: Options) -> dict[str, str]:
    index = build_index(corpus)
    pages = {
        paths.TIMELINE: timeline_page(corpus, index, options),
        paths.ARTICLES_INDEX: articles_index(index),
        paths.TAGS_INDEX: tags_index(index),
        paths.ENTITIES_INDEX: entities_index(index),
    }
    for article in corpus.articles:
        pages[paths.article_page(article.id)] = article_page(article, index)
    for event in corpus.events:
        pages[paths.event_page(event.id)] = event_page(event, index, options)
    for tag, events in index.tags.items():
        pages[paths.tag_page(tag)] = tag_page(tag, events)
    pages.update(entity_pages(index))
    return dict(sorted(pages.items()))
