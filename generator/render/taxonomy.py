"""Tag and entity pages: an index of each, and one page per tag, person, organisation, place.

Every list here can grow with the timeline, so each goes through :mod:`.paging`: a
list that fits one page looks as it always did, a longer one continues on numbered
pages (``tags/复工复产.md``, ``tags/复工复产/2.md``, ...).
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import paths
from ..mdwrite import escape
from ..model import Entity, Event
from .common import event_date, event_link, md_link, summary_md
from .index import ENTITY_KINDS, Index
from .paging import EVENT_LIST_PAGE, INDEX_LINKS_PAGE, framed, split_list


def event_list(page: str, events: Sequence[Event]) -> list[str]:
    """Events in date order, one list item each: date, linked title, summary."""
    out = []
    for event in events:
        line = f"- **{escape(event_date(event))}** {event_link(page, event)}"
        if event.summary:
            line += "：" + " ".join(summary_md(event.summary).split())
        out.append(line)
    return out


def tags_index(index: Index) -> dict[str, str]:
    pages = {}
    tags = list(index.tags.items())
    for part in split_list(paths.TAGS_INDEX, tags, INDEX_LINKS_PAGE):
        head = [f"# {part.title('标签')}", "", f"共 {len(index.tags)} 个标签。", ""]
        body = [
            f"- {md_link(tag, paths.link(part.path, paths.tag_page(tag)))}（{len(events)}）"
            for tag, events in part.items
        ]
        pages[part.path] = framed(part, head, body)
    return pages


def tag_pages(tag: str, events: Sequence[Event]) -> dict[str, str]:
    """The tag's events, over as many pages as they need."""
    pages = {}
    for part in split_list(paths.tag_page(tag), events, EVENT_LIST_PAGE):
        back = md_link("全部标签", paths.link(part.path, paths.TAGS_INDEX))
        title = part.title(f"标签：{escape(tag)}")
        head = [f"# {title}", "", f"{len(events)} 个事件 · {back}", ""]
        pages[part.path] = framed(part, head, event_list(part.path, part.items))
    return pages


def entities_index(index: Index) -> dict[str, str]:
    """People, organisations, places, by kind; a page that starts mid-kind repeats its
    heading, so every page says what its names are."""
    entities = [
        (entity, len(events))
        for kind in ENTITY_KINDS
        for entity, events in index.entities.items()
        if entity.kind == kind
    ]
    pages = {}
    for part in split_list(paths.ENTITIES_INDEX, entities, INDEX_LINKS_PAGE):
        head = [f"# {part.title('人物与机构')}", ""]
        body = _entity_groups(part.path, part.items)
        if not entities:
            body = ["时间线中的事件还没有标注人物、机构或地点。"]
        pages[part.path] = framed(part, head, body)
    return pages


def _entity_groups(page: str, entities: Sequence[tuple[Entity, int]]) -> list[str]:
    lines: list[str] = []
    kind = ""
    for entity, count in entities:
        if entity.kind != kind:
            kind = entity.kind
            lines += [*([""] if lines else []), f"## {ENTITY_KINDS[kind]}", ""]
        link = md_link(entity.name, paths.link(page, paths.entity_page(entity.name)))
        lines.append(f"- {link}（{count}）")
    return lines


def entity_pages(index: Index) -> dict[str, str]:
    """One page per entity name (more when long); a name used as two kinds shares one."""
    by_name: dict[str, list[tuple[Entity, list[Event]]]] = {}
    for entity, events in index.entities.items():
        by_name.setdefault(entity.name, []).append((entity, events))
    pages = {}
    for name, kinds in by_name.items():
        events = sorted({e for _, evs in kinds for e in evs}, key=Event.sort_key)
        label = "、".join(ENTITY_KINDS[e.kind] for e, _ in kinds)
        for part in split_list(paths.entity_page(name), events, EVENT_LIST_PAGE):
            back = md_link("全部人物与机构", paths.link(part.path, paths.ENTITIES_INDEX))
            meta = f"{label} · {len(events)} 个事件 · {back}"
            head = [f"# {part.title(escape(name))}", "", meta, ""]
            pages[part.path] = framed(part, head, event_list(part.path, part.items))
    return pages
