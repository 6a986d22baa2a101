"""The timeline page (events by month) and one page per event."""

from __future__ import annotations

import html
from itertools import groupby

from .. import paths
from ..mdwrite import escape
from ..model import Corpus, Entity, Event, SourceRef
from .common import (
    Options,
    article_label,
    edit_url,
    event_date,
    event_link,
    md_link,
    month_anchor,
    month_key,
    month_title,
    summary_md,
    tags_line,
)
from .index import ENTITY_KINDS, Index


def timeline_page(corpus: Corpus, index: Index, options: Options) -> str:
    page = paths.TIMELINE
    events = corpus.events
    lines = ["# 时间线", ""]
    if events:
        span = f"{events[0].date.zh()}—{(events[-1].end or events[-1].date).zh()}"
        lines += [f"共 {len(events)} 个事件，{span}，按月份排列。", ""]
    else:
        lines += ["时间线里还没有事件：在 `timeline.yaml` 的 `events:` 下添加第一个。", ""]
    months = [(key, list(group)) for key, group in groupby(events, key=month_key)]
    if len(months) > 1:
        jump = " · ".join(f"[{month_title(k)}](#{month_anchor(k)})" for k, _ in months)
        lines += [f"跳到：{jump}", ""]
    for key, group in months:
        lines += [f"## {month_title(key)} {{#{month_anchor(key)}}}", ""]
        for event in group:
            lines += _timeline_entry(page, event, index, options)
    return "\n".join(lines) + "\n"


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


def event_page(event: Event, index: Index, options: Options) -> str:
    page = paths.event_page(event.id)
    back = paths.link(page, paths.TIMELINE, event.id)
    lines = [f"# {escape(event.title)}", ""]
    meta = [f"**日期**：{escape(event_date(event))}", f"[在时间线中查看]({back})"]
    edit = edit_url(options, event.line)
    if edit:
        meta.append(f"[编辑此事件]({edit})")
    lines += [" · ".join(meta), ""]
    if event.summary:
        lines += [summary_md(event.summary), ""]
    tags = tags_line(page, event)
    if tags:
        lines += [tags, ""]
    lines += _entity_lines(page, event.entities)
    lines += ["## 来源", ""]
    for number, source in enumerate(event.sources, 1):
        lines += _source_block(page, source, index, number)
    lines += _prev_next(page, *index.neighbours.get(event.id, (None, None)))
    return "\n".join(lines) + "\n"


def _entity_lines(page: str, entities: tuple[Entity, ...]) -> list[str]:
    out = []
    for kind, label in ENTITY_KINDS.items():
        names = [e.name for e in entities if e.kind == kind]
        if names:
            links = " · ".join(md_link(n, paths.link(page, paths.entity_page(n))) for n in names)
            out.append(f"{label}：{links}")
    return [line for entry in out for line in (entry, "")]


def _source_block(page: str, source: SourceRef, index: Index, number: int) -> list[str]:
    """One quoted source in its own box (adjacent blockquotes would merge into one)."""
    article = index.articles.get(source.article)
    target = paths.link(page, paths.article_page(source.article), source.anchor)
    where = f"第 {source.anchor[1:]} 段" if source.anchor else "原文"
    cite = [md_link(f"{article_label(article, source.article)} {where}", target)]
    if article is not None:
        cite += [escape(x) for x in (article.publication, article.author) if x]
        if article.date:
            cite.append(escape(article.date.zh()))
        cite.append(md_link("原始文件", paths.link(page, paths.raw_file(article.file))))
    quote = escape(" ".join(source.quote.split()))
    return [f'!!! quote "来源 {number}"', "", f"    {quote}", "", "    — " + " · ".join(cite), ""]


def _prev_next(page: str, prev: Event | None, nxt: Event | None) -> list[str]:
    parts = []
    if prev is not None:
        parts.append(f"← 上一个：{event_link(page, prev)}")
    if nxt is not None:
        parts.append(f"下一个：{event_link(page, nxt)} →")
    return ["---", "", " | ".join(parts), ""] if parts else []
