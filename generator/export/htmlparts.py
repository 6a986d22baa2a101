"""HTML fragments for the formats that carry HTML (Atom content, TimelineJS text).

The curator's summary goes through :mod:`generator.summary`, the sanitiser the pages
use too. Every other string is escaped with :func:`html.escape` before it touches
markup.
"""

from __future__ import annotations

import html

from ..model import Event
from ..summary import safe_url, summary_html
from .links import Links

__all__ = ["event_html", "safe_url", "sources_html", "summary_html"]


def _link(url: str, text: str) -> str:
    return f'<a href="{html.escape(url)}">{html.escape(text)}</a>'


def sources_html(event: Event, links: Links) -> str:
    """Each source as a quotation, then a line citing the passage in its article.

    The quote carries its own “…” (the Chinese marks, shown by every feed reader) and is
    the blockquote's bare text: TimelineJS's stylesheet draws open/close-quote marks
    around every ``<p>`` inside a ``<blockquote>``, which doubled them, and put a pair
    around the citation too. The citation follows the quote, outside it, as HTML
    wants an attribution.
    """
    parts = []
    for src in event.sources:
        cite = _link(links.source(src), links.article_title(src.article))
        parts.append(f"<blockquote>“{html.escape(src.quote)}”</blockquote>\n<p>—— {cite}</p>")
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
