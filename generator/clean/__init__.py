"""The ``clean`` stage: a decoded file in, the article(s) it holds out.

``clean_text`` reads one file: it drops page furniture line by line (with a
reason for every line), splits the file into articles at headline groups, finds
each article's headline, byline, publication and date, joins hard-wrapped lines
into paragraphs, tells headings and captions apart and repairs the text (web
entities, stray spaces, doubled punctuation).

``clean_corpus`` cleans every file exactly as ``clean_text`` does — alone — and
then lets the corpus do the one thing only a corpus can: drop the short furniture
lines that several sites print alike at the edges of their articles
(:mod:`.corpus`). Nothing else about an article depends on any other file.

Cleaning is idempotent: cleaning the Markdown of a cleaned article
(``generator.mdwrite.article``) gives the same Markdown again. See :mod:`.ids`
for the article id rule.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..cache import JsonCache
from ..model import Article, RawText
from ..webpage import is_web_page
from .cached import clean_files
from .corpus import without_shared_furniture
from .dates import YearSpan
from .files import draft_file, finish_file
from .lines import parse_lines

__all__ = ["YearSpan", "clean_corpus", "clean_text"]


def clean_text(raw: RawText, span: YearSpan | None = None) -> list[Article]:
    """One file -> its articles, in file order.

    ``span`` is the timeline's own span, for dates the file gives without a year.
    A saved web page (``.html``) is extracted first (:mod:`generator.webpage`).
    """
    if is_web_page(raw.name):
        # Imported here: trafilatura and lxml load only when a page is cleaned.
        from ..webpage.article import clean_page

        return clean_page(raw, span)
    return finish_file(raw, draft_file(parse_lines(raw.text)), span)


def clean_corpus(
    raws: Sequence[RawText],
    cache: JsonCache | None = None,
    span: YearSpan | None = None,
    workers: int = 1,
) -> list[Article]:
    """Many files -> all their articles, file order then article order.

    With a ``cache``, a file cleaned before (same text, same span, same code) is read
    back instead of cleaned again; the articles are the same either way. ``workers``
    processes share the files to clean, where that is safe (:mod:`.pool`).
    """
    files = clean_files(raws, span, cache, clean_text, workers)
    return without_shared_furniture(raws, files)
