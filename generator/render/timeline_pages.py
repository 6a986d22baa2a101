"""The timeline: one page of events by month, or, when long, an overview and month pages.

:mod:`.layout` decides whether and where the timeline is split; this module only
writes the pages it planned.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from .. import paths
from ..mdwrite import escape
from ..model import Event, SourceRef
from .common import (
    Options,
    article_label,
    edit_url,
    event_date,
    md_link,
    month_anchor,
    month_title,
    summary_md,
    tags_line,
)
from .index import Index
from .layout import TimelineLayout, TimelinePart, by_month
from .paging import pager


def timeline_pages(events: Sequence[Event], index: Index, options: Options) -> dict[str, str]:
    """``timeline.md`` and, for a split timeline, every month page (path -> Markdown)."""
    layout = index.layout
    if not layout.split:
        return {paths.TIMELINE: _single_page(events, index, options)}
    pages = {paths.TIMELINE: _overview_page(events, layout)}
    parts = layout.parts
    for i, part in enumerate(parts):
        prev = parts[i - 1] if i else None
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        pages[part.path] = _part_page(part, prev, nxt, index, options)
    return pages


def _intro(events: Sequence[Event], how: str) -> list[str]:
    if not events:
        return ["时间线里还没有事件：在 `timeline.yaml` 的 `events:` 下添加第一个。", ""]
    span = f"{events[0].date.zh()}—{(events[-1].end or events[-1].date).zh()}"
    return [f"共 {len(events)} 个事件，{span}，{how}。", ""]


def _single_page(events: Sequence[Event], index: Index, options: Options) -> str:
    page = paths.TIMELINE
    lines = ["# 时间线", "", *_intro(events, "按月份排列")]
    months = by_month(events)
    if len(months) > 1:
        jump = " · ".join(f"[{month_title(k)}](#{month_anchor(k)})" for k in months)
        lines += [f"跳到：{jump}", ""]
    for key, group in months.items():
        lines += [f"## {month_title(key)} {{#{month_anchor(key)}}}", ""]
        for event in group:
            lines += _timeline_entry(page, event, index, options)
    return "\n".join(lines) + "\n"


def _overview_page(events: Sequence[Event], layout: TimelineLayout) -> str:
    """The months, each with its event count and its pages labelled by the days they cover."""
    page = paths.TIMELINE
    lines = ["# 时间线", "", *_intro(events, "每月一页，事件多的月份分为几页")]
    by_key: dict[tuple[int, int], list[TimelinePart]] = {}
    for part in layout.parts:
        by_key.setdefault(part.month, []).append(part)
    for key, count in layout.months.items():
        parts = by_key[key]
        first = md_link(month_title(key), paths.link(page, parts[0].path))
        line = f"- {first}（{count} 个事件"
        if len(parts) > 1:
            days = " · ".join(md_link(_days(p), paths.link(page, p.path)) for p in parts)
            line += f"，{len(parts)} 页）：{days}"
        else:
            line += "）"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _days(part: TimelinePart) -> str:
    """``3—5日``: the days a page covers, by the start dates of its events."""
    days = sorted({e.date.day for e in part.events if e.date.day is not None})
    if not days:
        return f"第 {part.part} 页"
    return f"{days[0]}日" if days[0] == days[-1] else f"{days[0]}—{days[-1]}日"


def _part_page(
    part: TimelinePart,
    prev: TimelinePart | None,
    nxt: TimelinePart | None,
    index: Index,
    options: Options,
) -> str:
    page = part.path
    title = month_title(part.month)
    if part.part > 1:
        title += f"（第 {part.part} 页）"
    count = index.layout.months[part.month]
    back = md_link("时间线总览", paths.link(page, paths.TIMELINE))
    lines = [f"# {title}", "", f"{month_title(part.month)}共 {count} 个事件 · {back}", ""]
    labels = (
        "← 上一页" if prev is None or prev.month == part.month else f"← {month_title(prev.month)}",
        "下一页 →" if nxt is None or nxt.month == part.month else f"{month_title(nxt.month)} →",
    )
    nav = pager(
        page,
        part.part,
        part.parts,
        prev.path if prev else None,
        nxt.path if nxt else None,
        labels,
    )
    lines += nav
    for event in part.events:
        lines += _timeline_entry(page, event, index, options)
    return "\n".join([*lines, *nav]).rstrip("\n") + "\n"


def _timeline_entry(page: str, event: Event, index: Index, options: Options) -> list[str]:
    """Heading, summary and one line of facts; the quotes themselves are on the event
    page, so the timeline stays light enough for a phone with a thousand events."""
    meta = [
        f"**{escape(event_date(event))}**",
        md_link("事件页", paths.link(page, paths.event_page(event.id))),
    ]
    edit = edit_url(options, event.line)
    if edit:
        meta.append(f"[编辑]({edit})")
    tags = tags_line(page, event)
    if tags:
        meta.append(tags)
    meta.append("来源：" + "、".join(_source_link(page, s, index) for s in event.sources))
    # A raw HTML heading: a permalink target, but no entry in the table of contents,
    # which would otherwise list every event twice (sidebar and mobile menu).
    out = [f'<h3 id="{event.id}" class="timeline-event">{html.escape(event.title)}</h3>', ""]
    if event.summary:
        out += [summary_md(event.summary), ""]
    return [*out, " · ".join(meta), ""]


def _source_link(page: str, source: SourceRef, index: Index) -> str:
    article = index.articles.get(source.article)
    target = paths.link(page, paths.article_page(source.article), source.anchor)
    where = f" 第 {source.anchor[1:]} 段" if source.anchor else ""
    return md_link(article_label(article, source.article) + where, target)
