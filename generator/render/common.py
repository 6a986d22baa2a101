"""Small pieces shared by the page renderers: dates, event lines, links, safe text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import paths
from ..mdwrite import escape
from ..model import Article, Event, PartialDate


@dataclass(frozen=True)
class Options:
    site_url: str = ""
    repo_url: str = ""
    edit_uri: str = ""  # repository-root prefix, e.g. ``blob/main/``
    timeline_path: str = "timeline.yaml"


def date_range(start: PartialDate, end: PartialDate | None) -> str:
    """``2020年1月23日`` or ``2020年1月23日—3月2日``, each end at its own precision."""
    if end is None or end == start:
        return start.zh()
    tail = end.zh()
    if end.year == start.year and not end.approximate:
        tail = tail.removeprefix(f"{end.year}年")
    return f"{start.zh()}—{tail}"


def event_date(event: Event) -> str:
    return date_range(event.date, event.end)


def month_key(event: Event) -> tuple[int, int]:
    return (event.date.year, event.date.month or 0)


def month_title(key: tuple[int, int]) -> str:
    year, month = key
    return f"{year}年{month}月" if month else f"{year}年（月份不详）"


def month_anchor(key: tuple[int, int]) -> str:
    year, month = key
    return f"m{year}-{month:02d}" if month else f"m{year}"


def md_link(text: str, href: str) -> str:
    """A Markdown link whose text is escaped (the href is always one we made)."""
    return f"[{escape(text)}]({href})"


def event_link(from_page: str, event: Event) -> str:
    return md_link(event.title, paths.link(from_page, paths.event_page(event.id)))


def article_label(article: Article | None, article_id: str) -> str:
    return f"《{article.title}》" if article else article_id


def edit_url(options: Options, line: int) -> str | None:
    """Link to an event's line in ``timeline.yaml`` on the repository, when known."""
    if not options.repo_url or not line:
        return None
    base = options.repo_url.rstrip("/") + "/" + options.edit_uri.lstrip("/")
    if not base.endswith("/"):
        base += "/"
    return f"{base}{options.timeline_path}#L{line}"


_RAW_HTML = re.compile(r"[<&]")  # entities too: ``&#106;avascript:`` decodes to a scheme
_SCHEME = r"(?!(?:https?|mailto):)[A-Za-z][\w+.-]*:"
_BAD_INLINE_LINK = re.compile(r"\]\(\s*(?=" + _SCHEME + ")")
_BAD_REF_LINK = re.compile(r"^(\s*)\[(?=[^\]\n]+\]:\s*" + _SCHEME + ")", re.MULTILINE)


def summary_md(summary: str) -> str:
    """The curator's Markdown summary, made safe to publish.

    Emphasis and web links stay Markdown. ``<`` becomes ``&lt;`` so no tag reaches
    the page, and a link to any scheme but http(s)/mailto (``javascript:``,
    ``data:``) is broken up so it shows as text instead of becoming a link.
    """
    out = _RAW_HTML.sub(lambda m: "&lt;" if m.group() == "<" else "&amp;", summary)
    out = _BAD_INLINE_LINK.sub(r"]\\(", out)
    out = _BAD_REF_LINK.sub(r"\1\\[", out)
    return out.strip()


def tags_line(from_page: str, event: Event) -> str:
    links = [md_link(tag, paths.link(from_page, paths.tag_page(tag))) for tag in event.tags]
    return "标签：" + " · ".join(links) if links else ""
