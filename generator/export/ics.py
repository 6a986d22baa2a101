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
# Folding may legally fall anywhere between characters; keeping an escape such as
# ``\n`` in one piece is kinder to readers that unfold naively.
_UNITS = re.compile(r"\\.|.", re.DOTALL)


def escape_text(text: str) -> str:
    """A TEXT property value: backslash, ``;``, ``,`` and newline escaped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return _CONTROLS.sub("", text.replace("\n", "\\n"))


def fold(line: str) -> bytes:
    """One content line as UTF-8, folded so no physical line exceeds 75 octets.

    Folds fall between characters (never inside a UTF-8 sequence) and never inside a
    backslash escape.
    """
    out = bytearray()
    used = 0
    for unit in _UNITS.findall(line):
        octets = unit.encode("utf-8")
        if used + len(octets) > LINE_OCTETS:
            out += b"\r\n "  # the continuation's leading space counts towards its 75
            used = 1
        out += octets
        used += len(octets)
    return bytes(out) + b"\r\n"


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
