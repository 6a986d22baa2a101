"""One page per event: its date, summary, tags, entities and every quoted source."""

from __future__ import annotations

from .. import paths
from ..mdwrite import escape
from ..model import Entity, Event, SourceRef
from .common import (
    Options,
    article_label,
    edit_url,
    event_date,
    event_link,
    md_link,
    summary_md,
    tags_line,
)
from .index import ENTITY_KINDS, Index


def event_page(event: Event, index: Index, options: Options) -> str:
    page = paths.event_page(event.id)
    back = paths.link(page, *index.layout.event_place(event.id))
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
