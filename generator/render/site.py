"""One build's rendering context: the cross-references, the options, the templates."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import paths
from ..labels import Labels
from ..model import Event
from .cards import Card, card
from .common import Options, exports
from .index import Index
from .memo import PageMemo, content_digest
from .paging import ListPage
from .templating import Renderer, front_matter

FILTER_SCRIPT = "assets/javascripts/timeline-filter.js"


@dataclass(frozen=True)
class Site:
    index: Index
    options: Options
    renderer: Renderer
    # event id -> (the event, the digest of what its cards show), for this build
    digests: dict[str, tuple[Event, object]] = field(default_factory=dict, compare=False)
    # (way up to the root, event id) -> (the event, its card), for this build
    made: dict[tuple[str, str], tuple[Event, Card]] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, index: Index, options: Options, memo: PageMemo | None = None) -> Site:
        return cls(index, options, Renderer(options.labels, options.templates or None, memo))

    @property
    def t(self) -> Labels:
        return self.options.labels

    def page(
        self,
        template: str,
        path: str,
        *,
        edit_url: str | None = None,
        tags: Iterable[str] = (),
        **context: Any,
    ) -> str:
        """Render ``template`` for ``path``, with the page's front matter and the links
        every page kind may show (exports, the filter script)."""
        meta = front_matter(paths.page_kind(path), edit_url=edit_url, tags=tags)
        return self.renderer.page(
            template,
            path,
            meta=meta,
            exports=exports(path, self.options.site_url),
            filter_script=paths.href(path, FILTER_SCRIPT),
            config={
                "site_name": self.options.site_name,
                "site_description": self.options.site_description,
            },
            **context,
        )

    def cards_page(self, template: str, path: str, events: Sequence[Event], **context: Any) -> str:
        """A page listing ``events`` as cards (``cards`` in the template). Under serve it
        is found by its events' digests and the rest of its context, without the cards
        being made again or their fields digested (20 cards a page, on hundreds of pages)."""
        memo = self.renderer.memo

        def make() -> str:
            return self.page(template, path, cards=self.cards(path, events), **context)

        if memo is None:
            return make()
        shown = (self.shared, template, path, [self.event_digest(e) for e in events], context)
        key = content_digest(shown)
        return make() if key is None else memo.page_by(("cards page", key), make)

    def cards(self, page: str, events: Sequence[Event]) -> list[Card]:
        """``events`` as cards for ``page``: each made once a build for all the pages as
        deep as ``page`` (:mod:`.cards`), and under serve kept from the last build."""
        up = paths.up_to_root(page)
        memo = self.renderer.memo
        if memo is None:
            return [self._card(page, up, e) for e in events]
        make = functools.partial(card, page, index=self.index, labels=self.t)
        digest = self.event_digest
        return [memo.value((up, digest(e)), functools.partial(make, e)) for e in events]

    def _card(self, page: str, up: str, event: Event) -> Card:
        kept = self.made.get((up, event.id))
        if kept is None or kept[0] is not event:
            kept = self.made[(up, event.id)] = (event, card(page, event, self.index, self.t))
        return kept[1]

    def event_digest(self, event: Event) -> object:
        """Everything a card shows: the event, and the titles of the articles it cites,
        digested once a build per event (an event is on many lists, and hashing its
        fields again for each was most of what a kept card cost)."""
        kept = self.digests.get(event.id)
        if kept is None or kept[0] is not event:
            found = self.index.articles
            titles = tuple(a.title if (a := found.get(s.article)) else None for s in event.sources)
            shown = (event, titles)
            kept = (event, content_digest(shown) or shown)
            self.digests[event.id] = kept
        return kept[1]

    @functools.cached_property
    def shared(self) -> object:
        """What every page of this build shows besides its own content: the options
        (the site's address, name, labels...) and the templates (``memo.around``)."""
        around = self.renderer.memo.around if self.renderer.memo else ""
        return content_digest(self.options, around) or (self.options, around)

    def pager(
        self,
        path: str,
        place: tuple[int, int],
        prev: str | None,
        nxt: str | None,
        labels: tuple[str, str] | None = None,
    ) -> dict[str, Any] | None:
        """Page ``place = (number, total)`` of a list, for the template's pager; None for a
        list that fits one page."""
        number, total = place
        if total <= 1 and prev is None and nxt is None:
            return None
        prev_label, next_label = labels or (self.t("page_prev"), self.t("page_next"))
        return {
            "number": number,
            "total": total,
            "prev": (prev_label, paths.href(path, prev)) if prev else None,
            "next": (next_label, paths.href(path, nxt)) if nxt else None,
        }

    def list_page(self, template: str, part: ListPage[Any], title: str, **context: Any) -> str:
        """One page of a list split over several: its title numbered, its pager."""
        return self.page(template, part.path, **self._list_parts(part, title), **context)

    def events_list_page(self, part: ListPage[Event], title: str, **context: Any) -> str:
        """One page of a list of events, as cards."""
        shown = self._list_parts(part, title)
        return self.cards_page("events", part.path, part.items, **shown, **context)

    def _list_parts(self, part: ListPage[Any], title: str) -> dict[str, Any]:
        return {"title": self.list_title(title, part.number), "pager": self.list_pager(part)}

    def list_title(self, title: str, number: int) -> str:
        """A list's title, with the page number after the first page."""
        return title if number == 1 else self.t("list_page_title", title=title, number=number)

    def list_pager(self, part: ListPage[Any]) -> dict[str, Any] | None:
        return self.pager(part.path, (part.number, part.total), part.prev, part.next)
