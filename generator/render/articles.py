"""Article pages (cleaned text, cited passages highlighted in place) and their index."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup

from .. import mdwrite, paths
from ..model import CURATOR, METADATA_REASONS, Article, Dropped
from .common import edit_url
from .index import Citation
from .paging import ARTICLE_ROWS_PAGE, split_list
from .site import Site


def article_page(article: Article, site: Site) -> str:
    page = paths.article_page(article.id)
    citations = site.index.citations.get(article.id, [])
    memo = site.renderer.memo
    if memo is None:
        return _article_page(article, page, citations, site)
    # Under serve an unchanged article is the very same object as last build (see
    # JsonCache.decoded): known by identity, it needs no context built nor hashed. The
    # memo holds the article, so its id cannot be reused while the entry lives.
    cited = tuple(
        (c.event.id, c.event.title, c.event.date, c.event.end, c.source) for c in citations
    )
    key = ("article", page, id(article), cited, site.shared)
    kept = memo.value(key, lambda: (article, _article_page(article, page, citations, site)))
    return kept[1] if kept[0] is article else _article_page(article, page, citations, site)


def _article_page(article: Article, page: str, citations: list[Citation], site: Site) -> str:
    facts = [x for x in (article.author, article.publication) if x]
    if article.date:
        facts.append(site.t.date(article.date))
    seed = f"{site.options.articles_path.strip('/')}/{article.file}"
    body = mdwrite.blocks(article.blocks, _marks(page, citations), anchors=True)
    return site.page(
        "article",
        page,
        edit_url=edit_url(site.options, seed),
        a=article,
        facts=facts,
        raw=paths.href(page, paths.raw_file(article.file)),
        url=web_url(article.url) if article.url else "",
        citations=[_citation(page, cite, site) for cite in citations],
        body=Markup(body),  # written by mdwrite, which escapes the article's text
        report=_report(article, site),
    )


# Characters percent-encoded in an article's web address: none of them can then end
# the attribute or the element around it, whatever an override's ``url`` holds after
# its (validated) scheme and host. Chinese stays readable.
_URL_UNSAFE = re.compile(r"[\x00-\x20<>\"'\\`{}|^\x7f]")


def web_url(url: str) -> str:
    return _URL_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", url)


# What the templates draw are records, not dicts: Jinja reads ``r.line`` as an attribute
# first, and on a dict that lookup fails (an exception) before the key is tried. An
# article's report has a row per dropped line, so at 10,000 articles the failed lookups
# were a tenth of rendering. ``r['line']`` still reads the same value.
@dataclass(frozen=True)
class CitedBy:
    """An event that quotes the article: its dates, title, link and the quoted paragraph."""

    date: str
    title: str
    href: str
    anchor: str | None


@dataclass(frozen=True)
class ReportRow:
    """One line left out of the article: its number, reason, text and ``keep:`` line."""

    line: int
    reason: str
    text: str
    keep: str
    curator: bool


@dataclass(frozen=True)
class Report:
    article: str
    example: str
    rows: list[ReportRow]


def _citation(page: str, cite: Citation, site: Site) -> CitedBy:
    event = cite.event
    return CitedBy(
        date=site.t.date_range(event.date, event.end),
        title=event.title,
        href=paths.href(page, paths.event_page(event.id)),
        anchor=cite.source.anchor,
    )


def _marks(page: str, citations: list[Citation]) -> dict[str, list[mdwrite.Mark]]:
    """``<mark>`` every quoted passage, each with a backlink to its event."""
    marks: dict[str, list[mdwrite.Mark]] = defaultdict(list)
    for cite in citations:
        href = paths.link(page, paths.event_page(cite.event.id))
        spans = cite.source.spans
        for i, span in enumerate(spans):
            last = i == len(spans) - 1
            marks[span.anchor].append(
                mdwrite.Mark(
                    span.start, span.end, cite.event.id, cite.event.title, href if last else ""
                )
            )
    return dict(marks)


def _report(article: Article, site: Site) -> Report:
    """The cleaning report: every line left out, why, and the YAML that brings it back."""
    return Report(
        article=article.id,
        example=", ".join(yaml_string(x) for x in site.t.list("report_example")),
        rows=[_report_row(d, site) for d in article.dropped],
    )


def _report_row(dropped: Dropped, site: Site) -> ReportRow:
    text = dropped.text.strip()
    keep = ""
    # A metadata row names where the page declared a value: nothing to put back.
    if text and dropped.reason not in (CURATOR, *METADATA_REASONS):
        keep = "keep: [" + yaml_string(text) + "]"
    return ReportRow(
        line=dropped.line,
        reason=site.t.reason(dropped.reason),
        text=text,
        keep=keep,
        curator=dropped.reason == CURATOR,
    )


# Characters a YAML double-quoted string must not hold raw: JSON escapes C0 controls,
# but YAML also reads NEL and the Unicode line/paragraph separators as line breaks
# (folded into a space) and refuses DEL and the other C1 controls in the file.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029]")


# ``json.dumps(text, ensure_ascii=False)`` without its keyword handling, a fifth of the
# cost: an article's report quotes each line it left out.
_JSON_STRING = json.JSONEncoder(ensure_ascii=False).encode


def yaml_string(text: str) -> str:
    """``text`` as a YAML double-quoted string that reads back as exactly ``text``."""
    quoted = _JSON_STRING(text)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def articles_index(site: Site) -> dict[str, str]:
    """The table of all articles, over as many pages as it needs."""
    pages = {}
    articles = list(site.index.articles.values())
    for part in split_list(paths.ARTICLES_INDEX, articles, ARTICLE_ROWS_PAGE):
        rows = [_row(part.path, article, site) for article in part.items]
        pages[part.path] = site.list_page(
            "articles",
            part,
            site.t("articles"),
            count=len(articles),
            rows=rows,
        )
    return pages


@dataclass(frozen=True)
class ArticleRow:
    """An article in the table of all articles."""

    title: str
    href: str
    author: str | None
    publication: str | None
    date: str
    cited: int


def _row(page: str, article: Article, site: Site) -> ArticleRow:
    return ArticleRow(
        title=article.title,
        href=paths.href(page, paths.article_page(article.id)),
        author=article.author,
        publication=article.publication,
        date=site.t.date(article.date) if article.date else "",
        cited=len(site.index.citations.get(article.id, [])),
    )
