"""Hostile text in the inputs is published as text: no tag, no handler, no script link.

``tests/fixtures/hostile/`` replaces the seeds and timeline.yaml of a copy of the
project: two articles and a timeline whose every free-text field (title, summary,
tags, entities, quotes, article overrides) carries script tags, event handlers,
``javascript:``/``data:`` links, template syntax, attribute lists and entity text.
The site is built once, with ``--strict``, and every page and export is checked.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import icalendar
import pytest

from generator.export import timeline_ics
from generator.model import Corpus, Event, PartialDate, SourceRef, Timeline

from .conftest import copy_project, mkdocs
from .html_links import text_of

pytestmark = pytest.mark.slow

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
SITE_NAME = "数字抗疫时间线"
# After removing what browsers ignore in a URL, these schemes run code or carry a document.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
_URL_ATTRS = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "poster"})


class Markup(HTMLParser):
    """Collects what a browser would make of a page: elements, attributes, script text.

    ``<title>`` and ``<textarea>`` are RCDATA in HTML (their content is text up to the
    end tag), so they are read that way here too, except inside ``<svg>``, where a
    ``<title>`` holds markup like any element. Attribute values come entity-decoded.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.titles: list[str] = []
        self._open: str | None = None
        self._text = ""
        self._svg = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))
        self._svg += tag == "svg"
        if tag in ("script", "textarea") or (tag == "title" and not self._svg):
            self._open, self._text = tag, ""
            if tag != "script":
                self.set_cdata_mode(tag)
            if tag == "script":
                self.scripts.append((dict(attrs), ""))

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        self._svg -= tag == "svg"
        if tag == self._open:
            if tag == "script":
                self.scripts[-1] = (self.scripts[-1][0], self._text)
            elif tag == "title":
                self.titles.append(html.unescape(self._text))
            self._open = None
            self.clear_cdata_mode()


def parse(text: str) -> Markup:
    parser = Markup()
    parser.feed(text)
    parser.close()
    return parser


def unsafe(markup: Markup) -> list[str]:
    """Everything in the parsed HTML that could run script or load a foreign document."""
    found = []
    for tag, attrs in markup.elements:
        if tag in ("iframe", "object", "embed", "frame", "base"):
            found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                found.append(f"<{tag} {name}=...>")
            seen = _URL_NOISE.sub("", value or "").lower()
            if name in _URL_ATTRS and seen.startswith(_BAD_SCHEMES):
                found.append(f"<{tag} {name}={value!r}>")
            if tag == "meta" and name == "http-equiv" and (value or "").lower() == "refresh":
                found.append("<meta refresh>")
    for script, text in markup.scripts:
        src = script.get("src") or ""
        local = r"(?:/covid-2020-timeline/|(?:\.\./)*)(?:assets/javascripts|pagefind)/[\w.-]+\.js"
        if src and not re.fullmatch(local, src):
            found.append(f"<script src={src!r}>")
        if "alert" in text:
            found.append(f"<script>{text[:40]}")
    return found


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = copy_project(tmp_path_factory.mktemp("hostile"))
    for seed in (folder / "seeds").iterdir():
        seed.unlink()
    for seed in (HOSTILE / "seeds").iterdir():
        (folder / "seeds" / seed.name).write_bytes(seed.read_bytes())
    (folder / "timeline.yaml").write_bytes((HOSTILE / "timeline.yaml").read_bytes())
    return folder


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    result = mkdocs(project, "build", "--strict", "--site-dir", "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def pages(site: Path) -> Iterator[tuple[str, str]]:
    """Every built HTML page but the theme's and the search index's own files."""
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if not rel.startswith(("assets/", "pagefind/")):
            yield rel, path.read_text(encoding="utf-8")


def test_the_hostile_site_has_every_page(site: Path) -> None:
    built = {rel for rel, _ in pages(site)}
    for page in (
        "articles/hostile/index.html",
        "articles/hostile_md/index.html",
        "events/hostile-text/index.html",
        "events/hostile-controls/index.html",
        "timeline/index.html",
        "tags/index.html",
        "entities/index.html",
    ):
        assert page in built
    # Every hostile tag and entity got a page of its own, one folder deep.
    assert len([p for p in built if p.startswith("tags/")]) == 1 + 4
    assert len([p for p in built if p.startswith("entities/")]) == 1 + 4


def test_no_page_carries_markup_from_the_input(site: Path) -> None:
    for rel, text in pages(site):
        markup = parse(text)
        assert unsafe(markup) == [], rel
        # Outside the RCDATA <title>, the hostile tags appear only escaped.
        body = re.sub(r"<title>.*?</title>", "", text, flags=re.DOTALL)
        for raw in ("<script>alert", "<img src=x", "<iframe", "<svg onload", "<b onmouseover"):
            assert raw not in body.lower(), (rel, raw)
        assert not re.search(r"""(?:href|src)\s*=\s*["']?\s*(?:javascript|data):""", body, re.I)
        # No URL attribute starts with a character reference (`&#106;avascript:`); the
        # same words shown as text (`&lt;a href=&#34;…`) are no attribute.
        assert not re.search(r"""<[a-z][^<>]*\s(?:href|src)\s*=\s*["']?\s*&#""", body, re.I), rel


def test_page_titles_cannot_close_the_title_element(site: Path) -> None:
    for rel, text in pages(site):
        titles = parse(text).titles
        assert len(titles) == 1, rel
        assert titles[0] == SITE_NAME or titles[0].endswith(f" - {SITE_NAME}"), (rel, titles)
    # The override title reads `改过的标题</title><script>alert(3)</script>`: an invisible
    # word joiner after `<` keeps `</title>` from ending the element.
    page = (site / "articles" / "hostile" / "index.html").read_text(encoding="utf-8")
    assert "<title>改过的标题<\u2060/title><script>alert(3)</script> - " in page


def test_hostile_text_is_visible_as_text(site: Path) -> None:
    article = (site / "articles" / "hostile" / "index.html").read_text(encoding="utf-8")
    assert "以及&lt;script&gt;alert(2)&lt;/script&gt;都显示为文字" in article
    # The dropped link is shown as the text it was, not as a link.
    assert '<a href="javascript:alert(4)">点这里</a>' in text_of(_content(article))
    assert '<a href="javascript' not in article
    assert "[点我](javascript:alert(1))" in article
    assert "{{ config }}与{% include 'x' %}" in article
    assert "{: onclick=&quot;alert(1)&quot; }" in article
    # The override `url` passed validation (it is https) but cannot break out of its link.
    assert 'href="https://example.com/%22%3E%3Cscript%3Ealert(1)%3C/script%3E"' in article
    # The cleaning report shows the raw headline line, tags and all, as text.
    assert "转义检验：&lt;script&gt;alert(1)&lt;/script&gt;恶意输入" in article

    event = (site / "events" / "hostile-text" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;标题&lt;img src=x onerror=alert(1)&gt;" in event
    assert ">&lt;img src=x onerror=alert(1)&gt;</a>" in event  # an entity name
    summary = _block(event, "div", "tl-event-head__summary")
    # What a reader sees: every tag, template, entity and attribute list as typed...
    seen = text_of(summary)
    assert (
        '脚本<script>alert(1)</script>与框架<iframe src="https://evil.example/"></iframe>。' in seen
    )
    assert "链接点我、大写与图片。" in seen
    assert "模板{{ config }}与{% include 'x' %}，实体<b>粗体</b>与javascript:alert(1)。" in seen
    assert seen.endswith('可以的链接：新华网。\n{: onclick="alert(1)" }\n引用式')
    # ...and links: script and data: links (inline or by reference) keep their text and
    # lose their target, the image its source; the web link still works.
    assert '链接<a>点我</a>、<a>大写</a>与图片<img alt="x">。' in summary
    assert summary.endswith("<p><a>引用式</a></p>")
    assert '<a href="https://www.news.cn/">新华网</a>' in summary
    elements = parse(summary).elements
    assert {tag for tag, _ in elements} == {"p", "a", "img"}
    assert [(tag, attrs) for tag, attrs in elements if tag in ("a", "img")] == [
        ("a", []),
        ("a", []),
        ("img", [("alt", "x")]),
        ("a", [("href", "https://www.news.cn/")]),
        ("a", []),
    ]

    controls = (site / "events" / "hostile-controls" / "index.html").read_text(encoding="utf-8")
    # Links whose scheme hides behind a line break, a tab or a space keep only their text.
    assert _block(controls, "div", "tl-event-head__summary") == (
        "<p><a>换行</a> <a>制表</a> <a>前导</a>\nATTENDEE:mailto:evil@example.com</p>"
    )

    for page in (event, controls):
        content = _content(page)
        markup = parse(content)
        assert unsafe(markup) == []
        assert not {"script", "iframe"} & {tag for tag, _ in markup.elements}
        assert not [name for _, attrs in markup.elements for name, _ in attrs if name == "onerror"]
        for raw in ("<script", "<iframe", "<svg onload", "<b onmouseover"):
            assert raw not in content.lower(), raw
        assert not re.search(r"<[^<>]*\sonerror\s*=", content, re.I)
        # No URL anywhere on the page carries a script or data scheme, not even inside.
        for _, attrs in parse(page).elements:
            for name, value in attrs:
                url = _URL_NOISE.sub("", html.unescape(value or "")).lower()
                if name in _URL_ATTRS:
                    assert not any(scheme in url for scheme in _BAD_SCHEMES), (name, value)

    # One sanitiser: the timeline and tag pages show each summary as its event page does.
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    tag = (site / "tags" / "安全" / "index.html").read_text(encoding="utf-8")
    assert _card_summary(timeline, "hostile-text") == summary
    for listing in (timeline, tag):
        assert _card_summary(listing, "hostile-controls") == _block(
            controls, "div", "tl-event-head__summary"
        )


def _block(page: str, tag: str, cls: str) -> str:
    """The inside of the first ``<tag class="cls">`` of a page (not nested in its own kind)."""
    found = re.search(rf'<{tag} class="{cls}">(.*?)</{tag}>', page, re.S)
    assert found is not None, cls
    return found.group(1)


def _card_summary(page: str, event_id: str) -> str:
    """The summary on the timeline card of ``event_id``."""
    start = page.index(f'id="{event_id}"')
    return _block(page[start : page.index("</li>", start)], "div", "tl-card__summary")


def _content(page: str) -> str:
    """A built page's own content: what the Markdown page became, without the theme."""
    start = page.index('<article class="md-content__inner')
    return page[start : page.index("</article>", start)]


def _report_rows(article: str) -> list[list[str]]:
    """The cleaning report's table as a reader sees it: the text of each cell, per row."""
    report = _block(article, "details", "info tl-report")
    rows = re.findall(r"<tr>(.*?)</tr>", report, re.S)
    cells = [[text_of(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)] for row in rows]
    return [row for row in cells if row]


def test_hand_corrections_to_the_cleaning_stay_text(site: Path) -> None:
    # `drop:` texts land in the cleaning report's table: a pipe splits no row, a
    # backtick opens no code span, a tag stays text.
    article = (site / "articles" / "hostile" / "index.html").read_text(encoding="utf-8")
    assert '<td data-label="内容">表格检验：竖线|和反引号`code`以及</td>' in article
    rows = _report_rows(article)
    assert all(len(row) == 4 for row in rows), rows
    dropped = [row[2] for row in rows if row[1] == "编者在 timeline.yaml 中删去"]
    assert dropped == [
        "表格检验：竖线|和反引号`code`以及",
        '<a href="javascript:alert(4)">点这里</a>',
    ]
    assert article.count('<td data-label="原因">编者在 timeline.yaml 中删去</td>') == 2
    assert ["3", "署名（已移入作者）", "本报记者 张三", 'keep: ["本报记者 张三"]'] in rows
    assert '<td data-label="恢复"><code>keep: [' in article  # the line to copy back, as code
    # `keep:` put the raw headline line back as a paragraph, entity text and all.
    kept = (site / "articles" / "hostile_md" / "index.html").read_text(encoding="utf-8")
    assert '<p id="p1"># 标题里的&amp;lt;img src=x onerror=alert(5)&amp;gt;</p>' in kept


def test_raw_markdown_seed_is_published_as_plain_text(site: Path) -> None:
    raw = site / "raw" / "hostile_md.md.txt"
    # The text as collected, in UTF-8 with a BOM (see pipeline.raw_bytes).
    source = (HOSTILE / "seeds" / "hostile_md.md").read_bytes().decode("utf-8")
    assert raw.read_bytes() == b"\xef\xbb\xbf" + source.replace("\r\n", "\n").encode("utf-8")
    assert not (site / "raw" / "hostile_md").exists()
    assert not list((site / "raw").glob("*.html"))


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>"],
)
def test_override_url_with_a_script_scheme_is_an_error(
    project: Path, tmp_path: Path, url: str
) -> None:
    text = (HOSTILE / "timeline.yaml").read_text(encoding="utf-8")
    good = "    url: 'https://example.com/\"><script>alert(1)</script>'\n"
    assert good in text
    (tmp_path / "timeline.yaml").write_text(text.replace(good, f"    url: '{url}'\n"), "utf-8")
    seeds = str(project / "seeds")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "timeline.yaml", "--articles", seeds],
        cwd=tmp_path,
        capture_output=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    line = text[: text.index(good)].count("\n") + 1
    assert result.stderr == (
        f"timeline.yaml:{line}:10: error: `url` must be an http:// or https:// address, "
        f"got `{url}`\n"
    )


# --- exports --------------------------------------------------------------------------

TITLE = '<script>alert(1)</script>标题<img src=x onerror=alert(1)>{: onclick="alert(1)" }'


def test_json_export_holds_the_literal_strings(site: Path) -> None:
    data = json.loads((site / "timeline.json").read_text(encoding="utf-8"))
    events = {event["id"]: event for event in data["events"]}
    event = events["hostile-text"]
    assert event["title"] == TITLE
    assert event["tags"] == ["<script>alert(1)</script>", "../../escape", "{{ config }}"]
    assert event["entities"]["people"] == ["<img src=x onerror=alert(1)>"]
    assert event["sources"][0]["quote"] == "以及<script>alert(2)</script>都显示为文字"
    articles = {article["id"]: article for article in data["articles"]}
    assert articles["hostile"]["title"] == "改过的标题</title><script>alert(3)</script>"
    assert articles["hostile"]["source_url"] == 'https://example.com/"><script>alert(1)</script>'


def test_ics_export_cannot_be_given_extra_properties(site: Path) -> None:
    data = (site / "timeline.ics").read_bytes()
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8").split("\r\n")
    assert not [line for line in unfolded if line.startswith("ATTENDEE")]
    calendar = icalendar.Calendar.from_ical(data)
    events = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    assert all("ATTENDEE" not in event for event in events.values())
    description = str(events["hostile-controls"]["DESCRIPTION"])
    assert "\nATTENDEE:mailto:evil@example.com" in description  # inside the text, as text
    assert str(events["hostile-text"]["SUMMARY"]) == TITLE


def test_ics_export_escapes_a_line_break_in_a_title() -> None:
    # Validation refuses line breaks in titles; the exporter must not rely on that.
    source = SourceRef("a", "引文")
    event = Event(
        "x", PartialDate(2020, 4, 1), "标题\r\nATTENDEE:mailto:evil@example.com", (source,)
    )
    corpus = Corpus(articles=(), timeline=Timeline("timeline.yaml", events=(event,)))
    data = timeline_ics(corpus, "https://example.org/", dt.datetime(2020, 4, 8))
    calendar = icalendar.Calendar.from_ical(data)
    [vevent] = calendar.walk("VEVENT")
    assert "ATTENDEE" not in vevent
    assert str(vevent["SUMMARY"]) == "标题\nATTENDEE:mailto:evil@example.com"


def test_feed_is_well_formed_and_its_html_is_inert(site: Path) -> None:
    data = (site / "feed.xml").read_bytes()
    assert b"<script" not in data.lower()  # every `<` of the input is escaped in the XML
    feed = feedparser.parse(data)
    assert feed.bozo == 0
    entries = {entry.title: entry for entry in feed.entries}
    assert TITLE in entries
    for entry in feed.entries:
        markup = parse(entry.content[0].value)
        assert unsafe(markup) == [], entry.title
        assert not {"script", "iframe"} & {tag for tag, _ in markup.elements}
    # The summary's `![x](data:...)` keeps its image, without the data: URL.
    images = [
        attrs for tag, attrs in parse(entries[TITLE].content[0].value).elements if tag == "img"
    ]
    assert images == [[("alt", "x")]]
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in entries[TITLE].content[0].value


def test_timelinejs_export_is_inert_html(site: Path) -> None:
    data = json.loads((site / "timelinejs.json").read_text(encoding="utf-8"))
    slides = {slide["unique_id"]: slide for slide in data["events"]}
    hostile = slides["hostile-text"]
    assert html.unescape(hostile["text"]["headline"]) == TITLE
    assert "<" not in hostile["text"]["headline"]
    # TimelineJS decodes a group's label and writes it as HTML: tags never become groups.
    assert all("group" not in slide for slide in data["events"])
    for slide in data["events"]:
        markup = parse(slide["text"]["text"])
        assert unsafe(markup) == [], slide["unique_id"]
        assert not [tag for tag, _ in markup.elements if tag == "script"]
