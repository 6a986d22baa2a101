"""A quote not found says where it is, what differs and what to paste, in both languages.

The measured cases of issue 16: the error pointed at the source item instead of the
quote; one wrong character (字幕→字母) was shown only as a whole passage; a long quote
with one wrong character (累計→累积) got a paragraph near the start sharing many of
its words instead of its own; and a `,` for `，` or a Simplified quote for a
Traditional article got no word about what kind of difference it was.
"""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

import markdown
import pytest

from generator import render
from generator.banner import error_banner
from generator.model import Article, Block, Diagnostic
from generator.pipeline import clean_all
from generator.read import read_file
from generator.timeline import check, load_timeline_text, validate
from generator.timeline.quotes import closest_passage

SIMPLIFIED = """网络平台助力抗疫

本报记者 李四

2月5日，阿里巴巴开通“防疫直采全球寻源平台”，最大限度匹配货源与需求。

发布会全程直播，视频配有中文字幕，方便听障人士观看。

阿里巴巴1月25日发出声明，宣布设立10亿元医疗物资供给专项基金，用于采购医疗物资。
"""
TRADITIONAL = """香港疫情最新情況

*數據截至 2020 年 3 月 31 日，全港累計確診個案 714 宗。

政府呼籲市民「保持社交距離」，減少外出，並留意個人衞生。

世衞總幹事譚德塞‧格布雷耶蘇斯表示，疫情仍在擴散。
"""


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Article]:
    """The two articles as the cleaner makes them (ids ``simp`` and ``trad``)."""
    folder = tmp_path_factory.mktemp("seeds")
    raws = []
    for name, text in (("simp", SIMPLIFIED), ("trad", TRADITIONAL)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        raws.append(read_file(folder / f"{name}.txt", f"seeds/{name}.txt"))
    cleaned = {article.id: article for article in clean_all(raws)}
    assert cleaned["trad"].script == "hant" and cleaned["simp"].script == "hans"
    assert cleaned["simp"].blocks[1].text == "发布会全程直播，视频配有中文字幕，方便听障人士观看。"
    return cleaned


def timeline(article: str, value: str) -> str:
    """One event citing ``article``; the source on line 6, ``quote: value`` from line 7."""
    return (
        "events:\n  - id: e\n    date: 2020-02-05\n    title: t\n    sources:\n"
        f"      - article: {article}\n        quote: {value}\n"
    )


def errors(text: str, cited: list[Article]) -> list[Diagnostic]:
    loaded, problems = load_timeline_text(text, "timeline.yaml")
    assert problems == []
    return [d for d in validate(loaded, cited)[1] if d.severity == "error"]


def one_error(article: Article, quote: str) -> Diagnostic:
    """The error for ``quote`` (written in double quotes: its text starts at 7:17)."""
    [found] = errors(timeline(article.id, json.dumps(quote, ensure_ascii=False)), [article])
    return found


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def above_caret(message: str) -> tuple[str, str]:
    """The characters of the quote's line and the article's line in the caret's column."""
    lines = message.split("\n")
    row = next(i for i, line in enumerate(lines) if line.endswith("^"))
    column = width(lines[row][:-1])

    def at(line: str) -> str:
        chars = [ch for ch in line if width(line[: line.index(ch)]) == column]
        return chars[0] if chars else ""

    return at(lines[row - 2]), at(lines[row - 1])


def pasted(message: str) -> str:
    """The article's text that the message's last line offers to paste."""
    last = message.split("\n")[-1]
    return last[last.index("“") + 1 : -1]


def assert_paste_fixes(found: Diagnostic, article: Article) -> None:
    """Both languages offer the same text, and quoting it makes the error go away."""
    text = pasted(found.render("en"))
    assert pasted(found.render("zh")) == text
    assert errors(timeline(article.id, json.dumps(text, ensure_ascii=False)), [article]) == []


# --- where: the quote's own line and column ------------------------------------------


@pytest.mark.parametrize(
    ("value", "line", "col"),
    [
        ("视频配有中文字母", 7, 16),
        ('"视频配有中文字母"', 7, 17),  # after the opening quote mark
        ("'视频配有中文字母'", 7, 17),
        ("|\n          视频配有\n          中文字母", 8, 11),  # the block's first line
        (">-\n\n            视频配有中文字母", 9, 13),  # after a blank line, deeper
    ],
)
def test_the_error_points_at_the_quote_itself(
    tmp_path: Path, articles: dict[str, Article], value: str, line: int, col: int
) -> None:
    path = tmp_path / "timeline.yaml"
    path.write_text(timeline("simp", value), encoding="utf-8")
    found = [d for d in check(path, list(articles.values()), "timeline.yaml")[1] if d.line > 1]
    assert [(d.line, d.col) for d in found] == [(line, col)]
    for language in ("zh", "en"):
        assert found[0].render(language).startswith(f"timeline.yaml:{line}:{col}: error: ")


def test_a_quote_in_a_flow_mapping_is_found_by_its_column(articles: dict[str, Article]) -> None:
    text = timeline("simp", "x").replace(
        "      - article: simp\n        quote: x\n", "      - {article: simp, quote: 视频配字母}\n"
    )
    [found] = errors(text, [articles["simp"]])
    assert (found.line, found.col) == (6, 32)


# --- what: the difference marked, in words when it is of a known kind ---------------


def test_one_wrong_character_is_marked_by_a_caret(articles: dict[str, Article]) -> None:
    found = one_error(articles["simp"], "视频配有中文字母")
    assert found.render("en") == (
        "timeline.yaml:7:17: error: quote not found in article simp; the closest passage (p2) "
        "differs where marked\n"
        "    quote: 视频配有中文字母\n"
        "  article: 视频配有中文字幕\n"
        "           " + "\u3000" * 7 + "^\n"
        "  paste this from the article (p2): “视频配有中文字幕”"
    )
    assert found.render("zh").split("\n")[0] == (
        "timeline.yaml:7:17: error: 文章 simp 中找不到这段引文；最接近的一段（p2）与引文在 ^ 处不同"
    )
    for language in ("zh", "en"):
        assert above_caret(found.render(language)) == ("母", "幕"), language
    assert_paste_fixes(found, articles["simp"])


def test_a_half_width_comma_is_named(articles: dict[str, Article]) -> None:
    found = one_error(articles["simp"], "阿里巴巴1月25日发出声明,宣布设立10亿元")
    assert (
        found.render("en")
        .split("\n")[0]
        .endswith("; the article uses full-width `，` where the quote has half-width `,`")
    )
    assert found.render("zh").split("\n")[0].endswith("；原文用全角 `，`，引文用的是半角 `,`")
    for language in ("zh", "en"):  # the caret under a half-width character above a wide one
        assert above_caret(found.render(language)) == (",", "，"), language
    assert pasted(found.render("en")) == "阿里巴巴1月25日发出声明，宣布设立10亿元"
    assert_paste_fixes(found, articles["simp"])


def test_a_simplified_quote_of_a_traditional_article_is_named(
    articles: dict[str, Article],
) -> None:
    found = one_error(articles["trad"], "数据截至2020年3月31日，全港累计确诊个案714宗")
    assert (
        found.render("en")
        .split("\n")[0]
        .endswith("; the article writes Traditional characters (`數` where the quote has `数`)")
    )
    assert (
        found.render("zh").split("\n")[0].endswith("；原文用繁体字（原文是 `數`，引文写作 `数`）")
    )
    # The whole passage as the article writes it, spaces and all.
    assert pasted(found.render("zh")) == "數據截至 2020 年 3 月 31 日，全港累計確診個案 714 宗"
    assert_paste_fixes(found, articles["trad"])


def test_a_traditional_quote_of_a_simplified_article_is_named(
    articles: dict[str, Article],
) -> None:
    found = one_error(articles["simp"], "發布會全程直播")
    assert "the article writes Simplified characters (`发` where the quote has `發`)" in str(found)
    assert "原文用简体字（原文是 `发`，引文写作 `發`）" in found.render("zh")
    assert_paste_fixes(found, articles["simp"])


def test_other_quote_marks_are_named(articles: dict[str, Article]) -> None:
    found = one_error(articles["trad"], "政府呼籲市民“保持社交距離”")
    assert "; the article uses the quote mark `「` where the quote has `“`\n" in str(found)
    assert "；原文的引号是 `「`，引文写作 `“`\n" in found.render("zh")
    assert above_caret(found.render("zh")) == ("“", "「")
    assert_paste_fixes(found, articles["trad"])


def test_variant_forms_and_middle_dots_are_named(articles: dict[str, Article]) -> None:
    found = one_error(articles["trad"], "並留意個人衛生")  # 衛 as in Taiwan, 衞 in Hong Kong
    assert "; the article writes the variant `衞` where the quote has `衛`\n" in str(found)
    assert "；原文用的是异体字 `衞`，引文写作 `衛`\n" in found.render("zh")
    assert_paste_fixes(found, articles["trad"])
    found = one_error(articles["trad"], "譚德塞·格布雷耶蘇斯")
    assert "; the article uses `‧` where the quote has `·`\n" in str(found)
    assert "；原文用 `‧`，引文写作 `·`\n" in found.render("zh")
    assert_paste_fixes(found, articles["trad"])


def test_several_kinds_at_once_are_each_named(articles: dict[str, Article]) -> None:
    found = one_error(articles["trad"], "政府呼吁市民「保持社交距离」,减少外出")
    first = found.render("en").split("\n")[0]
    assert first.endswith(
        "; the article writes Traditional characters (`籲` where the quote has `吁`); "
        "the article uses full-width `，` where the quote has half-width `,`"
    )
    assert (
        found.render("zh")
        .split("\n")[0]
        .endswith(
            "；原文用繁体字（原文是 `籲`，引文写作 `吁`）；原文用全角 `，`，引文用的是半角 `,`"
        )
    )
    assert_paste_fixes(found, articles["trad"])


def test_whitespace_of_any_kind_was_never_a_difference(articles: dict[str, Article]) -> None:
    """No-break, ideographic and zero-width spaces and line breaks are ignored."""
    quote = "数据截至\u00a02020\u3000年 3 月\u200b31\n日".replace("数据", "數據")
    assert errors(timeline("trad", json.dumps(quote, ensure_ascii=False)), [articles["trad"]]) == []


def test_an_invisible_character_is_named(articles: dict[str, Article]) -> None:
    found = one_error(articles["simp"], "方便听障\u00ad人士观看")
    assert "; the quote holds an invisible character (U+00AD) that the article does not\n" in (
        str(found)
    )
    assert "；引文里有原文没有的不可见字符（U+00AD）\n" in found.render("zh")
    assert pasted(str(found)) == "方便听障人士观看"
    assert_paste_fixes(found, articles["simp"])


def test_an_article_of_one_repeated_phrase_still_has_a_closest_passage() -> None:
    article = Article("l", "t", "l.txt", (Block("paragraph", "甲乙" * 100 + "。", "p1"),))
    found = one_error(article, "甲乙丙")
    assert str(found).split("\n")[1:3] == ["    quote: 甲乙丙", "  article: 甲乙甲"]
    assert_paste_fixes(found, article)


# --- a long quote, found in its own paragraph however far ----------------------------

# Two-character words of Hong Kong news, to fill paragraphs with.
_FILLER = (
    "市民政府醫院病人隔離檢測口罩社區感染新增輸入本地患者出院專家建議學校停課旅客入境酒店檢疫"
    "疫苗接種中心距離餐廳堂食晚上商場人流減少港島九龍新界離島巴士港鐵碼頭機場公園街市超市藥房"
    "診所熱線義工物資"
)
WORDS = [_FILLER[i : i + 2] for i in range(0, len(_FILLER), 2)]
QUOTE = (
    "截至昨日下午四時，全港累計確診個案增至一千零二十五宗，其中本地感染約佔三成；"
    "衞生防護中心再次呼籲市民減少外出，出入公眾地方必須佩戴口罩"
)


def long_article(paragraphs: int, rng: random.Random) -> Article:
    """A Traditional article of ``paragraphs`` paragraphs, QUOTE in p35; p6 holds three
    quarters of QUOTE's words in one sentence (the sentences around it in p35 do not)."""
    texts = ["".join(rng.choices(WORDS, k=60)) + "。" for _ in range(paragraphs)]
    quarter = len(QUOTE) // 4
    texts[5] = QUOTE[: 2 * quarter] + "".join(rng.choices(WORDS, k=6)) + QUOTE[3 * quarter :] + "。"
    texts[34] = texts[34][:-1] + "。" + QUOTE + "，" + texts[34]
    blocks = tuple(Block("paragraph", text, f"p{n}") for n, text in enumerate(texts, 1))
    return Article("long", "t", "long.txt", blocks, script="hant")


def test_a_long_quote_with_one_wrong_character_is_found_in_its_own_paragraph() -> None:
    article = long_article(40, random.Random(16))
    quote = QUOTE.replace("累計", "累积")
    # Ranking the article's sentences one by one picks p6 (as the measured message did).
    assert (closest_passage(article, quote) or ("", ""))[0] == "p6"
    found = one_error(article, quote)
    assert "; the closest passage (p35) differs where marked\n" in found.render("en")
    assert "；最接近的一段（p35）与引文在 ^ 处不同\n" in found.render("zh")
    for language in ("zh", "en"):
        assert above_caret(found.render(language)) == ("积", "計"), language
    assert pasted(found.render("en")) == QUOTE
    assert_paste_fixes(found, article)


def test_long_quotes_are_shown_around_the_difference_only() -> None:
    article = long_article(40, random.Random(1))
    found = one_error(article, QUOTE.replace("呼籲", "呼求"))
    quote_line, article_line = found.render("en").split("\n")[1:3]
    assert quote_line.startswith("    quote: …") and quote_line.endswith("…")
    assert article_line.startswith("  article: …") and article_line.endswith("…")
    assert len(article_line) < 50 < len(QUOTE)
    assert above_caret(found.render("zh")) == ("求", "籲")


def test_a_miss_in_a_large_article_still_finds_its_paragraph() -> None:
    """A 200-paragraph article (about 24,000 characters) and a quote of three paragraphs
    with a character wrong in each: each n-gram is looked up, never the article scanned
    with difflib, so this stays quick (a 10,000-character miss takes milliseconds)."""
    article = long_article(200, random.Random(7))
    quote = "".join(block.text for block in article.blocks[149:152])
    assert len("".join(b.text for b in article.blocks)) > 20_000
    typos = quote[:30] + "錯" + quote[31:200] + "錯" + quote[201:-30] + "錯" + quote[-29:]
    found = one_error(article, typos)
    assert "the closest passage (p150)" in str(found)
    assert pasted(str(found)) == quote
    assert_paste_fixes(found, article)


# --- shown in the serve banner ------------------------------------------------------


def test_the_banner_shows_the_lines_under_a_message_as_preformatted_text(
    articles: dict[str, Article],
) -> None:
    found = one_error(articles["simp"], "视频配有中文字母")
    banner = error_banner((found,), render.Labels("zh"))
    page = markdown.markdown(banner, extensions=["admonition"])
    first, *under = found.render("zh").split("\n")
    assert "<pre><code>" + "\n".join(under) + "\n</code></pre>" in page
    assert "<p>" + first in page
