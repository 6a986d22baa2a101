"""Pages rendered by the last build, found again when a page's template inputs are
the same: under ``mkdocs serve`` a save changes a handful of pages out of thousands.

A page's Markdown is a pure function of its template (and the templates it uses),
the labels, the page's path and the context Python built for it; Jinja is most of
what a page costs. The key hashes the pickled context, so any change to any value
a template can see is a different key: a hit means the same page. A context that
cannot be pickled is simply rendered. Only the last two builds' pages are kept.

Building those contexts costs too: an event's card is made for every list it is on.
Cards are kept the same way, keyed by the page, the event itself (frozen, compared
field by field) and the titles of the articles it cites; and article pages, keyed by
the article object itself (see ``render.articles``).
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

from ..cache import code_fingerprint, digest, folder_parts
from ..labels import Labels

T = TypeVar("T")


class PageMemo:
    """``(template, path, context) -> Markdown``, in memory, for one process."""

    def __init__(self) -> None:
        self.around = ""
        self.last: dict[bytes, str] = {}
        self.now: dict[bytes, str] = {}
        self.hits = 0
        self.values_last: dict[Hashable, Any] = {}
        # path -> Markdown known to be the page's for this build's inputs (see prime)
        self.known: dict[str, str] = {}
        self.values_now: dict[Hashable, Any] = {}

    def begin(self, labels: Labels, owner_dir: str) -> None:
        """A new build: what its pages share (labels, the owner's and shipped templates)."""
        self.around = digest(code_fingerprint(), repr(labels), *folder_parts(owner_dir))
        self.last = self.now or self.last  # the last build that rendered pages
        self.now, self.hits = {}, 0
        self.values_last = self.values_now or self.values_last
        self.values_now = {}

    def empty(self) -> bool:
        return not (self.now or self.last)

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
        found = self.values_now.get(key)
        if found is None:
            found = self.values_last.get(key)
        if found is None:
            found = make()
        self.values_now[key] = found
        return cast(T, found)

    def page(self, key_parts: tuple[Any, ...], make: Callable[[], str]) -> str:
        try:
            data = pickle.dumps(key_parts, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):
            return make()  # something not plain data: no key, render it
        key = hashlib.sha256(self.around.encode() + b"\0" + data).digest()
        text = self.now.get(key)
        if text is None:
            text = self.last.get(key)
            self.hits += text is not None
        if text is None:
            text = make()
        self.now[key] = text
        return text
