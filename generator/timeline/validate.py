"""Cross-check a loaded timeline against the cleaned articles.

Every source must name a known article and quote it verbatim (whitespace aside);
each found quote gets its :class:`Span` list so pages can link and highlight the
passage. Sources naming an unknown article are dropped (their link would be
broken), and an event left without sources is dropped too: always with an error.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from pathlib import Path

from ..model import Article, ArticleOverride, Diagnostic, Event, SourceRef, Timeline
from .load import load_file
from .quotes import ArticleIndex, closest_passage, index_article, locate, shorten
from .schema import closest


def validate(timeline: Timeline, articles: Sequence[Article]) -> tuple[Timeline, list[Diagnostic]]:
    """The timeline with quotes located, and every problem found (errors and warnings)."""
    return _validate(timeline, articles, events_line=1, warn_uncited=True)


def check(
    timeline_path: Path, articles: Sequence[Article], display: str | None = None
) -> tuple[Timeline, list[Diagnostic]]:
    """Load and validate ``timeline_path``; diagnostics sorted by position in the file."""
    loaded = load_file(timeline_path, display)
    # With load errors, events are missing, so "article not cited" would be noise.
    clean = not any(d.severity == "error" for d in loaded.diagnostics)
    timeline, found = _validate(loaded.timeline, articles, loaded.events_line, clean)
    everything = loaded.diagnostics + found
    return timeline, sorted(everything, key=lambda d: (d.line, d.col))


def apply_overrides(articles: Sequence[Article], timeline: Timeline) -> list[Article]:
    """Articles with the curator's metadata corrections from ``articles:`` applied."""
    by_id = {override.id: override for override in timeline.overrides}
    return [
        _override(article, by_id[article.id]) if article.id in by_id else article
        for article in articles
    ]


def _override(article: Article, override: ArticleOverride) -> Article:
    changes = {
        name: getattr(override, name)
        for name in ("title", "author", "publication", "date", "url")
        if getattr(override, name) is not None
    }
    return dataclasses.replace(article, **changes)


def _validate(
    timeline: Timeline, articles: Sequence[Article], events_line: int, warn_uncited: bool
) -> tuple[Timeline, list[Diagnostic]]:
    file = timeline.path
    found: list[Diagnostic] = []
    ids = [article.id for article in articles]
    indexes: dict[str, ArticleIndex] = {}
    by_id = {article.id: article for article in articles}
    events: list[Event] = []
    for event in timeline.events:
        sources: list[SourceRef] = []
        for source in event.sources:
            article = by_id.get(source.article)
            if article is None:
                hint = _article_hint(source.article, ids)
                found.append(_error(file, source, f"unknown article `{source.article}`; {hint}"))
                continue
            if article.id not in indexes:
                indexes[article.id] = index_article(article)
            sources.append(_resolve(file, source, indexes[article.id], found))
        if sources:
            events.append(dataclasses.replace(event, sources=tuple(sources)))
    overrides = []
    for override in timeline.overrides:
        if override.id in by_id:
            overrides.append(override)
        else:
            hint = _article_hint(override.id, ids)
            found.append(
                Diagnostic(
                    file,
                    override.line,
                    1,
                    f"unknown article `{override.id}` in `articles:`; {hint}",
                )
            )
    found += _order_warnings(file, timeline.events)
    if warn_uncited:
        found += _uncited_warnings(file, timeline.events, articles, events_line)
    result = dataclasses.replace(timeline, events=tuple(events), overrides=tuple(overrides))
    return result, found


def _article_hint(article_id: str, ids: list[str]) -> str:
    match = closest(article_id, ids)
    return f"did you mean `{match}`?" if match else "expected the id of a cleaned article"


def _error(file: str, source: SourceRef, message: str) -> Diagnostic:
    return Diagnostic(file, source.line or 1, source.col or 1, message)


def _resolve(
    file: str, source: SourceRef, index: ArticleIndex, found: list[Diagnostic]
) -> SourceRef:
    spans = locate(index, source.quote)
    if spans is not None:
        return dataclasses.replace(source, spans=spans)
    message = f"quote not found in article {source.article}"
    closest = closest_passage(index.article, source.quote)
    if closest is not None:
        anchor, sentence = closest
        where = f" ({anchor})" if anchor else ""
        message += f"; closest passage{where}: “{shorten(sentence)}”"
    else:
        message += "; expected words copied exactly from the article"
    found.append(_error(file, source, message))
    return source


def _order_warnings(file: str, events: Sequence[Event]) -> list[Diagnostic]:
    """Events written out of date order (the site sorts them, but the file gets confusing)."""
    warnings = []
    in_file = sorted(events, key=lambda e: e.line)
    for before, event in itertools.pairwise(in_file):
        if event.date.sort_key() < before.date.sort_key():
            warnings.append(
                Diagnostic(
                    file,
                    event.line,
                    1,
                    f"event `{event.id}` ({event.date.iso()}) comes after `{before.id}` "
                    f"({before.date.iso()}); expected events in date order",
                    "warning",
                )
            )
    return warnings


def _uncited_warnings(
    file: str, events: Sequence[Event], articles: Sequence[Article], events_line: int
) -> list[Diagnostic]:
    cited = {source.article for event in events for source in event.sources}
    return [
        Diagnostic(file, events_line, 1, f"article `{a.id}` is not cited by any event", "warning")
        for a in articles
        if a.id not in cited
    ]
