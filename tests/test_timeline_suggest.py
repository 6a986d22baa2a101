"""`suggest`: date mentions in the articles that no event covers."""

from __future__ import annotations

import pytest

from generator.model import Article, Block, PartialDate, Timeline
from generator.timeline import load_timeline_text
from generator.timeline.suggest import Suggestion, find_dates, suggest

D = PartialDate


def dates_in(text: str, year: int | None = 2020) -> list[tuple[str, str | None, str]]:
    """(date, end, mention) with ``~`` marking approximate dates, for readable asserts."""

    def show(date: PartialDate) -> str:
        return ("~" if date.approximate else "") + date.iso()

    return [
        (show(date), show(end) if end else None, text[start:stop])
        for date, end, start, stop in find_dates(text, year)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("阿里巴巴1月25日发出声明，", [("2020-01-25", None, "1月25日")]),
        ("2020年1月23日武汉", [("2020-01-23", None, "2020年1月23日")]),
        ("2018年11月,江西一网通办", [("2018-11", None, "2018年11月")]),
        ("1月25日至27日", [("2020-01-25", "2020-01-27", "1月25日至27日")]),
        (
            "於 1 月 23 日至 3 月 2 日間，",
            [("2020-01-23", "2020-03-02", "1 月 23 日至 3 月 2 日")],
        ),
        ("單計 4 月 1 至 6 日農產品", [("2020-04-01", "2020-04-06", "4 月 1 至 6 日")]),
        ("今年 1 至 3 月，東南亞", [("2020-01", "2020-03", "1 至 3 月")]),
        ("今年 2 至 5 月上旬，旅行", [("2020-02", "~2020-05", "2 至 5 月上旬")]),
        ("2月上旬", [("~2020-02", None, "2月上旬")]),
        ("截至 4 月底，", [("~2020-04", None, "4 月底")]),
        ("4 月份 Lazada", [("2020-04", None, "4 月份")]),
        ("*數據截至 2020 年 3 月 31 日", [("2020-03-31", None, "2020 年 3 月 31 日")]),
        ("２月５日，", [("2020-02-05", None, "２月５日")]),
        ("12月20日至1月5日", [("2020-12-20", "2021-01-05", "12月20日至1月5日")]),
        ("2月10日—2月5日", [("2020-02-10", None, "2月10日—2月5日")]),
        ("2月30日", []),
        ("13月", []),
        ("1.5亿人次，5000 萬至 1 億，12个月", []),
    ],
)
def test_find_dates(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert dates_in(text) == expected


def test_year_comes_from_the_same_sentence_before_the_article_year() -> None:
    text = "京2024年8月27日 /美通社/ -- 8月21日,由中央。8月28日消息"
    assert dates_in(text) == [
        ("2024-08-27", None, "2024年8月27日"),
        ("2024-08-21", None, "8月21日"),
        ("2020-08-28", None, "8月28日"),
    ]


def test_without_any_year_a_mention_is_skipped() -> None:
    assert dates_in("1月23日武汉；2020年2月", None) == [("2020-02", None, "2020年2月")]


def article(article_id: str, date: PartialDate | None, *texts: str) -> Article:
    blocks = tuple(Block("paragraph", text, f"p{n}") for n, text in enumerate(texts, 1))
    return Article(article_id, "t", f"{article_id}.txt", blocks, date=date)


ARTICLES = [
    article(
        "a",
        D(2020, 4),
        "针对医疗物资紧缺情况，阿里巴巴1月25日发出声明。2月5日，阿里巴巴开通平台。",
        "1月23日武汉“封城”后，医护人员出行困难。钉钉在2月上旬上线新功能。",
    ),
    article("b", None, "*數據截至 2020 年 3 月 31 日", "2 月 5 日，盒馬開通服務。"),
]


def suggest_for(tl: Timeline) -> list[Suggestion]:
    return suggest(ARTICLES, tl)


def timeline(events: str, overrides: str = "") -> Timeline:
    loaded, found = load_timeline_text("events:\n" + events + overrides, "timeline.yaml")
    assert found == []
    return loaded


def covered(event_id: str, date: str, end: str = "") -> str:
    return (
        f"  - id: {event_id}\n    date: {date}\n"
        + (f"    end: {end}\n" if end else "")
        + "    title: t\n    sources:\n      - article: a\n        quote: q\n"
    )


def test_suggest_lists_uncovered_mentions_sorted_by_date_article_anchor() -> None:
    found = suggest_for(timeline(covered("lockdown", "2020-01-23", "2020-01-24")))
    assert [(s.date.iso(), s.article, s.anchor, s.mention) for s in found] == [
        ("2020-01-25", "a", "p1", "1月25日"),
        ("2020-02", "a", "p2", "2月上旬"),
        ("2020-02-05", "a", "p1", "2月5日"),
        ("2020-03-31", "b", "p1", "2020 年 3 月 31 日"),
    ]
    assert found[0] == Suggestion(
        article="a",
        anchor="p1",
        date=D(2020, 1, 25),
        end=None,
        mention="1月25日",
        sentence="针对医疗物资紧缺情况，阿里巴巴1月25日发出声明。",
    )
    assert found[1].date == D(2020, 2, approximate=True)
    # Article b has no date, so "2 月 5 日" has no year and is not suggested.


def test_article_date_from_an_override_gives_the_year() -> None:
    found = suggest_for(timeline(covered("x", "2019"), "articles:\n  b:\n    date: 2020-05\n"))
    assert ("2020-02-05", "b", "p2", "2 月 5 日") in [
        (s.date.iso(), s.article, s.anchor, s.mention) for s in found
    ]


def test_month_events_cover_month_mentions_but_not_day_mentions() -> None:
    found = suggest_for(timeline(covered("feb", "2020-02") + covered("mar", "2020-03-31")))
    assert [s.mention for s in found] == ["1月23日", "1月25日", "2月5日"]


def test_day_ranges_cover_days_inside_them() -> None:
    found = suggest_for(timeline(covered("jan", "2020-01-23", "2020-02-05")))
    # 2月上旬 starts on 1 February, inside the range, so it counts as covered too.
    assert [s.mention for s in found] == ["2020 年 3 月 31 日"]
