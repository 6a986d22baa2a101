"""`keep:` and `drop:` applied: where a kept line goes, what a cut leaves, anchors
renumbered, and quotes checked against the corrected text."""

from __future__ import annotations

from dataclasses import replace

from generator.model import (
    Article,
    ArticleOverride,
    Block,
    Correction,
    Dropped,
    PartialDate,
    Span,
)
from generator.timeline import apply_overrides, load_timeline_text
from generator.timeline.corrections import correct
from generator.timeline.suggest import suggest

from .correction_cases import ART, anchors, checked, override, timeline_text

# --- applying ---------------------------------------------------------------------


def test_keep_puts_each_line_back_where_it_stood() -> None:
    # Whitespace aside: the caption was OCR'd with a space between every character.
    fixed = correct(ART, override(keep=("（资料图片）", "△阿里巴巴员工在分拣物资")))
    assert [(b.text, b.lines, b.anchor) for b in fixed.blocks] == [
        ("数字技术提升疫情防控能力", (3,), ""),
        (ART.blocks[1].text, (5, 6, 7), "p1"),
        ("（资料图片）", (8,), "p2"),
        ("△ 阿 里 巴 巴 员 工 在 分 拣 物 资", (9,), "p3"),
        (ART.blocks[2].text, (10, 11), "p4"),
        ("责任编辑：张三", (14,), "p5"),
        ("（资料图片）", (20,), "p6"),  # the repeat comes back too, nearer line 14 than 30
        (ART.blocks[4].text, (30,), "p7"),
    ]
    assert all(b.kind == "paragraph" for b in fixed.blocks[1:])
    assert [d.line for d in fixed.dropped] == [1, 12]
    assert ART.blocks[2].anchor == "p2"  # the original is frozen and untouched


def test_kept_line_goes_beside_the_nearest_block_even_when_blocks_are_out_of_order() -> None:
    # A newspaper page: the article's lead paragraph stands below its body in the file.
    paper = Article(
        id="page-1",
        title="t",
        file="page.txt",
        blocks=(
            Block("paragraph", "导语。", "p1", lines=(148,)),
            Block("paragraph", "正文一。", "p2", lines=(2, 3, 4)),
            Block("paragraph", "正文二。", "p3", lines=(11, 12)),
        ),
        dropped=(Dropped(1, "栏目", "column"), Dropped(150, "署名", "byline")),
    )
    order = [
        b.text for b in correct(paper, ArticleOverride("page-1", keep=(Correction("栏目"),))).blocks
    ]
    assert order == ["导语。", "栏目", "正文一。", "正文二。"]
    order = [
        b.text for b in correct(paper, ArticleOverride("page-1", keep=(Correction("署名"),))).blocks
    ]
    assert order == ["导语。", "署名", "正文一。", "正文二。"]


def test_kept_line_goes_last_when_no_block_has_line_numbers() -> None:
    bare = replace(ART, blocks=tuple(replace(b, lines=()) for b in ART.blocks))
    fixed = correct(bare, override(keep=("扫码下载客户端",)))
    assert fixed.blocks[-1].text == "扫码下载客户端" and fixed.blocks[-1].anchor == "p5"


def test_drop_cuts_a_sentence_out_of_a_paragraph() -> None:
    fixed = correct(ART, override(drop=("扫码关注 本报公众号。",)))
    p1 = fixed.blocks[1]
    assert p1.text == "1月25日，阿里巴巴宣布设立10亿元专项基金。用于采购医疗物资。"
    # Bold before the cut stays, bold inside it goes, bold after it moves with its text.
    assert [p1.text[a:b] for a, b in p1.strong] == ["1月25日", "用于采购医疗物资。"]
    assert anchors(fixed) == anchors(ART)
    assert Dropped(5, "扫码关注本报公众号。", "curator") in fixed.dropped
    assert [d.line for d in fixed.dropped] == [1, 5, 8, 9, 12, 20]


def test_drop_of_a_whole_block_removes_it_and_renumbers_the_anchors() -> None:
    fixed = correct(ART, override(drop=("责任编辑：张三",)))
    assert [b.text for b in fixed.blocks] == [ART.blocks[i].text for i in (0, 1, 2, 4)]
    assert anchors(fixed) == ["", "p1", "p2", "p3"]
    assert Dropped(14, "责任编辑：张三", "curator") in fixed.dropped


def test_a_block_left_with_punctuation_only_goes() -> None:
    fixed = correct(ART, override(drop=("责任编辑", "张三")))
    assert [b.text for b in fixed.blocks] == [ART.blocks[i].text for i in (0, 1, 2, 4)]
    assert [d.text for d in fixed.dropped if d.reason == "curator"] == ["责任编辑", "张三"]


def test_drop_removes_every_occurrence_and_leaves_single_spaces() -> None:
    spaced = Article(
        "en",
        "t",
        "en.txt",
        (Block("paragraph", "Ad. Text one. Ad. Text two. Ad.", "p1", lines=(1,)),),
    )
    fixed = correct(spaced, ArticleOverride("en", drop=(Correction("Ad."),)))
    assert fixed.blocks[0].text == "Text one. Text two."
    assert [d.text for d in fixed.dropped] == ["Ad.", "Ad.", "Ad."]


def test_overlapping_drop_texts_are_cut_once() -> None:
    fixed = correct(ART, override(drop=("扫码关注本报", "本报公众号。")))
    assert fixed.blocks[1].text == "1月25日，阿里巴巴宣布设立10亿元专项基金。用于采购医疗物资。"
    assert [d.text for d in fixed.dropped if d.reason == "curator"] == ["扫码关注本报公众号。"]


def test_keep_comes_first_so_part_of_a_kept_line_can_be_dropped() -> None:
    fixed = correct(ART, override(keep=("从“冬天”到“春天”",), drop=("到“春天”",)))
    assert fixed.blocks[0].text == "从“冬天”"
    assert fixed.dropped[0] == Dropped(1, "到“春天”", "curator")


def test_items_matching_nothing_change_nothing() -> None:
    assert correct(ART, override(keep=("没有这一行",), drop=("没有这句话",))) == ART


def test_apply_overrides_applies_metadata_and_corrections_together() -> None:
    text = timeline_text("    author: 王轶辰\n    drop: [责任编辑：张三]\n")
    timeline, _ = load_timeline_text(text, "timeline.yaml")
    (fixed,) = apply_overrides([ART], timeline)
    assert fixed.author == "王轶辰" and len(fixed.blocks) == len(ART.blocks) - 1


# --- quotes against the corrected article -----------------------------------------


def quoting(quote: str) -> str:
    """An event quoting ART, its source on line 6 after ``events:``, the quote on line 7
    from column 16."""
    return (
        f"\n  - id: e\n    date: 2020-02-05\n    title: t\n    sources:\n"
        f"      - article: {ART.id}\n        quote: {quote}"
    )


def test_a_kept_line_can_be_quoted() -> None:
    text = (
        "events:"
        + quoting("（资料图片）")
        + f"\narticles:\n  {ART.id}:\n    keep: [（资料图片）]\n"
    )
    result, found = checked(text)
    assert found == []
    assert result.events[0].sources[0].spans == (Span("p2", 0, 6),)
    # Without the `keep`, the same quote is an error.
    _, found = checked("events:" + quoting("（资料图片）") + "\n")
    assert found[0].startswith("timeline.yaml:7:16: error: quote not found in article paper-2; ")


def test_quoting_dropped_text_names_the_drop_item() -> None:
    text = "events:" + quoting("扫码关注本报公众号。用于采购")
    text += f"\narticles:\n  {ART.id}:\n    drop:\n      - 扫码关注本报公众号。\n"
    result, found = checked(text)
    assert found == [
        "timeline.yaml:7:16: error: quote not found in article paper-2: the `drop` text on "
        "line 11 removed it; expected a quote of text still in the article, or remove that "
        "`drop` item"
    ]
    assert result.events[0].sources[0].spans == ()  # the event stays, without an anchor


def test_quote_split_by_a_kept_line_blames_the_corrections() -> None:
    text = "events:" + quoting("用于采购医疗物资。本报讯 2月5日")
    text += f"\narticles:\n  {ART.id}:\n    keep: [（资料图片）]\n"
    _, found = checked(text)
    assert found == [
        "timeline.yaml:7:16: error: quote not found in article paper-2: the corrections to it "
        "in `articles:` (line 9) changed this passage; expected a quote of the corrected text"
    ]


def test_spans_point_at_the_renumbered_anchors() -> None:
    text = "events:" + quoting("钉钉宣布向1000万家企业")
    text += f"\narticles:\n  {ART.id}:\n    drop: [责任编辑：张三]\n"
    result, found = checked(text)
    assert found == []
    assert result.events[0].sources[0].anchor == "p3"  # was p4 before the cut


def test_suggest_reads_the_corrected_articles() -> None:
    dated = replace(
        ART,
        date=PartialDate(2020, 4, 8),  # the year of dates written without one
        dropped=(Dropped(8, "2月9日，钉钉上线健康打卡。", "caption"),),
    )
    text = timeline_text("    keep: [2月9日，钉钉上线健康打卡。]\n")
    timeline, _ = load_timeline_text(text, "timeline.yaml")
    found = [(s.anchor, s.mention) for s in suggest([dated], timeline)]
    assert ("p2", "2月9日") in found
