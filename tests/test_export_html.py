"""The HTML the exports embed: the curator's Markdown summary rendered without raw HTML."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.export.htmlparts import safe_url, summary_html
from generator.summary import _CONTROLS, converted_html, plain_paragraph


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a?b=1&c=2",
        "HTTP://EXAMPLE.ORG/",
        "mailto:editor@example.org",
    ],
)
def test_safe_urls(url: str) -> None:
    assert safe_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        # Relative links point somewhere different on every page a summary appears on.
        "events/x/",
        "../articles/x/#p3",
        "#p1",
        "//example.org/x",
        "a/b:c",
        "https:example.org",
    ],
)
def test_unsafe_urls(url: str) -> None:
    assert not safe_url(url)


def test_raw_html_is_shown_as_text() -> None:
    assert summary_html("<script>alert(1)</script>") == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )
    assert summary_html("a <img src=x onerror=alert(1)> b") == (
        "<p>a &lt;img src=x onerror=alert(1)&gt; b</p>"
    )


def test_markdown_still_renders() -> None:
    assert summary_html("**粗体** 与 `a<b&c`\n\n- 一\n- 二") == (
        "<p><strong>粗体</strong> 与 <code>a&lt;b&amp;c</code></p>\n"
        "<ul>\n<li>一</li>\n<li>二</li>\n</ul>"
    )
    assert (
        summary_html("模板 {{ site.url }} 与 {% raw %}")
        == "<p>模板 {{ site.url }} 与 {% raw %}</p>"
    )


def test_only_safe_links_keep_their_target() -> None:
    out = summary_html(
        "[a](https://example.org/x) [b](javascript:alert(1)) [c](&#106;avascript:alert(2)) "
        "[d](mailto:x@example.org) ![e](javascript:alert(3)) [f](../events/x/)"
    )
    assert out == (
        '<p><a href="https://example.org/x">a</a> <a>b</a> <a>c</a> '
        '<a href="mailto:x@example.org">d</a> <img alt="e"> <a>f</a></p>'
    )


def test_reference_links_and_autolinks_are_checked_too() -> None:
    out = summary_html(
        "[g][r] <ftp://example.org/x> <https://example.org/y>\n\n[r]: javascript:alert(4)"
    )
    assert out == (
        "<p><a>g</a> <a>ftp://example.org/x</a> "
        '<a href="https://example.org/y">https://example.org/y</a></p>'
    )


def test_control_characters_cannot_forge_placeholders() -> None:
    # Python-Markdown's stash placeholders are wrapped in STX/ETX.
    assert summary_html("a\x02wzxhzdk:0\x03b") == "<p>awzxhzdk:0b</p>"


# A summary: a line's opening (block openers, indents, or none), then prose with now and
# then one of Markdown's active characters, a white space or a line break in it.
_OPENINGS = [
    "1. ",
    "12. ",
    "1.",
    "１. ",
    "#",
    "## ",
    ">",
    "> ",
    "-",
    "- ",
    "+ ",
    "* ",
    "=",
    "---",
    " ",
    "    ",
    "\t",
    "\u3000",
]
_PLAIN = [*"甲乙丙，。、“”《》（）aZ09.:;!%/'\"() "]
_ACTIVE = [
    *"#>+=-*_`\\[]<>&{}|~\t\n\r\x0b\x0c\x85\u2028\u2029\u3000\xa0",
    "](https://a.example/)",
    "&amp;",
    "  \n",
    "\n\n- ",
    # Whole pieces of Markdown, each refused for one character of it.
    "`码`",
    "\\.",
    "\\(",
    "*甲*",
    "_甲_",
    "[甲](https://a.example/)",
    "[甲]",
    "<https://a.example>",
]
_PROSE = st.lists(st.sampled_from(_PLAIN), max_size=5).map("".join)
# Mostly one active piece in plain prose, so that each can be the only reason to refuse.
_SUMMARIES = st.builds(
    lambda opening, before, active, after: opening + before + active + after,
    st.sampled_from([""] * len(_OPENINGS) + _OPENINGS),
    _PROSE,
    st.sampled_from(["", *_ACTIVE]),
    st.one_of(_PROSE, _PROSE, st.lists(st.sampled_from(_PLAIN + _ACTIVE), max_size=5).map("".join)),
)


@given(_SUMMARIES)
@settings(max_examples=600, deadline=None)
def test_a_plain_summary_is_written_as_markdown_writes_it(text: str) -> None:
    """The shortcut for plain prose writes exactly what the converter writes, or stands
    aside; whatever it decides, ``summary_html`` and the converter agree."""
    plain = plain_paragraph(text)
    if plain is not None:
        assert plain == converted_html(text)
    assert summary_html(text) == converted_html(_CONTROLS.sub("", text))


@pytest.mark.parametrize(
    "text",
    [
        "1. 项目",  # an ordered list
        "2020. 年",
        "1.\t项",
        "１. 全角数字",
        "# 标题",
        "#话题#",  # a heading, as Markdown reads it
        "- 一",
        "+ 一",
        "---",
        "> 引语",
        "=",
        " 前导空格",
        "结尾空格 ",
        "甲\u3000乙",
        "甲\u2028乙",
        "甲\n乙",
        "甲&amp;乙",
        "甲<b>乙",
        "[链接](https://example.org/)",
    ],
)
def test_the_shortcut_leaves_markdown_to_the_converter(text: str) -> None:
    assert plain_paragraph(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "飞书推进医疗物资驰援相关工作，详见所引原文。",
        "2020年1月23日 武汉“封城”，COVID-19 (新冠) 疫情下 30% 的门店: 暂停营业!",
        "阿里巴巴與騰訊——“共享員工”計劃。",
        "1.5 万名骑手",
    ],
)
def test_plain_prose_takes_the_shortcut(text: str) -> None:
    assert plain_paragraph(text) == f"<p>{text}</p>" == converted_html(text)
