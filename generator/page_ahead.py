"""A cold build's generated pages converted on every core before MkDocs asks for them.

MkDocs converts pages one after another in one process, and converting Markdown is
the biggest part of a cold build. The generated pages' Markdown is known once the
files are, so in ``on_nav`` forked workers convert them with ``Page.render`` itself,
on a copy of each page, and make their search documents; the results wait in
:attr:`PageCache.ahead` under the keys the build looks up. What the build then finds
is what it would have made: a page whose Markdown another plugin changes afterwards
misses and is converted as usual, and a page that warned in a worker is converted
again by the build, so the warning is said once, in the build's log.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from . import search
from .cores import can_fork, fork_calls
from .page_cache import PageCache, only_count_warnings, page_entry, warning_count

MIN_PAGES = 64  # fewer pages convert faster than workers start
# Pages go to the workers a few at a time: list pages take many times an article's
# time, and big pieces left one worker converting alone at the end.
PAGES_A_PIECE = 8
Made = list[tuple[str, Any]]  # (cache key, entry) pairs


def convert_ahead(
    cache: PageCache,
    pages: Mapping[str, str],
    config: MkDocsConfig,
    files: Files,
    workers: int,
) -> int:
    """Convert the generated ``pages`` (src_uri -> file content) the cache lacks, on
    ``workers`` processes where that is safe; returns how many were sent."""
    if workers < 2 or not can_fork():
        return 0  # `serve` (threads run) or one core: the build converts as it goes
    todo: list[tuple[str, str, dict[str, Any]]] = []
    for src_uri in sorted(pages):
        file = files.get_file_from_path(src_uri)
        if file is None or file.generated_by is None:
            continue  # a hand-written page took the path (the site's own home page)
        markdown, front = meta.get_data(pages[src_uri])
        if not cache.store.has(cache.page_key(src_uri, markdown)):
            todo.append((src_uri, markdown, front))
    if len(todo) < MIN_PAGES:
        return 0
    calls = [functools.partial(_convert, cache, config, files, *item) for item in todo]
    for made in fork_calls(calls, workers, PAGES_A_PIECE, what="pages converted ahead"):
        cache.ahead.update(made)
    return len(todo)


def _convert(
    cache: PageCache,
    config: MkDocsConfig,
    files: Files,
    src_uri: str,
    markdown: str,
    front: dict[str, Any],
) -> Made:
    """In a worker: one page's converted entry and search document, or nothing if
    converting it warned."""
    only_count_warnings()  # what a page warns, the build says when it converts it
    file = files.get_file_from_path(src_uri)
    assert file is not None
    page = Page(None, file, config)
    page.markdown, page.meta = markdown, front
    before = warning_count()
    Page.render(page, config, files)
    if warning_count() != before or page.content is None:
        return []
    made: Made = [(cache.page_key(src_uri, markdown), page_entry(page))]
    html, tags = search.unmarked(page.content), front.get("timeline_tags")
    made.append((cache.document_key(html, src_uri, tags), [search.document(html, src_uri, tags)]))
    return made
