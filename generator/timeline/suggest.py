"""Dates the articles mention that no event covers yet: leads for the curator.

Mentions are read by :mod:`generator.zhdates`, the parser the cleaner dates
articles with.
A mention without a year takes the last year written earlier in the same
sentence, else the article's year; without either it is skipped. Bare years
(``2003年``) are too coarse to suggest an event and only set the year.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .. import zhdates
from ..model import Article, Event, PartialDate, Timeline
from .validate import apply_overrides

_SENTENCE_END = "。！？!?；;\n"
_LONGEST_SENTENCE = 160

DateMention = tuple[PartialDate, PartialDate | None, int, int]


@dataclass(frozen=True)
class Suggestion:
    article: str
    anchor: str
    date: PartialDate
    end: PartialDate | None
    mention: str
    sentence: str


def find_dates(text: str, default_year: int | None) -> list[DateMention]:
    """Every date mention in ``text``: (date, end or None, start offset, end offset)."""
    found: list[DateMention] = []
    for mention in zhdates.mentions(text):
        year = mention.year or _year_before(text, mention.start) or default_year
        if year is None:
            continue
        dates = _dates(mention, year)
        if dates is not None:
            found.append((dates[0], dates[1], mention.start, mention.stop))
    return found


def _year_before(text: str, offset: int) -> int | None:
    """The last year written earlier in the same sentence, as in ``2024年8月27日 … 8月21日``."""
    start = max(text.rfind(ch, 0, offset) for ch in _SENTENCE_END) + 1
    years = zhdates.YEAR.findall(text, start, offset)
    return zhdates.number(years[-1]) if years else None


def _dates(mention: zhdates.Mention, year: int) -> tuple[PartialDate, PartialDate | None] | None:
    try:
        start = PartialDate(year, mention.month, mention.day, mention.approximate)
    except ValueError:  # 2月30日, 13月: not a date after all
        return None
    try:
        end = _range_end(mention, start)
    except ValueError:
        end = None
    # A range that runs backwards is a misreading: keep only its first date.
    return start, end if end is None or end.last_day() >= start.first_day() else None


def _range_end(mention: zhdates.Mention, start: PartialDate) -> PartialDate | None:
    if mention.end_month is None:
        return None
    end_year = mention.end_year or start.year
    if mention.end_year is None and mention.end_month < (start.month or 1):
        end_year += 1  # 12月20日至1月5日 runs into the next year
    return PartialDate(end_year, mention.end_month, mention.end_day, mention.end_approximate)


def suggest(articles: Sequence[Article], timeline: Timeline) -> list[Suggestion]:
    """Date mentions no event covers, sorted by date, article, then place in the article."""
    found: list[tuple[tuple[int, int, int], str, int, int, Suggestion]] = []
    for article in apply_overrides(articles, timeline):
        year = article.date.year if article.date else None
        for number, block in enumerate(article.blocks):
            if block.kind == "heading" or not block.anchor:
                continue  # suggestions link to a paragraph anchor; headings have none
            for date, end, start, stop in find_dates(block.text, year):
                if any(covers(event, date) for event in timeline.events):
                    continue
                suggestion = Suggestion(
                    article=article.id,
                    anchor=block.anchor,
                    date=date,
                    end=end,
                    mention=block.text[start:stop].strip(),
                    sentence=_sentence(block.text, start, stop),
                )
                found.append((date.sort_key(), article.id, number, start, suggestion))
    found.sort(key=lambda item: item[:4])
    return [item[4] for item in found]


def covers(event: Event, mention: PartialDate) -> bool:
    """Whether ``event`` covers the mentioned date.

    The mention's first day must fall within the event's days. A day mention is
    only covered by events dated to the day: ``2020-02`` does not cover ``2月5日``.
    """
    if mention.precision == "day" and event.date.precision != "day":
        return False
    last = (event.end or event.date).last_day()
    return event.date.first_day() <= mention.first_day() <= last


def _sentence(text: str, start: int, stop: int) -> str:
    """The sentence around ``text[start:stop]``, trimmed to a readable length."""
    begin = max(text.rfind(ch, 0, start) for ch in _SENTENCE_END) + 1
    ends = [i for i in (text.find(ch, stop) for ch in _SENTENCE_END) if i >= 0]
    finish = min(ends) + 1 if ends else len(text)
    sentence = text[begin:finish].strip()
    if len(sentence) <= _LONGEST_SENTENCE:
        return sentence
    # Keep the mention in view: cut around it rather than at the sentence's start.
    left = max(begin, start - _LONGEST_SENTENCE // 2)
    right = min(finish, left + _LONGEST_SENTENCE)
    return ("…" if left > begin else "") + text[left:right].strip() + "…"
