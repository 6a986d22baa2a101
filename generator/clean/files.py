"""The cleaning of one file in steps, so a corpus can be cleaned with or without a cache.

``draft_file`` finds the articles of a file (given the corpus's boilerplate lines),
``finish_file`` settles their ids, publication and dates (given the corpus's year).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from ..model import Article, RawText
from . import classify, dates
from .build import Draft, build
from .ids import article_id
from .lines import Line
from .markdown import is_markdown
from .reflow import Layout, measure
from .script import script
from .split import Segment, segments


def repeatable_keys(lines: Sequence[Line]) -> set[str]:
    """The keys of the short or non-sentence lines that could be boilerplate."""
    return {classify.line_key(ln.text) for ln in lines if not ln.blank and classify.repeatable(ln)}


def repeated(keys: Iterable[Iterable[str]]) -> frozenset[str]:
    """Boilerplate: the keys found in two files or more."""
    seen: Counter[str] = Counter()
    for found in keys:
        seen.update(found)
    return frozenset(key for key, n in seen.items() if n >= 2 and classify.repeatable_key(key))


def draft_years(drafts: Iterable[Draft]) -> Counter[int]:
    counts: Counter[int] = Counter()
    for draft in drafts:
        counts.update(dates.years([draft.title, *(b.text for b in draft.blocks)]))
    return counts


def corpus_year(counts: Counter[int]) -> int | None:
    """The year the corpus talks about most, for dates written without one."""
    return max(counts, key=lambda y: (counts[y], y)) if counts else None


def draft_file(lines: list[Line], boilerplate: frozenset[str]) -> list[Draft]:
    if is_markdown(lines):
        # Markdown declares its structure and is what the cleaner writes: it is read
        # as it stands, without furniture rules (so cleaning is idempotent).
        layout = Layout(False, 0)
        return [build(part, layout, True) for part in _markdown_segments(lines)]
    classify.mark(lines, boilerplate, measure(lines))
    layout = measure(lines)  # again, without the furniture
    return [build(part, layout) for part in segments(lines, layout)]


def _markdown_segments(lines: list[Line]) -> list[Segment]:
    starts = [i for i, ln in enumerate(lines) if ln.kind == "title" and ln.live] or [0]
    starts[0] = 0
    ends = [*starts[1:], len(lines)]
    return [Segment(lines[a:b], []) for a, b in zip(starts, ends, strict=True)]


def finish_file(raw: RawText, drafts: list[Draft], hint: int | None) -> list[Article]:
    drafts = [d for d in drafts if d.title or d.blocks]
    file_pub = next((d.publication for d in drafts if d.publication), None)
    context = dates.file_dates((d.evidence for d in drafts), hint)
    # The articles of one page appeared on the same day: share the page's latest date.
    page = (
        dates.latest((m for d in drafts for m in d.evidence.mentions), context.ref)
        if len(drafts) > 1
        else None
    )
    out: list[Article] = []
    for index, draft in enumerate(drafts, start=1):
        if draft.meta_line is not None:
            date = draft.meta_line.date
        else:
            best = page if page is not None else dates.latest(draft.evidence.mentions, context.ref)
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
