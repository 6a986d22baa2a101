"""HTML fragments for the formats that carry HTML (Atom content, TimelineJS text).

The curator's summary goes through :mod:`generator.summary`, the sanitiser the pages
use too. Every other string is escaped with :func:`html.escape` before it touches
markup.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from ..model import Event
from ..summary import safe_url, summary_html
from .links import Links, source_titles

__all__ = ["event_html", "safe_url", "sources_html", "summary_html"]


def _link(url: str, text: str) -> str:
    return f'<a href="{html.escape(url)}">{html.escape(text)}</a>'


def sources_html(event: Event, links: Links, titles: Sequence[str] | None = None) -> str:
    """Each source as a quotation, then a line citing the passage in its article.

    The quote carries its own “…” (the Chinese marks, shown by every feed reader) and is
    the blockquote's bare text: TimelineJS's stylesheet draws open/close-quote marks
    around every ``<p>`` inside a ``<blockquote>``, which doubled them, and put a pair
    around the citation too. The citation follows the quote, outside it, as HTML
    wants an attribution. ``titles`` are the sources' article titles, when the caller
    has them (else ``links`` finds them).
    """
    if titles is None:
        titles = source_titles(event, links)
    parts = []
    for src, title in zip(event.sources, titles, strict=True):
        cite = _link(links.source(src), title)
        parts.append(f"<blockquote>“{html.escape(src.quote)}”</blockquote>\n<p>—— {cite}</p>")
    return "\n".join(parts)


def event_html(
    event: Event, links: Links, more: str = "", titles: Sequence[str] | None = None
) -> str:
    """Summary, sources and (with ``more``) a link to the event page labelled ``more``."""
    parts = [
        summary_html(event.summary) if event.summary.strip() else "",
        sources_html(event, links, titles),
    ]
    if more:
        parts.append(f"<p>{_link(links.event(event), more)}</p>")
    return "\n".join(part for part in parts if part)
