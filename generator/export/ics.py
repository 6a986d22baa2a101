"""``timeline.ics``: the events as an iCalendar (RFC 5545) calendar of all-day events.

The ``icalendar`` library writes the calendar's own lines and escapes every TEXT value
(§3.3.11). An event's lines are written here, in the order and form the library gives
them (a test holds the two to the same bytes for any event): building the library's
component, parameter and content-line objects for each of 10,000 events was most of
what the exports cost. Lines end in CRLF and are folded at 75 octets of UTF-8 between
characters (§3.1, :mod:`.ics_fold`). Nothing reads the clock or draws a random UID:
the same timeline gives the same bytes. A date known only to the month or year spans
the whole month or year; DTEND is exclusive, the day after the last day (§3.6.1).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from urllib.parse import quote

import icalendar

from ..labels import Labels
from ..model import Corpus, Event
from .ics_fold import fold
from .links import Links, in_order, placeless, source_titles, updated_at

PRODID = "-//timeline-generator//ZH"
_END = b"END:VCALENDAR\r\n"
# TEXT may not hold control characters other than tab (§3.3.11); the library keeps
# them, so they are dropped here. Line breaks stay: the library writes them as ``\n``.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters a URI may carry as they are; everything else (CJK ids, spaces) is
# percent-encoded because the URI value type is ASCII only.
_URI_SAFE = "!#$%&'()*+,/:;=?@[]~"


def _text(value: str) -> icalendar.vText:
    """A TEXT value. Given as ``vText`` because the library writes names it does not
    know as TEXT (``NAME``, ``X-WR-CALNAME``) without escaping: a ``,`` or ``;`` in a
    site's name would then change the property's meaning."""
    return icalendar.vText(_CONTROLS.sub("", value))


# Dates read as on the site's pages (one format for the whole project).
WORDS = Labels()


def _uri(url: str) -> str:
    return quote(url, safe=_URI_SAFE)


def _description(event: Event, links: Links, titles: tuple[str, ...]) -> str:
    when = WORDS.date_range(event.date, event.end)
    parts = [f"日期：{when}"]
    if event.summary.strip():
        parts.append(event.summary.strip())
    if event.sources:
        lines = ["来源："]
        for src, title in zip(event.sources, titles, strict=True):
            lines.append(f"“{src.quote}” —— {title}")
            if links.absolute:
                lines.append(_uri(links.source(src)))
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _vevent_bytes(event: Event, links: Links, stamp: dt.datetime) -> bytes:
    """One VEVENT as the calendar writes it, kept while its inputs stay the same
    (:func:`.links.placeless`): writing each event's lines is most of what the
    calendar costs."""
    titles = source_titles(event, links)
    return _vevent_ical(placeless(event), titles, links.site_url, stamp)


@functools.lru_cache(maxsize=20_000)
def _vevent_ical(event: Event, titles: tuple[str, ...], site_url: str, stamp: dt.datetime) -> bytes:
    """The VEVENT's lines: the properties the calendar's ``canonical_order`` puts first,
    in that order, then the others by name, as the library sorts them."""
    links = Links(site_url, {})
    last = (event.end or event.date).last_day()
    lines = [
        "BEGIN:VEVENT",
        f"SUMMARY:{_escaped(event.title)}",
        # ``date`` values (not datetimes) make all-day events: ``VALUE=DATE``.
        f"DTSTART;VALUE=DATE:{_day(event.date.first_day())}",
        f"DTEND;VALUE=DATE:{_day(last + dt.timedelta(days=1))}",
        f"DTSTAMP:{_utc(stamp)}",
        f"UID:{_escaped(f'{event.id}@{links.host}')}",
    ]
    if event.tags:
        lines.append("CATEGORIES:" + ",".join(_escaped(tag) for tag in event.tags))
    lines.append(f"DESCRIPTION:{_escaped(_description(event, links, titles))}")
    if links.absolute:  # a relative URL is not a valid URI value
        lines.append(f"URL:{_uri(links.event(event))}")
    lines.append("END:VEVENT")
    return b"".join(fold(line.encode("utf-8")) + b"\r\n" for line in lines)


def _escaped(value: str) -> str:
    """A TEXT value as the library escapes one (§3.3.11), without the control characters.

    In the library's order: a written ``\\N`` is a line break, then ``\\ ; ,`` are
    escaped, then a line break of any kind is written ``\\n``. (Its ``vText`` does
    the same, but makes a parameter table for each value.)
    """
    text = _CONTROLS.sub("", value).replace("\\N", "\n").replace("\\", "\\\\")
    text = text.replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _day(day: dt.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _utc(stamp: dt.datetime) -> str:
    """A UTC date-time (:func:`.links.updated_at` gives no other) in the form ``…Z``."""
    assert stamp.utcoffset() == dt.timedelta(0)
    return f"{_day(stamp)}T{stamp.hour:02d}{stamp.minute:02d}{stamp.second:02d}Z"


def timeline_ics(
    corpus: Corpus,
    site_url: str,
    updated: dt.datetime | None = None,
    name: str = "时间线",
    description: str = "",
) -> bytes:
    """The calendar ``name`` (and ``description``, if any) with one all-day VEVENT per
    event, in timeline order."""
    events = calendar_events(corpus, site_url, updated, 0, len(corpus.events))
    return calendar_around(name, description, events)


def calendar_around(name: str, description: str, events: bytes) -> bytes:
    """The calendar's own lines around ``events`` (:func:`calendar_events`)."""
    calendar = icalendar.Calendar()
    calendar.add("VERSION", "2.0")
    calendar.add("PRODID", PRODID)
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    # NAME and DESCRIPTION are RFC 7986's; the X-WR- pair is what most clients read.
    calendar.add("NAME", _text(name))
    calendar.add("X-WR-CALNAME", _text(name))
    if description.strip():
        calendar.add("DESCRIPTION", _text(description.strip()))
        calendar.add("X-WR-CALDESC", _text(description.strip()))
    # The calendar's lines are its own, then each event's, then its END line.
    head: bytes = calendar.to_ical()
    assert head.endswith(_END)
    return head[: -len(_END)] + events + _END


def calendar_events(
    corpus: Corpus, site_url: str, updated: dt.datetime | None, start: int, stop: int
) -> bytes:
    """The VEVENTs of the events ``start`` to ``stop`` in timeline order: the calendar
    of a big timeline is made in pieces, side by side (see ``export_all``)."""
    links = Links.of(corpus, site_url)
    stamp = updated_at(corpus, updated)
    shown = in_order(corpus)[start:stop]
    return b"".join(_vevent_bytes(event, links, stamp) for event in shown)
