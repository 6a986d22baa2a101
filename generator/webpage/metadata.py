"""The page's own metadata laid over what its text says, as the issue asks: for the
date and the site name the page's markup (``<meta>``, JSON-LD, ``<time>``) wins over a
date or source line in the text, and the cleaning report says so, naming the source
line where the page declares it.

The site name is the source a ``<meta>`` tag names (``ContentSource``), else the
site's own name (``og:site_name``, JSON-LD ``publisher``), never a hosting platform's.
The title is the page's headline (``og:title``, ``<h1>``, ``<title>`` as trafilatura
ranks them). The author is the text's byline when it has one (it names reporters the
way the cleaner reads them everywhere); else the page's declared author, unless that
is an editor's credit or a platform's name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..clean import dates
from ..clean.fixes import fix_text
from ..clean.text import Styled
from ..model import WEB_DATE, WEB_SITE, Article, Dropped, PartialDate
from .extract import Extract
from .visible import TextBlock, squash

# Site names that name the platform hosting the page, not who published the article:
# the article's own source line says that.
PLATFORMS = frozenset(
    {
        "微信公众平台",
        "微信",
        "WeChat",
        "今日头条",
        "头条号",
        "百家号",
        "网易号",
        "搜狐号",
        "一点号",
        "企鹅号",
        "新浪看点",
        "知乎专栏",
        "简书",
    }
)
# A declared "author" that credits an editor, not a writer.
_EDITOR = re.compile(r"编辑|編輯|责编|責編|校对|校對|审核|審核|监制|監製")
_AUTHOR_LABEL = re.compile(r"^(?:作者|文|撰文|记者|記者|本报记者|本報記者)\s*[:：｜|/]?\s*")
_DECLARES = re.compile(r"<meta\b|\"\s*:|\bdatetime=", re.IGNORECASE)
_EVIDENCE = 120
# What sites put between the headline and their own name in <title>.
_TITLE_PARTS = re.compile(
    r"\s+[-|–—－]{1,2}\s+|\s*(?:_|\|)\s*|--"
)  # characters of the declaring source line shown in the report


def apply(article: Article, got: Extract, title: str, source: str) -> Article:
    rows: list[Dropped] = []
    out = replace(article, title=fix_text(Styled(title), False, headline=True).text)
    day = _date(got.date)
    if day is not None:
        out = replace(out, date=day)
        rows.append(_row(source, _date_forms(day), WEB_DATE))
    site = next((n for n in (got.source, got.sitename) if n and n not in PLATFORMS), None)
    if site is not None:
        out = replace(out, publication=site)
        rows.append(_row(source, (site,), WEB_SITE))
    if out.author is None:
        out = replace(out, author=_author(got.author))
    dropped = sorted((*out.dropped, *rows), key=lambda d: d.line)
    return replace(out, dropped=tuple(dropped))


def headline(got: Extract, page: Sequence[TextBlock]) -> str:
    """The article's headline: the title trafilatura picked, or the part of the page's
    ``<title>`` (``site - headline``) that the page shows as a line of its own.

    trafilatura falls back to one part of ``<title>`` when the page has no ``<h1>`` or
    ``og:title``, and may take the site's name; the headline is the part a reader sees.
    """
    shown = {squash(b.text) for b in page}
    parts = _TITLE_PARTS.split(got.page_title) if got.page_title else []
    for candidate in (got.title, *parts):
        if candidate and squash(candidate) in shown:
            return candidate.strip()
    return got.title or got.pieces[0].text


def _date(iso: str | None) -> PartialDate | None:
    """The declared date, read by the cleaner's own date-line parser."""
    found = dates.date_line(iso) if iso else None
    if found is None:
        return None
    return dates.resolve(found, None, dates.file_dates((), None))


def _date_forms(day: PartialDate) -> tuple[str, ...]:
    d = day.first_day()
    return (
        d.isoformat(),
        d.strftime("%Y/%m/%d"),
        d.strftime("%Y%m%d"),
        day.zh(),
        f"{d.year}年{d.month:02d}月{d.day:02d}日",
    )


def _row(source: str, needles: tuple[str, ...], reason: str) -> Dropped:
    """A report row naming the first source line that declares the value."""
    lines = list(enumerate(source.split("\n"), start=1))
    # Markup that declares values (a <meta> tag, a JSON-LD field) before any other line.
    for declaring in (True, False):
        for no, line in lines:
            if any(n in line for n in needles) and (_DECLARES.search(line) or not declaring):
                text = line.strip()
                shown = text[:_EVIDENCE] + ("…" if len(text) > _EVIDENCE else "")
                return Dropped(no, shown, reason)
    return Dropped(1, needles[0], reason)


def _author(declared: str | None) -> str | None:
    if not declared or _EDITOR.search(declared) or declared in PLATFORMS:
        return None
    name = _AUTHOR_LABEL.sub("", declared).strip()
    return name or None
