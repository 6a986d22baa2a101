"""What the search index gets of each page: its text, folded and spaced, without furniture.

Pages are rendered by the real renderers and Markdown, as MkDocs renders them.
"""

from __future__ import annotations

import re

import markdown
import pytest

from generator import render, search
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
QUOTE = "成立了「全球新冠肺炎實戰共享平台」"


def _corpus() -> Corpus:
    text = f"阿里健康{QUOTE}，供醫生交流。"
    article = Article(
        id="dawn",
        title="從危機到曙光",
        file="dawn.txt",
        blocks=(
            Block("paragraph", text, "p1"),
            Block("heading", "危機中釋出力量", "", level=2),
            Block("paragraph", "盒馬鮮生發起「共享員工」計劃。", "p2"),
        ),
        dropped=(Dropped(3, "責任編輯：某某", "editor"),),
        author="記者甲",
        publication="某報",
        date=PartialDate(2020, 5),
        url="https://example.org/dawn",
    )
    start = text.index(QUOTE)
    event = Event(
        id="platform",
        date=PartialDate(2020, 3, 18),
        title="阿里健康成立全球抗疫实战共享平台",
        summary="医生可在平台上交流经验。",
        tags=("数字防疫",),
        entities=(Entity("organization", "阿里健康"), Entity("place", "杭州")),
        sources=(SourceRef("dawn", QUOTE, 1, 1, (Span("p1", start, start + len(QUOTE)),)),),
        line=3,
    )
    other = Event(
        id="other",
        date=PartialDate(2020, 3, 20),
        title="另一件事",
        sources=(),
        line=9,
    )
    return Corpus(articles=(article,), timeline=Timeline("timeline.yaml", (event, other)))


def page_html(path: str) -> str:
    pages = render.render_pages(_corpus(), OPTIONS)
    return str(markdown.markdown(pages[path], extensions=EXT))


def search_body(path: str, tags: object = None) -> str:
    doc = search.document(page_html(path), path, tags)
    assert doc is not None, path
    return doc


def words(body: str) -> str:
    """The indexed text (the paragraphs), spaces gone."""
    return re.sub(r"\s", "", "".join(re.findall(r"<p[^>]*>(.*?)</p>", body)))


def test_an_event_is_searched_by_its_title_summary_entities_and_quotes() -> None:
    body = search_body("events/platform.md", ["数字防疫"])
    text = words(body)
    assert text.startswith("阿里健康成立全球抗疫实战共享平台。医生可在平台上交流经验。")
    assert "阿里健康" in text and "杭州" in text
    assert "成立了「全球新冠肺炎实战共享平台」" in text  # the quote, folded
    for furniture in (
        "日期",
        "在时间线中查看",
        "编辑此事件",
        "来源",
        "原始文件",
        "上一个",
        "下一个",
    ):
        assert furniture not in text, furniture
    assert 'data-pagefind-filter="类型:事件"' in body
    assert '<span data-pagefind-filter="标签:数字防疫"></span>' in body
    assert '<p data-pagefind-weight="5">阿 里 健 康 成 立' in body


def test_an_article_is_searched_by_title_byline_and_text() -> None:
    body = search_body("articles/dawn.md")
    text = words(body)
    assert text.startswith("从危机到曙光。记者甲·某报·2020年5月。阿里健康成立了")
    assert "盒马鲜生发起「共享员工」计划" in text and "危机中释出力量" in text
    for furniture in ("原始文件", "引用本文的事件", "清洗报告", "责任编辑", "example.org", "↩"):
        assert furniture not in text, furniture
    assert 'data-pagefind-filter="类型:文章"' in body and "标签:" not in body


def test_the_index_holds_one_han_character_a_word_folded_to_simplified() -> None:
    body = search_body("articles/dawn.md")
    indexed = "".join(re.findall(r"<p[^>]*>(.*?)</p>", body))
    assert "實 戰" not in indexed and "实 战 共 享 平 台" in indexed
    assert 'data-pagefind-meta="title:从 危 机 到 曙 光"' in body


def test_traditional_text_is_kept_as_written_for_snippets() -> None:
    body = search_body("articles/dawn.md")
    original = re.search(r'data-pagefind-meta="original:([^"]*)"', body)
    assert original is not None and original.group(1).startswith("從 危 機 到 曙 光 。")
    simplified = search_body("events/other.md")
    assert "original:" not in simplified  # nothing folded, nothing extra to download


@pytest.mark.parametrize(
    "path", ["timeline.md", "tags/数字防疫.md", "entities/杭州.md", "articles/index.md", "index.md"]
)
def test_list_pages_are_left_out_of_the_index(path: str) -> None:
    assert search.document("<h1>列表</h1><p>阿里健康</p>", path) is None


def test_a_page_is_indexed_from_its_document_at_the_page_url() -> None:
    html = page_html("events/platform.md")
    assert search.index_url("events/platform.md") == "/events/platform/"
    doc = search.document(html, "events/platform.md", ["数字防疫"])
    assert doc == search_body("events/platform.md", ["数字防疫"])


def test_hand_written_pages_are_searched_after_events_and_articles() -> None:
    doc = search.document("<h1>如何整理时间线</h1><p>编辑 timeline.yaml。</p>", "curate.md")
    assert doc is not None and 'data-pagefind-filter="类型:说明"' in doc
    assert doc.count('data-pagefind-weight="0.25"') == 2


def test_tags_that_are_not_a_list_of_names_are_ignored() -> None:
    for tags in (None, "数字防疫", [1, None], {"a": 1}):
        assert "标签:" not in search_body("events/platform.md", tags)
    assert search_body("events/platform.md", ["a", 2]).count("标签:") == 1


def test_hostile_text_stays_text() -> None:
    hidden = search.document('<h1>"&gt;&lt;script&gt;</h1><p>&lt;b onclick=x&gt;實戰</p>', "x.md")
    assert hidden is not None
    assert "<script>" not in hidden and "<b " not in hidden
    assert "&lt;b onclick=x&gt; 实 战" in hidden
    assert 'title:&quot;&gt;&lt;script&gt;"' in hidden
