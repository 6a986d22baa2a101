"""Model -> pages: what each generated page says and where its links go."""

from __future__ import annotations

import gc
import re
from dataclasses import replace
from typing import Any

import markdown
import pytest

from generator import paths, render
from generator.model import (
    Article,
    Block,
    Corpus,
    Dropped,
    Entity,
    Event,
    PartialDate,
    SourceRef,
    Span,
    Timeline,
)

from .html_links import body, event_cards, ids, links, split_front_matter, text_of

EXT = ["attr_list", "md_in_html", "tables", "admonition", "pymdownx.details", "toc"]
OPTIONS = render.Options(repo_url="https://example.org/repo", edit_uri="blob/main/")
EXPORTS = ("timeline.json", "timeline.ics", "feed.xml", "timelinejs.json")


def _span(block: Block, quote: str) -> Span:
    start = block.text.index(quote)
    return Span(block.anchor, start, start + len(quote))


def _corpus() -> Corpus:
    art = Article(
        id="paper-1",
        title="从“冬天”到“春天”",
        file="paper.txt",
        blocks=(
            Block("paragraph", "1月25日，阿里巴巴宣布设立10亿元专项基金。", "p1"),
            Block("heading", "数字技术提升疫情防控能力", "", level=2),
            Block("paragraph", "1月29日，阿里云宣布开放AI算力。<script>x</script>", "p2"),
        ),
        dropped=(Dropped(40, "（资料图片）", "caption"),),
        author="王轶辰",
        publication="经济日报",
        date=PartialDate(2020, 4, 8),
    )
    fund = Event(
        id="fund",
        date=PartialDate(2020, 1, 25),
        title="阿里巴巴设立10亿元医疗物资供给专项基金",
        summary="用于采购医疗物资，[详见](https://example.org) <b>x</b>",
        tags=("医疗物资",),
        entities=(Entity("organization", "阿里巴巴"), Entity("place", "武汉")),
        sources=(
            SourceRef(
                "paper-1",
                "阿里巴巴宣布设立10亿元专项基金",
                9,
                9,
                (_span(art.blocks[0], "阿里巴巴宣布设立10亿元专项基金"),),
            ),
        ),
        line=7,
    )
    compute = Event(
        id="compute",
        date=PartialDate(2020, 2),
        title="阿里云开放AI算力",
        tags=("医疗物资", "人工智能"),
        sources=(
            SourceRef(
                "paper-1",
                "阿里云宣布开放AI算力",
                0,
                0,
                (_span(art.blocks[2], "阿里云宣布开放AI算力"),),
            ),
        ),
        line=20,
    )
    return Corpus(articles=(art,), timeline=Timeline("timeline.yaml", (fund, compute)))


def test_every_page_exists_and_links_resolve() -> None:
    corpus = _corpus()
    pages = render.render_pages(corpus, OPTIONS)
    assert set(pages) == {
        paths.HOME,
        "timeline.md",
        "articles/index.md",
        "articles/paper-1.md",
        "events/fund.md",
        "events/compute.md",
        "tags/index.md",
        "tags/医疗物资.md",
        "tags/人工智能.md",
        "entities/index.md",
        "entities/阿里巴巴.md",
        "entities/武汉.md",
    }
    # Files that are not pages: raw articles, exports, the generator's own assets.
    files = {render.raw_path(a.file) for a in corpus.articles} | set(EXPORTS)
    files |= set(render.static_files())
    anchors = {
        page: ids(markdown.markdown(body(text), extensions=EXT)) for page, text in pages.items()
    }
    for page, text in pages.items():
        found = links(page, body(text), pages)
        assert any(link.target != page for link in found), page  # no page is a dead end
        for link in found:
            if link.target is None:
                assert link.href.startswith("https://"), (page, link.href)
                continue
            where = f"{page} links to {link.href!r}"
            # Markdown links name .md files; links in HTML blocks must not (MkDocs
            # leaves them as written, so a .md link there is broken on the site).
            assert link.markdown or ".md" not in link.href, where
            assert link.target in pages or link.target in files, where
            if link.anchor:
                assert link.anchor in anchors[link.target], where


def test_article_page_highlights_quote_and_links_back() -> None:
    pages = render.render_pages(_corpus(), OPTIONS)
    page = paths.article_page("paper-1")
    text = body(pages[page])
    html = markdown.markdown(text, extensions=EXT)
    mark = re.search(r'<p id="p1">(.*?)</p>', html)
    assert mark is not None
    assert '<mark class="cite" data-event="fund"' in mark.group(1)
    assert "阿里巴巴宣布设立10亿元专项基金</mark>" in mark.group(1)
    back = [link for link in links(page, text, pages) if link.text == "↩"]
    assert [(link.target, link.markdown) for link in back] == [
        ("events/fund.md", True),
        ("events/compute.md", True),
    ]
    assert '<a href="../events/fund.md"' in mark.group(1)  # a Markdown link: MkDocs rewrites it
    # the list of citing events, with a jump to the passage
    cited = re.search(r'<div class="admonition quote tl-cited">(.*?)</div>', html, re.S)
    assert cited is not None
    compute = paths.href(page, paths.event_page("compute"))
    assert compute == "../../events/compute/"
    assert f'<a href="{compute}">阿里云开放AI算力</a> · <a href="#p2">第 2 段</a>' in cited.group(1)
    assert '<time>2020年1月25日</time> <a href="../../events/fund/">' in cited.group(1)
    # article text is escaped, the report lists the dropped caption with its Chinese
    # label and the `keep:` line that would bring it back
    assert "<script>" not in html and "&lt;script&gt;" in html
    report = re.search(r'<details class="info tl-report">(.*?)</details>', html, re.S)
    assert report is not None and "清洗报告：删去 1 行" in report.group(1)
    rows = re.findall(r"<tr>(.*?)</tr>", report.group(1), re.S)
    cells = [[text_of(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)] for row in rows]
    assert [c for c in cells if c] == [["40", "图片说明", "（资料图片）", 'keep: ["（资料图片）"]']]
    assert '<td data-label="恢复"><code>keep: [' in report.group(1)  # to copy, as code
    raw = paths.href(page, render.raw_path("paper.txt"))
    assert raw == "../../raw/paper.txt"
    assert f'<a href="{raw}">原始文件</a>' in html


def test_event_page_quotes_source_with_deep_link_and_neighbours() -> None:
    pages = render.render_pages(_corpus(), OPTIONS)
    page = paths.event_page("fund")
    meta, text = split_front_matter(pages[page])
    html = markdown.markdown(text, extensions=EXT)
    assert "<h1" in html and "阿里巴巴设立10亿元医疗物资供给专项基金" in html
    assert '<time datetime="2020-01-25">2020年1月25日</time>' in html
    deep = paths.href(page, "articles/paper-1.md", "p1")
    assert deep == "../../articles/paper-1/#p1"
    assert f'<a href="{deep}">《从“冬天”到“春天”》 第 1 段</a>' in html
    quote = re.search(r'<figure class="tl-quote" id="source-1">(.*?)</figure>', html, re.S)
    assert quote is not None
    assert "<blockquote><p>阿里巴巴宣布设立10亿元专项基金</p></blockquote>" in quote.group(1)
    assert f'href="{deep}"' in quote.group(1)  # the quote names its paragraph
    timeline = paths.href(page, paths.TIMELINE, "fund")
    assert timeline == "../../timeline/#fund"
    assert f'<a href="{timeline}">在时间线中查看</a>' in html
    # The edit link is the theme's, from the page's front matter.
    assert meta["timeline_edit_url"] == "https://example.org/repo/blob/main/timeline.yaml#L7"
    assert meta["timeline_tags"] == ["医疗物资"]
    by_text = {link.text: link for link in links(page, text, pages)}
    nxt = by_text["下一个 →阿里云开放AI算力"]
    assert nxt.target == "events/compute.md" and nxt.attrs["rel"] == "next"
    assert not any("上一个" in t for t in by_text)  # the first event has no previous one
    assert "<b>" not in html and "&lt;b&gt;" in html  # raw HTML in a summary stays text
    assert '<a href="https://example.org">详见</a>' in html  # an absolute link still works
    assert by_text["武汉"].target == paths.entity_page("武汉")
    assert by_text["阿里巴巴"].target == paths.entity_page("阿里巴巴")
    assert by_text["医疗物资"].target == paths.tag_page("医疗物资")


def test_timeline_groups_by_month_at_each_events_precision() -> None:
    text = body(render.render_pages(_corpus(), OPTIONS)["timeline.md"])
    html = markdown.markdown(text, extensions=EXT)
    months = re.findall(r'<h2 class="tl-month" id="([^"]+)">(.*?)</h2>', html)
    assert months == [("m2020-01", "2020年1月"), ("m2020-02", "2020年2月")]
    assert event_cards(html) == ["fund", "compute"]
    jan, feb = html.index('id="m2020-01"'), html.index('id="m2020-02"')
    assert jan < html.index('id="fund"') < feb < html.index('id="compute"')
    assert '<h3 class="tl-card__title"><a href="../events/fund/">' in html
    md = markdown.Markdown(extensions=EXT)
    md.convert(text)
    toc = [t["name"] for t in md.toc_tokens[0]["children"]]
    assert toc == ["2020年1月", "2020年2月"]  # events are anchors, not table-of-contents rows
    assert all(not t["children"] for t in md.toc_tokens[0]["children"])
    # Each event is dated at its own precision: a day, or only a month.
    fund = html[html.index('id="fund"') : html.index("</li>", html.index('id="fund"'))]
    compute = html[html.index('id="compute"') : html.index("</li>", html.index('id="compute"'))]
    assert '<time datetime="2020-01-25">1月25日</time>' in fund
    assert '<time datetime="2020-02">2月</time>' in compute
    assert 'class="tl-event tl-event--day" id="fund"' in html
    assert 'class="tl-event tl-event--month" id="compute"' in html
    assert '<p class="tl-lead">共 2 个事件，2020年1月25日至2020年2月。</p>' in html


def test_tag_and_entity_pages_list_events_in_date_order() -> None:
    pages = render.render_pages(_corpus(), OPTIONS)
    tag = pages[paths.tag_page("医疗物资")]
    assert tag.index("阿里巴巴设立") < tag.index("阿里云开放AI算力")
    assert event_cards(tag) == ["fund", "compute"]
    tags = {
        link.target: link.text for link in links(paths.TAGS_INDEX, pages[paths.TAGS_INDEX], pages)
    }
    assert tags[paths.tag_page("医疗物资")] == "医疗物资 2"
    assert tags[paths.tag_page("人工智能")] == "人工智能 1"
    entities = body(pages[paths.ENTITIES_INDEX])
    assert "## 机构" in entities and "## 地点" in entities
    assert entities.index("## 机构") < entities.index("阿里巴巴") < entities.index("## 地点")
    assert entities.index("## 地点") < entities.index("武汉")


def test_home_overview_links_every_event() -> None:
    pages = render.render_pages(_corpus(), OPTIONS)
    home = body(pages[paths.HOME])
    assert "收录 1 篇文章、2 个事件，2020年1月25日至2020年2月。" in home
    start = home.index('<section class="tl-overview')
    overview = home[start : home.index("</section>\n</div>", start)]
    found = [link for link in links(paths.HOME, overview, pages) if link.tag == "a"]
    assert all(link.target == paths.TIMELINE for link in found), found
    # Each month heading goes to its month, the 25th to the event of the day, and the
    # event known only to its month is reached from its month's "date unknown" line.
    assert [(link.text, link.href) for link in found] == [
        ("2020年1月", "timeline/#m2020-01"),
        ("251月25日：1 个事件", "timeline/#fund"),
        ("2020年2月", "timeline/#m2020-02"),
        ("2020年2月日期不详：1 个事件", "timeline/#compute"),
    ]
    assert found[1].attrs["title"] == "阿里巴巴设立10亿元医疗物资供给专项基金"
    # 31 + 29 days drawn, only one of them a link.
    assert overview.count('<li class="tl-cal__mark') == 31 + 29
    exports = {link.href for link in links(paths.HOME, home, pages)} & set(EXPORTS)
    assert exports == set(EXPORTS)


def test_each_source_of_an_event_gets_its_own_box() -> None:
    corpus = _corpus()
    fund = corpus.events[0]
    twice = replace(fund, sources=(fund.sources[0], replace(fund.sources[0], quote="第二条引文")))
    corpus = replace(corpus, timeline=Timeline("timeline.yaml", (twice, corpus.events[1])))
    page = body(render.render_pages(corpus, OPTIONS)["events/fund.md"])
    html = markdown.markdown(page, extensions=EXT)
    boxes = re.findall(r'<figure class="tl-quote" id="(source-\d+)">(.*?)</figure>', html, re.S)
    assert [box_id for box_id, _ in boxes] == ["source-1", "source-2"]
    assert "阿里巴巴宣布设立10亿元专项基金" in boxes[0][1] and "来源 1" in boxes[0][1]
    assert "<blockquote><p>第二条引文</p></blockquote>" in boxes[1][1] and "来源 2" in boxes[1][1]


def _edits() -> dict[str, Corpus]:
    """The corpus after one edit each, as saves under ``mkdocs serve`` make them."""
    corpus = _corpus()
    art, (fund, compute) = corpus.articles[0], corpus.events
    events = corpus.timeline.events

    def with_events(*changed: Event) -> Corpus:
        return replace(corpus, timeline=replace(corpus.timeline, events=changed))

    return {
        "article title": replace(corpus, articles=(replace(art, title="改过的标题"),)),
        "article author": replace(corpus, articles=(replace(art, author="另一位作者"),)),
        "article publication": replace(corpus, articles=(replace(art, publication="另一家报纸"),)),
        "article date": replace(corpus, articles=(replace(art, date=PartialDate(2020, 3, 1)),)),
        "event title": with_events(replace(fund, title="改过的事件"), compute),
        "event date": with_events(fund, replace(compute, date=PartialDate(2020, 1, 2))),
        "event tags": with_events(replace(fund, tags=("新标签",)), compute),
        "event line": with_events(replace(fund, line=99), compute),
        "event removed": with_events(events[0]),
    }


def test_a_warm_memo_renders_every_edit_as_a_cold_render_does() -> None:
    """Under serve each save renders with the last save's pages and cards at hand: a
    page or card may be reused only when nothing it shows changed."""
    for name, edited in _edits().items():
        memo = render.PageMemo()
        for corpus in (_corpus(), edited):
            memo.begin(OPTIONS.labels, "")
            warm = render.render_pages(corpus, OPTIONS, memo)
        assert warm == render.render_pages(edited, OPTIONS), name
        assert memo.hits > 0 or name == "event removed", name


def test_a_warm_memo_renders_new_settings_as_a_cold_render_does() -> None:
    """A changed mkdocs.yml (the site's address, name, repository) reaches every page."""
    corpus = _corpus()
    changed = replace(OPTIONS, site_url="https://example.org/new/", site_name="另一个名字")
    for options in (replace(OPTIONS, edit_uri="edit/main/"), changed):
        memo = render.PageMemo()
        for shown in (OPTIONS, options):
            memo.begin(shown.labels, "")
            warm = render.render_pages(corpus, shown, memo)
        assert warm == render.render_pages(corpus, options)


def test_a_card_is_made_and_drawn_once_for_all_the_lists_as_deep(monkeypatch: Any) -> None:
    from generator.render import cards, templating

    made: list[tuple[str, str]] = []
    real = cards.card

    def counted(page: str, event: Event, *args: Any, **kwargs: Any) -> Any:
        made.append((page, event.id))
        return real(page, event, *args, **kwargs)

    monkeypatch.setattr("generator.render.site.card", counted)
    templating.environment.cache_clear()  # a fresh environment: nothing drawn yet
    pages = render.render_pages(_corpus(), OPTIONS)
    # "fund" is on the timeline and on three lists two folders deep (its tag, its two
    # names); "compute" on the timeline and its two tags' lists. One card per depth.
    assert sorted(made) == [
        ("tags/人工智能.md", "compute"),
        ("tags/医疗物资.md", "fund"),
        ("timeline.md", "compute"),
        ("timeline.md", "fund"),
    ]
    env = templating.Renderer(OPTIONS.labels).env  # the same cached environment
    once = env.globals["once"]
    assert isinstance(once, templating.Once) and len(once.drawn) == 4
    # The card drawn for the first list is the one on every other, links and all.
    lists = [paths.tag_page("医疗物资"), paths.entity_page("阿里巴巴"), paths.entity_page("武汉")]
    fund = re.compile(r'<li class="tl-event[^>]*id="fund".*?</li>', re.S)
    drawn = {m[0] for p in lists if (m := fund.search(pages[p]))}
    assert len(drawn) == 1
    assert 'href="../../events/fund/"' in drawn.pop()


def test_once_draws_each_macro_and_arguments_once_and_forgets_all_when_full() -> None:
    from generator.render.templating import Once

    calls: list[tuple[Any, ...]] = []

    def macro(*args: Any) -> str:
        calls.append(args)
        return f"<li>{args}</li>"

    once = Once()
    once.LIMIT = 3
    assert once(macro, "a", 2) == once(macro, "a", 2) == "<li>('a', 2)</li>"
    assert once(macro, "a", 3) != once(macro, "b", 2)
    assert calls == [("a", 2), ("a", 3), ("b", 2)]
    once(macro, "c", 2)  # a fourth: the table was full, so it starts again
    assert len(once.drawn) == 1
    once(macro, "a", 2)
    assert calls[-1] == ("a", 2) and len(calls) == 5


def test_rendering_pauses_the_collector_and_always_restarts_it() -> None:
    seen: list[bool] = []

    def page(_: Event, site: Any) -> str:
        seen.append(gc.isenabled())
        raise ValueError("a template failed")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "event_page", page)
        with pytest.raises(ValueError, match="a template failed"):
            render.render_pages(_corpus(), OPTIONS)
    assert seen == [False] and gc.isenabled()
    assert render.render_pages(_corpus(), OPTIONS) and gc.isenabled()
