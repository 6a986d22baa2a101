"""Cross-check a loaded timeline against the cleaned articles.

Every source must name a known article and quote it verbatim (whitespace aside);
each found quote gets its :class:`Span` list so pages can link and highlight the
passage. Sources naming an unknown article are dropped (their link would be
broken), and an event left without sources is dropped too: always with an error.
Quotes are looked for in the articles as corrected by ``articles:`` (a line put
back with ``keep`` can be quoted; text cut with ``drop`` cannot), the same
:func:`apply_overrides` the site is built from.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from pathlib import Path

from .. import collector
from ..messages import Message, say
from ..model import Article, ArticleOverride, Diagnostic, Event, SourceRef, Timeline
from . import corrections, quote_hint
from .load import load_file
from .quotes import ArticleIndex, KeptIndexes, index_article, locate
from .schema import closest

_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # YAML's line breaks
# The last check's articles and quotes: a serve save changes a few of thousands.
_KEPT = KeptIndexes()


def validate(timeline: Timeline, articles: Sequence[Article]) -> tuple[Timeline, list[Diagnostic]]:
    """The timeline with quotes located, and every problem found (errors and warnings)."""
    checked, found = _validate(timeline, articles, events_line=1, warn_uncited=True)
    return checked, _columns(found, "")


def check(
    timeline_path: Path, articles: Sequence[Article], display: str | None = None
) -> tuple[Timeline, list[Diagnostic]]:
    """Load and validate ``timeline_path``; diagnostics sorted by position in the file."""
    loaded = load_file(timeline_path, display)
    # With load errors, events are missing, so "article not cited" would be noise.
    clean = not any(d.severity == "error" for d in loaded.diagnostics)
    timeline, found = _validate(loaded.timeline, articles, loaded.events_line, clean)
    everything = loaded.diagnostics + _columns(found, _text(timeline_path, found))
    return timeline, sorted(everything, key=lambda d: (d.line, d.col))


def _columns(found: list[Diagnostic], text: str) -> list[Diagnostic]:
    """Diagnostics at a block scalar's first line (column 0) at that line's indent, read
    from ``text``, the timeline's (column 1 without it)."""
    if all(d.col for d in found):
        return found
    lines = _LINE_BREAK.split(text)
    return [d if d.col else dataclasses.replace(d, col=_indent(lines, d.line)) for d in found]


def _text(path: Path, found: list[Diagnostic]) -> str:
    """The timeline's text, when a diagnostic needs a column from it."""
    try:
        return path.read_text("utf-8-sig", "replace") if not all(d.col for d in found) else ""
    except OSError:
        return ""


def _indent(lines: list[str], line: int) -> int:
    if not 0 < line <= len(lines):
        return 1
    return len(lines[line - 1]) - len(lines[line - 1].lstrip(" ")) + 1


def apply_overrides(articles: Sequence[Article], timeline: Timeline) -> list[Article]:
    """Articles with the curator's corrections from ``articles:`` applied: metadata,
    and the body's ``keep`` and ``drop`` texts (items matching nothing are skipped)."""
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
    return dataclasses.replace(corrections.correct(article, override), **changes)


@collector.paused()
def _validate(
    timeline: Timeline, articles: Sequence[Article], events_line: int, warn_uncited: bool
) -> tuple[Timeline, list[Diagnostic]]:
    file = timeline.path
    originals = {article.id: article for article in articles}
    known = {o.id: o for o in timeline.overrides if o.id in originals}
    corrected = apply_overrides(articles, timeline)
    events, found = _locate_quotes(file, timeline.events, corrected, originals, known)
    found += _override_problems(file, timeline.overrides, originals)
    found += _order_warnings(file, timeline.events)
    found += _added_warnings(file, timeline.events)
    if warn_uncited:
        found += _uncited_warnings(file, timeline.events, articles, events_line)
    result = dataclasses.replace(timeline, events=tuple(events), overrides=tuple(known.values()))
    return result, found


def _locate_quotes(
    file: str,
    events: Sequence[Event],
    corrected: Sequence[Article],
    originals: dict[str, Article],
    overrides: dict[str, ArticleOverride],
) -> tuple[list[Event], list[Diagnostic]]:
    """Events with each quote located in its corrected article (indexed once however
    many events cite it); sources naming no article, and then sourceless events, left out."""
    by_id = {article.id: article for article in corrected}
    indexes: dict[str, ArticleIndex] = {}
    _KEPT.begin()
    found: list[Diagnostic] = []
    located: list[Event] = []
    for event in events:
        sources: list[SourceRef] = []
        for source in event.sources:
            article = by_id.get(source.article)
            if article is None:
                holders = _holding(source.quote, by_id, indexes)
                hint = _article_hint(source.article, list(originals), holders)
                said = say("unknown article `{id}`; {hint}", id=source.article, hint=hint)
                found.append(_error(file, source, said))
                continue
            if article.id not in indexes:
                indexes[article.id] = _KEPT.index(article)
            spans = _KEPT.locate(article, source.quote)
            if spans is None:  # the event stays, linked to the article without an anchor
                override = overrides.get(article.id)
                why = _not_found(indexes[article.id], originals[article.id], override, source)
                found.append(_at_quote(file, source, why))
            sources.append(dataclasses.replace(source, spans=spans or ()))
        if sources:
            located.append(dataclasses.replace(event, sources=tuple(sources)))
    return located, found


def _not_found(
    index: ArticleIndex, original: Article, override: ArticleOverride | None, source: SourceRef
) -> Message:
    """Why a quote is not in the article: a correction took it out, or how it differs
    from the closest passage, and what to paste (:mod:`.quote_hint`)."""
    why = corrections.removed_by(original, override, source.quote) if override else None
    if why:
        return say("quote not found in article {id}: {why}", id=index.article.id, why=why)
    return quote_hint.not_found(index, source.quote)


def _error(file: str, source: SourceRef, message: str | Message) -> Diagnostic:
    return Diagnostic(file, source.line or 1, source.col or 1, message)


def _at_quote(file: str, source: SourceRef, message: Message) -> Diagnostic:
    """At the quote's text (column 0 for a block scalar: :func:`_columns` fills it in)."""
    if not source.quote_line:
        return _error(file, source, message)
    return Diagnostic(file, source.quote_line, source.quote_col, message)


def _override_problems(
    file: str, overrides: Sequence[ArticleOverride], originals: dict[str, Article]
) -> list[Diagnostic]:
    """Overrides of unknown articles, and ``keep``/``drop`` texts matching nothing."""
    found = []
    for override in overrides:
        article = originals.get(override.id)
        if article is None:
            hint = _article_hint(override.id, list(originals))
            unknown = say(
                "unknown article `{id}` in `articles:`; {hint}", id=override.id, hint=hint
            )
            found.append(Diagnostic(file, override.line, 1, unknown))
            continue
        for item, message in corrections.problems(article, override):
            found.append(Diagnostic(file, item.line or 1, item.col or 1, message))
    return found


# Up to this many article ids are listed in full when an id is unknown.
LIST_IDS_MAX = 12


def _holding(
    quote: str, articles: dict[str, Article], indexes: dict[str, ArticleIndex]
) -> list[str]:
    """The articles whose text holds ``quote``: the article the curator meant, whatever
    the id they typed (``…-5`` for ``…-2`` is one character off either way)."""
    holders = []
    for article_id, article in sorted(articles.items()):
        if article_id not in indexes:
            indexes[article_id] = index_article(article)
        if locate(indexes[article_id], quote) is not None:
            holders.append(article_id)
    return holders


def _article_hint(article_id: str, ids: list[str], holders: Sequence[str] = ()) -> Message:
    """Did-you-mean: the article holding the quote first, else the closest id; and every
    id when there are few."""
    match = closest(article_id, ids)
    if len(holders) == 1:
        hint = say("did you mean `{id}`? (the quote is in that article)", id=holders[0])
    elif holders:
        hint = say("the quote is in {ids}", ids=_listed(holders))
    elif match:
        hint = say("did you mean `{id}`?", id=match)
    else:
        hint = say("expected the id of a cleaned article")
    if 1 < len(ids) <= LIST_IDS_MAX:
        return say("{hint}; the articles are {ids}", hint=hint, ids=_listed(sorted(ids)))
    return hint


def _listed(ids: Sequence[str]) -> str:
    return ", ".join(f"`{i}`" for i in ids)


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
                    say(
                        "event `{id}` ({date}) comes after `{before}` ({before_date}); "
                        "expected events in date order",
                        id=event.id,
                        date=event.date.iso(),
                        before=before.id,
                        before_date=before.date.iso(),
                    ),
                    "warning",
                )
            )
    return warnings


def _added_warnings(file: str, events: Sequence[Event]) -> list[Diagnostic]:
    """In a timeline that dates its additions, an event without ``added:`` would reach
    feed readers with its 2020 date, below everything else, never shown as new."""
    if not any(event.added for event in events):
        return []
    return [
        Diagnostic(
            file,
            event.line,
            1,
            say(
                "event `{id}` has no `added:`; add `added: YYYY-MM-DD` (the day it "
                "joined the timeline) so feed readers show it as new",
                id=event.id,
            ),
            "warning",
        )
        for event in events
        if event.added is None
    ]


def _uncited_warnings(
    file: str, events: Sequence[Event], articles: Sequence[Article], events_line: int
) -> list[Diagnostic]:
    cited = {source.article for event in events for source in event.sources}
    return [
        Diagnostic(
            file,
            events_line,
            1,
            say("article `{id}` is not cited by any event", id=a.id),
            "warning",
        )
        for a in articles
        if a.id not in cited
    ]
