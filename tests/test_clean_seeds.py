"""The cleaner on the five real seed files: nine articles, as the papers printed them.

Every expected value here was checked by reading the seed and the cleaned article.
"""

from __future__ import annotations

import pathlib
import re
from collections import Counter

import pytest

from generator import mdwrite
from generator.clean import clean_corpus, clean_text
from generator.clean.chars import ends_sentence
from generator.model import Article, PartialDate, RawText
from generator.pipeline import timeline_span
from generator.read import read_dir

ROOT = pathlib.Path(__file__).resolve().parent.parent
HAN = re.compile("[\u4e00-\u9fff]")
REASONS = {
    *("caption", "navigation", "promo", "related-links", "disclaimer", "summary", "column"),
    *("empty-marker", "headline", "byline", "dateline", "credits", "source", "repeated"),
    "markup",
}
FURNITURE = (
    *("扫一扫", "本站声明", "延伸阅读", "关键字", "当前位置", "关闭", "资料图片"),
    *("—;", "&nbsp;"),
)
PAGE_DATE = PartialDate(2020, 4, None, True)  # "约2020年4月": latest date on page 000

# id, title, author, publication, date — read off the seeds by hand.
EXPECTED = [
    ("000_b4a20cc34cdd8f9a-1", "从“冬天”到“春天”", "王轶辰", "经济日报", PAGE_DATE),
    ("000_b4a20cc34cdd8f9a-2", "字节跳动：多矩阵产品抗击疫情", "黄鑫", "经济日报", PAGE_DATE),
    ("000_b4a20cc34cdd8f9a-3", "快手科技：多元化探索产业直播", "黄鑫", "经济日报", PAGE_DATE),
    ("000_b4a20cc34cdd8f9a-4", "滴滴出行：智慧防疫助安全出行", "喻剑", "经济日报", PAGE_DATE),
    ("000_b4a20cc34cdd8f9a-5", "战“疫”背后的科技支撑", "韩叙", "经济日报", PAGE_DATE),
    (
        "001_5b3e0821b2624058",
        "数字新基建的机遇来了 要抓住!",
        "朱银玲",
        "钱江晚报",
        PartialDate(2020, 3, None, True),
    ),
    ("002_948af0d9428fe7ba", "從危機到曙光", None, None, PartialDate(2020, 5, None, True)),
    (
        "003_e3d7a3b44c33fc91",
        "阿里巴巴再次启动扶助中小企业特别行动——“春雷计划”",
        "何畅",
        None,
        PartialDate(2020, 4, 7),
    ),
    (
        "004_c720e78d169b1672",
        "数字化的工具和手段都成为了多地政府部门工作推进的强大助力",
        "孙冰",
        "中国经济周刊",
        PartialDate(2020, 2, None, True),
    ),
]


@pytest.fixture(scope="module")
def raws() -> list[RawText]:
    return read_dir(ROOT / "seeds", ROOT)


@pytest.fixture(scope="module")
def articles(raws: list[RawText]) -> list[Article]:
    """As a site build cleans them: year-less dates read within the timeline's span."""
    return clean_corpus(raws, span=timeline_span(ROOT / "timeline.yaml"))


def by_id(articles: list[Article], article_id: str) -> Article:
    return next(a for a in articles if a.id == article_id)


def test_nine_articles_with_their_metadata(articles: list[Article]) -> None:
    got = [(a.id, a.title, a.author, a.publication, a.date) for a in articles]
    assert got == EXPECTED
    assert [a.index for a in articles] == [1, 2, 3, 4, 5, 1, 1, 1, 1]
    assert {a.file for a in articles[:5]} == {"000_b4a20cc34cdd8f9a.txt"}


def test_no_furniture_survives(articles: list[Article]) -> None:
    for art in articles:
        for text in [art.title, *(b.text for b in art.blocks)]:
            assert not [p for p in FURNITURE if p in text], (art.id, text)


def test_every_dropped_line_has_a_known_reason(articles: list[Article]) -> None:
    for art in articles:
        assert all(d.reason in REASONS and d.text for d in art.dropped), art.id


def test_dropped_reasons_per_seed(articles: list[Article]) -> None:
    counts = {a.id: dict(Counter(d.reason for d in a.dropped)) for a in articles}
    assert counts["000_b4a20cc34cdd8f9a-4"] == {"caption": 7, "headline": 2, "byline": 1}
    assert counts["000_b4a20cc34cdd8f9a-5"] == {"headline": 1, "byline": 1, "caption": 3}
    assert [(d.line, d.reason) for d in by_id(articles, "001_5b3e0821b2624058").dropped] == [
        (3, "summary"),
        (7, "column"),
        (8, "column"),
        (10, "empty-marker"),
        (13, "headline"),
        (14, "headline"),
        (27, "promo"),
        (28, "promo"),
        (29, "promo"),
        (31, "byline"),
    ]
    assert counts["003_e3d7a3b44c33fc91"] == {
        "navigation": 3,
        "summary": 1,
        "byline": 1,
        "disclaimer": 1,
        "related-links": 22,
    }
    assert [(d.line, d.reason) for d in by_id(articles, "004_c720e78d169b1672").dropped] == [
        (12, "caption"),
        (17, "caption"),
        (24, "caption"),
        (27, "caption"),
        (33, "byline"),
    ]


def test_nothing_is_lost(raws: list[RawText], articles: list[Article]) -> None:
    """Every Han character of a file is in its articles' blocks or dropped lines, in order."""
    for raw in raws:
        mine = [a for a in articles if a.file == raw.name]
        pieces = [(min(b.lines), 0, b.text) for a in mine for b in a.blocks]
        pieces += [(d.line, 1, d.text) for a in mine for d in a.dropped]
        rebuilt = "".join(text for _, _, text in sorted(pieces))
        assert HAN.findall(rebuilt) == HAN.findall(raw.text), raw.name
        covered = {n for a in mine for b in a.blocks for n in b.lines}
        covered |= {d.line for a in mine for d in a.dropped}
        lines = raw.text.split("\n")
        assert covered == {n for n, line in enumerate(lines, 1) if line.strip()}, raw.name


def test_cleaning_the_markdown_again_changes_nothing(articles: list[Article]) -> None:
    for art in articles:
        markdown = mdwrite.article(art)
        again = clean_text(RawText("a.md", "a.md", "a", markdown, "utf-8", ""))
        assert len(again) == 1
        assert mdwrite.article(again[0]) == markdown, art.id


def test_anchors_number_the_non_heading_blocks(articles: list[Article]) -> None:
    for art in articles:
        numbered = [b.anchor for b in art.blocks if b.kind != "heading"]
        assert numbered == [f"p{n}" for n in range(1, len(numbered) + 1)]
        assert all(b.anchor == "" for b in art.blocks if b.kind == "heading")


def test_page_000_paragraphs_are_whole(articles: list[Article]) -> None:
    """Hard-wrapped lines are joined across OCR blank lines, never broken mid-sentence."""
    page = [a for a in articles if a.id.startswith("000_")]
    first = page[0]
    # The kicker printed above the headline opens the first article.
    assert first.blocks[0].text == "阿里巴巴以全面数字化能力支持抗击疫情、发展经济——"
    assert first.blocks[0].lines == (148,)
    for art in page:
        for block in art.blocks:
            if block.kind == "paragraph" and block is not first.blocks[0]:
                assert ends_sentence(block.text), (art.id, block.text)
    second = first.blocks[2]
    assert second.text.endswith("帮助中小企业“渡过眼前的‘危’，找到面向未来的‘机’”。")
    assert second.lines == (11, 12, 13, 14, 15, 16, 17, 19)
    assert "超过100万家企业启用钉钉“无接触考勤”功能。" in first.plain_text
    assert "时隔11年再次启动" in first.plain_text
    assert [b.text for b in first.blocks if b.kind == "heading"] == [
        "数字化平台提升保供能力",
        "数字技术提升疫情防控能力",
        "数字基建提升企业竞争力",
    ]
    assert page[-1].blocks[-1].text == "为这些充满活力的民营企业点赞，你们，棒棒哒！"


def test_page_000_captions_are_dropped(articles: list[Article]) -> None:
    dropped = {d.line: d.reason for a in articles[:5] for d in a.dropped}
    for line in (290, 292, 294, 296, 298, 300, 302, 432, 434, 436):
        assert dropped[line] == "caption"


def test_001_headings_and_sidebar(articles: list[Article]) -> None:
    art = by_id(articles, "001_5b3e0821b2624058")
    assert art.blocks[0].text == "阿里巴巴集团董事局主席兼首席执行官张勇"  # the kicker
    assert art.blocks[1].text.startswith("和所有中国企业一样,阿里巴巴")  # half-width comma kept
    headings = [b.text for b in art.blocks if b.kind == "heading"]
    assert headings == [
        "阿里巴巴用数字经济抗“疫”,1.5亿人次在钉钉“报平安”",
        "逆境孕育着新的历史机遇,新基建将成经济的重要支撑",
        "推进数字基建,会帮助毕业生创造就业新机会",
        "行业判断",
        "数字说话",
    ]
    # The sidebar boxes come last, after the text, under their own labels.
    tail = [(b.kind, b.lines) for b in art.blocks[-5:]]
    assert tail == [
        ("heading", (16,)),
        ("paragraph", (18,)),
        ("heading", (20,)),
        ("item", (22,)),
        ("item", (23,)),
    ]
    # A paragraph cut in two by a stray blank line is one paragraph again.
    assert any("盒马鲜生新零售业态线上线下联动" in b.text for b in art.blocks)


def test_002_stays_traditional_with_bold_numbers_and_a_list(articles: list[Article]) -> None:
    art = by_id(articles, "002_948af0d9428fe7ba")
    assert art.script == "hant"
    assert all(a.script == "hans" for a in articles if a is not art)
    assert art.blocks[0].text == "阿里巴巴集團新冠肺炎抗疫行動概覽"  # the subtitle
    items = [b for b in art.blocks if b.kind == "item"]
    assert len(items) == 10
    assert items[0].text.startswith("1. 阿里巴巴經濟體及各公益基金會全球抗疫投入 33.56 億元")
    assert [items[0].text[a:b] for a, b in items[0].strong] == ["33.56", "27.63", "5.93"]
    assert [items[5].text[a:b] for a, b in items[5].strong] == ["25", "30%"]
    assert [b.text for b in art.blocks if b.kind == "heading"] == [
        "10 組不可不知的阿里抗疫數字",
        "危機中釋出力量 轉化為創造未來的動力",
        "春暖花開 更見燦爛",
    ]
    notes = [b.text for b in art.blocks if b.text.startswith(("*數據", "其他數據"))]
    assert notes == ["*數據截至 2020 年 3 月 31 日", "其他數據截至 2020 年 5 月 10 日"]


def test_003_bullets_letter_and_credit(articles: list[Article]) -> None:
    art = by_id(articles, "003_e3d7a3b44c33fc91")
    items = [b.text for b in art.blocks if b.kind == "item"]
    assert [t[:6] for t in items] == ["通过速卖通、", "激活产业带,", "用数字化的方", "帮助更多中小"]
    assert art.blocks[0].text.startswith(
        "4月7日上午消息,时隔11年,阿里巴巴再次启动扶助中小企业特别行动——“春雷计划”"
    )
    closing = next(b for b in art.blocks if b.lines == (12,))
    # The reporter's credit "(何畅)" was moved out of the text into the byline.
    assert closing.text.endswith("这是阿里巴巴回报社会,回报中小企业的重要时刻!”")
    assert (12, "(何畅)", "byline") in [(d.line, d.text, d.reason) for d in art.dropped]
    assert [b.text for b in art.blocks[-3:]] == [
        "张勇(逍遥子)",
        "阿里巴巴集团董事会主席兼首席执行官",
        "2020年4月7日",
    ]


def test_004_headings_not_captions(articles: list[Article]) -> None:
    art = by_id(articles, "004_c720e78d169b1672")
    assert [b.text for b in art.blocks if b.kind == "heading"] == [
        "浙江请你“抄作业”:健康码让防疫有序复工加速",
        "数字化“黑马”江西“硬核”抗疫",
        "河南、海南频频出新招",
    ]
    assert art.blocks[-1].text.endswith("赋能城市长远发展。")  # "(记者 孙冰)" went to the byline


def test_each_seed_alone_needs_no_corpus(raws: list[RawText]) -> None:
    """Without the corpus, dates given without a year stay unknown; the rest is the same."""
    alone = [a for raw in raws for a in clean_text(raw)]
    assert [(a.id, a.title, a.author, a.publication) for a in alone] == [e[:4] for e in EXPECTED]
    assert alone[0].date is None  # page 000 names no year of its own
    assert alone[7].date == PartialDate(2020, 4, 7)
