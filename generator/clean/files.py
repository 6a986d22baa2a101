"""The cleaning of one file: ``draft_file`` finds its articles, ``finish_file`` settles
their ids, publication and dates. Nothing here looks at any other file."""

from __future__ import annotations

from ..model import Article, RawText
from . import classify, dates
from .build import Draft, build
from .ids import article_id
from .lines import Line
from .markdown import is_markdown
from .reflow import Layout, measure
from .script import script
from .split import Segment, segments


def draft_file(lines: list[Line]) -> list[Draft]:
    if is_markdown(lines):
        # Markdown declares its structure and is what the cleaner writes: it is read
        # as it stands, without furniture rules (so cleaning is idempotent).
        layout = Layout(False, 0)
        return [build(part, layout, True) for part in _markdown_segments(lines)]
    classify.mark(lines, measure(lines))
    layout = measure(lines)  # again, without the furniture
    return [build(part, layout) for part in segments(lines, layout)]


def _markdown_segments(lines: list[Line]) -> list[Segment]:
    starts = [i for i, ln in enumerate(lines) if ln.kind == "title" and ln.live] or [0]
    starts[0] = 0
    ends = [*starts[1:], len(lines)]
    return [Segment(lines[a:b], []) for a, b in zip(starts, ends, strict=True)]


def finish_file(raw: RawText, drafts: list[Draft], span: dates.YearSpan | None) -> list[Article]:
    drafts = [d for d in drafts if d.title or d.blocks]
    file_pub = next((d.publication for d in drafts if d.publication), None)
    context = dates.file_dates((d.evidence for d in drafts), span)
    # The articles of one page appeared on the same day: share the page's latest date.
    page = (
        dates.latest((m for d in drafts for m in d.evidence.mentions), context)
        if len(drafts) > 1
        else None
    )
    # A page header (``云州日报 2020年4月2日 星期四 第06版``) dates every article on it.
    page_date = next((d.page_date for d in drafts if d.page_date), None)
    out: list[Article] = []
    for index, draft in enumerate(drafts, start=1):
        # The page's date is the day it was printed, whatever day a dateline names.
        draft.evidence.exact = draft.page_date or page_date or draft.evidence.exact
        if draft.meta_line is not None:
            date = draft.meta_line.date
        else:
            best = page if page is not None else dates.latest(draft.evidence.mentions, context)
            date = dates.resolve(draft.evidence.exact, best, context)
        publication = draft.publication
        if publication is None and draft.meta_line is None:
            publication = file_pub
        body = "".join(b.text for b in draft.blocks[:20])
        out.append(
            Article(
                id=article_id(raw.stem, index, len(drafts)),
                title=draft.title,
                file=raw.name,
                blocks=tuple(draft.blocks),
                dropped=tuple(draft.dropped),
                author=draft.author,
                publication=publication,
                date=date,
                url=draft.url,
                script=script(draft.title + body),
                index=index,
            )
        )
    return out
