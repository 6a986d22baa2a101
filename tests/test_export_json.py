"""timeline.json: structure, values and byte form."""

from __future__ import annotations

import json
from typing import Any

from generator.export import timeline_json

from .export_corpus import HOSTILE_QUOTE, HOSTILE_TITLE, LONG_SUMMARY, ORDER, SITE, corpus


def load(site_url: str = SITE) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(timeline_json(corpus(), site_url).decode("utf-8"))
    return data


def by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {event["id"]: event for event in data["events"]}


def test_events_in_timeline_order_and_articles_listed() -> None:
    data = load()
    assert list(data) == ["events", "articles"]
    assert [event["id"] for event in data["events"]] == ORDER
    assert [article["id"] for article in data["articles"]] == [
        "chunlei-2020",
        "winter-letter",
        "hostile",
    ]


def test_dates_at_their_precision_and_end_only_when_present() -> None:
    events = by_id(load())
    year, month_range, day = (
        events["2008-spring-thunder"],
        events["2020-01-covid"],
        events["2020-04-07-chunlei"],
    )
    assert (year["date"], year["precision"], year["approximate"]) == ("2008", "year", True)
    assert "end" not in year
    assert (month_range["date"], month_range["end"]) == ("2020-01", "2020-03")
    assert (month_range["precision"], month_range["approximate"]) == ("month", False)
    assert (day["date"], day["precision"]) == ("2020-04-07", "day")
    assert "end" not in day
    assert events["hostile"]["end"] == "2020-04-30"


def test_fixed_key_order() -> None:
    events = by_id(load())
    tail = ["precision", "approximate", "title", "summary", "tags", "entities", "url", "sources"]
    assert list(events["2020-01-covid"]) == ["id", "date", "end", *tail]
    assert list(events["2020-04-07-chunlei"]) == ["id", "date", *tail]


def test_event_values_urls_and_sources() -> None:
    event = by_id(load())["2020-04-07-chunlei"]
    assert event["title"] == "“春雷计划2020”启动"
    assert event["summary"] == LONG_SUMMARY
    assert event["tags"] == ["春雷计划", "中小企业"]
    assert event["entities"] == {
        "people": ["张勇"],
        "organizations": ["阿里巴巴", "网商银行"],
        "places": ["浙江"],
    }
    assert event["url"] == "https://example.org/timeline/events/2020-04-07-chunlei/"
    assert event["sources"] == [
        {
            "article": "chunlei-2020",
            "file": "003_e3d7a3b44c33fc91.txt",
            "quote": "时隔11年",
            "url": "https://example.org/timeline/articles/chunlei-2020/#p1",
        },
        {
            "article": "chunlei-2020",
            "file": "003_e3d7a3b44c33fc91.txt",
            "quote": "春天的战役",
            "url": "https://example.org/timeline/articles/chunlei-2020/",
        },
    ]


def test_hostile_text_round_trips_exactly() -> None:
    event = by_id(load())["hostile"]
    assert event["title"] == HOSTILE_TITLE
    assert event["tags"] == ["<i>x</i>", "a,b", "c;d"]
    assert event["entities"]["places"] == ["<b>地</b>"]
    assert event["sources"][0]["quote"] == HOSTILE_QUOTE
    assert event["sources"][0]["file"] == "004_c720e78d169b1672.txt"


def test_article_records() -> None:
    articles = load()["articles"]
    assert articles[0] == {
        "id": "chunlei-2020",
        "title": "阿里巴巴再次启动“春雷计划”",
        "author": "何畅",
        "publication": "充电吧",
        "date": "2020-04-07",
        "file": "003_e3d7a3b44c33fc91.txt",
        "url": "https://example.org/timeline/articles/chunlei-2020/",
        "source_url": "https://example.com/news/chunlei?id=1&lang=zh",
    }
    assert articles[1] == {
        "id": "winter-letter",
        "title": "冬天的使命",
        "author": None,
        "publication": None,
        "date": None,
        "file": "000_b4a20cc34cdd8f9a.txt",
        "url": "https://example.org/timeline/articles/winter-letter/",
        "source_url": None,
    }


def test_relative_urls_without_site_url() -> None:
    data = load("")
    event = by_id(data)["2020-01-covid"]
    assert event["url"] == "events/2020-01-covid/"
    assert event["sources"][0]["url"] == "articles/chunlei-2020/#p2"
    assert data["articles"][1]["url"] == "articles/winter-letter/"


def test_bytes_are_readable_utf8_one_record_per_line_with_final_newline() -> None:
    raw = timeline_json(corpus(), SITE)
    assert raw.startswith(b'{\n  "events": [\n    {"id": "2008-spring-thunder", ')
    data = json.loads(raw)
    records = raw.decode().splitlines()
    # Each event and each article is one line that parses by itself.
    for item in [*data["events"], *data["articles"]]:
        line = next(r for r in records if r.strip().startswith(json.dumps(item)[:30]))
        assert json.loads(line.strip().rstrip(",")) == item
    assert raw.endswith(b"}\n") and not raw.endswith(b"\n\n")
    assert "“春雷计划2020”启动".encode() in raw  # not \\u escapes
    assert b"\\u" not in raw
