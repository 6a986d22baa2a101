"""export_all: the four files, deterministic bytes, no clock."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path

from generator.export import export_all
from generator.model import Corpus, Timeline

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
    assert b"BEGIN:VEVENT" not in empty["timeline.ics"]
    assert empty["timeline.json"] == b'{\n  "events": [],\n  "articles": []\n}\n'
    clock = re.compile(r"\b(now|today|utcnow|time\.time)\(")
    for module in sorted(EXPORT_DIR.glob("*.py")):
        assert not clock.search(module.read_text(encoding="utf-8")), module.name
