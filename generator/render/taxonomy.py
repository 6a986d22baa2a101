"""Tag and entity pages: an index of each, and one page per tag, person, organisation, place.

Every list here can grow with the timeline, so each goes through :mod:`.paging`: a
list that fits one page looks as it always did, a longer one continues on numbered
pages (``tags/复工复产.md``, ``tags/复工复产/2.md``, ...).
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import paths
from ..model import Entity, Event
from .index import ENTITY_KINDS
from .paging import EVENT_LIST_PAGE, INDEX_LINKS_PAGE, ListPage, split_list
from .site import Site


def tags_index(site: Site) -> dict[str, str]:
    pages = {}
    tags = list(site.index.tags.items())
    for part in split_list(paths.TAGS_INDEX, tags, INDEX_LINKS_PAGE):
        items = [
            (tag, paths.href(part.path, paths.tag_page(tag)), len(events))
            for tag, events in part.items
        ]
        pages[part.path] = site.list_page(
            "tags",
            part,
            site.t("tags"),
            count=len(tags),
            items=items,
        )
    return pages


def tag_pages(tag: str, events: Sequence[Event], site: Site) -> dict[str, str]:
    """The tag's events on the timeline's axis, over as many pages as they need."""
    pages = {}
    back = site.t("all_tags")
    for part in split_list(paths.tag_page(tag), events, EVENT_LIST_PAGE):
        pages[part.path] = _events_page(
            part, site.t("tag", tag=tag), "", back, paths.TAGS_INDEX, site, len(events)
        )
    return pages


def _events_page(
    part: ListPage[Event],
    title: str,
    kind_label: str,
    back: str,
    index_page: str,
    site: Site,
    count: int,
) -> str:
    return site.events_list_page(
        part,
        title,
        kind_label=kind_label,
        count=count,
        back=(back, paths.href(part.path, index_page)),
    )


def entities_index(site: Site) -> dict[str, str]:
    """People, organisations, places, by kind; a page that starts mid-kind repeats its
    heading, so every page says what its names are."""
    entities = [
        (entity, len(events))
        for kind in ENTITY_KINDS
        for entity, events in site.index.entities.items()
        if entity.kind == kind
    ]
    pages = {}
    for part in split_list(paths.ENTITIES_INDEX, entities, INDEX_LINKS_PAGE):
        groups: dict[str, list[tuple[str, str, int]]] = {}
        for entity, count in part.items:
            href = paths.href(part.path, paths.entity_page(entity.name))
            groups.setdefault(site.t(entity.kind), []).append((entity.name, href, count))
        pages[part.path] = site.list_page(
            "entities",
            part,
            site.t("entities"),
            groups=list(groups.items()),
        )
    return pages


EntityKinds = list[tuple[Entity, list[Event]]]


def entity_names(site: Site) -> dict[str, EntityKinds]:
    """Each entity name with the kinds it is used as, and their events."""
    by_name: dict[str, EntityKinds] = {}
    for entity, events in site.index.entities.items():
        by_name.setdefault(entity.name, []).append((entity, events))
    return by_name


def named_entity_pages(name: str, kinds: EntityKinds, site: Site) -> dict[str, str]:
    """The pages of one entity name."""
    pages = {}
    back = site.t("all_entities")
    # By id: hashing whole events to remove duplicates cost more than the page.
    events = sorted({e.id: e for _, evs in kinds for e in evs}.values(), key=Event.sort_key)
    label = "、".join(site.t(e.kind) for e, _ in kinds)
    for part in split_list(paths.entity_page(name), events, EVENT_LIST_PAGE):
        pages[part.path] = _events_page(
            part, name, label, back, paths.ENTITIES_INDEX, site, len(events)
        )
    return pages
