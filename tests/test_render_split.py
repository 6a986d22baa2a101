"""A big timeline stays a site of small pages: split timeline, paginated lists.

The corpus is built in memory: 1,000 events over four months (one of them empty),
every event sharing one tag and one organisation, 300 articles.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

import markdown
import pytest

from generator import paths, render
from generator.model import (
    Article,
    Block,
    Corpus,
    Entity,
    Event,
    PartialDate,
    SourceRef,
    Span,
    Timeline,
)
from generator.pipeline import Inputs, load_corpus
from generator.render.layout import TIMELINE_ONE_PAGE_MAX, plan_timeline

from .conftest import ROOT
from .test_render import EXT, OPTIONS

EVENTS, ARTICLES = 1000, 300
# A page's own content: Material's chrome is 15-17 KB of a 30 KB page, and MkDocs
# percent-encodes the Chinese in links (3 bytes a character become 9), so a page's
# Markdown, rendered here without either, must stay well under 13 KB.
MAX_MARKDOWN, MAX_HTML = 8 * 1024, 10 * 1024
LINK = re.compile(r"\]\(([^)\s]+\.md)(?:#([^)\s]*))?\)")


def _article(i: int) -> Article:
    text = f"第{i}篇报道：平台企业推出数字化防疫措施，帮助中小企业复工复产，保障居民生活。"
    return Article(
        id=f"a{i:04d}",
        title=f"数字抗疫观察第{i}期：平台助力复工复产",
        file=f"a{i:04d}.txt",
        blocks=(Block("paragraph", text, "p1"), Block("paragraph", "另一段文字。", "p2")),
        author="记者甲",
        publication="经济日报",
        date=PartialDate(2020, 3, 1),
    )


def _event(i: int, articles: list[Article]) -> Event:
    # Jan, Feb and Apr 2020 (March is empty); a few events known only to the month.
    month = (1, 2, 4)[i * 3 // EVENTS]
    day = None if i % 97 == 0 else 1 + i % 28
    article = articles[i % len(articles)]
    quote = "平台企业推出数字化防疫措施"
    start = article.blocks[0].text.index(quote)
    source = SourceRef(article.id, quote, spans=(Span("p1", start, start + len(quote)),))
    return Event(
        id=f"ev-{i:04d}",
        date=PartialDate(2020, month, day),
        title=f"某平台上线数字化防疫服务（第{i}项）",
        summary="平台企业推出数字化防疫措施，帮助中小企业复工复产，保障居民生活，详见所引原文。",
        tags=("数字防疫", ("复工复产", "在线教育", "民生保障")[i % 3]),
        entities=(Entity("organization", "阿里巴巴"), Entity("person", f"人物{i % 7}")),
        sources=(source,),
        line=10 + i * 12,
    )


@cache
def _big() -> tuple[Corpus, dict[str, str]]:
    articles = [_article(i) for i in range(ARTICLES)]
    events = sorted((_event(i, articles) for i in range(EVENTS)), key=Event.sort_key)
    corpus = Corpus(tuple(articles), Timeline("timeline.yaml", tuple(events)))
    return corpus, render.render_pages(corpus, OPTIONS)


def _target(page: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), href))


def _family(pages: dict[str, str], first: str) -> list[str]:
    """A list's first page and its numbered further pages, in order; checks there are no others."""
    folder = first.removesuffix(".md") + "/"
    count = 1 + sum(p.startswith(folder) for p in pages)
    family = [paths.numbered_page(first, n) for n in range(1, count + 1)]
    assert all(p in pages for p in family), family
    return family


def _chain(pages: dict[str, str], first: str, label: str) -> Iterator[str]:
    """Follow the link whose text contains ``label`` from page to page."""
    page: str | None = first
    while page is not None:
        yield page
        found = re.search(rf"\[[^\]]*{label}[^\]]*\]\(([^)]+)\)", pages[page])
        page = _target(page, found.group(1)) if found else None


def _list_pages(pages: dict[str, str]) -> list[str]:
    return [p for p in pages if not p.startswith(("articles/a", "events/"))]


def test_every_list_page_stays_small() -> None:
    _, pages = _big()
    lists = _list_pages(pages)
    assert len(lists) > 100  # the timeline, tags, entities and indexes really were split
    for page in lists:
        text = pages[page]
        assert len(text.encode("utf-8")) <= MAX_MARKDOWN, (page, len(text.encode("utf-8")))
        html = markdown.markdown(text, extensions=EXT)
        assert len(html.encode("utf-8")) <= MAX_HTML, (page, len(html.encode("utf-8")))


def test_every_event_is_on_exactly_one_timeline_page() -> None:
    corpus, pages = _big()
    timeline = [p for p in pages if p == paths.TIMELINE or p.startswith("timeline/")]
    anchors = Counter(
        (m.group(1), page)
        for page in timeline
        for m in re.finditer(r'<h3 id="([^"]+)" class="timeline-event">', pages[page])
    )
    holders = Counter(event_id for event_id, _ in anchors)
    assert set(holders) == {e.id for e in corpus.events}
    assert set(holders.values()) == {1}
    assert "<h3" not in pages[paths.TIMELINE]  # the overview lists months, not events
    # Month pages: January is split into parts, March (no events) has no page.
    assert "timeline/2020-01.md" in pages and "timeline/2020-01/2.md" in pages
    assert not any(p.startswith("timeline/2020-03") for p in pages)


def test_event_pages_link_to_the_timeline_page_holding_their_anchor() -> None:
    corpus, pages = _big()
    for event in corpus.events:
        page = paths.event_page(event.id)
        found = re.search(r"\[在时间线中查看\]\(([^)#]+)#([^)]+)\)", pages[page])
        assert found is not None, page
        target = _target(page, found.group(1))
        assert target.startswith("timeline/") and found.group(2) == event.id
        assert f'<h3 id="{event.id}" ' in pages[target], (event.id, target)


def test_timeline_pages_chain_through_every_month_and_back() -> None:
    _, pages = _big()
    overview = pages[paths.TIMELINE]
    first = _target(paths.TIMELINE, re.findall(r"\]\((timeline/[^)]+)\)", overview)[0])
    forward = list(_chain(pages, first, "(?:下一页|月 →)"))
    parts = [p for p in pages if p.startswith("timeline/")]
    assert sorted(forward) == sorted(parts) and len(set(forward)) == len(forward)
    backward = list(_chain(pages, forward[-1], "(?:上一页|← 20)"))
    assert backward == forward[::-1]
    # every page of the overview's jump list is linked from the overview
    linked = {_target(paths.TIMELINE, href) for href, _ in LINK.findall(overview)}
    assert linked == set(parts)
    jan = [p for p in forward if p.startswith("timeline/2020-01")]
    for number, page in enumerate(jan, 1):
        assert f"第 {number} 页，共 {len(jan)} 页" in pages[page]


@pytest.mark.parametrize(
    "first",
    [
        paths.tag_page("数字防疫"),
        paths.entity_page("阿里巴巴"),
        paths.ARTICLES_INDEX,
    ],
)
def test_paginated_lists_chain_and_number_their_pages(first: str) -> None:
    _, pages = _big()
    family = _family(pages, first)
    assert len(family) > 2
    forward = list(_chain(pages, first, "下一页"))
    assert forward == [paths.numbered_page(first, n) for n in range(1, len(family) + 1)]
    assert list(_chain(pages, forward[-1], "上一页")) == forward[::-1]
    for number, page in enumerate(forward, 1):
        assert f"第 {number} 页，共 {len(forward)} 页" in pages[page]


def test_tag_pages_hold_every_event_of_the_tag_once_in_date_order() -> None:
    corpus, pages = _big()
    family = _family(pages, paths.tag_page("数字防疫"))
    listed = [
        _target(page, href)
        for page in family
        for href, _ in LINK.findall(pages[page])
        if _target(page, href).startswith("events/")
    ]
    assert listed == [paths.event_page(e.id) for e in corpus.events]


def test_overview_month_ticks_go_to_the_month_page() -> None:
    corpus, pages = _big()
    svg = render.overview(corpus)
    ticks = re.findall(r'<a href="(timeline/[^"]*)"><text[^>]*>([^<]*)</text>', svg)
    counts = Counter(e.date.month for e in corpus.events)
    assert [label for _, label in ticks] == [f"2020年{m}月（{counts[m]}）" for m in (1, 2, 4)]
    for href, label in ticks:
        month = int(label.split("年")[1].split("月")[0])
        assert href == paths.url_of(paths.timeline_month(2020, month))
        assert paths.timeline_month(2020, month) in pages
    assert "<text" in svg and "2020年3月（0）</text>" in svg  # shown, but links nowhere
    assert '"timeline/2020-03/"' not in svg


def test_month_place_and_event_place_agree_with_the_rendered_pages() -> None:
    corpus, pages = _big()
    layout = plan_timeline(corpus.events)
    assert layout.split
    assert layout.month_place((2020, 3)) is None
    assert layout.month_place((2020, 2)) == ("timeline/2020-02.md", None)
    for event in corpus.events[::50]:
        page, anchor = layout.event_place(event.id)
        assert f'<h3 id="{anchor}" ' in pages[page]


def test_real_timeline_stays_one_page() -> None:
    root = ROOT
    inputs = Inputs(articles=root / "seeds", timeline=root / "timeline.yaml", root=root)
    corpus, _ = load_corpus(inputs)
    assert 20 <= len(corpus.events) <= TIMELINE_ONE_PAGE_MAX
    pages = render.render_pages(corpus, OPTIONS)
    assert not any(p.startswith("timeline/") or re.search(r"/\d+\.md$", p) for p in pages)
    text = pages[paths.TIMELINE]
    assert all(f'<h3 id="{e.id}" ' in text for e in corpus.events)
    assert "页，共 " not in "".join(pages.values())  # no pager anywhere
    layout = plan_timeline(corpus.events)
    first = corpus.events[0]
    assert layout.event_place(first.id) == (paths.TIMELINE, first.id)
    key = (first.date.year, first.date.month or 0)
    assert layout.month_place(key) == (paths.TIMELINE, f"m{key[0]}-{key[1]:02d}")


def test_no_name_can_take_an_index_or_a_further_page() -> None:
    for name in ("index", "Index", "INDEX"):
        assert paths.tag_page(name) != paths.TAGS_INDEX
        assert paths.tag_page(name).lower() != paths.TAGS_INDEX
        assert paths.article_page(name).lower() != paths.ARTICLES_INDEX
        assert paths.entity_page(name).lower() != paths.ENTITIES_INDEX
    assert paths.tag_page("index") != paths.tag_page("Index")
    # a tag literally named like a page number, or like a month, stays in its own place
    assert paths.tag_page("2") == "tags/2.md" != paths.numbered_page(paths.tag_page("x"), 2)
    assert paths.numbered_page("tags/x.md", 1) == "tags/x.md"
    assert paths.numbered_page("tags/index.md", 3) == "tags/index/3.md"
    assert paths.timeline_month(2020, 3) == "timeline/2020-03.md"
    assert paths.timeline_month(2020, None) == "timeline/2020.md"
    with pytest.raises(ValueError):
        paths.numbered_page("tags/x.md", 0)


def test_a_tag_named_index_gets_its_own_pages() -> None:
    corpus, _ = _big()
    events = tuple(
        e if i % 2 else replace(e, tags=("index", *e.tags)) for i, e in enumerate(corpus.events)
    )
    pages = render.render_pages(Corpus(corpus.articles, Timeline("t.yaml", events)), OPTIONS)
    assert pages[paths.TAGS_INDEX].startswith("# 标签\n")
    assert pages[paths.tag_page("index")].startswith("# 标签：index\n")
    assert paths.numbered_page(paths.tag_page("index"), 2) in pages


def test_split_output_is_deterministic() -> None:
    corpus, pages = _big()
    assert render.render_pages(corpus, OPTIONS) == pages
    assert list(pages) == sorted(pages)
