"""timelinejs.json: the TimelineJS3 document, with every HTML field escaped."""

from __future__ import annotations

import json
from typing import Any

from generator.export import timelinejs_json

from .export_corpus import ORDER, SITE, corpus


def load(site_url: str = SITE, **kwargs: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(timelinejs_json(corpus(), site_url, **kwargs))
    return data


def by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {slide["unique_id"]: slide for slide in data["events"]}


def test_title_slide_escaped() -> None:
    data = load(title="春雷 <时间线>", text="a & b")
    assert list(data) == ["title", "events"]
    assert data["title"] == {"text": {"headline": "春雷 &lt;时间线&gt;", "text": "a &amp; b"}}
    assert load()["title"]["text"]["headline"] == "时间线"


def test_dates_as_strings_at_their_precision() -> None:
    slides = by_id(load())
    assert [slide["unique_id"] for slide in load()["events"]] == ORDER
    year = slides["2008-spring-thunder"]
    assert year["start_date"] == {"year": "2008"}
    assert "end_date" not in year
    assert year["display_date"] == "约2008年"
    covid = slides["2020-01-covid"]
    assert (covid["start_date"], covid["end_date"]) == (
        {"year": "2020", "month": "1"},
        {"year": "2020", "month": "3"},
    )
    assert covid["display_date"] == "2020年1月至2020年3月"
    day = slides["2020-04-07-chunlei"]
    assert day["start_date"] == {"year": "2020", "month": "4", "day": "7"}
    assert day["display_date"] == "2020年4月7日"
    assert list(day) == ["start_date", "text", "group", "unique_id", "display_date"]


def test_group_is_first_tag_escaped() -> None:
    slides = by_id(load())
    assert slides["2020-01-covid"]["group"] == "疫情"
    assert slides["hostile"]["group"] == "&lt;i&gt;x&lt;/i&gt;"


def test_text_links_to_event_page_and_sources() -> None:
    text = by_id(load())["2020-01-covid"]["text"]
    assert text == {
        "headline": "新冠肺炎疫情来袭",
        "text": (
            "<blockquote><p>“新冠肺炎疫情是一场全球范围内的战争”</p><p>—— "
            '<a href="https://example.org/timeline/articles/chunlei-2020/#p2">'
            "阿里巴巴再次启动“春雷计划”</a></p></blockquote>\n"
            '<p><a href="https://example.org/timeline/events/2020-01-covid/">查看事件详情</a></p>'
        ),
    }
    relative = by_id(load(""))["2020-01-covid"]["text"]["text"]
    assert '<a href="events/2020-01-covid/">' in relative


def test_hostile_fields_are_inert() -> None:
    slide = by_id(load())["hostile"]
    assert slide["text"]["headline"] == "&lt;script&gt;alert(1)&lt;/script&gt;, a; b\\c"
    body = slide["text"]["text"]
    assert "<script" not in body and "<img" not in body
    assert "javascript:" not in body.lower() and "avascript:" not in body
    assert "&lt;script&gt;alert(&quot;q&quot;)&lt;/script&gt;" in body
    assert "{{ site.url }}" in body
    raw = timelinejs_json(corpus(), SITE)
    assert b"<script" not in raw
