"""Saved web pages (``.html``/``.htm``) as articles: decoding, extraction, structure,
metadata, the cleaning report, the cache key and the command line.

Expected values come from the pages themselves (their markup, read here with lxml or
by hand), never from a run of the code under test.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html

import generator.clean.cached as cached
from generator.cache import JsonCache
from generator.clean import clean_text
from generator.model import Article, ArticleOverride, Correction, RawText
from generator.read import read_dir, read_file
from generator.timeline.corrections import correct

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "gold"
PAGES = sorted(p for p in GOLD.iterdir() if p.suffix in (".html", ".htm"))
PORTAL = GOLD / "html_portal_remoteoffice.html"
HAN = re.compile("[\u4e00-\u9fff]")
HIDDEN = ("script", "style", "head", "textarea", "title")


def page_of(path: Path) -> Article:
    (article,) = clean_text(read_file(path))
    return article


def shown_text(path: Path) -> str:
    """The page's visible text, as lxml reads it (scripts, styles and the head left out)."""
    tree = html.document_fromstring(read_file(path).text)
    for el in list(tree.iter(*HIDDEN)):
        if el.getparent() is not None:
            el.drop_tree()
    return "".join(tree.itertext())


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_nothing_the_page_shows_is_lost(path: Path) -> None:
    """Every Han character the page shows is in the title, a block or the report."""
    article = page_of(path)
    where = article.title + "".join(b.text for b in article.blocks)
    where += "".join(d.text for d in article.dropped)
    missing = set(HAN.findall(shown_text(path))) - set(where)
    assert missing == set()


def test_declared_charsets_decode_the_pages() -> None:
    assert read_file(GOLD / "html_gov_healthcode_gb2312.html").encoding == "gb18030"
    raw = read_file(GOLD / "html_tw_maskpreorder_big5.htm")
    assert raw.encoding == "big5"
    assert "口罩實名制2.0上路" in raw.text


def test_undeclared_gbk_and_big5_pages_use_the_text_detector(tmp_path: Path) -> None:
    assert read_file(GOLD / "htmlho_gbk_nodecl_lockers.html").encoding == "gb18030"
    source = (GOLD / "html_tw_maskpreorder_big5.htm").read_bytes()
    bare = source.replace(b'<meta charset="big5">', b"")
    assert b"charset" not in bare
    (tmp_path / "tw.html").write_bytes(bare)
    raw = read_file(tmp_path / "tw.html")
    assert raw.encoding == "big5"
    assert page_of(tmp_path / "tw.html").title == "口罩實名制2.0上路 超商機台預購首日湧逾百萬人次"


def test_a_wrong_declaration_falls_back_to_the_detector(tmp_path: Path) -> None:
    text = (GOLD / "html_gov_healthcode_gb2312.html").read_bytes().decode("gb18030")
    path = tmp_path / "wrong.html"
    path.write_bytes(text.replace("charset=gb2312", "charset=utf-8").encode("gb18030"))
    assert read_file(path).encoding == "gb18030"
    assert page_of(path).title == "关于启用“云州健康码”便利市民出行的通告"


def test_structure_is_kept_as_the_markup_has_it() -> None:
    tree = html.document_fromstring(read_file(PORTAL).text)
    body = tree.get_element_by_id("artibody")
    article = page_of(PORTAL)
    kinds = {b.text: b.kind for b in article.blocks}
    for h2 in body.iter("h2"):
        assert kinds[h2.text_content().strip()] == "heading"
    for li in body.iter("li"):
        assert kinds[li.text_content().strip()] == "item"
    quote = next(body.iter("blockquote")).text_content().strip()
    assert kinds[quote] == "quote"
    bold = next(body.iter("strong")).text_content()
    (holder,) = [b for b in article.blocks if bold in b.text]
    assert [holder.text[a:z] for a, z in holder.strong] == [bold]
    caption = tree.find_class("img_descr")[0].text_content()
    figure = next(b for b in article.blocks if b.kind == "figure")
    assert figure.text == caption
    # No image address reaches the article, only the caption.
    assert not any("http" in b.text for b in article.blocks)
    # Anchors are numbered over the non-headings, as for text files.
    numbered = [b.anchor for b in article.blocks if b.kind != "heading"]
    assert numbered == [f"p{n}" for n in range(1, len(numbered) + 1)]


def test_links_keep_their_text(tmp_path: Path) -> None:
    path = tmp_path / "link.html"
    sentence = "平台已向全市中小学免费开放直播课堂，家长可在平台公告中查看课表与使用说明。"
    linked = "平台公告"
    page = sentence.replace(linked, f'<a href="https://example.com/notice">{linked}</a>')
    path.write_text(
        f"<html><head><title>直播课堂开放</title></head><body><h1>直播课堂开放</h1>"
        f"<p>{page}</p><p>{sentence[::-1]}</p></body></html>",
        encoding="utf-8",
    )
    article = page_of(path)
    assert sentence in [b.text for b in article.blocks]
    assert "example.com" not in "".join(b.text for b in article.blocks)


def test_metadata_wins_and_the_report_names_where_it_was_declared() -> None:
    source = read_file(PORTAL).text.split("\n")
    article = page_of(PORTAL)
    declared = next(ln for ln in source if "article:published_time" in ln)
    assert article.date is not None and article.date.iso() in declared
    rows = {d.reason: d for d in article.dropped}
    assert source[rows["web-date"].line - 1].strip() == rows["web-date"].text
    site = source[rows["web-site"].line - 1]
    assert 'og:site_name" content="东湖网"' in site and article.publication == "东湖网"


def test_the_date_comes_from_json_ld_not_the_sidebar() -> None:
    path = GOLD / "html_jsonld_onlineclass.html"
    text = read_file(path).text
    declared = re.search(r'"datePublished": "(\d{4}-\d\d-\d\d)', text)
    later = max(re.findall(r"<time>(\d{4}-\d\d-\d\d)</time>", text))
    assert declared is not None and later > declared.group(1)
    assert page_of(path).date is not None
    assert page_of(path).date.iso() == declared.group(1)  # type: ignore[union-attr]


def test_a_platforms_name_is_not_the_publication() -> None:
    path = GOLD / "html_wx_reprint_telemedicine.html"
    assert 'og:site_name" content="微信公众平台"' in read_file(path).text
    article = page_of(path)
    assert article.publication == "新华社"  # the 来源 line of the text


def test_what_extraction_left_out_is_reported_with_its_source_line() -> None:
    source = read_file(PORTAL).text.split("\n")
    article = page_of(PORTAL)
    for row in article.dropped:
        if row.reason in ("web-extraction", "byline", "dateline"):
            # The line named is where the element showing the text starts: its text
            # follows there, on that line or the next few (markup aside).
            near = "".join(source[row.line - 1 : row.line + 4])
            shown = re.sub(r"<[^>]+>|\s", "", near).replace("&gt;", ">")
            assert shown.startswith(re.sub(r"\s", "", row.text)), row
    related = [d for d in article.dropped if "视频会议软件下载量猛增" in d.text]
    assert [d.reason for d in related] == ["web-extraction"]


def test_ids_come_from_the_file_stem_and_txt_and_html_mix(tmp_path: Path) -> None:
    (tmp_path / "a_page.html").write_bytes(PORTAL.read_bytes())
    (tmp_path / "b_text.txt").write_bytes(
        (ROOT / "seeds" / "001_5b3e0821b2624058.txt").read_bytes()
    )
    (tmp_path / "c_ignored.css").write_text("body{}", encoding="utf-8")
    raws = read_dir(tmp_path)
    assert [r.name for r in raws] == ["a_page.html", "b_text.txt"]
    assert clean_text(raws[0])[0].id == "a_page"


def test_the_cache_key_includes_the_extractors_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = read_file(PORTAL)
    calls: list[RawText] = []

    def counting(r: RawText, span: object) -> list[Article]:
        calls.append(r)
        return clean_text(r)

    cache = JsonCache(tmp_path / "articles.json")
    first = cached.clean_file(raw, None, cache, counting)
    assert cached.clean_file(raw, None, cache, counting) == first
    assert len(calls) == 1
    monkeypatch.setattr(cached, "extractor_version", lambda: "trafilatura 99.0")
    assert cached.clean_file(raw, None, cache, counting) == first
    assert len(calls) == 2


def test_clean_command_reads_html_as_markdown_and_json() -> None:
    run = [sys.executable, "-m", "generator", "clean", str(PORTAL), "--lang", "en"]
    out = subprocess.run(run, capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("# 云端复工：东湖两万家企业用上在线办公\n")
    assert "［图］一家企业的员工在家中参加线上晨会。" in out.stdout
    out = subprocess.run([*run, "--json"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    (doc,) = json.loads(out.stdout)
    assert (doc["file"], doc["date"], doc["publication"]) == (PORTAL.name, "2020-02-12", "东湖网")
    assert {"line", "text", "reason"} <= set(doc["dropped"][0])


def test_keep_puts_back_what_extraction_left_out() -> None:
    article = page_of(PORTAL)
    (row,) = [d for d in article.dropped if d.text == "关键词：在线办公 复工"]
    assert row.reason == "web-extraction"
    kept = correct(article, ArticleOverride(article.id, keep=(Correction(row.text),)))
    texts = [b.text for b in kept.blocks]
    assert "关键词：在线办公 复工" in texts
    # Put back where the page shows it: after the last paragraph above it on the page.
    assert texts.index("关键词：在线办公 复工") == len(texts) - 1


def test_a_block_naming_the_site_is_reported_though_the_markup_names_it_too(
    tmp_path: Path,
) -> None:
    body = "".join(
        f"<p>{n}、平台为居家隔离的居民开通线上买菜和送药服务，订单当天送达，共服务{n}千户。</p>"
        for n in range(1, 4)
    )
    path = tmp_path / "site.html"
    path.write_text(
        '<html><head><meta property="og:site_name" content="东湖网"><title>线上买菜</title>'
        f"</head><body><h1>线上买菜</h1><article>{body}</article>"
        '<div class="footer">东湖网</div></body></html>',
        encoding="utf-8",
    )
    article = page_of(path)
    assert article.publication == "东湖网"
    assert [d.reason for d in article.dropped if d.text == "东湖网"] == ["web-extraction"]
