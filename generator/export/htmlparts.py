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
