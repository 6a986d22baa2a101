"""HTML fragments for the formats that carry HTML (Atom content, TimelineJS text).

The curator's summary is Markdown; it is rendered with raw HTML switched off, so a
``<script>`` typed into it comes out as visible text, and only ``http``, ``https``,
``mailto`` and relative links survive. Every other string is escaped with
:func:`html.escape` before it touches markup.
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

from ..model import Event
from .links import Links

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_URL_ATTRS = ("href", "src")
# Browsers drop ASCII tab and newlines anywhere in a URL and C0 controls and spaces at
# its ends, so ``java\tscript:`` is still ``javascript:``: look at the URL as they do.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"^([^/?#:]*):")
# Python-Markdown marks stashed HTML with STX/ETX; text carrying them could forge a
# placeholder, and no other C0 control belongs in a summary either.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def safe_url(url: str) -> bool:
    """True for ``http(s):``, ``mailto:`` and relative URLs, as a browser would read them."""
    seen = _URL_NOISE.sub("", html.unescape(url))
    match = _SCHEME.match(seen)
    return match is None or match.group(1).lower() in SAFE_SCHEMES


class _DropUnsafeUrls(Treeprocessor):  # type: ignore[misc, unused-ignore]
    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            for attr in _URL_ATTRS:
                value = element.get(attr)
                if value is not None and not safe_url(value):
                    del element.attrib[attr]


@functools.lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    """One converter for every summary (building one costs more than converting)."""
    md = markdown.Markdown(output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    # Lowest priority: after the ``unescape`` step, so it sees the final attribute values.
    md.treeprocessors.register(_DropUnsafeUrls(md), "drop_unsafe_urls", -10)
    return md


@functools.lru_cache(maxsize=4096)
def summary_html(summary: str) -> str:
    """The summary's Markdown as HTML with no raw HTML and no unsafe links."""
    md = _converter().reset()
    return str(md.convert(_CONTROLS.sub("", summary)))


def _link(url: str, text: str) -> str:
    return f'<a href="{html.escape(url)}">{html.escape(text)}</a>'


def sources_html(event: Event, links: Links) -> str:
    """Each source as a quotation with a link to the passage in its article."""
    parts = []
    for src in event.sources:
        cite = _link(links.source(src), links.article_title(src.article))
        parts.append(f"<blockquote><p>“{html.escape(src.quote)}”</p><p>—— {cite}</p></blockquote>")
    return "\n".join(parts)


def event_html(event: Event, links: Links, more: str = "") -> str:
    """Summary, sources and (with ``more``) a link to the event page labelled ``more``."""
    parts = [
        summary_html(event.summary) if event.summary.strip() else "",
        sources_html(event, links),
    ]
    if more:
        parts.append(f"<p>{_link(links.event(event), more)}</p>")
    return "\n".join(part for part in parts if part)
