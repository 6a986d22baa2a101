"""feed.xml: valid Atom read back by feedparser, and inert HTML content."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import replace
from html.parser import HTMLParser
from typing import Any

import feedparser
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.export import atom, atom_feed
from generator.export.htmlparts import event_html
from generator.export.links import Links, midnight, published, urn_for
from generator.model import Corpus, Event, Timeline

from .export_corpus import HOSTILE_EVENT, HOSTILE_TITLE, LONG_SUMMARY, SITE, SPRING_2008, corpus

NS = {"a": "http://www.w3.org/2005/Atom"}
# Two 2020-04-07 events: ties go by id ascending, so the chunlei one precedes hostile.
NEWEST_FIRST = ["2020-04-07-chunlei", "hostile", "2020-01-covid", "2008-spring-thunder"]


class Tags(HTMLParser):
    """Every start tag of an HTML fragment with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse(raw: bytes) -> Any:
    feed = feedparser.parse(raw)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


def test_feed_metadata() -> None:
    stamp = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.timezone.utc)
    raw = atom_feed(corpus(), SITE, stamp, title="春雷 & 时间线", author="编者 <甲>")
    feed = parse(raw).feed
    assert feed.id == SITE
    assert feed.title == "春雷 & 时间线"
    assert feed.updated == "2024-05-06T07:08:09Z"
    assert feed.author_detail.name == "编者 <甲>"
    assert feed.language == "zh"
    links = {link.rel: link.href for link in feed.links}
    assert links == {"self": SITE + "feed.xml", "alternate": SITE}
    assert raw.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http')


def test_site_name_titles_the_feed_and_its_description_is_the_subtitle() -> None:
    raw = atom_feed(corpus(), SITE, title="数字抗疫时间线", subtitle="平台企业 <抗疫> 时间线")
    feed = parse(raw).feed
    assert (feed.title, feed.subtitle) == ("数字抗疫时间线", "平台企业 <抗疫> 时间线")
    root = ET.fromstring(raw)
    assert root.find("a:subtitle", NS) is not None
    assert ET.fromstring(atom_feed(corpus(), SITE)).find("a:subtitle", NS) is None


def test_an_event_added_later_comes_first_and_is_new_as_of_that_day() -> None:
    """A reader marks an entry new by its date: an event that happened in 2008 but was
    added to the timeline after the others must lead the feed, dated the day it was added."""
    base = corpus()
    late = replace(SPRING_2008, added=dt.date(2026, 11, 26))
    earlier = replace(HOSTILE_EVENT, added=dt.date(2026, 11, 23))  # happened 2020-04-07
    rest = [e for e in base.events if e.id not in (late.id, earlier.id)]  # no `added`
    timeline = Timeline("timeline.yaml", (*rest, earlier, late))
    raw = atom_feed(Corpus(base.articles, timeline), SITE, title="数字抗疫时间线")
    feed = parse(raw)
    assert feed.feed.title == "数字抗疫时间线"
    assert feed.feed.updated == "2026-11-26T00:00:00Z"  # the newest entry's
    events = "https://example.org/timeline/events/"
    assert [(e.id, e.published, e.updated) for e in feed.entries] == [
        (events + "2008-spring-thunder/", "2026-11-26T00:00:00Z", "2026-11-26T00:00:00Z"),
        (events + "hostile/", "2026-11-23T00:00:00Z", "2026-11-23T00:00:00Z"),
        # Without `added`, by the event's own date, as before.
        (events + "2020-04-07-chunlei/", "2020-04-07T00:00:00Z", "2020-04-07T00:00:00Z"),
        (events + "2020-01-covid/", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z"),
    ]
    for entry in feed.entries:
        assert entry.title and entry.link and entry.content[0].value
    pinned = dt.datetime(2027, 1, 2, tzinfo=dt.timezone.utc)  # a given `updated` still wins
    assert parse(atom_feed(Corpus(base.articles, timeline), SITE, pinned)).feed.updated == (
        "2027-01-02T00:00:00Z"
    )


def test_the_feed_holds_the_newest_entries_only() -> None:
    """A reader downloads the whole feed at each poll: a big timeline's feed carries the
    newest ``FEED_ENTRIES``, chosen by the day each event was added, not by its date."""
    base = corpus()
    start = dt.date(2026, 1, 1)
    # Added on days 0..56 of 2026, written to the file in a shuffled order; the oldest
    # event in history (2008) was added last.
    days = [(k * 23) % 57 for k in range(57)]
    events = [
        replace(SPRING_2008, id=f"e{day:02d}", added=start + dt.timedelta(days=day)) for day in days
    ]
    # No `added`: dated 2020-04-07, older than any addition, so it is left out.
    timeline = Timeline("timeline.yaml", (*events, HOSTILE_EVENT))
    feed = parse(atom_feed(Corpus(base.articles, timeline), SITE))
    assert len(feed.entries) == atom.FEED_ENTRIES == 50
    events_url = "https://example.org/timeline/events/"
    assert [e.id for e in feed.entries] == [
        f"{events_url}e{day:02d}/" for day in range(56, 56 - atom.FEED_ENTRIES, -1)
    ]
    assert feed.feed.updated == "2026-02-26T00:00:00Z"  # day 56: the newest entry's


def test_defaults_and_updated_derived_from_latest_event() -> None:
    feed = parse(atom_feed(corpus(), SITE)).feed
    assert (feed.title, feed.author_detail.name) == ("时间线", "时间线编者")
    assert feed.updated == "2020-04-07T00:00:00Z"


def test_entries_newest_first_and_round_trip() -> None:
    entries = parse(atom_feed(corpus(), SITE)).entries
    events = "https://example.org/timeline/events/"
    assert [entry.id for entry in entries] == [events + i + "/" for i in NEWEST_FIRST]
    assert [entry.link for entry in entries] == [events + i + "/" for i in NEWEST_FIRST]
    assert [entry.title for entry in entries] == [
        "“春雷计划2020”启动",
        HOSTILE_TITLE,
        "新冠肺炎疫情来袭",
        "阿里巴巴首次启动“春雷计划”",
    ]
    # No `added`: an entry is dated by the event's first day, published and updated alike.
    assert [entry.updated for entry in entries] == [
        "2020-04-07T00:00:00Z",
        "2020-04-07T00:00:00Z",
        "2020-01-01T00:00:00Z",
        "2008-01-01T00:00:00Z",
    ]
    assert [entry.published for entry in entries] == [entry.updated for entry in entries]
    assert entries[0].summary == LONG_SUMMARY
    assert [tag.term for tag in entries[1].tags] == ["<i>x</i>", "a,b", "c;d"]
    # feedparser copies content into a missing summary, so look at the XML itself.
    root = ET.fromstring(atom_feed(corpus(), SITE))
    assert [e.find("a:summary", NS) is None for e in root.iterfind("a:entry", NS)] == [
        False,
        False,
        True,  # the covid event has no summary: none is invented
        False,
    ]


def contents(raw: bytes) -> dict[str, str]:
    """Each entry's HTML content as the XML parser decodes it, by event id."""
    root = ET.fromstring(raw)
    out = {}
    for entry in root.findall("a:entry", NS):
        content = entry.find("a:content", NS)
        assert content is not None and content.get("type") == "html"
        out[entry.findtext("a:id", "", NS).rstrip("/").rsplit("/")[-1]] = content.text or ""
    return out


def test_content_is_escaped_html_with_safe_links() -> None:
    raw = atom_feed(corpus(), SITE)
    assert b"<script" not in raw
    html = contents(raw)["hostile"]
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&quot;q&quot;)&lt;/script&gt;, 逗号; 分号" in html
    assert "&lt;img src=x onerror=alert(3)&gt;" in html
    assert "{{ site.url }}" in html
    parser = Tags()
    parser.feed(html)
    hrefs = [attrs.get("href") for tag, attrs in parser.tags if tag == "a"]
    assert hrefs == [
        None,  # javascript: link, href dropped
        None,  # entity-disguised javascript: link, href dropped
        "https://example.com/a?b=1&c=2",
        "https://example.org/timeline/articles/hostile/#p1",
    ]
    assert all(not name.startswith("on") for _, attrs in parser.tags for name in attrs)


def test_content_carries_summary_and_sources() -> None:
    html = contents(atom_feed(corpus(), SITE))["2020-04-07-chunlei"]
    assert html == (
        f"<p>{LONG_SUMMARY}</p>\n"
        "<blockquote>“时隔11年”</blockquote>\n<p>—— "
        '<a href="https://example.org/timeline/articles/chunlei-2020/#p1">'
        "阿里巴巴再次启动“春雷计划”</a></p>\n"
        "<blockquote>“春天的战役”</blockquote>\n<p>—— "
        '<a href="https://example.org/timeline/articles/chunlei-2020/">'
        "阿里巴巴再次启动“春雷计划”</a></p>"
    )


def test_without_site_url_ids_are_stable_urns_and_links_relative() -> None:
    raw = atom_feed(corpus(), "")
    feed = parse(raw)
    ids = [entry.id for entry in feed.entries]
    assert all(i.startswith("urn:uuid:") for i in [feed.feed.id, *ids])
    assert len(set(ids)) == len(ids)
    assert ids == [entry.id for entry in parse(atom_feed(corpus(), "")).entries]
    assert [link.rel for link in feed.feed.links] == ["alternate"]
    root = ET.fromstring(raw)
    hrefs = [link.get("href") for link in root.iterfind("a:entry/a:link", NS)]
    assert hrefs == [f"events/{i}/" for i in NEWEST_FIRST]


def element_tree_entry(event: Event, titles: tuple[str, ...], site_url: str) -> str:
    """The entry as ElementTree builds, indents and serializes it."""
    links = Links(site_url, {})

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> None:
        element = ET.SubElement(parent, tag, {k: atom._clean(v) for k, v in attrs.items()})
        if text is not None:
            element.text = atom._clean(text)

    entry = ET.Element("entry")
    permalink = links.event(event)
    sub(entry, "id", permalink if links.absolute else urn_for("event", event.id))
    sub(entry, "title", event.title, type="text")
    when = atom._stamp(midnight(published(event)))
    sub(entry, "published", when)
    sub(entry, "updated", when)
    sub(entry, "link", rel="alternate", type="text/html", href=permalink)
    if event.summary.strip():
        sub(entry, "summary", event.summary, type="text")
    sub(entry, "content", event_html(event, links, titles=titles), type="html")
    for tag in event.tags:
        sub(entry, "category", term=tag)
    ET.indent(entry, level=1)
    return ET.tostring(entry, encoding="unicode")


# What XML escapes in text and in attributes, what it cannot hold, and plain text.
_XML_TEXT = st.text(st.sampled_from([*"a 中&<>\"'\r\n\t\x00\x1f", "\ufffe", "𠮷"]), max_size=30)


@settings(max_examples=300, deadline=None)
@given(
    _XML_TEXT,
    _XML_TEXT,
    st.lists(_XML_TEXT.filter(bool), max_size=3),
    st.tuples(_XML_TEXT, _XML_TEXT),
    st.sampled_from([SITE, "", "https://例子.org/a b/"]),
)
def test_an_entry_is_written_exactly_as_element_tree_writes_it(
    title: str,
    summary: str,
    tags: list[str],
    quote_and_title: tuple[str, str],
    site_url: str,
) -> None:
    quote, source_title = quote_and_title
    base = corpus().events[1]
    source = replace(base.sources[0], quote=quote)
    event = replace(base, title=title, summary=summary, tags=tuple(tags), sources=(source,))
    titles = (source_title,)
    assert atom._entry_xml(event, titles, site_url) == element_tree_entry(event, titles, site_url)
