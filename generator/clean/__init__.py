"""The ``clean`` stage: a decoded file in, the article(s) it holds out.

``clean_text`` reads one file: it drops page furniture line by line (with a
reason for every line), splits the file into articles at headline groups, finds
each article's headline, byline, publication and date, joins hard-wrapped lines
into paragraphs, tells headings and captions apart and repairs the text (web
entities, stray spaces, doubled punctuation). ``clean_corpus`` does the same for
many files and adds what only the corpus shows: lines repeated across files
(boilerplate) and the year most of the corpus talks about (for dates given
without a year).

Cleaning is idempotent: cleaning the Markdown of a cleaned article
(``generator.mdwrite.article``) gives the same Markdown again. See :mod:`.ids`
for the article id rule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..model import Article, RawText
from . import classify, dates
from .build import Draft, build
from .ids import article_id
from .lines import Line, parse_lines
from .markdown import is_markdown
from .reflow import Layout, measure
from .script import script
from .split import Segment, segments

__all__ = ["clean_corpus", "clean_text"]


def clean_text(
    raw: RawText, boilerplate: frozenset[str] = frozenset(), *, year_hint: int | None = None
) -> list[Article]:
    """One file -> its articles, in file order."""
    drafts = _draft(parse_lines(raw.text), boilerplate)
    return _finish(raw, drafts, year_hint)


def clean_corpus(raws: Sequence[RawText]) -> list[Article]:
    """Many files -> all their articles, file order then article order."""
    parsed = [parse_lines(raw.text) for raw in raws]
    boilerplate = repeated_lines(parsed)
    drafted = [_draft(lines, boilerplate) for lines in parsed]
    counts: Counter[int] = Counter()
    for drafts in drafted:
        for draft in drafts:
            counts.update(dates.years([draft.title, *(b.text for b in draft.blocks)]))
    hint = max(counts, key=lambda y: (counts[y], y)) if counts else None
    out: list[Article] = []
    for raw, drafts in zip(raws, drafted, strict=True):
        out.extend(_finish(raw, drafts, hint))
    return out


def repeated_lines(files: Sequence[Sequence[Line]]) -> frozenset[str]:
    """Short or non-sentence lines that occur in two files or more."""
    seen: Counter[str] = Counter()
    for lines in files:
        keys = {
            classify.line_key(ln.text) for ln in lines if not ln.blank and classify.repeatable(ln)
        }
        seen.update(keys)
    return frozenset(key for key, n in seen.items() if n >= 2 and classify.repeatable_key(key))


def _draft(lines: list[Line], boilerplate: frozenset[str]) -> list[Draft]:
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


def _finish(raw: RawText, drafts: list[Draft], hint: int | None) -> list[Article]:
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
