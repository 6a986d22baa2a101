"""The whole path: seeds + timeline.yaml through MkDocs to a site, strictly and reproducibly."""

from __future__ import annotations

import calendar
import hashlib
import html
import json
import re
from pathlib import Path

import pytest

from .conftest import ROOT, copy_project, mkdocs
from .html_links import event_cards, ids

pytestmark = pytest.mark.slow


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_site_has_every_generated_page(built_site: Path) -> None:
    data = json.loads((built_site / "timeline.json").read_text(encoding="utf-8"))
    assert len(data["events"]) >= 25
    for event in data["events"]:
        assert (built_site / "events" / event["id"] / "index.html").is_file()
    articles = {s["article"] for e in data["events"] for s in e["sources"]}
    for article in articles:
        assert (built_site / "articles" / article / "index.html").is_file()
    for page in ("timeline", "articles", "tags", "entities", "curate", "about"):
        assert (built_site / page / "index.html").is_file(), page
    for name in ("timeline.ics", "feed.xml", "timelinejs.json"):
        assert (built_site / name).stat().st_size > 0
    for seed in (ROOT / "seeds").iterdir():
        # The seeds are UTF-8: published as they are, behind a BOM (pipeline.raw_bytes).
        published = (built_site / "raw" / seed.name).read_bytes()
        assert published == b"\xef\xbb\xbf" + seed.read_bytes().replace(b"\r\n", b"\n")


def test_home_page_shows_overview(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "<!-- timeline:overview -->" not in html
    assert 'href="timeline.json"' in html
    timeline = (built_site / "timeline" / "index.html").read_text(encoding="utf-8")
    order = event_cards(timeline)  # the events in the order the timeline shows them
    targets = ids(timeline)
    events = json.loads((built_site / "timeline.json").read_text(encoding="utf-8"))["events"]
    assert sorted(order) == sorted(e["id"] for e in events)
    dates = {e["id"]: (e["date"], e["precision"]) for e in events}
    start = html.index('<section class="tl-overview tl-overview--day"')
    overview = html[start : html.index('<p class="tl-overview__caption">', start)]
    # A calendar per month with events, each heading a link to its month on the timeline.
    months = re.findall(r'<section class="tl-cal"[^>]*>(.*?)</section>', overview, re.S)
    headings = [
        re.search(r'<h3 class="tl-cal__title"><a href="timeline/#m([\d-]+)">', m) for m in months
    ]
    assert [h.group(1) for h in headings if h] == sorted({e["date"][:7] for e in events})
    assert all(f"m{h.group(1)}" in targets for h in headings if h)
    for heading, month in zip(headings, months, strict=True):
        assert heading is not None
        key = heading.group(1)
        # Each day with events links to the first of them on the timeline, and only those.
        first: dict[int, str] = {}
        for event_id in order:
            date, precision = dates[event_id]
            if precision == "day" and date.startswith(key):
                first.setdefault(int(date[8:10]), event_id)
        marks = re.findall(r'<li class="tl-cal__mark[^"]*"[^>]*>(.*?)</li>', month)
        assert len(marks) == calendar.monthrange(*map(int, key.split("-")))[1], key
        linked = {
            day: found.group(1)
            for day, mark in enumerate(marks, 1)
            if (found := re.match(r'<a href="timeline/#([^"]+)"', mark))
        }
        assert linked == first, key
        undated = [i for i in order if dates[i][0] == key and dates[i][1] == "month"]
        loose = re.findall(r'<p class="tl-cal__undated"><a href="timeline/#([^"]+)">', month)
        assert loose == undated[:1], key
    links = re.findall(r'href="timeline/#([^"]+)"', overview)
    assert links and set(links) <= targets


def test_build_is_byte_identical_and_touches_no_input(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    inputs_before = {d: tree_digest(project / d) for d in ("docs", "seeds")}
    first = mkdocs(project, "build", "--strict", "--site-dir", "one")
    second = mkdocs(project, "build", "--strict", "--site-dir", "two", env={"PYTHONHASHSEED": "7"})
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert tree_digest(project / "one") == tree_digest(project / "two")
    assert {d: tree_digest(project / d) for d in ("docs", "seeds")} == inputs_before


def test_broken_timeline_fails_build_with_one_line_per_error(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    text = (project / "timeline.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    title_line = next(i for i, line in enumerate(lines) if line.strip().startswith("title:"))
    lines[title_line] = lines[title_line].replace("title:", "titel:", 1)
    (project / "timeline.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = mkdocs(project, "build", "--strict", "--site-dir", "site")
    assert result.returncode != 0
    col = lines[title_line].index("titel") + 1
    # In the site's language (theme.language: zh).
    expected = f"timeline.yaml:{title_line + 1}:{col}: error: 没有 `titel` 这个键"
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_every_page_offers_the_feed_and_the_calendar(built_site: Path) -> None:
    """Feed autodiscovery in every page's head, named with the site; the subscribe links
    in every footer; the full subscribe block on the timeline page."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        text = page.read_text(encoding="utf-8")
        head = text[: text.index("</head>")]
        feed = re.search(r'<link rel="alternate" type="application/atom\+xml" ([^>]*)>', head)
        assert feed is not None, page
        assert 'title="数字抗疫时间线"' in feed.group(1), page
        href = re.search(r'href="([^"]+)"', feed.group(1))
        assert href is not None and href.group(1).endswith("feed.xml"), page
        if page.name != "404.html":  # served at any address, so its links are absolute
            target = (page.parent / href.group(1)).resolve()
            assert target == (built_site / "feed.xml").resolve(), page
        assert 'type="text/calendar"' in head, page
        if page.name != "404.html":
            assert 'class="tl-footer-subscribe' in text, page
    timeline = (built_site / "timeline" / "index.html").read_text(encoding="utf-8")
    block = timeline[timeline.index('<aside class="tl-subscribe"') :]
    block = block[: block.index("</aside>")]
    assert "订阅与下载" in block
    calendar_url = "webcal://digital-timeline.github.io/covid-2020-timeline/timeline.ics"
    assert f'href="{calendar_url}"' in block
    for name in ("../feed.xml", "../timeline.ics", "../timeline.json", "../timelinejs.json"):
        assert f'href="{name}"' in block, name


def test_the_site_speaks_its_own_language_on_every_page(built_site: Path) -> None:
    not_found = (built_site / "404.html").read_text(encoding="utf-8")
    assert "<h1>页面不存在</h1>" in not_found and "Not found" not in not_found
    event = (built_site / "events" / "spring-thunder-plan-2020" / "index.html").read_text(
        encoding="utf-8"
    )
    assert 'title="本节链接"' in event and "Permanent link" not in event
    assert 'data-page-kind="event"' in event
    # Material's edit button opens the event's own line of timeline.yaml.
    edit = re.search(r'<a href="([^"]+)" title="[^"]*" class="md-content__button', event)
    assert edit is not None
    assert re.fullmatch(r"https://github\.com/.+/blob/main/timeline\.yaml#L\d+", edit.group(1))


@pytest.mark.parametrize(
    "name", ["gov_mofcom_qa_gb18030.txt", "fin_udn_remotework_big5.txt", "cn_163_remotework.txt"]
)
def test_raw_files_are_published_as_utf8_a_browser_reads_right(name: str) -> None:
    """A GB18030 or Big5 seed served as text/plain without a charset showed mojibake: the
    published copy is UTF-8 with a BOM (which browsers honour), line for line the same."""
    from generator.pipeline import raw_bytes
    from generator.read import read_file

    path = ROOT / "tests" / "fixtures" / "gold" / name
    raw = read_file(path, name)
    published = raw_bytes(raw)
    assert published.startswith(b"\xef\xbb\xbf")
    text = published[3:].decode("utf-8")  # strict: any byte not UTF-8 fails here
    assert text == raw.text
    # Every line of the source is there, in order (the cleaning report counts them).
    assert len(text.split("\n")) == len(raw.text.split("\n")) > 5
    if raw.encoding.lower().replace("-", "") != "utf8":
        assert path.read_bytes() != published  # really transcoded, not copied


def test_a_hand_written_home_page_wins_and_any_other_clash_is_an_error(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "docs" / "index.md").write_text("# 编者自己的首页\n", encoding="utf-8")
    built = mkdocs(project, "build", "--strict", "--site-dir", "site")
    assert built.returncode == 0, built.stderr
    assert "编者自己的首页" in (project / "site" / "index.html").read_text(encoding="utf-8")

    (project / "docs" / "timeline.md").write_text("# 手写的时间线\n", encoding="utf-8")
    clash = mkdocs(project, "build", "--strict", "--site-dir", "site")
    assert clash.returncode != 0
    assert "docs/timeline.md: error: 手写的文件与一个生成的页面路径相同" in clash.stderr
    assert "Traceback" not in clash.stderr


FENCE = re.compile(r"^( *)```[\w-]*\n(.*?)^\1```$", re.M | re.S)
PRE = re.compile(r"<pre\b.*?</pre>", re.S)


def test_every_code_block_of_the_hand_written_pages_is_shown_as_code(built_site: Path) -> None:
    """A fenced block inside a list item (the curator's guide's example event) needs
    ``pymdownx.superfences``: Python-Markdown's own fences became a paragraph of inline
    code there, the example's lines run together."""
    blocks = 0
    for source in sorted((ROOT / "docs").glob("*.md")):
        name = "" if source.stem == "index" else f"{source.stem}/"
        page = (built_site / name / "index.html").read_text(encoding="utf-8")
        shown = [html.unescape(re.sub(r"<[^>]+>", "", pre)) for pre in PRE.findall(page)]
        for indent, code in FENCE.findall(source.read_text(encoding="utf-8")):
            text = "".join(line.removeprefix(indent) for line in code.splitlines(keepends=True))
            assert any(text.strip("\n") in block for block in shown), (source.name, text[:80])
            blocks += 1
    assert blocks >= 5  # the guide's examples, nested in lists and not
