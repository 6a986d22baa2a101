"""The built site is cross-linked both ways, and its exports parse with real parsers."""

from __future__ import annotations

import json
import re
import urllib.parse
from pathlib import Path
from typing import Any

import feedparser
import icalendar
import pytest

pytestmark = pytest.mark.slow


def page_for(site: Path, url: str) -> tuple[Path, str]:
    """The HTML file behind a published URL, and the URL's fragment."""
    parts = urllib.parse.urlsplit(url)
    path = urllib.parse.unquote(parts.path)
    base = urllib.parse.urlsplit(_site_url()).path
    rel = path[len(base) :] if path.startswith(base) else path.lstrip("/")
    return site / rel / "index.html", urllib.parse.unquote(parts.fragment)


def _site_url() -> str:
    from mkdocs.config import load_config

    from .conftest import ROOT

    return str(load_config(str(ROOT / "mkdocs.yml")).site_url)


@pytest.fixture(scope="module")
def timeline(built_site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((built_site / "timeline.json").read_text(encoding="utf-8"))
    return data


def test_every_event_permalink_and_deep_link_resolves(
    built_site: Path, timeline: dict[str, Any]
) -> None:
    for event in timeline["events"]:
        page, _ = page_for(built_site, event["url"])
        assert page.is_file(), event["url"]
        for source in event["sources"]:
            article, fragment = page_for(built_site, source["url"])
            html = article.read_text(encoding="utf-8")
            assert re.fullmatch(r"p\d+", fragment), source["url"]
            assert f'id="{fragment}"' in html, source["url"]
            # the passage is highlighted in place, tagged with the event's id
            paragraph = re.search(rf'<(p|li) id="{fragment}">(.*?)</\1>', html, re.S)
            assert paragraph is not None
            assert f'data-event="{event["id"]}"' in paragraph.group(2)


def test_every_cited_article_links_back_to_each_citing_event(
    built_site: Path, timeline: dict[str, Any]
) -> None:
    for event in timeline["events"]:
        for source in event["sources"]:
            article, _ = page_for(built_site, source["url"])
            html = article.read_text(encoding="utf-8")
            assert f'href="../../events/{event["id"]}/"' in html, (event["id"], source["article"])


def test_calendar_parses_with_one_event_per_timeline_event(
    built_site: Path, timeline: dict[str, Any]
) -> None:
    calendar = icalendar.Calendar.from_ical((built_site / "timeline.ics").read_bytes())
    vevents = calendar.walk("VEVENT")
    assert len(vevents) == len(timeline["events"])
    by_url = {str(v["URL"]): v for v in vevents}
    for event in timeline["events"]:
        vevent = by_url[event["url"]]
        assert str(vevent["SUMMARY"]) == event["title"]
        start: Any = vevent["DTSTART"]
        assert start.dt.isoformat().startswith(event["date"])


def test_feed_parses_and_links_every_event(built_site: Path, timeline: dict[str, Any]) -> None:
    feed = feedparser.parse((built_site / "feed.xml").read_bytes())
    assert feed.bozo == 0
    assert {e.link for e in feed.entries} == {e["url"] for e in timeline["events"]}


def test_timelinejs_and_search_index_are_published(built_site: Path) -> None:
    tjs = json.loads((built_site / "timelinejs.json").read_text(encoding="utf-8"))
    assert tjs["events"] and all("start_date" in e for e in tjs["events"])
    assert (built_site / "pagefind" / "pagefind-entry.json").is_file()
    assert (built_site / "pagefind" / "pagefind-ui.js").is_file()


_HREF = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"')
_ID = re.compile(r'\bid="([^"]*)"')


def test_every_link_on_every_page_resolves(built_site: Path) -> None:
    """Every relative link in the built HTML reaches a file, and its anchor an element.

    MkDocs checks the links it rewrites (Markdown links to ``.md`` files) but not those
    in HTML blocks, which the page templates write: this covers both.
    """
    ids: dict[Path, set[str]] = {}

    def anchors(page: Path) -> set[str]:
        if page not in ids:
            ids[page] = set(_ID.findall(page.read_text(encoding="utf-8")))
        return ids[page]

    broken = []
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        if page.name == "404.html":
            continue  # served at any address: its links are absolute
        for href in _HREF.findall(page.read_text(encoding="utf-8")):
            parts = urllib.parse.urlsplit(href.replace("&amp;", "&"))
            if parts.scheme or href.startswith("//"):
                continue
            target = (page.parent / urllib.parse.unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not parts.path:
                target = page
            fragment = urllib.parse.unquote(parts.fragment)
            if not target.is_file():
                broken.append(f"{page.relative_to(built_site)}: {href} (no file)")
            elif fragment and target.suffix == ".html" and fragment not in anchors(target):
                broken.append(f"{page.relative_to(built_site)}: {href} (no #{fragment})")
    assert not broken, "\n".join(broken[:30])
