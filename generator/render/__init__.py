"""Render the validated corpus as Markdown pages (path -> text), engine-agnostic.

Page skeletons are Jinja templates (``generator/templates/``, one per page kind) a
site owner can override; the pages use plain Markdown, HTML blocks and the
extensions listed in ``mkdocs.yml`` (attribute lists, admonitions, details,
tables). Any engine with those extensions can build them.
"""

from __future__ import annotations

from importlib import resources

from .. import paths
from ..labels import Labels
from ..model import Corpus
from .articles import article_page, articles_index
from .common import Options, webcal_url
from .events import event_page
from .home import home_page
from .index import build_index
from .memo import PageMemo
from .site import Site
from .taxonomy import entities_index, entity_pages, tag_pages, tags_index
from .timeline_pages import timeline_pages

__all__ = [
    "STYLESHEET",
    "Labels",
    "Options",
    "PageMemo",
    "raw_path",
    "render_pages",
    "static_files",
    "webcal_url",
]


# Files the generated pages use, shipped in ``generator/assets/`` (published path -> name).
STATIC = {
    "assets/javascripts/timeline-filter.js": "timeline-filter.js",
    "assets/stylesheets/timeline-generator.css": "timeline-generator.css",
}
STYLESHEET = "assets/stylesheets/timeline-generator.css"


def static_files() -> dict[str, bytes]:
    folder = resources.files("generator") / "assets"
    return {path: (folder / name).read_bytes() for path, name in STATIC.items()}


def raw_path(name: str) -> str:
    return paths.raw_file(name)


def render_pages(corpus: Corpus, options: Options, memo: PageMemo | None = None) -> dict[str, str]:
    """Every page; with ``memo``, a page whose template inputs the last build saw is
    not rendered again (see :mod:`.memo`)."""
    site = Site.of(build_index(corpus), options, memo)
    index = site.index
    pages = {
        paths.HOME: home_page(corpus, site),
        **timeline_pages(corpus.events, site),
        **articles_index(site),
        **tags_index(site),
        **entities_index(site),
    }
    for article in corpus.articles:
        pages[paths.article_page(article.id)] = article_page(article, site)
    for event in corpus.events:
        pages[paths.event_page(event.id)] = event_page(event, site)
    for tag, events in index.tags.items():
        pages.update(tag_pages(tag, events, site))
    pages.update(entity_pages(site))
    return dict(sorted(pages.items()))
