"""A site built from text and saved web pages together: ``mkdocs build --strict`` passes,
an event quotes a web page's article, and that article's page has what a text article's
page has (meta line, raw-file link, anchored paragraphs, the quote highlighted, the
cleaning report), with the raw page published as inert text, never as a page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .conftest import ROOT, copy_project, mkdocs

pytestmark = pytest.mark.slow

PAGE = ROOT / "tests" / "fixtures" / "gold" / "html_portal_remoteoffice.html"
QUOTE = "全区已有两万余家企业通过在线办公平台分批“云端复工”"
TEXT_ARTICLE = "003_e3d7a3b44c33fc91"  # a text seed cited by the project's own timeline
EVENT = f"""
  - id: donghu-cloud-return-to-work
    added: 2026-11-27
    date: 2020-02-11
    title: 东湖区两万余家企业在线办公分批复工
    tags: [复工复产]
    sources:
      - article: html_portal_remoteoffice
        quote: {QUOTE}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("mixed"))
    shutil.copy2(PAGE, project / "seeds" / PAGE.name)
    timeline = project / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    timeline.write_text(text.rstrip("\n") + "\n" + EVENT, encoding="utf-8")
    result = mkdocs(project, "build", "--strict", "--site-dir", "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def article_html(site: Path, article: str) -> str:
    return (site / "articles" / article / "index.html").read_text(encoding="utf-8")


def test_the_event_quotes_the_web_page_article(site: Path) -> None:
    page = article_html(site, "html_portal_remoteoffice")
    marked = re.search(
        r'<mark class="cite" data-event="donghu-cloud-return-to-work"[^>]*>(.*?)</mark>', page
    )
    assert marked is not None and marked.group(1) == QUOTE
    event = (site / "events" / "donghu-cloud-return-to-work" / "index.html").read_text("utf-8")
    link = re.search(r'href="([^"]*articles/html_portal_remoteoffice/#(p\d+))"', event)
    assert link is not None
    # The anchor is the paragraph that holds the quote.
    paragraph = re.search(rf'<p id="{link.group(2)}">(.*?)</p>', page, re.S)
    assert paragraph is not None and QUOTE in re.sub(r"<[^>]+>", "", paragraph.group(1))


def test_the_article_page_has_what_a_text_articles_page_has(site: Path) -> None:
    page = article_html(site, "html_portal_remoteoffice")
    text = article_html(site, TEXT_ARTICLE)

    def parts(html: str) -> list[str]:
        found = re.findall(r'class="(tl-[a-z-]+)', html)
        return sorted(set(found) - {"tl-figure"})

    assert parts(page) == parts(text)
    assert "<h1" in page and "云端复工：东湖两万家企业用上在线办公" in page
    meta = re.search(r'<p class="tl-article-meta">(.*?)</p>', page, re.S)
    assert meta is not None
    assert "东湖网" in meta.group(1) and "2020年2月12日" in meta.group(1)
    assert 'href="../../raw/html_portal_remoteoffice.html.txt"' in meta.group(1)
    # The heading, the list and the figure note, as the page had them; no image at all.
    assert re.search(r"<h2[^>]*>上午打卡，下午开会", page)
    assert re.search(r"<li id=\"p\d+\">重要文件通过企业网盘传输，设置访问权限；", page)
    assert re.search(
        r'<p class="tl-figure" id="p\d+">［图］一家企业的员工在家中参加线上晨会。', page
    )
    assert "img.donghu.example" not in page
    # The cleaning report lists the furniture extraction left out, as text.
    assert "（责任编辑：赵晓光）" in page and "网页正文之外" in page
    # ... and where the page declared its date: the <meta> tag shown as text, escaped.
    assert "article:published_time" in page and "网页元数据中的日期" in page
    assert '<meta property="article:published_time"' not in page


def test_the_raw_page_is_published_as_inert_text(site: Path) -> None:
    raw = site / "raw" / "html_portal_remoteoffice.html.txt"
    assert raw.read_bytes() == b"\xef\xbb\xbf" + PAGE.read_bytes()
    assert not (site / "raw" / "html_portal_remoteoffice.html").exists()
    assert not (site / "raw" / "html_portal_remoteoffice").exists()
