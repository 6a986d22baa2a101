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


# Only links to absolute web addresses survive, written plainly: ``[text](https://...)``
# with an optional ``"title"``. A relative link would point somewhere different on
# each page the summary appears on, and anything looser lets a scheme slip through
# the way browsers read URLs (``java\nscript:``, a leading control character).
_URL_CHAR = r"[^\s()<>\"'\\]"
_WEB_LINK = re.compile(
    r"\[([^\[\]\n]*)\]\("
    rf"((?:https?://|mailto:){_URL_CHAR}*(?:\({_URL_CHAR}*\){_URL_CHAR}*)*)"
    r'((?:[ ]+"[^"\n]*")?)\)'
)
# ``<`` and ``&`` as entities (no tag, no entity-encoded scheme); brackets and braces
# escaped so no other link, reference definition or attribute list (``{: onclick=...}``,
# which would put any attribute on the element) can form; backslashes escaped so a
# curator's ``\`` cannot pair with ours and undo it (``\[x\](javascript:...)``).
_INERT = {
    "<": "&lt;",
    "&": "&amp;",
    "\\": "\\\\",
    "[": "\\[",
    "]": "\\]",
    "{": "\\{",
    "}": "\\}",
}
# C0 controls and DEL: browsers drop some inside URLs, and none belongs in a summary.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _inert(text: str) -> str:
    return "".join(_INERT.get(ch, ch) for ch in text)


def summary_md(summary: str) -> str:
    """The curator's Markdown summary, made safe to publish.

    Emphasis and links to absolute ``http(s)``/``mailto`` addresses stay Markdown.
    Everything else that could make markup is escaped: no tag, no other link (so no
    ``javascript:`` or ``data:``), no attribute list.
    """
    text = _CONTROLS.sub("", summary.replace("\r\n", "\n").replace("\r", "\n"))
    out: list[str] = []
    pos = 0
    for m in _WEB_LINK.finditer(text):
        out.append(_inert(text[pos : m.start()]))
        title = m.group(3).replace("&", "&amp;").replace("<", "&lt;")
        out.append(f"[{_inert(m.group(1))}]({m.group(2)}{title})")
        pos = m.end()
    out.append(_inert(text[pos:]))
    return "".join(out).strip()


def tags_line(from_page: str, event: Event) -> str:
    links = [md_link(tag, paths.link(from_page, paths.tag_page(tag))) for tag in event.tags]
    return "标签：" + " · ".join(links) if links else ""
