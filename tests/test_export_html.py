"""The HTML the exports embed: the curator's Markdown summary rendered without raw HTML."""

from __future__ import annotations

import pytest

from generator.export.htmlparts import safe_url, summary_html


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
