"""Cleaning a corpus with a cache: an unchanged file is not cleaned again.

A file's articles depend on more than its own text: on the boilerplate lines it
shares with other files and on the year most of the corpus talks about. The keys
say so. Per file, three entries:

* ``lines``: the file's repeatable line keys (what boilerplate detection reads), by text;
* ``years``: the years its drafts mention, by text and the boilerplate lines it holds;
* ``articles``: its articles, by the same and the corpus year.

So editing one file re-cleans that file, and only touches the others if it changes
what counts as boilerplate for them or which year the corpus is about.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..cache import JsonCache, code_fingerprint, digest
from ..model import Article, Block, Dropped, PartialDate, RawText
from .build import Draft
from .files import corpus_year, draft_file, draft_years, finish_file, repeatable_keys, repeated
from .lines import Line, parse_lines


def clean_cached(raws: Sequence[RawText], cache: JsonCache) -> list[Article]:
    code = code_fingerprint()
    parsed: dict[int, list[Line]] = {}
    drafted: dict[int, list[Draft]] = {}

    def lines_of(n: int) -> list[Line]:
        if n not in parsed:
            parsed[n] = parse_lines(raws[n].text)
        return parsed[n]

    def drafts_of(n: int) -> list[Draft]:
        if n not in drafted:
            drafted[n] = draft_file(lines_of(n), boilerplate)
        return drafted[n]

    text_keys = [digest(code, "lines", raw.text) for raw in raws]
    keys: list[list[str]] = []
    for n, text_key in enumerate(text_keys):
        found = cache.get(text_key)
        if found is None:
            found = sorted(repeatable_keys(lines_of(n)))
            cache.put(text_key, found)
        keys.append(found)
    boilerplate = repeated(keys)

    file_keys: list[str] = []
    counts: Counter[int] = Counter()
    for n, raw in enumerate(raws):
        shared = [k for k in keys[n] if k in boilerplate]
        file_keys.append(digest(text_keys[n], "draft", raw.name, *shared))
        years = cache.get(file_keys[n])
        if years is None:
            years = sorted(draft_years(drafts_of(n)).items())
            cache.put(file_keys[n], years)
        counts.update({int(year): int(count) for year, count in years})
    hint = corpus_year(counts)

    out: list[Article] = []
    for n, raw in enumerate(raws):
        key = digest(file_keys[n], "articles", str(hint))
        stored = cache.get(key, "articles")
        if stored is None:
            articles = finish_file(raw, drafts_of(n), hint)
            cache.put(key, [to_json(a) for a in articles])
        else:
            articles = [from_json(a) for a in stored]
        out.extend(articles)
    return out


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
