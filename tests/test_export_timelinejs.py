"""timelinejs.json: the TimelineJS3 document, with every HTML field escaped."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from generator.export import timelinejs_json
from generator.model import Corpus, PartialDate, Timeline

from .export_corpus import COVID, ORDER, SITE, SPRING_2008, corpus


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
    day = slides["2020-04-07-chunlei"]
    assert day["start_date"] == {"year": "2020", "month": "4", "day": "7"}
    assert day["display_date"] == "2020年4月7日"
    assert list(day) == ["start_date", "text", "unique_id", "display_date"]


def test_a_range_ends_after_its_last_day_and_shows_that_day() -> None:
    """TimelineJS draws a range up to the first moment of ``end_date``: the exclusive
    end is the day (month) after the last, and its label is the last day (month)."""
    slides = by_id(load())
    days = slides["hostile"]  # 2020-04-07 to 2020-04-30
    assert days["end_date"] == {
        "year": "2020",
        "month": "5",
        "day": "1",
        "display_date": "2020年4月30日",
    }
    assert days["display_date"] == "2020年4月7日—4月30日"  # the site's one date-range format
    months = slides["2020-01-covid"]  # 2020-01 to 2020-03
    assert months["start_date"] == {"year": "2020", "month": "1"}
    assert months["end_date"] == {"year": "2020", "month": "4", "display_date": "2020年3月"}
    assert months["display_date"] == "2020年1月—3月"


def test_a_range_across_a_year_end_and_one_as_long_as_its_start() -> None:
    base = corpus()
    years = replace(COVID, date=PartialDate(2019, 12, 31), end=PartialDate(2020))
    same = replace(SPRING_2008, end=PartialDate(2008, 12, 31))  # all of 2008, like `date`
    data = json.loads(timelinejs_json(Corpus(base.articles, Timeline("t", (years, same))), SITE))
    slides = by_id(data)
    assert slides[years.id]["end_date"] == {"year": "2021", "display_date": "2020年"}
    assert "end_date" not in slides[same.id]


def test_no_groups_tags_would_each_take_a_row_of_the_time_strip() -> None:
    assert all("group" not in slide for slide in load()["events"])


def test_title_slide_is_the_site_name_over_its_description() -> None:
    data = load(title="数字抗疫时间线", text="2020年1月23日至4月7日的时间线")
    assert data["title"]["text"] == {
        "headline": "数字抗疫时间线",
        "text": "2020年1月23日至4月7日的时间线",
    }


def test_text_links_to_event_page_and_sources() -> None:
    text = by_id(load())["2020-01-covid"]["text"]
    assert text == {
        "headline": "新冠肺炎疫情来袭",
        "text": (
            "<blockquote>“新冠肺炎疫情是一场全球范围内的战争”</blockquote>\n<p>—— "
            '<a href="https://example.org/timeline/articles/chunlei-2020/#p2">'
            "阿里巴巴再次启动“春雷计划”</a></p>\n"
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
