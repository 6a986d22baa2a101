"""timeline.ics: parsed back with icalendar, and checked byte by byte for RFC 5545 form."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.export import ics
from generator.export.ics import timeline_ics
from generator.export.links import Links
from generator.model import Corpus, Event, PartialDate, Timeline

from .export_corpus import HOSTILE_QUOTE, HOSTILE_TITLE, LONG_SUMMARY, ORDER, SITE, corpus

STAMP = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def unescape(text: str) -> str:
    """RFC 5545 TEXT unescaping, in one pass (icalendar leaves X- properties raw)."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], text)


def vevents(raw: bytes) -> list[Any]:
    calendar = icalendar.Calendar.from_ical(raw)
    return [c for c in calendar.walk() if c.name == "VEVENT"]


def physical_lines(raw: bytes) -> list[bytes]:
    assert raw.endswith(b"\r\n")
    return raw[: -len(b"\r\n")].split(b"\r\n")


def test_calendar_properties_and_name_parameter() -> None:
    raw = timeline_ics(corpus(), SITE, STAMP, name="春雷, 时间线;")
    calendar = icalendar.Calendar.from_ical(raw)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//timeline-generator//ZH"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert unescape(str(calendar["X-WR-CALNAME"])) == "春雷, 时间线;"
    assert "X-WR-CALNAME:春雷\\, 时间线\\;\r\n".encode() in raw
    default = icalendar.Calendar.from_ical(timeline_ics(corpus(), SITE))
    assert unescape(str(default["X-WR-CALNAME"])) == "时间线"
    assert "DESCRIPTION" not in default and "X-WR-CALDESC" not in default


def test_calendar_named_and_described_for_rfc_7986_and_common_clients() -> None:
    raw = timeline_ics(
        corpus(), SITE, STAMP, name="数字抗疫时间线", description="平台企业, 抗疫;\n附出处"
    )
    calendar = icalendar.Calendar.from_ical(raw)
    assert unescape(str(calendar["NAME"])) == "数字抗疫时间线"
    assert unescape(str(calendar["X-WR-CALNAME"])) == "数字抗疫时间线"
    assert str(calendar["DESCRIPTION"]) == "平台企业, 抗疫;\n附出处"
    assert unescape(str(calendar["X-WR-CALDESC"])) == "平台企业, 抗疫;\n附出处"
    assert "X-WR-CALDESC:平台企业\\, 抗疫\\;\\n附出处\r\n".encode() in raw
    # The calendar's own description is not taken for an event's.
    assert all(str(e["DESCRIPTION"]).startswith("日期：") for e in vevents(raw))


def test_one_all_day_vevent_per_event_with_exclusive_end() -> None:
    events = vevents(timeline_ics(corpus(), SITE, STAMP))
    got = [(str(e["UID"]), e.decoded("DTSTART"), e.decoded("DTEND"), str(e["URL"])) for e in events]
    base = "https://example.org/timeline/events/"
    assert got == [
        (
            "2008-spring-thunder@example.org",
            dt.date(2008, 1, 1),
            dt.date(2009, 1, 1),
            base + "2008-spring-thunder/",
        ),
        (
            "2020-01-covid@example.org",
            dt.date(2020, 1, 1),
            dt.date(2020, 4, 1),
            base + "2020-01-covid/",
        ),
        (
            "2020-04-07-chunlei@example.org",
            dt.date(2020, 4, 7),
            dt.date(2020, 4, 8),
            base + "2020-04-07-chunlei/",
        ),
        ("hostile@example.org", dt.date(2020, 4, 7), dt.date(2020, 5, 1), base + "hostile/"),
    ]
    raw = timeline_ics(corpus(), SITE, STAMP)
    assert b"DTSTART;VALUE=DATE:20200101\r\nDTEND;VALUE=DATE:20200401\r\n" in raw


def test_text_values_round_trip() -> None:
    events = {str(e["UID"]).split("@")[0]: e for e in vevents(timeline_ics(corpus(), SITE))}
    assert [str(e["SUMMARY"]) for e in events.values()] == [
        "阿里巴巴首次启动“春雷计划”",
        "新冠肺炎疫情来袭",
        "“春雷计划2020”启动",
        HOSTILE_TITLE,
    ]
    hostile = events["hostile"]
    assert hostile["CATEGORIES"].cats == ["<i>x</i>", "a,b", "c;d"]
    description = str(hostile["DESCRIPTION"])
    assert description.startswith("日期：2020年4月7日—4月30日\n\n见 [官网](javascript:")
    assert "模板 {{ site.url }} 不展开；<img src=x onerror=alert(3)>\n\n[正常链接]" in description
    assert f"来源：\n“{HOSTILE_QUOTE}” —— " in description
    chunlei = str(events["2020-04-07-chunlei"]["DESCRIPTION"])
    assert chunlei == (
        "日期：2020年4月7日\n\n"
        + LONG_SUMMARY
        + "\n\n来源：\n“时隔11年” —— 阿里巴巴再次启动“春雷计划”\n"
        + "https://example.org/timeline/articles/chunlei-2020/#p1\n"
        + "“春天的战役” —— 阿里巴巴再次启动“春雷计划”\n"
        + "https://example.org/timeline/articles/chunlei-2020/"
    )
    assert str(events["2008-spring-thunder"]["DESCRIPTION"]).startswith("日期：约2008年\n\n")


def test_dtstamp_from_updated_in_utc_or_derived_from_data() -> None:
    pinned = timeline_ics(corpus(), SITE, STAMP)
    assert pinned.count(b"DTSTAMP:20240505T230809Z\r\n") == len(ORDER)
    naive = timeline_ics(corpus(), SITE, dt.datetime(2024, 1, 2, 3, 4, 5))
    assert b"DTSTAMP:20240102T030405Z\r\n" in naive
    derived = timeline_ics(corpus(), SITE)  # latest event starts 2020-04-07
    assert derived.count(b"DTSTAMP:20200407T000000Z\r\n") == len(ORDER)


def test_lines_are_crlf_and_folded_at_75_octets_between_characters() -> None:
    raw = timeline_ics(corpus(), SITE, STAMP)
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert b"\r" not in raw.replace(b"\r\n", b"")
    lines = physical_lines(raw)
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # raises if a fold cut a character in two
    continued = [line for line in lines if line.startswith(b" ")]
    assert len(continued) >= 5  # the long Chinese summary needed folding
    unfolded = raw.replace(b"\r\n ", b"").decode("utf-8")
    assert "DESCRIPTION:日期：2020年4月7日\\n\\n" + LONG_SUMMARY.replace(",", "\\,") in unfolded


def test_without_site_url_uids_use_a_fallback_host_and_url_is_left_out() -> None:
    raw = timeline_ics(corpus(), "", STAMP)
    events = vevents(raw)
    assert [str(e["UID"]) for e in events] == [f"{i}@timeline" for i in ORDER]
    assert all("URL" not in e for e in events)
    unfolded = raw.replace(b"\r\n ", b"")
    assert b"http" not in unfolded.replace(b"https://example.com/a?b=1&c=2", b"")


# Characters that need escaping, folding care (multi-octet, a 4-octet one) or removal.
_TEXT = st.lists(
    st.sampled_from(["a", "春", "𠮷", "é", "\\", "\n", ";", ",", " ", "\t", "\x00", "\x1f"]),
    min_size=1,
    max_size=120,
).map("".join)
# TEXT cannot hold control characters other than tab (RFC 5545 §3.3.11): they are dropped.
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@settings(max_examples=150, deadline=None)
@given(title=_TEXT, tag=_TEXT)
def test_any_text_round_trips_in_lines_of_at_most_75_octets(title: str, tag: str) -> None:
    event = replace(corpus().events[0], title=title, tags=(tag,))
    raw = timeline_ics(Corpus(articles=(), timeline=Timeline("t.yaml", (event,))), SITE, STAMP)
    for line in physical_lines(raw):
        assert len(line) <= 75
        line.decode("utf-8")  # raises if a fold cut a character in two
    [vevent] = vevents(raw)
    assert str(vevent["SUMMARY"]) == _NOT_TEXT.sub("", title)
    assert vevent["CATEGORIES"].cats == [_NOT_TEXT.sub("", tag)]


def test_kept_event_lines_follow_every_change_of_an_event_or_its_articles() -> None:
    base = corpus()
    first = base.timeline.events[0]
    retitled = replace(first, title="改过的标题", line=first.line + 3)
    timeline = replace(base.timeline, events=(retitled, *base.timeline.events[1:]))
    article = replace(base.articles[0], title="改过的文章")
    changes = [
        replace(base, timeline=timeline),
        replace(base, articles=(article, *base.articles[1:])),
    ]
    before = timeline_ics(base, SITE, STAMP)
    made = [timeline_ics(changed, SITE, STAMP) for changed in changes]
    ics._vevent_ical.cache_clear()  # every event written afresh
    assert made == [timeline_ics(changed, SITE, STAMP) for changed in changes]
    assert all(raw != before for raw in made) and timeline_ics(base, SITE, STAMP) == before


# Characters chosen to land on a fold: one, two, three and four octets in UTF-8, the
# escapes that must not end a piece (``\`` of ``\,``, ``^``), and what TEXT escapes
# (a written ``\N`` too, and every kind of line break).
FOLD_TEXT = st.text(st.sampled_from('ab ,;:\\^\n\rN"é—中“”𠮷😷'), max_size=400)


def library_vevent(
    event: Event, titles: tuple[str, ...], site_url: str, stamp: dt.datetime
) -> bytes:
    """The event as the ``icalendar`` library writes it: its own component, value types,
    property order, escaping and folding."""
    links = Links(site_url, {})
    vevent = icalendar.Event()
    vevent.add("UID", icalendar.vText(_NOT_TEXT.sub("", f"{event.id}@{links.host}")))
    vevent.add("DTSTAMP", stamp)
    vevent.add("DTSTART", event.date.first_day())
    vevent.add("DTEND", (event.end or event.date).last_day() + dt.timedelta(days=1))
    vevent.add("SUMMARY", icalendar.vText(_NOT_TEXT.sub("", event.title)))
    description = ics._description(event, links, titles)
    vevent.add("DESCRIPTION", icalendar.vText(_NOT_TEXT.sub("", description)))
    if links.absolute:
        vevent.add("URL", icalendar.vUri(ics._uri(links.event(event))))
    if event.tags:
        vevent.add("CATEGORIES", [_NOT_TEXT.sub("", tag) for tag in event.tags])
    raw: bytes = vevent.to_ical()
    return raw


_DATES = st.sampled_from(
    [
        (PartialDate(2020, 1, 23), None),
        (PartialDate(2020, 2, approximate=True), PartialDate(2020, 4, 7)),
        (PartialDate(2008), PartialDate(2009, 12)),
        (PartialDate(999, 12, 31), None),  # a year of three digits is written with four
    ]
)
_STAMPS = st.datetimes(min_value=dt.datetime(1000, 1, 1), max_value=dt.datetime(9998, 12, 31)).map(
    lambda d: d.replace(microsecond=0, tzinfo=dt.timezone.utc)
)


@settings(max_examples=300, deadline=None)
@given(
    FOLD_TEXT.filter(bool),
    FOLD_TEXT,
    st.lists(FOLD_TEXT.filter(bool), max_size=4),
    st.tuples(FOLD_TEXT, FOLD_TEXT),
    _DATES,
    st.sampled_from([SITE, "", "https://例子.org/时间线/"]),
    _STAMPS,
)
def test_an_event_is_written_exactly_as_icalendar_writes_it(
    title: str,
    summary: str,
    tags: list[str],
    quote_and_title: tuple[str, str],
    dates: tuple[PartialDate, PartialDate | None],
    site_url: str,
    stamp: dt.datetime,
) -> None:
    quote, source_title = quote_and_title
    source = replace(corpus().events[1].sources[0], quote=quote)
    event = replace(
        corpus().events[1],
        id="事件-" + title[:8],
        title=title,
        summary=summary,
        tags=tuple(tags),
        sources=(source,),
        date=dates[0],
        end=dates[1],
    )
    titles = (source_title,)
    written = ics._vevent_ical(event, titles, site_url, stamp)
    assert written == library_vevent(event, titles, site_url, stamp)


def test_a_fold_never_splits_a_character_nor_ends_a_piece_on_an_escape() -> None:
    from generator.export.ics_fold import PIECE_OCTETS, fold

    # The ``\`` of ``\,`` is the 74th octet: it moves to the next piece.
    line = ("DESCRIPTION:" + "a" * 61 + "\\," + "中" * 20 + "😷" * 30 + "x^n" + "a" * 100).encode()
    pieces = fold(line).split(b"\r\n ")
    assert pieces[0] == b"DESCRIPTION:" + b"a" * 61
    assert pieces[1].startswith(b"\\,")
    assert b"".join(pieces) == line
    assert all(len(p) <= PIECE_OCTETS for p in pieces)
    for piece in pieces:
        piece.decode("utf-8")  # whole characters only
        assert not piece.endswith((b"\\", b"^"))
    assert fold(b"x" * PIECE_OCTETS) == b"x" * PIECE_OCTETS
    assert fold(b"x" * (PIECE_OCTETS + 1)) == b"x" * PIECE_OCTETS + b"\r\n x"
