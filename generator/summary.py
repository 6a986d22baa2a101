"""The curator's summary, made safe to publish: one sanitiser for pages and exports.

The summary is Markdown. It is rendered with raw HTML switched off, so a ``<script>``
typed into it comes out as visible text. Links keep their target only when it is an
absolute ``http(s)`` or ``mailto`` address: a relative link would point somewhere
different on each page the summary appears on (timeline, event, tag pages, feed
readers), and every other scheme could run code. Images keep no ``src``: the site
never loads a picture from another server because a summary named it.
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as ET

# Markdown ships no type hints (its stubs are not a dependency); ``unused-ignore`` keeps
# these lines clean should the stubs or a mypy override arrive.
import markdown  # type: ignore[import-untyped, unused-ignore]
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped, unused-ignore]

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# Browsers drop ASCII tab and newlines anywhere in a URL and C0 controls and spaces at
# its ends, so ``java\tscript:`` is still ``javascript:``: look at the URL as they do.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"^([^/?#:]*):")
# Python-Markdown marks stashed HTML with STX/ETX; text carrying them could forge a
# placeholder, and no other C0 control belongs in a summary either.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def safe_url(url: str) -> bool:
    """True for absolute ``http(s):`` and ``mailto:`` URLs, as a browser would read them."""
    seen = _URL_NOISE.sub("", html.unescape(url))
    match = _SCHEME.match(seen)
    if match is None or match.group(1).lower() not in SAFE_SCHEMES:
        return False
    return match.group(1).lower() == "mailto" or seen[match.end() :].startswith("//")


class _DropUnsafeUrls(Treeprocessor):  # type: ignore[misc, unused-ignore]
    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag == "img":
                element.attrib.pop("src", None)
            href = element.get("href")
            if href is not None and not safe_url(href):
                del element.attrib["href"]


@functools.lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    """One converter for every summary (building one costs more than converting)."""
    md = markdown.Markdown(output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    # Lowest priority: after the ``unescape`` step, so it sees the final attribute values.
    md.treeprocessors.register(_DropUnsafeUrls(md), "drop_unsafe_urls", -10)
    return md


# A summary of one line of prose, with none of Markdown's active characters anywhere and
# no block opener at its start, is one paragraph holding exactly that text. Written
# directly it costs a thirtieth of a conversion (4 µs against 120 µs), and most summaries
# are such prose: a site draws each on several pages and in two exports. At 10,000 events
# with summaries of their own, converting them took 4.9 core-seconds of rendering and 4.3
# of the exports. Held to the converter by `test_a_plain_summary_is_written_as_markdown_...`.
#
# Emphasis, code, links, HTML, entities and escapes; any white space but the space.
_INLINE_ACTIVE = re.compile(r"[\\`*_\[\]<>&]|[^\S ]")
_BLOCK_OPENER = re.compile(r"[#>+=-]|\d+\. ")  # headings, quotes, lists, rules, ordered lists


def plain_paragraph(text: str) -> str | None:
    """``text`` as the converter writes it, when that is one plain paragraph; else None."""
    # The space is the one white space such prose holds; every other (tabs, line breaks,
    # U+3000...) is left to the converter, as is a space at either end.
    if not text or text[0] == " " or text[-1] == " ":
        return None
    if _BLOCK_OPENER.match(text) or _INLINE_ACTIVE.search(text):
        return None
    return f"<p>{text}</p>"


@functools.lru_cache(maxsize=4096)
def summary_html(summary: str) -> str:
    """The summary's Markdown as HTML with no raw HTML and no unsafe links."""
    text = _CONTROLS.sub("", summary)
    plain = plain_paragraph(text)
    return plain if plain is not None else converted_html(text)


def converted_html(text: str) -> str:
    """``text`` (free of control characters) through the Markdown converter."""
    md = _converter().reset()
    return str(md.convert(text))
