"""`keep:` and `drop:` under `articles:`: the curator corrects the cleaner by hand.

Loading (each item's own position in messages), checking against the article
(what matched nothing and what is closest), applying (where a kept line goes, what
a cut leaves, anchors renumbered), quotes checked against the corrected text, and
the cleaning report that says how to bring each line back.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from pathlib import Path

import markdown
import pytest
import yaml

from generator import render
from generator.cli import main
from generator.model import (
    Article,
    ArticleOverride,
    Block,
    Corpus,
    Correction,
    Dropped,
    Event,
    PartialDate,
    SourceRef,
    Span,
    Timeline,
)
from generator.pipeline import clean_all
from generator.read import read_file
from generator.render.articles import yaml_string
from generator.timeline import apply_overrides, check, load_timeline_text, validate
from generator.timeline.corrections import correct
from generator.timeline.suggest import suggest

from .test_escaping import parse, unsafe

EXT = ["attr_list", "md_in_html", "tables", "admonition", "pymdownx.details", "toc"]

# An OCR-style article: blocks carry their source lines; the cleaner left out a headline,
# two photo captions (one of them twice on the page) and a promo line.
ART = Article(
    id="paper-2",
    title="从“冬天”到“春天”",
    file="paper.txt",
    blocks=(
        Block("heading", "数字技术提升疫情防控能力", "", lines=(3,)),
        Block(
            "paragraph",
            "1月25日，阿里巴巴宣布设立10亿元专项基金。扫码关注本报公众号。用于采购医疗物资。",
            "p1",
            strong=((0, 5), (25, 29), (33, 42)),
            lines=(5, 6, 7),
        ),
        Block(
            "paragraph", "本报讯 2月5日，阿里巴巴开通“防疫直采全球寻源平台”。", "p2", lines=(10, 11)
        ),
        Block("paragraph", "责任编辑：张三", "p3", lines=(14,)),
        Block("paragraph", "钉钉宣布向1000万家企业免费开放“在家办公”系统。", "p4", lines=(30,)),
    ),
    dropped=(
        Dropped(1, "从“冬天”到“春天”", "headline"),
        Dropped(8, "（资料图片）", "caption"),
        Dropped(9, "△ 阿 里 巴 巴 员 工 在 分 拣 物 资", "caption"),
        Dropped(12, "扫码下载客户端", "promo"),
        Dropped(20, "（资料图片）", "caption"),
    ),
)


def override(keep: tuple[str, ...] = (), drop: tuple[str, ...] = ()) -> ArticleOverride:
    return ArticleOverride(
        ART.id,
        keep=tuple(Correction(text) for text in keep),
        drop=tuple(Correction(text) for text in drop),
    )


def timeline_text(corrections: str, events: str = "") -> str:
    """A timeline whose `articles:` entry for ART starts on line 3 (items on 5, 6, ...)."""
    return f"events:{events or ' []'}\narticles:\n  {ART.id}:\n{corrections}"


def checked(text: str, articles: list[Article] | None = None) -> tuple[Timeline, list[str]]:
    timeline, loaded = load_timeline_text(text, "timeline.yaml")
    assert [str(d) for d in loaded] == []
    result, found = validate(timeline, articles or [ART])
    return result, [str(d) for d in found if d.severity == "error"]


def anchors(article: Article) -> list[str]:
    return [block.anchor for block in article.blocks]


# --- loading ----------------------------------------------------------------------


def test_items_load_with_their_own_line_and_column() -> None:
    text = timeline_text(
        "    title: 新标题\n"
        '    keep: ["（资料图片）", 12]\n'
        "    drop:\n"
        "      - 扫码关注本报公众号。\n"
        "      - |\n"
        "        责任编辑：\n"
        "        张三\n"
    )
    timeline, found = load_timeline_text(text, "timeline.yaml")
    assert found == []
    (loaded,) = timeline.overrides
    assert loaded.title == "新标题"
    # A number is read as the text written: a page number dropped as a line can come back.
    assert loaded.keep == (Correction("（资料图片）", 5, 12), Correction("12", 5, 22))
    assert loaded.drop == (
        Correction("扫码关注本报公众号。", 7, 9),
        Correction("责任编辑：\n张三", 8, 9),
    )


@pytest.mark.parametrize(
    ("corrections", "expected"),
    [
        ("    keep: （资料图片）\n", "4:11: error: `keep` must be a list of text, got a string"),
        ("    drop: {a: b}\n", "4:11: error: `drop` must be a list of text, got a mapping"),
        ('    keep: ["ok", [b]]\n', "4:18: error: each `keep` item must be text, got a list"),
        (
            "    drop:\n      - fine\n      - '  '\n",
            "6:9: error: each `drop` item must not be empty; expected text",
        ),
        ("    drop:\n      -\n", "5:8: error: each `drop` item must not be empty; expected text"),
        (
            "    keep:\n      - {text: x}\n",
            "5:9: error: each `keep` item must be text, got a mapping",
        ),
        (
            '    keep: ["\\e[31m红"]\n',
            "4:12: error: each `keep` item holds the control character U+001B; "
            "expected printable text",
        ),
        ("    kepe: [x]\n", "4:5: error: unknown key `kepe`; did you mean `keep`?"),
        ("    dorp: [x]\n", "4:5: error: unknown key `dorp`; did you mean `drop`?"),
        (
            "    restore: [x]\n",
            "4:5: error: unknown key `restore`; expected one of `title`, `author`, "
            "`publication`, `date`, `url`, `keep`, `drop`",
        ),
    ],
)
def test_bad_items_are_reported_at_the_item(corrections: str, expected: str) -> None:
    timeline, found = load_timeline_text(timeline_text(corrections), "timeline.yaml")
    assert [str(d) for d in found] == [f"timeline.yaml:{expected}"]
    assert timeline.overrides == ()  # a broken override is not half applied


def test_articles_must_be_a_mapping_of_the_override_keys() -> None:
    _, found = load_timeline_text("events: []\narticles: [x]\n", "timeline.yaml")
    assert [str(d) for d in found] == [
        "timeline.yaml:2:11: error: `articles` must be a mapping of article id -> "
        "{title, author, publication, date, url, keep, drop}, got a list"
    ]


# --- checking against the article --------------------------------------------------


def test_keep_matching_no_dropped_line_names_the_closest() -> None:
    _, found = checked(timeline_text("    keep:\n      - 阿里巴巴员工分拣照片\n"))
    # “（资料图片）” shares one character, as any two Chinese lines may: not named.
    assert found == [
        "timeline.yaml:5:9: error: `keep` text matches no line dropped from article paper-2; "
        "closest dropped lines: “△ 阿 里 巴 巴 员 工 在 分 拣 物 资” (line 9)"
    ]


def test_keep_names_at_most_three_dropped_lines_most_alike_first() -> None:
    promos = [
        "扫码关注公众号",
        "扫码下载客户端",
        "关注本报客户端",
        "扫码观看直播",
        "长按识别二维码",
    ]
    promo = replace(ART, dropped=tuple(Dropped(n, t, "promo") for n, t in enumerate(promos, 40)))
    _, found = checked(timeline_text("    keep: [扫码关注客户端]\n"), [promo])
    assert found == [
        "timeline.yaml:4:12: error: `keep` text matches no line dropped from article paper-2; "
        "closest dropped lines: “扫码下载客户端” (line 41), “关注本报客户端” (line 42), "
        "“扫码关注公众号” (line 40)"
    ]


def test_keep_copied_in_part_names_the_line_containing_it_once() -> None:
    _, found = checked(timeline_text("    keep: [资料]\n"))
    assert found[0].endswith("; closest dropped lines: “（资料图片）” (line 8)")


def test_keep_of_text_already_in_the_body_says_so() -> None:
    _, found = checked(timeline_text("    keep: [责任编辑：张三]\n"))
    assert found == [
        "timeline.yaml:4:12: error: `keep` text matches no line dropped from article paper-2: "
        "it is already in the article (p3); expected the text of a line listed in the "
        "article's cleaning report"
    ]


def test_keep_in_an_article_without_dropped_lines() -> None:
    bare = replace(ART, dropped=())
    _, found = checked(timeline_text("    keep: [（资料图片）]\n"), [bare])
    assert found == [
        "timeline.yaml:4:12: error: `keep` text matches no line dropped from article paper-2; "
        "expected the text of a line listed in the article's cleaning report"
    ]


def test_an_invisible_only_item_matches_nothing_and_names_nothing() -> None:
    blank = replace(ART, dropped=(*ART.dropped, Dropped(2, "\u3000", "empty-marker")))
    _, found = checked(timeline_text('    keep: ["\\u200b"]\n    drop: ["\\u200b"]\n'), [blank])
    assert found == [
        "timeline.yaml:4:12: error: `keep` text matches no line dropped from article paper-2; "
        "expected the text of a line listed in the article's cleaning report",
        "timeline.yaml:5:12: error: `drop` text not found in article paper-2; "
        "expected words copied exactly from the article",
    ]


def test_drop_not_found_shows_the_closest_passage() -> None:
    _, found = checked(timeline_text("    drop:\n      - 阿里巴巴开通防疫直采平台\n"))
    assert found == [
        "timeline.yaml:5:9: error: `drop` text not found in article paper-2; closest passage "
        "(p2): “本报讯 2月5日，阿里巴巴开通“防疫直采全球寻源平台”。”"
    ]


def test_drop_across_two_paragraphs_asks_for_one_item_each() -> None:
    _, found = checked(timeline_text("    drop: [用于采购医疗物资。本报讯]\n"))
    assert found == [
        "timeline.yaml:4:12: error: `drop` text runs across more than one paragraph of "
        "article paper-2; expected one `drop` item per paragraph"
    ]


def test_every_item_is_checked_in_one_run_sorted_by_position(tmp_path: Path) -> None:
    path = tmp_path / "timeline.yaml"
    path.write_text(
        timeline_text(
            "    drop:\n      - 不在文章里的一句话\n      - 责任编辑：张三\n"
            "    keep:\n      - 不是删去的行\n      - （资料图片）\n"
        ),
        encoding="utf-8",
    )
    _, found = check(path, [ART], "timeline.yaml")
    errors = [(d.line, d.col, d.message.split(";")[0]) for d in found if d.severity == "error"]
    assert errors == [
        (5, 9, "`drop` text not found in article paper-2"),
        (8, 9, "`keep` text matches no line dropped from article paper-2"),
    ]


def test_unknown_article_is_one_error_not_one_per_item() -> None:
    text = "events: []\narticles:\n  paper-3:\n    keep: [a, b]\n    drop: [c]\n"
    _, found = checked(text)
    assert found == [
        "timeline.yaml:3:1: error: unknown article `paper-3` in `articles:`; "
        "did you mean `paper-2`?"
    ]


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
    """An event quoting ART, its source on line 6 after ``events:``."""
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
    assert found[0].startswith("timeline.yaml:6:9: error: quote not found in article paper-2; ")


def test_quoting_dropped_text_names_the_drop_item() -> None:
    text = "events:" + quoting("扫码关注本报公众号。用于采购")
    text += f"\narticles:\n  {ART.id}:\n    drop:\n      - 扫码关注本报公众号。\n"
    result, found = checked(text)
    assert found == [
        "timeline.yaml:6:9: error: quote not found in article paper-2: the `drop` text on "
        "line 11 removed it; expected a quote of text still in the article, or remove that "
        "`drop` item"
    ]
    assert result.events[0].sources[0].spans == ()  # the event stays, without an anchor


def test_quote_split_by_a_kept_line_blames_the_corrections() -> None:
    text = "events:" + quoting("用于采购医疗物资。本报讯 2月5日")
    text += f"\narticles:\n  {ART.id}:\n    keep: [（资料图片）]\n"
    _, found = checked(text)
    assert found == [
        "timeline.yaml:6:9: error: quote not found in article paper-2: the corrections to it "
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


# --- the cleaning report ----------------------------------------------------------


def report_of(article: Article) -> tuple[str, str]:
    """The article page's Markdown and the HTML of its cleaning report."""
    corpus = Corpus(articles=(article,), timeline=Timeline("timeline.yaml"))
    page = render.render_pages(corpus, render.Options())[f"articles/{article.id}.md"]
    converted = markdown.markdown(page, extensions=EXT)
    return page, converted[converted.index("<details") :]


def rows(report: str) -> list[list[str]]:
    """Each table row's cells as the reader sees them (tags dropped, entities decoded)."""
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", report, re.DOTALL)[1:]:
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)
        found.append([html.unescape(re.sub(r"<[^>]+>", "", cell)) for cell in cells])
    return found


def test_report_rows_show_the_label_the_text_and_the_yaml_to_bring_it_back() -> None:
    fixed = correct(ART, override(drop=("扫码关注本报公众号。",)))
    page, report = report_of(fixed)
    assert "本文编号 <code>paper-2:</code> 之下" in page  # how to use the last column
    assert rows(report) == [
        ["1", "标题（已移至页首）", "从“冬天”到“春天”", 'keep: ["从“冬天”到“春天”"]'],
        ["5", "编者在 timeline.yaml 中删去", "扫码关注本报公众号。", "删去 drop: 中的这一项"],
        ["8", "图片说明", "（资料图片）", 'keep: ["（资料图片）"]'],
        [
            "9",
            "图片说明",
            "△ 阿 里 巴 巴 员 工 在 分 拣 物 资",
            'keep: ["△ 阿 里 巴 巴 员 工 在 分 拣 物 资"]',
        ],
        ["12", "推广或二维码提示", "扫码下载客户端", 'keep: ["扫码下载客户端"]'],
        ["20", "图片说明", "（资料图片）", 'keep: ["（资料图片）"]'],
    ]


HOSTILE = [
    "<script>alert(1)</script>标题",
    "竖线|分开|单元格",
    "反引号`code`与```围栏",
    '引号"与反斜杠\\和{: onclick="alert(1)" }',
    "- 像列表 | 又像 **粗体**",
    "行分隔\u2028符与\x85换行",
]


def test_hostile_dropped_text_stays_text_and_its_yaml_reads_back_exactly() -> None:
    article = replace(
        ART, dropped=tuple(Dropped(n, text, "caption") for n, text in enumerate(HOSTILE, 1))
    )
    _, report = report_of(article)
    assert unsafe(parse(report)) == []
    assert "<script>" not in report
    found = rows(report)
    assert [len(row) for row in found] == [4] * len(HOSTILE)  # no pipe split a row
    for text, (_, _, shown, restore) in zip(HOSTILE, found, strict=True):
        assert shown == text
        # The YAML offered is what the curator pastes: it must load as the very line.
        assert yaml.safe_load(restore) == {"keep": [text]}


def test_hostile_keep_and_drop_round_trip_through_the_timeline() -> None:
    article = replace(
        ART,
        blocks=(*ART.blocks, Block("paragraph", "正文<script>alert(2)</script>|`x`结束。", "p5")),
        dropped=(Dropped(40, HOSTILE[0], "caption"),),
    )
    _, report = report_of(article)
    restore = rows(report)[0][3]
    drop = json.dumps("<script>alert(2)</script>|`x`", ensure_ascii=False)
    text = timeline_text(f"    {restore}\n    drop: [{drop}]\n")
    timeline, found = checked(text, [article])
    assert found == []
    (fixed,) = apply_overrides([article], timeline)
    assert [b.text for b in fixed.blocks][-2:] == [HOSTILE[0], "正文结束。"]
    _, report = report_of(fixed)
    assert unsafe(parse(report)) == [] and "<script>" not in report
    assert rows(report) == [
        [
            "—",
            "编者在 timeline.yaml 中删去",
            "<script>alert(2)</script>|`x`",
            "删去 drop: 中的这一项",
        ]
    ]


def test_yaml_string_escapes_what_yaml_would_not_read_back() -> None:
    for text in ("\x7f删除", "\u2029段", "制表\t符", 'a"b\\c'):
        assert yaml.safe_load(f"k: {yaml_string(text)}") == {"k": text}


# --- the whole pipeline ------------------------------------------------------------

SEED = "\n".join(
    [
        "阿里巴巴设立专项基金",
        "",
        "本报记者 张三",
        "",
        "1月25日，阿里巴巴宣布设立10亿元医疗物资供给专项基金，用于采购医疗物资。",
        "",
        "（资料图片）",
        "",
        "2月5日，阿里巴巴开通“防疫直采全球寻源平台”，最大限度匹配货源与需求。"
        "更多精彩内容请关注本报客户端。",
        "",
    ]
)


def test_check_and_build_use_the_corrected_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "fund.txt").write_text(SEED, encoding="utf-8")
    # Whatever the cleaner drops today (it is tuned all the time), its last dropped line
    # is put back and quoted, and a sentence it kept is cut.
    (cleaned,) = clean_all([read_file(seeds / "fund.txt", "seeds/fund.txt")])
    assert cleaned.dropped, "the cleaner dropped nothing from the seed"
    line = cleaned.dropped[-1].text.strip()
    cut = "更多精彩内容请关注本报客户端。"
    assert cut in cleaned.plain_text
    events = (
        f"\n  - id: fund\n    date: 2020-01-25\n    title: t\n    sources:\n"
        f"      - article: fund\n        quote: {yaml_string(line)}\n"
    )
    (tmp_path / "timeline.yaml").write_text(
        f"events:{events}articles:\n  fund:\n    keep: [{yaml_string(line)}]\n    drop: [{cut}]\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0, capsys.readouterr().err
    assert "1 quotes verified" in capsys.readouterr().out
    assert main(["build", "--out", "out"]) == 0
    page = (tmp_path / "out" / "articles" / "fund.md").read_text(encoding="utf-8")
    assert cut not in page.split("??? info")[0]  # gone from the body...
    assert f"| 编者在 timeline.yaml 中删去 | {cut} |" in page  # ...and listed in the report
    assert '<mark class="cite" data-event="fund"' in page  # the kept line is highlighted

    # Quoting the cut sentence instead fails `check` at the quote, naming the `drop`.
    (tmp_path / "timeline.yaml").write_text(
        f"events:{events.replace(yaml_string(line), cut)}articles:\n  fund:\n    drop: [{cut}]\n",
        encoding="utf-8",
    )
    assert main(["check"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "timeline.yaml:6:9: error: quote not found in article fund: the `drop` text on line "
        "10 removed it; expected a quote of text still in the article, or remove that "
        "`drop` item"
    )


def test_event_model_is_untouched_by_corrections() -> None:
    event = Event("e", PartialDate(2020), "t", (SourceRef(ART.id, "（资料图片）"),))
    timeline = Timeline("t.yaml", (event,), (override(keep=("（资料图片）",)),))
    result, _ = validate(timeline, [ART])
    assert result.events[0].sources[0].spans == (Span("p2", 0, 6),)
    assert timeline.events[0].sources[0].spans == ()
