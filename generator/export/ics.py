"""``timeline.ics``: the events as an iCalendar (RFC 5545) calendar of all-day events.

Written by hand because the format is small and every byte matters: TEXT values are
escaped (RFC 5545 §3.3.11), lines end in CRLF and are folded at 75 octets of UTF-8
without ever cutting a character in two (§3.1). A date known only to the month or
year spans the whole month or year; DTEND is exclusive, the day after the last day.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote

from ..model import Corpus, Event
from .links import Links, in_order, updated_at

PRODID = "-//timeline-generator//ZH"
LINE_OCTETS = 75
# TEXT may not hold control characters other than tab; newlines are escaped instead.
_CONTROLS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
# Characters a URI may carry as they are; everything else (CJK ids, spaces) is
# percent-encoded because the URI value type is ASCII only.
_URI_SAFE = "!#$%&'()*+,/:;=?@[]~"


def escape_text(text: str) -> str:
    """A TEXT property value: backslash, ``;``, ``,`` and newline escaped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return _CONTROLS.sub("", text.replace("\n", "\\n"))


def fold(line: str) -> bytes:
    """One content line as UTF-8, folded so no physical line exceeds 75 octets.

    Folds fall between characters (never inside a UTF-8 sequence) and never inside a
    backslash escape; each physical line is filled as far as those rules allow.
    """
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return data + b"\r\n"
    pieces: list[bytes] = []
    start, budget = 0, LINE_OCTETS
    while len(data) - start > budget:
        cut = start + budget
        while data[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: back to its lead
            cut -= 1
        if _starts_escape(data, start, cut - 1):
            cut -= 1
        pieces.append(data[start:cut])
        start, budget = cut, LINE_OCTETS - 1  # the continuation's leading space counts
    pieces.append(data[start:])
    return b"\r\n ".join(pieces) + b"\r\n"


def _starts_escape(data: bytes, start: int, at: int) -> bool:
    """Whether ``data[at]`` is a backslash that begins an escape (``\\n``, ``\\\\``, ...).

    Escapes pair up from the left, so it does when the run of backslashes ending at
    ``at`` is odd. Counting from ``start`` is enough: no earlier fold split a pair.
    """
    run = 0
    while at - run >= start and data[at - run] == 0x5C:
        run += 1
    return run % 2 == 1


def _date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _uri(url: str) -> str:
    return quote(url, safe=_URI_SAFE)


def _description(event: Event, links: Links) -> str:
    when = event.date.zh() + (f"至{event.end.zh()}" if event.end else "")
    parts = [f"日期：{when}"]
    if event.summary.strip():
        parts.append(event.summary.strip())
    if event.sources:
        lines = ["来源："]
        for src in event.sources:
            lines.append(f"“{src.quote}” —— {links.article_title(src.article)}")
            if links.absolute:
                lines.append(_uri(links.source(src)))
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _vevent(event: Event, links: Links, stamp: str) -> list[str]:
    last = (event.end or event.date).last_day()
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.id)}@{escape_text(links.host)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_date(event.date.first_day())}",
        f"DTEND;VALUE=DATE:{_date(last + dt.timedelta(days=1))}",
        f"SUMMARY:{escape_text(event.title)}",
        f"DESCRIPTION:{escape_text(_description(event, links))}",
    ]
    if links.absolute:  # a relative URL is not a valid URI value
        lines.append(f"URL:{_uri(links.event(event))}")
    if event.tags:
        lines.append("CATEGORIES:" + ",".join(escape_text(tag) for tag in event.tags))
    lines.append("END:VEVENT")
    return lines


def timeline_ics(
    corpus: Corpus,
    site_url: str,
    updated: dt.datetime | None = None,
    name: str = "时间线",
) -> bytes:
    """The calendar ``name`` with one all-day VEVENT per event, in timeline order."""
    links = Links.of(corpus, site_url)
    stamp = updated_at(corpus, updated).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in in_order(corpus):
        lines.extend(_vevent(event, links, stamp))
    lines.append("END:VCALENDAR")
    return b"".join(fold(line) for line in lines)
