"""Checking the timeline against articles: quotes located, unknown ids, warnings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from generator.model import Article, Block, PartialDate, Span
from generator.timeline import apply_overrides, check, load_timeline_text, validate
from generator.timeline.quotes import (
    closest_hint,
    closest_passage,
    index_article,
    locate,
    occurrences,
    squeeze,
)

ART_A = Article(
    id="000_b4a20cc34cdd8f9a",
    title="春雷计划",
    file="000_b4a20cc34cdd8f9a.txt",
    blocks=(
        Block("heading", "数字化平台提升保供能力", ""),
        Block("paragraph", "针对疫情暴发初期医疗物资紧缺情况，阿里巴巴1月25日发出声明，", "p1"),
        Block("paragraph", "宣布设立10亿元医疗物资供给专项基金，用于采购医疗物资。", "p2"),
        Block(
            "paragraph",
            "2月5日，阿里巴巴开通“防疫直采全球寻源平台”，最大限度匹配货源与需求。",
            "p3",
        ),
    ),
)
ART_B = Article(
    id="002_948af0d9428fe7ba",
    title="從危機到曙光",
    file="002_948af0d9428fe7ba.txt",
    blocks=(Block("paragraph", "*數據截至 2020 年 3 月 31 日", "p1"),),
    script="hant",
)


def timeline_of(body: str) -> str:
    return "events:\n" + body


def event(event_id: str, date: str, article: str, quote: str) -> str:
    return (
        f"  - id: {event_id}\n    date: {date}\n    title: t\n"
        f"    sources:\n      - article: {article}\n        quote: {quote}\n"
    )


def run(text: str, articles: list[Article]) -> tuple[list[str], list[list[Span]]]:
    timeline, loaded = load_timeline_text(text, "timeline.yaml")
    assert loaded == []
    checked, found = validate(timeline, articles)
    spans = [list(s.spans) for e in checked.events for s in e.sources]
    return [str(d) for d in found], spans


def test_quote_matches_ignoring_whitespace() -> None:
    index = index_article(ART_B)
    assert locate(index, "數據截至2020年3月31日") == (Span("p1", 1, 21),)
    assert ART_B.blocks[0].text[1:21] == "數據截至 2020 年 3 月 31 日"
    assert locate(index, "數據截至 2020\n年 3月31 日") == (Span("p1", 1, 21),)


def test_quote_spanning_two_blocks_gets_a_span_in_each() -> None:
    index = index_article(ART_A)
    spans = locate(index, "阿里巴巴1月25日发出声明，\n宣布设立10亿元医疗物资供给专项基金")
    assert spans == (Span("p1", 17, 31), Span("p2", 0, 18))
    assert ART_A.blocks[1].text[17:31] == "阿里巴巴1月25日发出声明，"
    assert ART_A.blocks[2].text[0:18] == "宣布设立10亿元医疗物资供给专项基金"


def test_quotes_are_verbatim_apart_from_whitespace() -> None:
    index = index_article(ART_A)
    assert locate(index, "阿里巴巴1月25日发出声明,") is None  # ASCII comma: not the text
    assert locate(index, "   ") is None


def test_validate_fills_spans_and_reports_nothing_for_good_quotes() -> None:
    text = timeline_of(event("fund", "2020-01-25", ART_A.id, "阿里巴巴1月25日发出声明"))
    text += event("data", "2020-03-31", ART_B.id, "數據截至 2020 年 3 月 31 日")
    found, spans = run(text, [ART_A, ART_B])
    assert found == []
    assert spans == [[Span("p1", 17, 30)], [Span("p1", 1, 21)]]


def test_quote_not_found_names_the_closest_passage() -> None:
    text = timeline_of(event("open", "2020-02-05", ART_A.id, "阿里巴巴开通防疫直采全球寻源平台"))
    found, spans = run(text, [ART_A])
    # At the quote itself (line 7, after `quote: `), the difference marked under it.
    assert found == [
        "timeline.yaml:7:16: error: quote not found in article 000_b4a20cc34cdd8f9a; "
        "the closest passage (p3) differs where marked\n"
        "    quote: 阿里巴巴开通防疫直采全球寻源平台\n"
        "  article: 阿里巴巴开通“防疫直采全球寻源平台\n"
        "           " + "\u3000" * 6 + "^\n"
        "  paste this from the article (p3): “阿里巴巴开通“防疫直采全球寻源平台”"
    ]
    assert spans == [[]]  # the event stays, linked to the article without an anchor


def test_quote_with_nothing_alike_says_what_is_expected() -> None:
    found, _ = run(timeline_of(event("x", "2020-01-01", ART_A.id, "zzzz")), [ART_A])
    assert found == [
        "timeline.yaml:7:16: error: quote not found in article 000_b4a20cc34cdd8f9a; "
        "expected words copied exactly from the article"
    ]


def test_closest_passage_is_shortened_for_the_message() -> None:
    long = Article("l", "t", "l.txt", (Block("paragraph", "甲乙" * 100 + "。", "p1"),))
    anchor, sentence = closest_passage(long, "甲乙丙") or ("", "")
    assert (anchor, len(sentence)) == ("p1", 201)
    assert str(closest_hint(long, "甲乙丙")) == "closest passage (p1): “" + "甲乙" * 39 + "甲…”"


def test_unknown_article_with_did_you_mean_and_the_event_dropped() -> None:
    text = timeline_of(event("fund", "2020-01-25", "000_b4a20cc34cdd8f9b", "阿里巴巴"))
    timeline, _ = load_timeline_text(text, "timeline.yaml")
    checked, found = validate(timeline, [ART_A, ART_B])
    assert [str(d) for d in found] == [
        "timeline.yaml:6:9: error: unknown article `000_b4a20cc34cdd8f9b`; "
        "did you mean `000_b4a20cc34cdd8f9a`? (the quote is in that article); "
        "the articles are `000_b4a20cc34cdd8f9a`, `002_948af0d9428fe7ba`",
        "timeline.yaml:1:1: warning: article `000_b4a20cc34cdd8f9a` is not cited by any event",
        "timeline.yaml:1:1: warning: article `002_948af0d9428fe7ba` is not cited by any event",
    ]
    assert checked.events == ()


def test_unknown_article_named_by_its_quote_when_the_id_is_nothing_like_it() -> None:
    found, _ = run(timeline_of(event("x", "2020-01-25", "nothing-like-it", "阿里巴巴")), [ART_A])
    assert found[0] == (
        "timeline.yaml:6:9: error: unknown article `nothing-like-it`; "
        "did you mean `000_b4a20cc34cdd8f9a`? (the quote is in that article)"
    )


def test_the_quote_beats_string_distance() -> None:
    """`report-5x` is one letter from `report-5`, but the quote is in `report-2`."""
    meant = Article(
        "report-2", "t", "report-2.txt", (Block("paragraph", "共享员工计划启动。", "p1"),)
    )
    near = Article("report-5", "t", "report-5.txt", (Block("paragraph", "别的内容。", "p1"),))
    found, _ = run(
        timeline_of(event("x", "2020-01-25", "report-5x", "共享员工计划")), [meant, near]
    )
    assert found[0] == (
        "timeline.yaml:6:9: error: unknown article `report-5x`; "
        "did you mean `report-2`? (the quote is in that article); "
        "the articles are `report-2`, `report-5`"
    )


def test_unknown_article_without_a_near_miss() -> None:
    found, _ = run(
        timeline_of(event("x", "2020-01-25", "nothing-like-it", "不在任何文章里")), [ART_A]
    )
    assert found == [
        "timeline.yaml:6:9: error: unknown article `nothing-like-it`; "
        "expected the id of a cleaned article",
        "timeline.yaml:1:1: warning: article `000_b4a20cc34cdd8f9a` is not cited by any event",
    ]


def test_unknown_override_id_and_uncited_article_warning() -> None:
    text = timeline_of(event("fund", "2020-01-25", ART_A.id, "阿里巴巴"))
    text += "articles:\n  002_948af0d9428fe7bb:\n    title: 新标题\n"
    timeline, _ = load_timeline_text(text, "timeline.yaml")
    checked, found = validate(timeline, [ART_A, ART_B])
    assert [str(d) for d in found] == [
        "timeline.yaml:9:1: error: unknown article `002_948af0d9428fe7bb` in `articles:`; "
        "did you mean `002_948af0d9428fe7ba`?; "
        "the articles are `000_b4a20cc34cdd8f9a`, `002_948af0d9428fe7ba`",
        "timeline.yaml:1:1: warning: article `002_948af0d9428fe7ba` is not cited by any event",
    ]
    assert checked.overrides == ()


def test_events_out_of_date_order_are_a_warning() -> None:
    text = timeline_of(
        event("later", "2020-02-05", ART_A.id, "2月5日")
        + event("earlier", "2020-01-25", ART_A.id, "1月25日")
        + event("same-month", "2020-01", ART_A.id, "1月25日")
    )
    found, _ = run(text, [ART_A])
    assert found == [
        "timeline.yaml:8:1: warning: event `earlier` (2020-01-25) comes after `later` "
        "(2020-02-05); expected events in date order",
        "timeline.yaml:14:1: warning: event `same-month` (2020-01) comes after `earlier` "
        "(2020-01-25); expected events in date order",
    ]


def test_apply_overrides_changes_only_what_is_given() -> None:
    text = timeline_of("") + (
        "articles:\n  002_948af0d9428fe7ba:\n    title: 新标题\n    date: 2020-05\n"
        "    url: https://example.com/x\n"
    )
    timeline, _ = load_timeline_text(text.replace("events:\n", "events: []\n"), "t.yaml")
    changed = apply_overrides([ART_A, ART_B], timeline)
    assert changed[0] is ART_A
    assert (changed[1].title, changed[1].date, changed[1].url) == (
        "新标题",
        PartialDate(2020, 5),
        "https://example.com/x",
    )
    assert changed[1].blocks == ART_B.blocks and changed[1].author is None


def test_check_sorts_everything_by_position_and_warns_at_the_events_key(tmp_path: Path) -> None:
    path = tmp_path / "timeline.yaml"
    path.write_text(
        "# header\n\nevents:\n"
        + event("fund", "2020-01-25", ART_A.id, "阿里巴巴1月25日发出声明")
        + event("bad", "2020-01-26", "000_b4a20cc34cdd8f9a", "不在文章里的话")
        + "  - id: Bad\n    date: 2020-01-27\n    title: t\n    sources: 1\n",
        encoding="utf-8",
    )
    timeline, found = check(path, [ART_A, ART_B], "timeline.yaml")
    assert [(d.line, d.col, d.severity) for d in found] == [
        (15, 16, "error"),  # the quote not found: where its text starts
        (16, 9, "error"),
        (19, 14, "error"),
    ]
    assert [e.id for e in timeline.events] == ["fund", "bad"]
    assert timeline.events[0].sources[0].spans == (Span("p1", 17, 30),)

    path.write_text(
        "# header\n\nevents:\n" + event("fund", "2020-01-25", ART_A.id, "阿里巴巴"),
        encoding="utf-8",
    )
    _, found = check(path, [ART_A, ART_B], "timeline.yaml")
    assert [str(d) for d in found] == [
        "timeline.yaml:3:1: warning: article `002_948af0d9428fe7ba` is not cited by any event"
    ]


def test_check_of_a_broken_file_does_not_add_uncited_warnings(tmp_path: Path) -> None:
    path = tmp_path / "timeline.yaml"
    path.write_text("events: [\n", encoding="utf-8")
    _, found = check(path, [ART_A], "timeline.yaml")
    assert [d.severity for d in found] == ["error"]


# A reference for ``locate``: map every kept character to (block, offset) the slow way.
_BLOCK_TEXT = st.text(alphabet=st.sampled_from("数据 截至\n年\u200b，。ab\t"), max_size=12)


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(_BLOCK_TEXT, min_size=1, max_size=4), data=st.data())
def test_locate_agrees_with_a_character_map(texts: list[str], data: st.DataObject) -> None:
    article = Article(
        id="a",
        title="t",
        file="a.txt",
        blocks=tuple(Block("paragraph", t, f"p{n}") for n, t in enumerate(texts, 1)),
    )
    kept = [
        (block.anchor, offset, ch)
        for block in article.blocks
        for offset, ch in enumerate(block.text)
        if not (ch.isspace() or ch == "\u200b")
    ]
    assume(kept)
    lo = data.draw(st.integers(0, len(kept) - 1))
    hi = data.draw(st.integers(lo + 1, len(kept)))
    quote = "".join(ch for _, _, ch in kept[lo:hi])
    spans = locate(index_article(article), quote)
    assert spans is not None
    # The first occurrence is reported; it may start before ``lo`` if the text repeats.
    text = "".join(ch for _, _, ch in kept)
    first = text.find(quote)
    expected: dict[str, list[int]] = {}
    for anchor, offset, _ in kept[first : first + len(quote)]:
        expected.setdefault(anchor, []).append(offset)
    assert [(s.anchor, s.start, s.end) for s in spans] == [
        (anchor, offsets[0], offsets[-1] + 1) for anchor, offsets in expected.items()
    ]


# Text as quotes meet it: Han, Latin, ASCII and ideographic spaces, line breaks, tabs and
# the zero-width characters that pasted text carries.
_PASSAGE = st.text(alphabet="平台ab。 \u3000\n\t\u200b\ufeff\u2060", max_size=40)


@given(_PASSAGE, st.data())
@settings(max_examples=300, deadline=None)
def test_a_quote_is_found_where_its_characters_are(text: str, data: st.DataObject) -> None:
    """Every place a squeezed quote occurs maps back to the text's own characters:
    the first and last kept characters of the passage, whitespace around them excluded."""
    kept = [i for i, ch in enumerate(text) if squeeze(ch)]
    if not kept:
        return
    start = data.draw(st.integers(0, len(kept) - 1))
    end = data.draw(st.integers(start, len(kept) - 1))
    quote = "".join(text[i] for i in kept[start : end + 1])
    found = occurrences(text, quote)
    assert (kept[start], kept[end] + 1) in found or any(lo <= kept[start] < hi for lo, hi in found)
    for lo, hi in found:
        assert squeeze(text[lo:hi]) == quote
        assert squeeze(text[lo]) and squeeze(text[hi - 1])


def test_a_check_after_a_save_finds_each_quote_in_the_article_as_it_now_is() -> None:
    """Quotes found in an article are kept while it is the same object (as under serve):
    an edited article is a new object, and its quotes are looked for again."""
    quote = "阿里巴巴开通“防疫直采全球寻源平台”"
    text = timeline_of(event("a", "2020-02-05", ART_A.id, quote))
    first = run(text, [ART_A])
    assert first == run(text, [ART_A]) and first[0] == []
    start = ART_A.blocks[3].text.index(quote)
    assert first[1] == [[Span("p3", start, start + len(quote))]]
    longer = replace(ART_A.blocks[3], text="据报道，" + ART_A.blocks[3].text)
    moved = replace(ART_A, blocks=(*ART_A.blocks[:3], longer))
    assert run(text, [moved])[1] == [[Span("p3", start + 4, start + 4 + len(quote))]]
    gone = replace(ART_A, blocks=ART_A.blocks[:3])
    found, spans = run(text, [gone])
    assert spans == [[]] and "quote not found" in found[0]
    assert run(text, [ART_A]) == first
