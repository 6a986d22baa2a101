"""Long lists split over numbered pages: ``第 N 页，共 M 页`` and previous/next links.

The limits are counts, so a page's size does not depend on how it is measured, and
are set for the 30 KB HTML budget of a page: Material's chrome (header, navigation,
footer) takes 15-17 KB of every page, leaving about 13 KB for the list itself. A
list that fits stays one page with no pager, exactly as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from .. import paths

# Events on one tag or entity page: drawn as on the timeline, a card (date, linked
# title, summary, sources, tags) is 0.8-1.1 KB of HTML, so 12 fill about 13 KB.
EVENT_LIST_PAGE = 12
# Rows of the articles table: a row (linked title, author, source, date, count) is
# about 0.25 KB of HTML.
ARTICLE_ROWS_PAGE = 40
# Links on the tags index or the entities index: about 0.1 KB of HTML each.
INDEX_LINKS_PAGE = 120

T = TypeVar("T")


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """``items`` in runs of at most ``size``; an empty list is still one (empty) run."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


@dataclass(frozen=True)
class ListPage(Generic[T]):
    """Page ``number`` of ``total`` of a list, with its neighbours' paths."""

    path: str
    number: int
    total: int
    items: Sequence[T]
    prev: str | None
    next: str | None


def split_list(first: str, items: Sequence[T], size: int) -> list[ListPage[T]]:
    """The pages of a list whose first page is ``first`` (see :func:`paths.numbered_page`)."""
    runs = chunks(items, size)
    names = [paths.numbered_page(first, n) for n in range(1, len(runs) + 1)]
    return [
        ListPage(
            names[i],
            i + 1,
            len(runs),
            run,
            names[i - 1] if i else None,
            names[i + 1] if i + 1 < len(runs) else None,
        )
        for i, run in enumerate(runs)
    ]
