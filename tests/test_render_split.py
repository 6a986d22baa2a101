"""A big timeline stays a site of small pages: split timeline, paginated lists.

The corpus is built in memory: 1,000 events over four months (one of them empty),
every event sharing one tag and one organisation, 300 articles.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Collection, Iterator
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
from generator.render.home import OVERVIEW_MAX_BYTES, UNITS, draw, home_page, overview
from generator.render.index import build_index
from generator.render.layout import TIMELINE_ONE_PAGE_MAX, plan_timeline
from generator.render.site import Site

from .conftest import ROOT
from .html_links import Link, body, event_cards, links, text_of
from .test_render import EXPORTS, EXT, OPTIONS

EVENTS, ARTICLES = 1000, 300
# A page's own content: Material's chrome is 18-20 KB of a page kept near 32 KB, so a
# page's Markdown and HTML, rendered here without the chrome, stay within 13 KB (an
# event card is about 1 KB; twelve fill a month, tag or entity page).
MAX_MARKDOWN, MAX_HTML = 13 * 1024, 13 * 1024
# The home page's calendar of the whole period, however long: with Material's chrome
# the published page stays within 60 KB.
MAX_HOME = 40 * 1024
# What pages may link to besides pages and raw articles: the exports and the generator's assets.
FILES = {*EXPORTS, *render.static_files()}


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


def _family(pages: dict[str, str], first: str) -> list[str]:
    """A list's first page and its numbered further pages, in order; checks there are no others."""
    folder = first.removesuffix(".md") + "/"
    count = 1 + sum(p.startswith(folder) for p in pages)
    family = [paths.numbered_page(first, n) for n in range(1, count + 1)]
    assert all(p in pages for p in family), family
    return family


def _links(pages: dict[str, str], page: str) -> list[Link]:
    return links(page, body(pages[page]), pages)


def _chain(pages: dict[str, str], first: str, label: str) -> Iterator[str]:
    """Follow the link whose text matches ``label`` from page to page.

    A pager is drawn above and below a list: every such link on a page must agree.
    """
    page: str | None = first
    seen: set[str] = set()
    while page is not None:
        assert page not in seen, f"the chain comes back to {page}"
        seen.add(page)
        yield page
        targets = {link.target for link in _links(pages, page) if re.search(label, link.text)}
        assert len(targets) <= 1, (page, targets)
        page = targets.pop() if targets else None
        assert page is None or page in pages, page


def _list_pages(pages: dict[str, str]) -> list[str]:
    return [p for p in pages if not p.startswith(("articles/a", "events/")) and p != paths.HOME]


def test_every_list_page_stays_small() -> None:
    _, pages = _big()
    lists = _list_pages(pages)
    assert len(lists) > 100  # the timeline, tags, entities and indexes really were split
    over: dict[str, tuple[int, int, str]] = {}  # the largest page over budget, per kind
    for page in lists:
        text = pages[page]
        size = len(text.encode("utf-8"))
        html = len(markdown.markdown(body(text), extensions=EXT).encode("utf-8"))
        if size > MAX_MARKDOWN or html > MAX_HTML:
            kind = paths.page_kind(page)
            over[kind] = max(over.get(kind, (0, 0, "")), (size, html, page))
    assert not over, "; ".join(f"{p}: {m} B Markdown, {h} B HTML" for m, h, p in over.values())
    home = len(pages[paths.HOME].encode("utf-8"))
    assert home <= MAX_HOME, home


def test_every_event_is_on_exactly_one_timeline_page() -> None:
    corpus, pages = _big()
    timeline = [p for p in pages if p == paths.TIMELINE or p.startswith("timeline/")]
    holders = Counter(event_id for page in timeline for event_id in event_cards(pages[page]))
    assert set(holders) == {e.id for e in corpus.events}
    assert set(holders.values()) == {1}  # once, on one page
    assert event_cards(pages[paths.TIMELINE]) == []  # the overview lists months, not events
    assert 'class="tl-event' not in pages[paths.TIMELINE]
    # Month pages: January is split into parts, March (no events) has no page.
    assert "timeline/2020-01.md" in pages and "timeline/2020-01/2.md" in pages
    assert not any(p.startswith("timeline/2020-03") for p in pages)


def test_event_pages_link_to_the_timeline_page_holding_their_anchor() -> None:
    corpus, pages = _big()
    for event in corpus.events:
        page = paths.event_page(event.id)
        found = [link for link in _links(pages, page) if link.text == "在时间线中查看"]
        assert len(found) == 1, page
        target = found[0].target
        assert target is not None and target.startswith("timeline/"), (page, found[0].href)
        assert found[0].anchor == event.id
        assert event.id in event_cards(pages[target]), (event.id, target)


def test_timeline_pages_chain_through_every_month_and_back() -> None:
    _, pages = _big()
    parts = [p for p in pages if p.startswith("timeline/")]
    overview = _links(pages, paths.TIMELINE)
    # Every link of the overview leads somewhere real, and its month links reach every part.
    for link in overview:
        assert link.target is None or link.target in pages or link.target in FILES, link
    linked = [link.target for link in overview if link.target in parts]
    assert set(linked) == set(parts)
    first = linked[0]
    assert first == "timeline/2020-01.md"
    forward = list(_chain(pages, first, "下一页|月 →"))
    assert sorted(forward) == sorted(parts) and len(set(forward)) == len(forward)
    backward = list(_chain(pages, forward[-1], "上一页|← 20"))
    assert backward == forward[::-1]
    jan = [p for p in forward if p.startswith("timeline/2020-01")]
    for number, page in enumerate(jan, 1):
        assert f"第 {number} 页，共 {len(jan)} 页" in pages[page]
    # Each part links back to the overview.
    for page in parts:
        assert paths.TIMELINE in {link.target for link in _links(pages, page)}, page


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
        link.target
        for page in family
        for link in _links(pages, page)
        if link.target is not None and link.target.startswith("events/")
    ]
    assert listed == [paths.event_page(e.id) for e in corpus.events]
    cards = [event_id for page in family for event_id in event_cards(pages[page])]
    assert cards == [e.id for e in corpus.events]


def _calendar(home: str) -> list[tuple[str, list[str], str]]:
    """The home page's calendar: per month, its heading, its marks and its undated line."""
    months = []
    for section in re.findall(r'<section class="tl-cal"[^>]*>(.*?)</section>', home, re.S):
        title = re.search(r'<h3 class="tl-cal__title">(.*?)</h3>', section, re.S)
        assert title is not None, section
        marks = re.findall(r'<li class="tl-cal__mark\b[^>]*>(.*?)</li>', section, re.S)
        undated = re.search(r'<p class="tl-cal__undated">(.*?)</p>', section, re.S)
        months.append((title.group(1), marks, undated.group(1) if undated else ""))
    return months


def _visible(mark: str) -> str:
    """A calendar square's own label, without what only a screen reader hears."""
    return text_of(re.sub(r'<span class="tl-sr">.*?</span>', "", mark))


def _check_calendar(corpus: Corpus, home: str, pages: Collection[str], unit: str) -> None:
    """Every month heading links to where its month starts, every day (or week) square
    with events to the first event in it, the undated line to the first undated event;
    squares without events and months without events are not links."""
    layout = plan_timeline(corpus.events)
    assert f'<section class="tl-overview tl-overview--{unit}"' in home
    by_month: dict[tuple[int, int], list[Event]] = {}
    for event in corpus.events:
        by_month.setdefault((event.date.year, event.date.month or 0), []).append(event)
    seen = []
    for title, marks, undated in _calendar(home):
        heading = links(paths.HOME, title, pages)
        label = text_of(title).split()[0]
        year, month = (int(n) for n in re.findall(r"\d+", label)[:2])
        seen.append((year, month))
        group = by_month.get((year, month), [])
        place = layout.month_place((year, month))
        if not group:
            assert heading == [] and place is None, label  # shown, but links nowhere
            continue
        assert place is not None
        assert [link.href for link in heading] == [paths.href(paths.HOME, *place)], label
        assert heading[0].target == place[0]
        assert text_of(title).split() == [label, str(len(group))]
        if unit == "month":
            assert marks == [], label
        else:
            days = calendar.monthrange(year, month)[1]
            spans = [(d, d) for d in range(1, days + 1)]
            if unit == "week":
                spans = [(d, min(d + 6, days)) for d in range(1, days + 1, 7)]
            assert len(marks) == len(spans), label
            for (lo, hi), mark in zip(spans, marks, strict=True):
                inside = [e for e in group if e.date.day is not None and lo <= e.date.day <= hi]
                square = links(paths.HOME, mark, pages)
                assert _visible(mark) == (str(lo) if lo == hi else f"{lo}—{hi}日"), mark
                if not inside:
                    assert square == [], (label, lo)
                    continue
                assert len(square) == 1, (label, lo)
                page, anchor = layout.event_place(inside[0].id)
                assert square[0].href == paths.href(paths.HOME, page, anchor), (label, lo)
                assert square[0].target == page and square[0].anchor == inside[0].id
                assert inside[0].title in square[0].attrs["title"]
        loose = [e for e in group if e.date.day is None]
        if loose:
            page, anchor = layout.event_place(loose[0].id)
            assert [link.href for link in links(paths.HOME, undated, pages)] == [
                paths.href(paths.HOME, page, anchor)
            ]
        else:
            assert undated == ""
    assert [key for key in seen if key in by_month] == sorted(by_month)


def test_overview_calendar_links_months_and_days_to_the_timeline() -> None:
    corpus, pages = _big()
    home = body(pages[paths.HOME])
    unit, _ = overview(corpus.events, Site.of(build_index(corpus), OPTIONS))
    _check_calendar(corpus, home, pages, unit)
    counts = Counter(e.date.month for e in corpus.events)
    titles = [text_of(title) for title, _, _ in _calendar(home)]
    assert [t for t in titles if not t.startswith("2020年3月")] == [
        f"2020年{m}月 {counts[m]}" for m in (1, 2, 4)
    ]
    # March has no events and no page: nothing links to it.
    hrefs = [link for link in links(paths.HOME, home, pages) if link.target is not None]
    assert not any("2020-03" in link.href for link in hrefs)
    for link in hrefs:
        assert link.target in pages or link.target in FILES, link
        if link.anchor and link.target != paths.HOME:
            assert link.anchor in event_cards(pages[link.target]), link
    assert len(pages[paths.HOME].encode("utf-8")) <= MAX_HOME


def _long_corpus(months: int, count: int = 1200) -> Corpus:
    """``count`` events spread over ``months`` months from January 2015, a few undated."""
    corpus, _ = _big()
    events = []
    for i in range(count):
        month = 2015 * 12 + i * months // count
        day = None if i % 89 == 0 else 1 + (i * 7) % 28
        date = PartialDate(month // 12, month % 12 + 1, day)
        events.append(replace(corpus.events[i % EVENTS], id=f"long-{i:04d}", date=date))
    return Corpus(
        corpus.articles, Timeline("timeline.yaml", tuple(sorted(events, key=Event.sort_key)))
    )


@pytest.mark.parametrize("months", [2, 12, 30, 48, 120])
def test_overview_of_a_long_period_is_drawn_as_finely_as_fits_and_stays_small(
    months: int,
) -> None:
    corpus = _long_corpus(months)
    site = Site.of(build_index(corpus), OPTIONS)
    text = home_page(corpus, site)
    unit, drawn = overview(corpus.events, site)
    pages = {part.path for part in site.index.layout.parts} | {paths.HOME, paths.TIMELINE}
    _check_calendar(corpus, body(text), pages, unit)
    size = len(text.encode("utf-8"))
    assert size <= MAX_HOME, f"{size} B for {len(corpus.events)} events over {months} months"
    # As fine as fits: every finer unit would have been over the budget.
    assert len(drawn.encode("utf-8")) <= OVERVIEW_MAX_BYTES or unit == "month"
    for finer in UNITS[: UNITS.index(unit)]:
        assert len(draw(corpus.events, site, finer).encode("utf-8")) > OVERVIEW_MAX_BYTES
    # Every month of the period is there, quiet ones included.
    assert body(text).count('class="tl-cal"') == months
    # The caption says what a square is; drawn by months, there are no squares.
    caption = re.search(r'<p class="tl-overview__caption">(.*?)</p>', text)
    assert caption is not None
    square = {"day": "每格是一天", "week": "每格是一周"}.get(unit)
    if square is not None:
        assert square in caption.group(1), caption.group(1)
    else:
        assert "每格" not in caption.group(1), caption.group(1)


def test_a_short_period_is_drawn_by_days_and_ten_years_by_months() -> None:
    units = []
    for months in (2, 120):
        corpus = _long_corpus(months, count=120)
        units.append(overview(corpus.events, Site.of(build_index(corpus), OPTIONS))[0])
    assert units == ["day", "month"]


def test_month_place_and_event_place_agree_with_the_rendered_pages() -> None:
    corpus, pages = _big()
    layout = plan_timeline(corpus.events)
    assert layout.split
    assert layout.month_place((2020, 3)) is None
    assert layout.month_place((2020, 2)) == ("timeline/2020-02.md", None)
    for event in corpus.events[::50]:
        page, anchor = layout.event_place(event.id)
        assert anchor == event.id and anchor in event_cards(pages[page])


def test_real_timeline_stays_one_page() -> None:
    root = ROOT
    inputs = Inputs(articles=root / "seeds", timeline=root / "timeline.yaml", root=root)
    corpus, _ = load_corpus(inputs)
    assert 20 <= len(corpus.events) <= TIMELINE_ONE_PAGE_MAX
    pages = render.render_pages(corpus, OPTIONS)
    assert not any(p.startswith("timeline/") or re.search(r"/\d+\.md$", p) for p in pages)
    assert event_cards(pages[paths.TIMELINE]) == [e.id for e in corpus.events]
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
    assert body(pages[paths.TAGS_INDEX]).lstrip("\n").startswith("# 标签\n")
    assert body(pages[paths.tag_page("index")]).lstrip("\n").startswith("# 标签：index\n")
    assert paths.numbered_page(paths.tag_page("index"), 2) in pages


def test_split_output_is_deterministic() -> None:
    corpus, pages = _big()
    assert render.render_pages(corpus, OPTIONS) == pages
    assert list(pages) == sorted(pages)


def test_a_warm_memo_renders_a_split_timeline_as_a_cold_render_does() -> None:
    """Under serve, month and list pages are found again by their events' digests: one
    save after another, each edit that moves cards between pages renders as cold."""
    corpus, pages = _big()
    events = list(corpus.events)
    moved = replace(events[10], date=PartialDate(2020, 4, 28))  # to another month's page
    edits: list[tuple[str, Corpus]] = []

    def save(name: str, changed: list[Event], articles: tuple[Article, ...]) -> None:
        timeline = Timeline("timeline.yaml", tuple(sorted(changed, key=Event.sort_key)))
        edits.append((name, Corpus(articles, timeline)))

    save("event title", [replace(events[0], title="改过的标题"), *events[1:]], corpus.articles)
    save("event moved", [moved, *events[:10], *events[11:]], corpus.articles)
    save("event removed", events[1:], corpus.articles)
    cited = corpus.articles[0]  # by every 300th event, on a tag's pages and a month's
    retitled = (replace(cited, title="改过的文章"), *corpus.articles[1:])
    save("article title", events[1:], retitled)
    memo = render.PageMemo()
    memo.begin(OPTIONS.labels, "")
    assert render.render_pages(corpus, OPTIONS, memo) == pages
    for name, edited in edits:
        memo.begin(OPTIONS.labels, "")
        warm = render.render_pages(edited, OPTIONS, memo)
        cold = render.render_pages(edited, OPTIONS)
        assert warm == cold, name
        assert memo.hits > len(cold) // 2, name
