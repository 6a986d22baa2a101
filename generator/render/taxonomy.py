"""Tag and entity pages: an index of each, and one page per tag, person, organisation, place."""

from __future__ import annotations

from .. import paths
from ..mdwrite import escape
from ..model import Entity, Event
from .common import event_date, event_link, md_link, summary_md
from .index import ENTITY_KINDS, Index


def event_list(page: str, events: list[Event]) -> list[str]:
    """Events in date order, one list item each: date, linked title, summary."""
    out = []
    for event in events:
        line = f"- **{escape(event_date(event))}** {event_link(page, event)}"
        if event.summary:
            line += "：" + " ".join(summary_md(event.summary).split())
        out.append(line)
    return out


def tags_index(index: Index) -> str:
    page = paths.TAGS_INDEX
    lines = ["# 标签", "", f"共 {len(index.tags)} 个标签。", ""]
    for tag, events in index.tags.items():
        lines.append(f"- {md_link(tag, paths.link(page, paths.tag_page(tag)))}（{len(events)}）")
    return "\n".join(lines) + "\n"


def tag_page(tag: str, events: list[Event]) -> str:
    page = paths.tag_page(tag)
    back = md_link("全部标签", paths.link(page, paths.TAGS_INDEX))
    head = [f"# 标签：{escape(tag)}", "", f"{len(events)} 个事件 · {back}", ""]
    return "\n".join(head + event_list(page, events)) + "\n"


def entities_index(index: Index) -> str:
    page = paths.ENTITIES_INDEX
    lines = ["# 人物与机构", ""]
    for kind, label in ENTITY_KINDS.items():
        group = [(e, evs) for e, evs in index.entities.items() if e.kind == kind]
        if not group:
            continue
        lines += [f"## {label}", ""]
        for entity, events in group:
            link = md_link(entity.name, paths.link(page, paths.entity_page(entity.name)))
            lines.append(f"- {link}（{len(events)}）")
        lines.append("")
    if len(lines) == 2:
        lines.append("时间线中的事件还没有标注人物、机构或地点。")
    return "\n".join(lines).rstrip("\n") + "\n"


def entity_pages(index: Index) -> dict[str, str]:
    """One page per entity name; a name used as two kinds shares one page."""
    by_name: dict[str, list[tuple[Entity, list[Event]]]] = {}
    for entity, events in index.entities.items():
        by_name.setdefault(entity.name, []).append((entity, events))
    pages = {}
    for name, kinds in by_name.items():
        page = paths.entity_page(name)
        events = sorted({e for _, evs in kinds for e in evs}, key=Event.sort_key)
        label = "、".join(ENTITY_KINDS[e.kind] for e, _ in kinds)
        back = md_link("全部人物与机构", paths.link(page, paths.ENTITIES_INDEX))
        head = [f"# {escape(name)}", "", f"{label} · {len(events)} 个事件 · {back}", ""]
        pages[page] = "\n".join(head + event_list(page, events)) + "\n"
    return pages
