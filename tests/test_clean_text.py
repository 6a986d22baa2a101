"""The cleaner's pieces on small inputs: text repairs, bylines, dates, ids, scripts, limits."""

from __future__ import annotations

import string
import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.clean import clean_text, fixes
from generator.clean.dates import (
    DateEvidence,
    YearSpan,
    collect,
    dateline,
    file_dates,
    latest,
    resolve,
)
from generator.clean.fixes import cook_line, fix_text, spaced_style
from generator.clean.ids import article_id
from generator.clean.markdown import parse_meta
from generator.clean.meta import embedded_byline, parse_byline, trailing_credit
from generator.clean.names import is_bare_name
from generator.clean.publication import publication_in_text
from generator.clean.script import script
from generator.clean.text import Styled, parse_inline
from generator.model import PartialDate, RawText
from generator.paths import safe_name


def fixed(text: str, keep_mixed: bool = False) -> str:
    return fix_text(Styled(text), keep_mixed).text


def raw(text: str, stem: str = "t") -> RawText:
    return RawText(f"{stem}.txt", f"{stem}.txt", stem, text, "utf-8", "")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("从“ 冬 天 ”到“ 春 天 ”", "从“冬天”到“春天”"),
        ("编辑 黄 鑫", "编辑黄鑫"),  # a letter-spaced name
        ("春暖花開 更見燦爛", "春暖花開 更見燦爛"),  # a deliberate gap between phrases
        ("“百城县长 直播助农”活动", "“百城县长 直播助农”活动"),
        ("时隔 11年，超过 100万家", "时隔11年，超过100万家"),
        ("今天 ， 学校 开学 了 。", "今天，学校开学了。"),
        ("阿里巴巴, 数字经济", "阿里巴巴,数字经济"),
        ("He said “hello” to me.", "He said “hello” to me."),
        ("Amazon Web Services (AWS)签订了协议", "Amazon Web Services (AWS)签订了协议"),
        ("严峻。。", "严峻。"),
        ("好，，很好、、", "好，很好、"),
        ("——“春雷计划”……", "——“春雷计划”……"),
        ("\u3000\u3000首行缩进的段落\u00a0。\u200b下一句", "首行缩进的段落。下一句"),
    ],
)
def test_fix_text(before: str, after: str) -> None:
    assert fixed(before) == after
    assert fixed(after) == after  # idempotent


# Every kind of character a repair acts on, and text around it: the quick test before
# the repairs must never pass by a paragraph that one of them would change.
_REPAIRABLE = st.text(
    alphabet="平台中文ab12 \u00a0\u3000\t\n\u2003\u202f\u205f\u200b\u2060\ufeff\u202a"
    "\u2067。，、；：,.”）(“",
    max_size=12,
)


@settings(max_examples=500, derandomize=True, database=None, deadline=None)
@given(_REPAIRABLE, st.binary(max_size=12), st.booleans(), st.booleans())
def test_the_quick_test_passes_by_only_what_no_repair_changes(
    text: str, bold: bytes, keep_mixed: bool, headline: bool
) -> None:
    flags = bytes(b & 1 for b in bold[: len(text)].ljust(len(text), b"\0")) if bold else b""
    styled = Styled(text, flags)
    assert fix_text(styled, keep_mixed, headline) == fixes.repaired(styled, keep_mixed, headline)


def test_spacing_between_han_and_digits_is_kept_when_it_is_the_style() -> None:
    text = "全球抗疫投入 33.56 億元，其中 1 至 3 月"
    assert spaced_style([text])
    assert fixed(text, keep_mixed=True) == text
    assert not spaced_style(["时隔 11年，阿里巴巴20年来，超过3000家"])
    assert spaced_style(["投入\u00a033.56億元", "共 3 家"])  # spaces of any kind count


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(st.sampled_from("中文 \u3000\u00a0\u2009a1，"), max_size=8), max_size=4))
def test_the_spacing_style_is_no_at_once_only_when_counting_would_say_no(
    texts: list[str],
) -> None:
    assert spaced_style(texts) == fixes._counted_style(texts)


def test_cook_line_repairs_web_debris() -> None:
    assert cook_line("特别行动—;—;“春雷计划”") == "特别行动——“春雷计划”"
    assert cook_line("供应充足。&nbsp;&nbsp;目前") == "供应充足。  目前"
    assert cook_line("A &amp;amp; B &lt;b&gt;") == "A & B <b>"
    assert cook_line("<p>段落<br/>内容</p>") == "段落内容"
    assert cook_line("见 https://x.cn/?a=1&copy=2") == "见 https://x.cn/?a=1&copy=2"


def test_bold_survives_edits_as_ranges() -> None:
    styled = parse_inline("投入  **33.56**  億元，\\*注")
    assert styled.text == "投入  33.56  億元，*注"
    out = fix_text(styled, keep_mixed_spaces=True)
    assert out.text == "投入 33.56 億元，*注"
    assert [out.text[a:b] for a, b in out.ranges()] == ["33.56"]
    assert parse_inline("**未配对").text == "**未配对"


def _inline_by_characters(text: str) -> Styled:
    """Markdown's reading, one character at a time: ``\\`` before ASCII punctuation
    stands for it; ``**`` toggles bold, and a last one without a partner is literal."""
    chars: list[str] = []
    toggles: list[int] = []
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in string.punctuation:
            chars.append(text[i + 1])
            i += 2
        elif text.startswith("**", i):
            toggles.append(len(chars))
            chars.append("")
            i += 2
        else:
            chars.append(text[i])
            i += 1
    if len(toggles) % 2:
        chars[toggles.pop()] = "**"
    flags, bold = bytearray(), 0
    for at, piece in enumerate(chars):
        bold ^= at in toggles
        flags += bytes([bold]) * len(piece)
    return Styled("".join(chars), bytes(flags) if toggles else b"")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["**", "*", "\\", "a", "中", " ", "[", "_", "𠮷"])).map("".join))
@example("**甲**乙**丙")
@example("\\**甲**")
def test_bold_and_escapes_are_read_as_markdown_reads_them(text: str) -> None:
    assert parse_inline(text) == _inline_by_characters(text)


@pytest.mark.parametrize(
    ("line", "names", "publication", "local"),
    [
        ("本报记者 黄 鑫", ("黄鑫",), None, True),
        ("经济日报·中国经济网记者 王轶辰", ("王轶辰",), "经济日报", False),
        ("记者 张三 通讯员 李四", ("张三", "李四"), None, False),
        ("文/周婷", ("周婷",), None, False),
        ("〔記者王小明／台北報導〕", ("王小明",), None, False),
        ("（记者 孙冰）", ("孙冰",), None, False),
    ],
)
def test_bylines(line: str, names: tuple[str, ...], publication: str | None, local: bool) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.names, byline.publication, byline.local) == (names, publication, local)


@pytest.mark.parametrize(
    "line",
    ["张勇接受经济日报记者采访时表", "本报记者", "记者了解到，疫情期间", "一位记者说"],
)
def test_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


def test_bare_names_and_credits() -> None:
    assert is_bare_name("韩 叙") and is_bare_name("王轶辰")
    assert not is_bare_name("看浙商") and not is_bare_name("新机遇")
    assert trailing_credit("这是重要时刻!”(何畅)") == (("何畅",), 8)
    assert trailing_credit("赋能城市长远发展。(记者 孙冰)") == (("孙冰",), 9)
    assert trailing_credit("张勇(逍遥子)") is None  # a nickname, not a credit
    header = embedded_byline("2022-09-05 14:20 聯合報／ 記者王小明／台南即時報導")
    assert header is not None and (header.names, header.publication) == (("王小明",), "聯合報")


@pytest.mark.parametrize(
    ("text", "publication"),
    [
        ("钱江晚报记者了解到，疫情期间", "钱江晚报"),
        ("据《中国经济周刊》记者了解，截至今年", "中国经济周刊"),
        ("张勇接受经济日报记者采访时表示", "经济日报"),
        ("本报记者从有关部门获悉", None),
        ("他对记者说", None),
    ],
)
def test_publication_in_text(text: str, publication: str | None) -> None:
    assert publication_in_text(text) == publication


def test_dates() -> None:
    assert dateline("4月7日上午消息,时隔11年") == (None, 4, 7)
    assert dateline("新华社北京3月4日电（记者张三）") == (None, 3, 4)
    assert dateline("早在2月16日，王帅就报名") is None  # a date in the story, not a dateline
    evidence = DateEvidence()
    texts = ["截至3月31日，累计投入；服务延至6月30日，将于7月1日上线", "截至 2020 年 5 月 10 日"]
    collect(texts, evidence)
    assert evidence.mentions == [(None, 3, 31), (2020, 5, 10)]  # deadlines are skipped
    context = file_dates([evidence], None)
    assert resolve(None, latest(evidence.mentions, context), context) == PartialDate(
        2020, 5, None, True
    )
    span = YearSpan((2020, 1), (2020, 4))
    with_dateline = resolve((None, 4, 7), None, file_dates([], span))
    assert with_dateline == PartialDate(2020, 4, 7, True)  # year from the timeline: approximate
    assert resolve((None, 4, 7), None, file_dates([], None)) is None  # no year anywhere


def test_year_span_reads_a_month_in_the_year_that_puts_it_inside() -> None:
    span = YearSpan((2019, 12), (2020, 4))
    assert [span.year(m) for m in (12, 1, 4, 5, 11)] == [2019, 2020, 2020, 2020, 2019]
    # The file's own latest year wins when it is later than the span's.
    own = DateEvidence(full=[(2021, 3, 1)])
    assert file_dates([own], span).year(1) == 2021
    assert file_dates([DateEvidence()], span).year(12) == 2019


def test_meta_line() -> None:
    meta = parse_meta("王轶辰 · 经济日报 · 约2020年4月")
    assert meta is not None
    assert (meta.author, meta.publication, meta.date) == (
        "王轶辰",
        "经济日报",
        PartialDate(2020, 4, None, True),
    )
    only_paper = parse_meta("中国经济周刊 · 2020年2月")
    assert only_paper is not None and (only_paper.author, only_paper.publication) == (
        None,
        "中国经济周刊",
    )
    assert parse_meta("和所有中国企业一样，阿里巴巴也遭遇了疫情。") is None


def test_ids_and_script() -> None:
    assert article_id("000_b4a20cc34cdd8f9a", 2, 5) == "000_b4a20cc34cdd8f9a-2"
    assert article_id("001_5b3e0821b2624058", 1, 1) == "001_5b3e0821b2624058"
    assert article_id("新闻 稿/一", 1, 1) == safe_name("新闻 稿/一") != "新闻 稿/一"
    assert script("學校今天開學了，學生們很高興。") == "hant"
    assert script("学校今天开学了，学生们很高兴。") == "hans"


def test_empty_and_furniture_only_files_give_no_article() -> None:
    assert clean_text(raw("\n\n   \n")) == []
    assert clean_text(raw("当前位置：首页 > 新闻\n关闭\n")) == []


def test_a_million_character_line_is_cleaned_quickly() -> None:
    started = time.perf_counter()
    (art,) = clean_text(raw("数字经济发展，" * 150_000))
    assert time.perf_counter() - started < 10  # linear: well under a second on a laptop
    assert len(art.blocks) == 1 and len(art.blocks[0].text) == 1_050_000


def test_pathological_byline_shapes_do_not_backtrack() -> None:
    started = time.perf_counter()
    text = "这是一句话。(" + "张 " * 20_000 + "\n" + "记者 " + "张 " * 5_000
    clean_text(raw(text))
    assert time.perf_counter() - started < 10


def test_header_lines_in_other_shapes() -> None:
    page = (
        "发布时间：2021-05-06 09:30   来源：新华网   作者：王强\n\n"
        "我国成功发射新一代气象卫星\n\n"
        "新华社酒泉5月5日电 5日上午，我国成功发射一颗新一代气象卫星。\n\n"
        "（完）\n"
    )
    (art,) = clean_text(raw(page))
    assert (art.title, art.author, art.publication, art.date) == (
        "我国成功发射新一代气象卫星",
        "王强",
        "新华网",
        PartialDate(2021, 5, 6),
    )
    assert [b.text for b in art.blocks] == [
        "新华社酒泉5月5日电 5日上午，我国成功发射一颗新一代气象卫星。"
    ]
    assert [(d.line, d.reason) for d in art.dropped] == [
        (1, "dateline"),
        (3, "headline"),
        (7, "empty-marker"),
    ]


def test_standfirst_stays_before_the_text_and_markup_lines_are_reported() -> None:
    page = (
        '<div class="title">城市绿道串起千园之城</div>\n'
        "<p>导语：全市已建成绿道三百公里，串起大小公园一千座。</p>\n"
        "本报记者 张三\n"
        '<p><img src="a.jpg"></p>\n'
        "<p>正文第一段，介绍绿道的建设情况。</p>\n"
    )
    (art,) = clean_text(raw(page))
    assert (art.title, art.author) == ("城市绿道串起千园之城", "张三")
    assert [b.text for b in art.blocks] == [
        "导语：全市已建成绿道三百公里，串起大小公园一千座。",
        "正文第一段，介绍绿道的建设情况。",
    ]
    assert [(d.line, d.reason) for d in art.dropped] == [
        (1, "headline"),
        (3, "byline"),
        (4, "markup"),
    ]


def test_punctuation_wrapped_onto_its_own_line_is_text() -> None:
    page = """入夏以来，我市持续高温，
用电负荷屡创新高。为保障
居民用电，供电公司提前部
署，启动迎峰度夏应急预案
。

第二段的内容在这里继续写
下去，直到句子结束为止。

第三段也是一样的写法，用
来凑足足够多的行数好让版
面被识别为换行的报纸版面
。

第四段再多写几行文字，让
每一行的宽度都差不多，这
样才像是真正的报纸版面。
"""
    (art,) = clean_text(raw(page))
    assert art.blocks[0].text == (
        "入夏以来，我市持续高温，用电负荷屡创新高。为保障居民用电，供电公司提前部署，"
        "启动迎峰度夏应急预案。"
    )
    assert art.blocks[0].lines == (1, 2, 3, 4, 5)
    assert len(art.blocks) == 4 and art.dropped == ()


@settings(max_examples=1000, deadline=None)
@given(st.text(st.sampled_from([*"中文a1Z 。𠮷", "\u3000"]), max_size=16))
def test_han_meets_latin_where_the_pattern_tried_everywhere_finds_it(text: str) -> None:
    # The boundaries are looked for only at the ends of Latin and digit runs.
    from generator.clean import fixes

    got = [(m.span(), m.groups()) for m in fixes._mixed(text)]
    assert got == [(m.span(), m.groups()) for m in fixes._MIXED.finditer(text)]
