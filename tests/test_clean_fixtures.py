"""The cleaner on small pages written for the tests, in other topics, scripts and encodings.

``tests/fixtures/articles``: a portal page (UTF-8), a scanned Traditional page with two
articles whose headlines follow their text (Big5), a headline-first article with a
subtitle and a numbered list (GBK), cleaned-style Markdown (UTF-8 with BOM and CRLF),
text spaced around every word and mark, and an English quotation wrapped mid-sentence.
"""

from __future__ import annotations

import pathlib
import re

import pytest

from generator import mdwrite
from generator.clean import YearSpan, clean_corpus, clean_text
from generator.model import Article, PartialDate, RawText
from generator.read import read_file

FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures" / "articles"
HAN = re.compile("[\u4e00-\u9fff]")


def clean(name: str) -> list[Article]:
    return clean_text(read_file(FIXTURES / name))


def raw(text: str, stem: str) -> RawText:
    return RawText(f"{stem}.txt", f"{stem}.txt", stem, text, "utf-8", "")


def test_big5_page_splits_into_two_articles_with_bylines_after_the_text() -> None:
    first, second = clean("big5_school.txt")
    assert (first.id, first.title, first.author, first.script) == (
        "big5_school-1",
        "全市中小學今日開學",
        "陳明",
        "hant",
    )
    assert (second.id, second.title, second.author) == ("big5_school-2", "城市書展開幕", "李華")
    assert first.publication is None  # "本報記者" names no paper and none is named elsewhere
    assert first.date == second.date == PartialDate(2021, 2, None, True)
    assert first.blocks[0].text == "三百二十所學校順利復課"  # the subtitle
    # The OCR blank line after line 3 falls mid-sentence: one paragraph all the same.
    assert first.blocks[1].text == (
        "新學期開學首日，全市三百二十所中小學順利復課。記者早上七點在明德小學門口看到，"
        "家長陸續送孩子到校，老師在校門測量體溫，並引導學生有序進入教室。"
    )
    assert first.blocks[1].lines == (2, 3, 5, 6, 7, 8)
    assert [b.text for b in first.blocks if b.kind == "heading"] == ["校園安全措施升級"]
    assert first.blocks[-1].text.endswith("推行「平安上學路」計劃。")
    assert [(d.line, d.reason) for d in second.dropped] == [
        (34, "caption"),
        (36, "caption"),
        (38, "caption"),
        (55, "headline"),
        (56, "byline"),
    ]
    assert second.blocks[-1].text == (
        "市民王女士帶著兩個孩子前來，她說：「孩子們一進來就不肯走了。」"
    )


def test_gbk_article_headline_first_with_subtitle_and_list() -> None:
    (art,) = clean("gbk_launch.txt")
    assert (art.title, art.author, art.publication, art.date) == (
        "新能源汽车企业发布新一代电池技术",
        "周婷",
        None,
        None,  # "4月18日" but no year anywhere in the file
    )
    assert art.blocks[0].text == "续航里程提升三成"
    assert [b.text for b in art.blocks if b.kind == "heading"] == ["技术亮点", "市场前景"]
    items = [b.text for b in art.blocks if b.kind == "item"]
    assert items == [
        "1、电芯能量密度达到每公斤三百六十瓦时；",
        "2、零下二十摄氏度环境下仍能保持百分之九十的容量；",
        "3、生产成本比上一代降低约百分之十五。",
    ]


def test_gbk_article_dated_by_the_timeline_span_never_by_another_file() -> None:
    """ "4月18日" with no year in the file: another file talking about 2023 does not date
    it; a timeline that covers 2023 does (approximately: the year is inferred)."""
    launch = read_file(FIXTURES / "gbk_launch.txt")
    other = raw("2023年4月10日，另一篇报道说明了背景情况。\n", "other")
    assert clean_corpus([launch, other])[0].date is None
    span = YearSpan((2022, 11), (2023, 6))
    assert clean_corpus([launch, other], span=span)[0].date == PartialDate(2023, 4, None, True)
    # A span over two years reads April in the year whose part of the span holds April.
    late = YearSpan((2021, 3), (2022, 2))
    assert clean_text(launch, late)[0].date == PartialDate(2021, 4, None, True)


def test_portal_page_loses_its_furniture() -> None:
    (art,) = clean("web_flood.txt")
    assert (art.title, art.author, art.publication, art.date) == (
        "多地防汛救灾工作有序推进 受灾群众得到妥善安置",
        "李明、王芳",
        "江南日报",
        PartialDate(2021, 7, 22),
    )
    assert [(d.line, d.reason) for d in art.dropped] == [
        (1, "navigation"),
        (2, "headline"),
        (3, "dateline"),
        (4, "widget"),
        (13, "credits"),
        (14, "promo"),
        (15, "related-links"),
        (16, "related-links"),
        (17, "related-links"),
        (18, "disclaimer"),
        (19, "navigation"),
    ]
    texts = [b.text for b in art.blocks]
    assert texts[1] == (
        "省应急管理厅已于7月19日启动防汛四级应急响应，调派救援队伍和物资前往受灾地区。"
        "目前，各安置点饮用水、食品和药品供应充足。"
    )  # ``&nbsp;`` gone
    assert texts[-1] == "气象部门预计，未来三天我省北部仍有中到大雨，防汛形势依然严峻。"  # ``。。``


def test_markdown_with_bom_and_crlf_is_read_as_markdown() -> None:
    (art,) = clean("bom_crlf_museum.md")
    assert (art.title, art.author, art.publication, art.date) == (
        "市博物馆推出夜间开放",
        "张晓",
        "江城晚报",
        PartialDate(2022, 7),
    )
    kinds = [b.kind for b in art.blocks]
    assert kinds == ["paragraph", "heading", "item", "item", "item", "quote", "paragraph"]
    first = art.blocks[0]
    assert [first.text[a:b] for a, b in first.strong] == ["21时"]
    assert art.blocks[4].text == "文创市集 & 露天音乐会"
    assert art.blocks[5].text == "我们希望让更多上班族也能走进博物馆。"
    assert "星号*标注的项目" in art.blocks[6].text
    source = (FIXTURES / "bom_crlf_museum.md").read_bytes()[3:].decode("utf-8")
    title, rest = source.replace("\r\n", "\n").split("\n", 1)
    assert mdwrite.article(art) == f"{title}\n\n{rest}"  # only the blank line under the title


def test_spaces_around_every_word_and_mark_are_removed() -> None:
    (art,) = clean("spaced_punct.txt")
    assert art.title == "社区图书馆今天重新开放"
    assert [b.text for b in art.blocks] == [
        "今天，市图书馆正式重新开放。馆长表示：“欢迎读者回来！”",
        "据介绍，图书馆新增自助借还设备十台，开放时间延长到晚上九点。",
    ]


def test_english_wrapped_mid_sentence_is_joined_with_spaces() -> None:
    (art,) = clean("latin_wrap.txt")
    assert (art.title, art.date) == ("国际机器人大会在深圳开幕", PartialDate(2023, 8, 16))
    assert [b.text for b in art.blocks] == [
        "来自三十多个国家和地区的两百余家企业参加了本届大会，展出各类机器人产品六百余件。",
        "大会主席在开幕式上用英文致辞，他说：",
        "Robots will not replace people, but they will change the way we work, learn and "
        "care for each other. We must make sure that this change benefits everyone.",
        "大会为期五天，期间将举办二十多场专题论坛。",
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir()))
def test_fixture_nothing_lost_and_idempotent(name: str) -> None:
    source = read_file(FIXTURES / name)
    articles = clean_text(source)
    pieces = [(min(b.lines), 0, b.text) for a in articles for b in a.blocks]
    pieces += [(d.line, 1, d.text) for a in articles for d in a.dropped]
    rebuilt = "".join(text for _, _, text in sorted(pieces))
    assert HAN.findall(rebuilt) == HAN.findall(source.text)
    for art in articles:
        markdown = mdwrite.article(art)
        (again,) = clean_text(raw(markdown, "again"))
        assert mdwrite.article(again) == markdown


def test_lines_repeated_across_files_are_dropped() -> None:
    footer = "江南日报融媒体工作室"
    one = raw(f"暴雨过后道路通行\n\n市政部门连夜抢修，主干道今晨恢复通行。\n\n{footer}\n", "one")
    two = raw(f"新学期开学\n\n全市中小学今天开学，学生陆续返校。\n\n{footer}\n", "two")
    first, second = clean_corpus([one, two])
    assert (first.title, second.title) == ("暴雨过后道路通行", "新学期开学")
    for art in (first, second):
        assert [(d.text, d.reason) for d in art.dropped if d.reason == "repeated"] == [
            (footer, "repeated")
        ]
        assert all(footer not in b.text for b in art.blocks)
    alone = clean_text(one)[0]
    assert alone.blocks[-1].text == footer  # one file alone cannot tell it is boilerplate
