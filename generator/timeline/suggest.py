"""Dates the articles mention that no event covers yet: leads for the curator.

Recognised mentions (digits ASCII or full-width, spaces allowed between parts,
as in Traditional-script text like ``截至 2020 年 3 月 31 日``):

* ``2020年1月23日``, ``1月23日`` (also ``号``/``號``): day precision;
* ``2020年1月``, ``2月``, ``4月份``: month precision;
* ``2月上旬``, ``4月中旬``, ``4月底``, ``3月初``: month precision, approximate;
* ranges ``1月25日至27日``, ``1月23日至3月2日``, ``4月1至6日``, ``1至3月``.

A mention without a year takes the last year written earlier in the same
sentence, else the article's year; without either it is skipped. Bare years
(``2003年``) are too coarse to suggest an event and only set the year.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Article, Event, PartialDate, Timeline
from .validate import apply_overrides

_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_D = "[0-9０-９]"
_TO = r"\s*(?:至|到|~|～|-|–|—)\s*"
_APPROX = ("上旬", "中旬", "下旬", "初", "底", "末")
_PART = "上旬|中旬|下旬|初|底|末|份"
_MENTION = re.compile(
    rf"""
    (?<![0-9０-９.])
    (?:(?P<y>{_D}{{4}})\s*年\s*)?
    (?:
        (?P<m>{_D}{{1,2}})\s*月
        (?:
            \s*(?P<d>{_D}{{1,2}})(?:\s*[日号號]|(?={_TO}{_D}{{1,2}}\s*[日号號]))
          | \s*(?P<part>{_PART})
        )?
      | (?P<mfirst>{_D}{{1,2}})(?={_TO}{_D}{{1,2}}\s*月)
    )
    (?:{_TO}
        (?:
            (?:(?P<y2>{_D}{{4}})\s*年\s*)?(?P<m2>{_D}{{1,2}})\s*月
            (?:\s*(?P<d2>{_D}{{1,2}})\s*[日号號]|\s*(?P<part2>{_PART}))?
          | (?P<dlast>{_D}{{1,2}})\s*[日号號]
        )
    )?
    """,
    re.VERBOSE,
)
_YEAR = re.compile(rf"(?<![0-9０-９.])({_D}{{4}})\s*年")
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
    for match in _MENTION.finditer(text):
        year = _number(match["y"]) or _year_before(text, match.start()) or default_year
        if year is None:
            continue
        dates = _dates(match, year)
        if dates is not None:
            found.append((dates[0], dates[1], match.start(), match.end()))
    return found


def _number(digits: str | None) -> int | None:
    return int(digits.translate(_FULL_WIDTH)) if digits else None


def _year_before(text: str, offset: int) -> int | None:
    """The last year written earlier in the same sentence, as in ``2024年8月27日 … 8月21日``."""
    start = max(text.rfind(ch, 0, offset) for ch in _SENTENCE_END) + 1
    years = _YEAR.findall(text, start, offset)
    return _number(years[-1]) if years else None


def _dates(match: re.Match[str], year: int) -> tuple[PartialDate, PartialDate | None] | None:
    month = _number(match["m"] or match["mfirst"])
    try:
        start = PartialDate(year, month, _number(match["d"]), match["part"] in _APPROX)
    except ValueError:  # 2月30日, 13月: not a date after all
        return None
    try:
        end = _range_end(match, start)
    except ValueError:
        end = None
    # A range that runs backwards is a misreading: keep only its first date.
    return start, end if end is None or end.last_day() >= start.first_day() else None


def _range_end(match: re.Match[str], start: PartialDate) -> PartialDate | None:
    if match["dlast"]:
        return PartialDate(start.year, start.month, _number(match["dlast"]))
    end_month = _number(match["m2"])
    if end_month is None:
        return None
    end_year = _number(match["y2"]) or start.year
    if not match["y2"] and end_month < (start.month or 1):
        end_year += 1  # 12月20日至1月5日 runs into the next year
    return PartialDate(end_year, end_month, _number(match["d2"]), match["part2"] in _APPROX)


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
