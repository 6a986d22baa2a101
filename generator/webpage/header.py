"""The lines between a page's headline and its first paragraph that extraction left out:
the date, source and byline line of an article page (``2020/03/12 22:40 記者林佳穎／台北
報導``). They are read with the cleaner's own byline and date parsers, so the report
names them as a text file's would be (``byline``, ``dateline``), and a byline found
there gives the author when the article's text names none."""

from __future__ import annotations

from ..clean import dates
from ..clean.meta import parse_byline
from ..model import Article
from .visible import TextBlock


def zone(missed: list[TextBlock], article: Article) -> list[TextBlock]:
    """The left-out blocks that stand above the article's first block."""
    first = min((n for b in article.blocks for n in b.lines), default=0)
    title = next((d.line for d in article.dropped if d.reason == "headline"), 0)
    return [b for b in missed if title <= b.line <= first and b.line != title]


def byline(text: str) -> str | None:
    """The names a byline in ``text`` gives (the whole text or one of its parts)."""
    for part in (text, *text.split(" ")):
        found = parse_byline(part)
        if found is not None and found.names:
            return "、".join(found.names)
    return None


def reason(block: TextBlock) -> str:
    if byline(block.text) is not None:
        return "byline"
    parts = block.text.split(" ")
    if any(dates.date_line(" ".join(parts[k:])) for k in range(len(parts))):
        return "dateline"
    return "web-extraction"
