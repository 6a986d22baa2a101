"""Article pages (cleaned text, cited passages highlighted in place) and their index."""

from __future__ import annotations

import json
import re
from collections import defaultdict

from .. import mdwrite, paths
from ..clean.reasons import label
from ..mdwrite import Mark, escape
from ..model import CURATOR, Article, Dropped
from .common import event_date, event_link, md_link
from .index import Citation, Index
from .paging import ARTICLE_ROWS_PAGE, framed, split_list


def article_page(article: Article, index: Index) -> str:
    page = paths.article_page(article.id)
    citations = index.citations.get(article.id, [])
    lines = [f"# {escape(article.title)}", ""]
    meta = [escape(x) for x in (article.author, article.publication) if x]
    if article.date:
        meta.append(escape(article.date.zh()))
    raw = md_link("原始文件", paths.link(page, paths.raw_file(article.file)))
    lines += [" · ".join([*meta, raw]), ""]
    if article.url:
        lines += [f"原文链接：<{web_url(article.url)}>", ""]
    if citations:
        lines += ['!!! quote "引用本文的事件"', ""]
        for cite in citations:
            lines.append(f"    - {_citation_line(page, cite)}")
        lines.append("")
    lines.append(mdwrite.blocks(article.blocks, _marks(page, citations), anchors=True))
    lines += _report(article)
    return "\n".join(lines).rstrip("\n") + "\n"


# Characters percent-encoded in an autolink ``<url>``: ``<``/``>`` would end it early and
# let the rest of an override's ``url`` (validated as http(s), but free text after the
# host) through as raw HTML, e.g. ``"><script>``. Chinese stays readable.
_URL_UNSAFE = re.compile(r"[\x00-\x20<>\"'\\`{}|^\x7f]")


def web_url(url: str) -> str:
    return _URL_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", url)


def _citation_line(page: str, cite: Citation) -> str:
    anchor = cite.source.anchor
    where = f" · [第 {anchor[1:]} 段](#{anchor})" if anchor else ""
    return f"{escape(event_date(cite.event))} {event_link(page, cite.event)}{where}"


def _marks(page: str, citations: list[Citation]) -> dict[str, list[Mark]]:
    """``<mark>`` every quoted passage, each with a backlink to its event."""
    marks: dict[str, list[Mark]] = defaultdict(list)
    for cite in citations:
        href = paths.link(page, paths.event_page(cite.event.id))
        spans = cite.source.spans
        for i, span in enumerate(spans):
            last = i == len(spans) - 1
            marks[span.anchor].append(
                Mark(span.start, span.end, cite.event.id, cite.event.title, href if last else "")
            )
    return dict(marks)


def _report(article: Article) -> list[str]:
    """The cleaning report, collapsed: every line left out, why, and how to put it back."""
    if not article.dropped:
        return ["", '??? info "清洗报告：未删去任何行"', "", "    原文每一行都保留在正文中。", ""]
    out = ["", f'??? info "清洗报告：删去 {len(article.dropped)} 行"', ""]
    out += [f"    {_how_to_restore(article.id)}", ""]
    out += ["    | 行 | 原因 | 内容 | 恢复 |", "    | ---: | --- | --- | --- |"]
    out += [f"    | {' | '.join(_report_row(d))} |" for d in article.dropped]
    return [*out, ""]


def _how_to_restore(article_id: str) -> str:
    return (
        "删错了？在 `timeline.yaml` 的 `articles:` 下、本文编号 "
        f"<code>{escape(article_id)}:</code> 之下，加上该行“恢复”一栏的内容，"
        "这一行就会作为单独的一段放回原处；要恢复几行，就写成一个列表，如 "
        '`keep: ["第一行", "第二行"]`。'
        f"原因为“{label(CURATOR)}”的文字，删去 `drop:` 中对应的一项即可。"
        "正文里多余的文字，也可以用 `drop:` 删去（见编者指南中的《timeline.yaml 格式》）。"
    )


def _report_row(dropped: Dropped) -> list[str]:
    """Line, reason (its Chinese label), text, and the YAML that brings the text back."""
    text = dropped.text.strip()
    if not text:
        restore = "—"  # a blank line: nothing to put back
    elif dropped.reason == CURATOR:
        restore = "删去 `drop:` 中的这一项"
    else:
        restore = f"<code>{escape('keep: [' + yaml_string(text) + ']')}</code>"
    line = str(dropped.line) if dropped.line else "—"
    return [line, escape(label(dropped.reason)), escape(text) or "（空）", restore]


# Characters a YAML double-quoted string must not hold raw: JSON escapes C0 controls,
# but YAML also reads NEL and the Unicode line/paragraph separators as line breaks
# (folded into a space) and refuses DEL and the other C1 controls in the file.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029]")


def yaml_string(text: str) -> str:
    """``text`` as a YAML double-quoted string that reads back as exactly ``text``."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def articles_index(index: Index) -> dict[str, str]:
    """The table of all articles, over as many pages as it needs."""
    pages = {}
    articles = list(index.articles.values())
    for part in split_list(paths.ARTICLES_INDEX, articles, ARTICLE_ROWS_PAGE):
        count = f"共 {len(index.articles)} 篇文章，清洗自原始文本。"
        head = [f"# {part.title('文章')}", "", count, ""]
        body = ["| 标题 | 作者 | 来源 | 日期 | 引用事件 |", "| --- | --- | --- | --- | ---: |"]
        body += [_article_row(part.path, article, index) for article in part.items]
        pages[part.path] = framed(part, head, body)
    return pages


def _article_row(page: str, article: Article, index: Index) -> str:
    link = md_link(article.title, paths.link(page, paths.article_page(article.id)))
    cells = [
        link,
        escape(article.author or "—"),
        escape(article.publication or "—"),
        escape(article.date.zh() if article.date else "—"),
        str(len(index.citations.get(article.id, []))),
    ]
    return "| " + " | ".join(cells) + " |"
