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
from .events import event_page
from .index import build_index
from .overview import overview
from .taxonomy import entities_index, entity_pages, tag_pages, tags_index
from .timeline_pages import timeline_pages

__all__ = ["Options", "overview", "raw_path", "render_pages"]


def raw_path(name: str) -> str:
    return paths.raw_file(name)


def render_pages(corpus: Corpus, options: Options) -> dict[str, str]:
    index = build_index(corpus)
    pages = {
        **timeline_pages(corpus.events, index, options),
        **articles_index(index),
        **tags_index(index),
        **entities_index(index),
    }
    for article in corpus.articles:
        pages[paths.article_page(article.id)] = article_page(article, index)
    for event in corpus.events:
        pages[paths.event_page(event.id)] = event_page(event, index, options)
    for tag, events in index.tags.items():
        pages.update(tag_pages(tag, events))
    pages.update(entity_pages(index))
    return dict(sorted(pages.items()))
