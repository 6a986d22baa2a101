"""export_all: the four files, deterministic bytes, no clock."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path

from generator.export import export_all
from generator.export.atom import _entry_xml
from generator.export.ics import _vevent_ical
from generator.export.timeline_json import _event_json
from generator.export.timelinejs import _slide_json
from generator.model import Article, Corpus, Event, Timeline

from .export_corpus import SITE, corpus

EXPORT_DIR = Path(__file__).resolve().parent.parent / "generator" / "export"


def test_returns_the_four_files() -> None:
    files = export_all(corpus(), SITE)
    assert sorted(files) == ["feed.xml", "timeline.ics", "timeline.json", "timelinejs.json"]
    assert all(isinstance(data, bytes) and data for data in files.values())


def test_deterministic_whatever_the_input_order() -> None:
    first = export_all(corpus(), SITE)
    assert export_all(corpus(), SITE) == first
    shuffled = corpus()
    reordered = Corpus(
        articles=shuffled.articles,
        timeline=Timeline(shuffled.timeline.path, tuple(reversed(shuffled.events))),
    )
    assert export_all(reordered, SITE) == first


def test_title_parameter_reaches_every_format() -> None:
    files = export_all(corpus(), SITE, title="春雷大事记", author="某编者")
    assert "X-WR-CALNAME:春雷大事记\r\n".encode() in files["timeline.ics"]
    assert '<title type="text">春雷大事记</title>'.encode() in files["feed.xml"]
    assert "<name>某编者</name>".encode() in files["feed.xml"]
    assert '"headline": "春雷大事记"'.encode() in files["timelinejs.json"]


def test_description_parameter_reaches_every_format_but_the_json() -> None:
    files = export_all(corpus(), SITE, title="春雷大事记", description="平台企业的抗疫时间线")
    assert "\r\nNAME:春雷大事记\r\n".encode() in files["timeline.ics"]
    assert "\r\nDESCRIPTION:平台企业的抗疫时间线\r\n".encode() in files["timeline.ics"]
    assert "X-WR-CALDESC:平台企业的抗疫时间线\r\n".encode() in files["timeline.ics"]
    assert '<subtitle type="text">平台企业的抗疫时间线</subtitle>'.encode() in files["feed.xml"]
    title = json.loads(files["timelinejs.json"])["title"]["text"]
    assert title == {"headline": "春雷大事记", "text": "平台企业的抗疫时间线"}
    assert files["timeline.json"] == export_all(corpus(), SITE)["timeline.json"]


def test_timestamps_come_from_updated_or_the_data_never_the_clock() -> None:
    pinned = export_all(corpus(), SITE, dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc))
    assert b"<updated>2030-01-02T03:04:05Z</updated>" in pinned["feed.xml"]
    assert b"DTSTAMP:20300102T030405Z\r\n" in pinned["timeline.ics"]
    # Derived, the stamp is the latest day an event was added (else began): new today.
    base = corpus()
    added = replace(base.events[-1], added=dt.date(2026, 11, 26))
    newer = Corpus(base.articles, Timeline("timeline.yaml", (*base.events[:-1], added)))
    derived = export_all(newer, SITE)
    assert b"<updated>2026-11-26T00:00:00Z</updated>" in derived["feed.xml"]
    assert derived["timeline.ics"].count(b"DTSTAMP:20261126T000000Z\r\n") == len(base.events)
    empty = export_all(Corpus(articles=(), timeline=Timeline("timeline.yaml")), SITE)
    assert b"<updated>1970-01-01T00:00:00Z</updated>" in empty["feed.xml"]
    assert b"<entry>" not in empty["feed.xml"] and b"timeline-entries" not in empty["feed.xml"]
    assert b"BEGIN:VEVENT" not in empty["timeline.ics"]
    assert empty["timeline.json"] == b'{\n  "events": [],\n  "articles": []\n}\n'
    clock = re.compile(r"\b(now|today|utcnow|time\.time)\(")
    for module in sorted(EXPORT_DIR.glob("*.py")):
        assert not clock.search(module.read_text(encoding="utf-8")), module.name


def _forget_kept_entries() -> None:
    for kept in (_entry_xml, _vevent_ical, _event_json, _slide_json):
        kept.cache_clear()


def test_kept_entries_follow_every_change_an_export_shows() -> None:
    """Each event's entry is kept between calls (a serve save changes a few events);
    whatever changed, the files are the ones written with nothing kept."""
    base = corpus()
    first, article = base.events[0], base.articles[0]
    shorter = replace(first.sources[0], quote=first.sources[0].quote[:4])

    def with_event(event: Event) -> Corpus:
        others = tuple(e for e in base.events if e.id != event.id)
        return replace(base, timeline=replace(base.timeline, events=(event, *others)))

    def with_article(changed: Article) -> Corpus:
        return replace(base, articles=(changed, *base.articles[1:]))

    changes = {
        "title": with_event(replace(first, title="改过的标题")),
        "tags": with_event(replace(first, tags=("新标签",))),
        "summary": with_event(replace(first, summary="新的**摘要**")),
        "quote": with_event(replace(first, sources=(shorter, *first.sources[1:]))),
        "added": with_event(replace(first, added=dt.date(2026, 11, 20))),
        "article title": with_article(replace(article, title="改过的文章")),
        "article file": with_article(replace(article, file="改过的文件.txt")),
    }
    before = export_all(base, SITE)
    made = {name: export_all(changed, SITE) for name, changed in changes.items()}
    elsewhere = export_all(base, "https://other.example/")
    moved = export_all(with_event(replace(first, line=first.line + 7)), SITE)
    _forget_kept_entries()
    assert made == {name: export_all(changed, SITE) for name, changed in changes.items()}
    assert elsewhere == export_all(base, "https://other.example/")
    assert export_all(base, SITE) == before
    for name, files in made.items():
        assert files != before, name
        assert b"timeline-entries" not in files["feed.xml"], name
    # The file's lines are no export's: an event moved down is written as it was.
    assert moved == before
    assert made["article file"]["timeline.json"] != before["timeline.json"]
    assert made["article title"]["feed.xml"] != before["feed.xml"]
