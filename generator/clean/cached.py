"""Cleaned files kept between builds: an unchanged file is not cleaned again.

A file's articles depend only on its own text, the timeline's span (for year-less
dates), the cleaner's code and, for a saved web page, trafilatura's version, so that
is the key: editing one file re-cleans that
file alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .. import collector
from ..cache import JsonCache, code_fingerprint, digest
from ..model import Article, Block, Dropped, PartialDate, RawText
from ..webpage import extractor_version, is_web_page
from .dates import YearSpan
from .pool import clean_many

Cleaner = Callable[[RawText, "YearSpan | None"], list[Article]]


def clean_file(
    raw: RawText, span: YearSpan | None, cache: JsonCache | None, clean: Cleaner
) -> list[Article]:
    return clean_files([raw], span, cache, clean)[0]


def clean_files(
    raws: Sequence[RawText],
    span: YearSpan | None,
    cache: JsonCache | None,
    clean: Cleaner,
    workers: int = 1,
) -> list[list[Article]]:
    """Each file's articles: from the cache if it has them, else cleaned (the files
    not in the cache on ``workers`` processes)."""
    found: list[list[Article] | None] = [None] * len(raws)
    keys: list[str] = []  # a key hashes the whole text: none without a cache
    if cache is not None:
        shown_span = "" if span is None else f"{span.first}-{span.last}"
        keys = [_key(r, shown_span) for r in raws]
        # Decoded articles are many small objects that all live on: collecting while
        # 10,000 of them are made took 0.7-1.2 s of a 1.6-2.4 s rebuild's cleaning.
        with collector.paused():
            for n, key in enumerate(keys):
                stored = cache.get(key, "articles")
                if stored is not None:
                    found[n] = cache.decoded.get(key) or [from_json(a) for a in stored]
                    cache.decoded[key] = found[n]
    missing = [n for n, articles in enumerate(found) if articles is None]
    cleaned = clean_many(clean, [raws[n] for n in missing], span, workers)
    for n, articles in zip(missing, cleaned, strict=True):
        found[n] = articles
        if cache is not None:
            cache.put(keys[n], [to_json(a) for a in articles])
            # The next build of this process (a save under serve) then finds these very
            # objects, as it finds those read back: decoded anew, every article was a new
            # object and the first save after a cold start rendered every article page
            # again (10,000 articles: about 15 s where later saves took 10).
            cache.decoded[keys[n]] = articles
    return [articles or [] for articles in found]


def _key(raw: RawText, shown_span: str) -> str:
    # A page's article also depends on the extractor: a new trafilatura re-extracts.
    extractor = extractor_version() if is_web_page(raw.name) else ""
    return digest(code_fingerprint(), "articles", raw.name, raw.text, shown_span, extractor)


def to_json(article: Article) -> list[Any]:
    date = article.date
    return [
        article.id,
        article.title,
        article.file,
        [[b.kind, b.text, b.anchor, b.strong, b.level, b.lines] for b in article.blocks],
        [[d.line, d.text, d.reason] for d in article.dropped],
        article.author,
        article.publication,
        None if date is None else [date.year, date.month, date.day, date.approximate],
        article.url,
        article.script,
        article.index,
    ]


def from_json(data: list[Any]) -> Article:
    ident, title, file, blocks, dropped, author, publication, date, url, script, index = data
    return Article(
        id=ident,
        title=title,
        file=file,
        blocks=tuple(
            Block(kind, text, anchor, tuple(tuple(r) for r in strong), level, tuple(lines))
            for kind, text, anchor, strong, level, lines in blocks
        ),
        dropped=tuple(Dropped(*d) for d in dropped),
        author=author,
        publication=publication,
        date=None if date is None else PartialDate(*date),
        url=url,
        script=script,
        index=index,
    )
