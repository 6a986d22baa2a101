"""Dates as the curator writes them in timeline.yaml: ``2020-01-23``, ``2020-02``, ``2020``.

The loader hands over the scalar's source text, so an unquoted ``2020-01-23``
(a YAML timestamp) and a quoted ``"2020-01-23"`` parse the same way, and so do
``2020`` (a YAML integer) and ``"2020"``. A leading ``~`` marks the date as
approximate, like ``approximate: true`` does.

``added:`` is different: the day the curator added an event, always a whole day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..messages import Message, say
from ..model import PartialDate

_ISO = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?")
# Common near-misses, only to suggest the right spelling in the error message.
_NEAR = re.compile(
    r"(?P<y>\d{4})\s*[/.年]\s*(?P<m>\d{1,2})(?:\s*[/.月]\s*(?:(?P<d>\d{1,2})\s*日?)?)?\s*"
)


class DateError(ValueError):
    """A date that cannot be used; the message says why and what was expected.

    ``str(err)`` is the English wording; ``err.said`` the message, for any language.
    """

    def __init__(self, said: Message) -> None:
        super().__init__(str(said))
        self.said = said


def parse_date(text: str, approximate: bool = False) -> PartialDate:
    """Parse ``[~]YYYY[-MM[-DD]]`` (month and day may have one digit) into a PartialDate."""
    raw = text.strip()
    body = raw[1:].strip() if raw.startswith("~") else raw
    approximate = approximate or raw.startswith("~")
    found = _ISO.fullmatch(body)
    if found is None:
        guess = _near_miss(body)
        if guess:
            raise DateError(
                say(
                    "expected a date like 2020-01-23, 2020-02 or 2020 (did you mean {guess}?)",
                    guess=guess,
                )
            )
        raise DateError(say("expected a date like 2020-01-23, 2020-02 or 2020"))
    year = int(found["y"])
    month = int(found["m"]) if found["m"] else None
    day = int(found["d"]) if found["d"] else None
    if year == 0:
        raise DateError(say("year 0000 does not exist; expected a year like 2020"))
    # The checks of PartialDate, said here so the curator reads them in the site's language.
    if month is not None and not 1 <= month <= 12:
        raise DateError(say("month {month} is not 1-12", month=month))
    if (
        month is not None
        and day is not None
        and not 1 <= day <= calendar.monthrange(year, month)[1]
    ):
        raise DateError(
            say("{year}-{month} has no day {day}", year=year, month=f"{month:02d}", day=day)
        )
    return PartialDate(year, month, day, approximate)


def parse_day(text: str) -> dt.date:
    """Parse ``YYYY-MM-DD`` (month and day may have one digit): a real day, never approximate.

    The day an event was added is known exactly, so a month, a year or ``~`` is a mistake.
    """
    raw = text.strip()
    found = _ISO.fullmatch(raw)
    if found is None or found["d"] is None:
        guess = _near_miss(raw)
        # Only suggest a spelling that is itself a whole day (not ``2024-05`` for ``2024/5``).
        if guess.count("-") == 2:
            raise DateError(
                say("expected a day like 2024-05-06 (did you mean {guess}?)", guess=guess)
            )
        raise DateError(say("expected a day like 2024-05-06"))
    return parse_date(raw).first_day()


def _near_miss(text: str) -> str:
    """``2020-01-23`` for spellings like ``2020/1/23`` or ``2020年1月23日``; else ``""``."""
    found = _NEAR.fullmatch(text)
    if found is None:
        return ""
    guess = found["y"] + f"-{int(found['m']):02d}"
    if found["d"]:
        guess += f"-{int(found['d']):02d}"
    try:
        parse_date(guess)
    except DateError:
        return ""
    return guess
