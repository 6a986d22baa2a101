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
from .fixes import spaced_style
from .ids import article_id, script
from .lines import Line, parse_lines
from .markdown import is_markdown
from .reflow import Layout, measure
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
    return frozenset(
        key for key, n in seen.items() if n >= 2 and classify.repeatable_key(key)
    )


def _draft(lines: list[Line], boilerplate: frozenset[str]) -> list[Draft]:
    markdown = is_markdown(lines)
    layout = Layout(False, 0) if markdown else measure(lines)
    classify.mark(lines, boilerplate, layout)
    if markdown:
        parts = _markdown_segments(lines)
    else:
        layout = measure(lines)  # again, without the furniture
        parts = segments(lines, layout)
    keep_mixed = spaced_style([ln.text for ln in lines if ln.live])
    return [build(part, layout, keep_mixed, markdown) for part in parts]


def _markdown_segments(lines: list[Line]) -> list[Segment]:
    starts = [i for i, ln in enumerate(lines) if ln.kind == "title" and ln.live]
    starts[0] = 0
    ends = [*starts[1:], len(lines)]
    return [Segment(lines[a:b], []) for a, b in zip(starts, ends, strict=True)]


def _finish(raw: RawText, drafts: list[Draft], hint: int | None) -> list[Article]:
    file_pub = next((d.publication for d in drafts if d.publication), None)
    file_full = [ymd for d in drafts for ymd in d.evidence.full]
    page = [m for d in drafts for m in d.evidence.mentions]
    out: list[Article] = []
    for index, draft in enumerate(drafts, start=1):
        if draft.meta_line is not None:
            date = draft.meta_line.date
        else:
            evidence = draft.evidence
            if len(drafts) > 1:  # articles of one page appeared on the same day
                evidence = dates.DateEvidence(evidence.exact, page, evidence.full)
            date = dates.resolve(evidence, file_full, hint)
        publication = draft.publication
        if publication is None and draft.meta_line is None:
            publication = file_pub
        body = "".join(b.text for b in draft.blocks)
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
