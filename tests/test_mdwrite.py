"""Plain text must render exactly as written, whatever Markdown or HTML it contains."""

from __future__ import annotations

import re

import markdown
import pytest

from generator import mdwrite
from generator.model import Article, Block, PartialDate

EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "pymdownx.details"]


def to_html(md: str) -> str:
    return str(markdown.markdown(md, extensions=EXTENSIONS))


def visible_text(html: str) -> str:
    import html as html_lib

    return html_lib.unescape(re.sub(r"<[^>]+>", "", html)).strip()


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[点我](javascript:alert(1))",
        "![x](data:text/html;base64,PHNjcmlwdD4=)",
        "# 不是标题",
        "- 不是列表",
        "1. 不是编号",
        "> 不是引用",
        "**不是粗体** 和 *斜体* 和 _下划线_ 和 `代码`",
        "{{ config }} {% raw %} {: #x }",
        "a | b | c",
        "&lt; 是实体，&amp; 也是",
        "3 * 4 = 12，~~删除~~ ^^上^^ ==标记==",
        "====",
        "---",
    ],
)
def test_escaped_text_renders_verbatim_and_inert(text: str) -> None:
    html = to_html(mdwrite.escape(text))
    assert visible_text(html) == text
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<h1" not in html and "<ul" not in html and "<ol" not in html
    assert "<blockquote" not in html and "<strong" not in html and "<code" not in html


def test_inline_bold_and_marks_nest_and_keep_text() -> None:
    text = "累计投入 27.63 億元，螞蟻集團"
    strong = [(5, 10)]
    marks = [mdwrite.Mark(0, 12, "ev-1", "標題", "../events/ev-1.md"), mdwrite.Mark(8, 16, "ev-2")]
    html = to_html(mdwrite.inline(text, strong, marks))
    assert visible_text(html).replace("↩", "") == text
    assert re.findall(r"<strong>([^<]*)", html) == ["27.", "63"]
    assert html.count('data-event="ev-1"') == 1 and 'data-event="ev-2"' in html
    assert '<a href="../events/ev-1.md" title="標題">↩</a>' in html


def test_blocks_get_anchors_and_lists_stay_lists() -> None:
    blocks = (
        Block("paragraph", "第一段。", "p1"),
        Block("heading", "小标题", "", level=2),
        Block("item", "第一项", "p2"),
        Block("item", "第二项", "p3"),
        Block("quote", "引文。", "p4"),
    )
    html = to_html(mdwrite.blocks(blocks, anchors=True))
    assert '<p id="p1">第一段。</p>' in html
    assert "<h2" in html and "小标题</h2>" in html
    assert '<li id="p2">第一项</li>' in html and '<li id="p3">第二项</li>' in html
    assert html.count("<ul>") == 1
    assert '<p id="p4">引文。</p>' in html


def test_article_markdown_has_title_and_meta() -> None:
    art = Article(
        id="a",
        title="标题 *星*",
        file="a.txt",
        blocks=(Block("paragraph", "正文。", "p1"),),
        author="王轶辰",
        publication="经济日报",
        date=PartialDate(2020, 4),
    )
    md = mdwrite.article(art)
    assert md.startswith("# 标题 \\*星\\*\n\n王轶辰 · 经济日报 · 2020年4月\n\n正文。")
