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

from ..cache import JsonCache
from ..model import Article, RawText
from .files import corpus_year, draft_file, draft_years, finish_file, repeatable_keys, repeated
from .lines import parse_lines

__all__ = ["clean_corpus", "clean_text"]


def clean_text(
    raw: RawText, boilerplate: frozenset[str] = frozenset(), *, year_hint: int | None = None
) -> list[Article]:
    """One file -> its articles, in file order."""
    drafts = draft_file(parse_lines(raw.text), boilerplate)
    return finish_file(raw, drafts, year_hint)


def clean_corpus(raws: Sequence[RawText], cache: JsonCache | None = None) -> list[Article]:
    """Many files -> all their articles, file order then article order.

    With a ``cache``, files cleaned before in the same company are not cleaned again
    (:mod:`.cached`); the articles are the same either way.
    """
    if cache is not None:
        from .cached import clean_cached

        return clean_cached(raws, cache)
    parsed = [parse_lines(raw.text) for raw in raws]
    boilerplate = repeated([repeatable_keys(lines) for lines in parsed])
    drafted = [draft_file(lines, boilerplate) for lines in parsed]
    counts: Counter[int] = Counter()
    for drafts in drafted:
        counts.update(draft_years(drafts))
    hint = corpus_year(counts)
    out: list[Article] = []
    for raw, drafts in zip(raws, drafted, strict=True):
        out.extend(finish_file(raw, drafts, hint))
    return out
