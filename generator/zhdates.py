"""Dates as Chinese text writes them: the one parser of date mentions.

The cleaner reads them to date an article (:mod:`generator.clean.dates`), and
``suggest`` to propose events (:mod:`generator.timeline.suggest`); both read the
same mentions (digits ASCII or full-width, spaces allowed between parts, as in
Traditional-script text like ``截至 2020 年 3 月 31 日``):

* ``2020年1月23日``, ``1月23日`` (also ``号``/``號``), ``2020-01-23``, ``2020/1/23``:
  day precision;
* ``2020年1月``, ``2月``, ``4月份``: month precision;
* ``2月上旬``, ``4月中旬``, ``4月底``, ``3月初``: month precision, approximate;
* ranges ``1月25日至27日``, ``1月23日至3月2日``, ``4月1至6日``, ``1至3月``.

A mention says what the text says: a year only if one is written in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .rescan import matches_at

_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_D = "[0-9０-９]"
_TO = r"\s*(?:至|到|~|～|-|–|—)\s*"
_APPROX = ("上旬", "中旬", "下旬", "初", "底", "末")
_PART = "上旬|中旬|下旬|初|底|末|份"
_MENTION = re.compile(
    rf"""
    (?<![0-9０-９.])
    (?:
        (?P<iy>{_D}{{4}})[-/.](?P<im>{_D}{{1,2}})[-/.](?P<id>{_D}{{1,2}})(?![0-9０-９])
      |
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
    )
    """,
    re.VERBOSE,
)
# Every mention starts a run of digits: Python's ``re`` finds runs at C speed by their
# first character, where ``_MENTION`` (opening with a look-behind) is tried everywhere.
_DIGITS = re.compile(f"{_D}+")
YEAR = re.compile(rf"(?<![0-9０-９.])({_D}{{4}})\s*年")


@dataclass(frozen=True)
class Mention:
    """One mention: where it stands in the text, and the date (or range) it writes."""

    start: int
    stop: int
    year: int | None
    month: int
    day: int | None = None
    approximate: bool = False  # ``上旬``, ``底``: a part of the month
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    end_approximate: bool = False


def number(digits: str | None) -> int | None:
    return int(digits.translate(_FULL_WIDTH)) if digits else None


def _found(text: str) -> Iterator[re.Match[str]]:
    """``_MENTION.finditer(text)``, tried only where a run of digits starts.

    A mention starts with a digit that no digit precedes, so nowhere else; a run that
    starts inside the last mention is passed by, as ``finditer`` passes by it.
    """
    return matches_at(_MENTION, text, (run.start() for run in _DIGITS.finditer(text)))


def mentions(text: str) -> Iterator[Mention]:
    """Every date mention in ``text``, in order."""
    for m in _found(text):
        if m["iy"]:
            year, month, day = number(m["iy"]), number(m["im"]), number(m["id"])
            yield Mention(m.start(), m.end(), year, month or 0, day)
            continue
        month = number(m["m"] or m["mfirst"]) or 0
        found = Mention(
            m.start(), m.end(), number(m["y"]), month, number(m["d"]), m["part"] in _APPROX
        )
        if m["dlast"]:
            yield _with_end(found, found.year, month, number(m["dlast"]), False)
        elif m["m2"]:
            end = number(m["y2"]), number(m["m2"]), number(m["d2"]), m["part2"] in _APPROX
            yield _with_end(found, *end)
        else:
            yield found


def _with_end(
    found: Mention, year: int | None, month: int | None, day: int | None, approximate: bool
) -> Mention:
    return Mention(
        found.start,
        found.stop,
        found.year,
        found.month,
        found.day,
        found.approximate,
        year,
        month,
        day,
        approximate,
    )
