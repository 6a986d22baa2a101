"""Pages rendered by the last build, found again when a page's template inputs are
the same: under ``mkdocs serve`` a save changes a handful of pages out of thousands.

A page's Markdown is a pure function of its template (and the templates it uses),
the labels, the page's path and the context Python built for it; Jinja is most of
what a page costs. The key hashes the pickled context, so any change to any value
a template can see is a different key: a hit means the same page. A context that
cannot be pickled is simply rendered. Only the last two builds' pages are kept.

Building those contexts costs too: an event is on several lists. Cards are kept the
same way, keyed by the page's depth (a card serves every page as deep, see
``render.cards``) and a digest of the event and the titles of the articles it cites;
article pages, keyed by the article object itself (see ``render.articles``); and event
pages, keyed by what they show without building their context (see ``render.events``).
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

from ..cache import code_fingerprint, digest
from ..kept import Kept
from ..labels import Labels

T = TypeVar("T")


def content_digest(value: object, salt: str = "") -> bytes | None:
    """A digest of ``value``'s pickle: equal digests are equal plain data (equal data
    may pickle differently, which only costs a render); ``None`` if it cannot be
    pickled."""
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None
    return hashlib.sha256(salt.encode() + b"\0" + data).digest()


class PageMemo:
    """``(template, path, context) -> Markdown``, and cards and article pages, in memory,
    for one process: what this build made, and what the last build that made any did."""

    def __init__(self) -> None:
        self.around = ""
        self.kept: Kept[Hashable, Any] = Kept()
        self.hits = 0  # pages found again (not cards), this build
        # path -> Markdown known to be the page's for this build's inputs (see prime)
        self.known: dict[str, str] = {}

    def begin(self, labels: Labels, owner_version: str) -> None:
        """A new build: what its pages share (labels, the owner's templates as
        ``owner_version`` digests them, the shipped ones)."""
        self.around = digest(code_fingerprint(), repr(labels), owner_version)
        self.kept.begin()
        self.hits = 0

    def empty(self) -> bool:
        return self.kept.empty()

    def prime(self, pages: dict[str, str], render: Callable[[], object]) -> None:
        """Learn the keys of ``pages`` (the Markdown of this build's inputs, from the disk
        cache) by running ``render``, which builds every context but renders none: the
        first save after the server starts then renders only what it changed."""
        self.known = pages
        try:
            render()
        finally:
            self.known = {}

    def value(self, key: Hashable, make: Callable[[], T]) -> T:
        """What ``make`` gives (an event's card for a page, an article's page): the last
        build's when ``key`` is the same."""
        return self._find(key, make)[0]

    def page(self, key_parts: tuple[Any, ...], make: Callable[[], str]) -> str:
        found = content_digest(key_parts, self.around)
        if found is None:
            return make()  # something not plain data: no key, render it
        return self.page_by(found, make)

    def page_by(self, key: Hashable, make: Callable[[], str]) -> str:
        """A page found by a key that holds everything it shows (its maker knows what
        that is, and builds no context to find it)."""
        text, again = self._find(key, make)
        self.hits += again
        return text

    def _find(self, key: Hashable, make: Callable[[], T]) -> tuple[T, bool]:
        """The value, and whether it came from the last build."""
        found, again = self.kept.find(key)
        if found is None:
            found = make()
        self.kept.keep(key, found)
        return cast(T, found), again
