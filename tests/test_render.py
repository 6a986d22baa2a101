"""Model -> pages: what each generated page says and where its links go."""

from __future__ import annotations

import re
from dataclasses import replace

import markdown

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

EXT = ["attr_list", "md_in_html", "tables", "admonition", "pymdownx.details", "toc"]
OPTIONS = render.Options(repo_url="https://example.org/repo", edit_uri="blob/main/")


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
    pages = render.render_pages(_corpus(), OPTIONS)
    assert set(pages) == {
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
    import posixpath

    for page, text in pages.items():
        for target in re.findall(r"\]\(([^)\s]+\.md)(?:#[^)]*)?\)", text):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
            assert resolved in pages, f"{page} links to missing {target}"


def test_article_page_highlights_quote_and_links_back() -> None:
    page = render.render_pages(_corpus(), OPTIONS)["articles/paper-1.md"]
    html = markdown.markdown(page, extensions=EXT)
    mark = re.search(r'<p id="p1">(.*?)</p>', html)
    assert mark is not None
    assert '<mark class="cite" data-event="fund"' in mark.group(1)
    assert "阿里巴巴宣布设立10亿元专项基金</mark>" in mark.group(1)
    assert '<a href="../events/fund.md"' in mark.group(1)
    # the list of citing events, with a jump to the passage
    assert '<a href="../events/compute.md">阿里云开放AI算力</a>' in html
    assert '<a href="#p2">第 2 段</a>' in html
    # article text is escaped, the report lists the dropped caption with its Chinese
    # label and the `keep:` line that would bring it back
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert (
        '<td style="text-align: right;">40</td>\n<td>图片说明</td>\n<td>（资料图片）</td>' in html
    )
    assert "<td><code>keep: [&quot;（资料图片）&quot;]</code></td>" in html
    assert '<a href="../raw/paper.txt">原始文件</a>' in html


def test_event_page_quotes_source_with_deep_link_and_neighbours() -> None:
    pages = render.render_pages(_corpus(), OPTIONS)
    html = markdown.markdown(pages["events/fund.md"], extensions=EXT)
    assert "<h1" in html and "阿里巴巴设立10亿元医疗物资供给专项基金" in html
    assert "2020年1月25日" in html
    assert '<a href="../articles/paper-1.md#p1">《从“冬天”到“春天”》 第 1 段</a>' in html
    assert '<div class="admonition quote">' in html and "阿里巴巴宣布设立10亿元专项基金" in html
    assert '<a href="../timeline.md#fund">在时间线中查看</a>' in html
    assert 'href="https://example.org/repo/blob/main/timeline.yaml#L7"' in html
    assert '下一个：<a href="compute.md">阿里云开放AI算力</a>' in html
    assert "<b>" not in html and "&lt;b&gt;" in html  # raw HTML in a summary stays text
    assert '<a href="../entities/武汉.md">武汉</a>' in html


def test_timeline_groups_by_month_at_each_events_precision() -> None:
    text = render.render_pages(_corpus(), OPTIONS)["timeline.md"]
    html = markdown.markdown(text, extensions=EXT)
    assert re.findall(r"<h2[^>]*>(.*?)</h2>", html) == ["2020年1月", "2020年2月"]
    assert '<h3 id="fund" class="timeline-event">' in html and '<h3 id="compute"' in html
    md = markdown.Markdown(extensions=EXT)
    md.convert(text)
    months = [t["name"] for t in md.toc_tokens[0]["children"]]
    assert months == ["2020年1月", "2020年2月"]  # events are anchors, not table-of-contents rows
    assert all(not t["children"] for t in md.toc_tokens[0]["children"])
    assert "<strong>2020年2月</strong>" in html  # month precision shown as a month
    assert "共 2 个事件，2020年1月25日—2020年2月" in html


def test_tag_and_entity_pages_list_events_in_date_order() -> None:
    pages = render.render_pages(_corpus(), OPTIONS)
    tag = pages[paths.tag_page("医疗物资")]
    assert tag.index("阿里巴巴设立") < tag.index("阿里云开放AI算力")
    assert "（2）" in pages["tags/index.md"]
    assert "## 机构" in pages["entities/index.md"] and "## 地点" in pages["entities/index.md"]


def test_overview_svg_links_every_event() -> None:
    md = render.overview(_corpus())
    assert "收录 **1** 篇文章、**2** 个事件" in md
    assert md.count('<a href="events/') == 2
    assert '<a href="timeline/#m2020-02">' in md
    for export in ("timeline.json", "timeline.ics", "feed.xml", "timelinejs.json"):
        assert f"]({export})" in md


def test_each_source_of_an_event_gets_its_own_box() -> None:
    corpus = _corpus()
    fund = corpus.events[0]
    twice = replace(fund, sources=(fund.sources[0], replace(fund.sources[0], quote="第二条引文")))
    corpus = replace(corpus, timeline=Timeline("timeline.yaml", (twice, corpus.events[1])))
    html = markdown.markdown(render.render_pages(corpus, OPTIONS)["events/fund.md"], extensions=EXT)
    assert html.count('<div class="admonition quote">') == 2
    assert "来源 1" in html and "来源 2" in html and "第二条引文" in html
