"""Render the validated corpus as Markdown pages (path -> text), engine-agnostic.

Page skeletons are Jinja templates (``generator/templates/``, one per page kind) a
site owner can override; the pages use plain Markdown, HTML blocks and the
extensions listed in ``mkdocs.yml`` (attribute lists, admonitions, details,
tables). Any engine with those extensions can build them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from importlib import resources
from typing import TypeVar

from .. import collector, paths
from ..cores import can_fork, fork_calls
from ..labels import Labels
from ..model import Corpus
from .articles import article_page, articles_index
from .common import Options, webcal_url
from .events import event_page
from .home import home_page
from .index import build_index
from .memo import PageMemo
from .site import Site
from .taxonomy import entities_index, entity_names, named_entity_pages, tag_pages, tags_index
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


T = TypeVar("T")

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


Pages = dict[str, str]
Job = Callable[[], Pages]
MIN_PAGES = 64  # fewer pages render faster than workers start
# Jobs differ a hundredfold (a tag's list against one article's page): in a few big
# pieces, one worker was left alone with the lists (10,000 articles: 23.6 s, not 17.6).
PIECES_PER_WORKER = 16


# The index and the pieces of work are made of many small objects that live on: with
# 10,000 articles in memory, each full pass of the collector over them cost 0.4 s. The
# workers inherit the pause; a page leaves about half an object of cyclic garbage.
@collector.paused()
def render_pages(
    corpus: Corpus, options: Options, memo: PageMemo | None = None, workers: int = 1
) -> Pages:
    """Every page; with ``memo``, a page whose template inputs the last build saw is
    not rendered again (see :mod:`.memo`). With ``workers``, pages are rendered on
    that many forked processes where that is safe (never with ``memo``, which lives
    in this process); each page is a pure function of the corpus, so the pages are the
    same."""
    site = Site.of(build_index(corpus), options, memo)
    jobs = _jobs(corpus, site)
    if memo is None and workers > 1 and len(jobs) >= MIN_PAGES and can_fork():
        done = fork_calls(jobs, workers, max(1, len(jobs) // (workers * PIECES_PER_WORKER)))
    else:
        done = [job() for job in jobs]
    pages: Pages = {}
    for made in done:
        pages.update(made)
    return dict(sorted(pages.items()))


def _jobs(corpus: Corpus, site: Site) -> list[Job]:
    """The site's pages as independent pieces of work, one or a few pages each."""
    index = site.index
    jobs: list[Job] = [
        lambda: {paths.HOME: home_page(corpus, site)},
        lambda: timeline_pages(corpus.events, site),
        lambda: articles_index(site),
        lambda: tags_index(site),
        lambda: entities_index(site),
    ]
    # The long lists first and the many small pages last, so that workers taking the
    # pieces in order finish together (the pages are sorted by path afterwards).
    for tag, events in index.tags.items():
        jobs.append(functools.partial(tag_pages, tag, events, site))
    for name, kinds in entity_names(site).items():
        jobs.append(functools.partial(named_entity_pages, name, kinds, site))
    for event in corpus.events:
        jobs.append(functools.partial(_one, paths.event_page(event.id), event_page, event, site))
    for article in corpus.articles:
        jobs.append(
            functools.partial(_one, paths.article_page(article.id), article_page, article, site)
        )
    return jobs


def _one(path: str, page: Callable[[T, Site], str], item: T, site: Site) -> Pages:
    return {path: page(item, site)}
