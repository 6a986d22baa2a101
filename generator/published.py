"""Does a built site point at itself? A fork that publishes with the upstream's URLs
sends its feed readers, calendar subscribers and "edit" buttons to someone else's site.

``python -m generator published SITE_DIR --site-url URL --repo-url URL`` reads the
published URLs (feed, calendar, JSON, sitemap, canonical links, edit buttons) and
reports every one that is not under the expected addresses, one line each. The Pages
workflow runs it after the build, with the addresses GitHub gives that repository.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from .messages import say
from .model import Diagnostic

_FEED_LINK = re.compile(r'<(?:id|link[^>]*href=")\s*>?(https?://[^<"\s]+)')
_ICS_URL = re.compile(r"^URL(?:;[^:]*)?:(\S+)", re.M)
_SITEMAP = re.compile(r"<loc>([^<]+)</loc>")
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
_EDIT = re.compile(r'<a href="([^"]+)" title="[^"]*" class="md-content__button')


def _site_urls(site: Path) -> Iterator[tuple[str, str]]:
    """(file, URL) for every absolute URL the site publishes for itself."""
    feed = site / "feed.xml"
    if feed.is_file():
        for url in _FEED_LINK.findall(feed.read_text(encoding="utf-8")):
            if not url.startswith("urn:"):
                yield "feed.xml", url
    calendar = site / "timeline.ics"
    if calendar.is_file():
        # Long lines are folded (a line break and a space): unfold before reading.
        text = re.sub(r"\r?\n[ \t]", "", calendar.read_text(encoding="utf-8"))
        for url in _ICS_URL.findall(text):
            yield "timeline.ics", url
    data = site / "timeline.json"
    if data.is_file():
        for event in json.loads(data.read_text(encoding="utf-8")).get("events", []):
            yield "timeline.json", str(event.get("url", ""))
    sitemap = site / "sitemap.xml"
    if sitemap.is_file():
        for url in _SITEMAP.findall(sitemap.read_text(encoding="utf-8")):
            yield "sitemap.xml", url


def _page_urls(site: Path) -> Iterator[tuple[str, str, bool]]:
    """(page, URL, is an edit link) for the canonical and edit links of every page."""
    for page in sorted(site.rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        name = str(page.relative_to(site))
        yield from ((name, url, False) for url in _CANONICAL.findall(text))
        yield from ((name, url, True) for url in _EDIT.findall(text))


def check(site: Path, site_url: str, repo_url: str) -> list[Diagnostic]:
    """One line per file (and setting) whose published URLs are not under ``site_url``
    (edit links: not under ``repo_url``), naming the first such URL and how many."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    repo = repo_url.rstrip("/") + "/"
    wrong: dict[tuple[str, str], list[tuple[str, str]]] = {}  # (where, setting) -> [(file, url)]
    seen = 0
    urls = [(f, u, False) for f, u in _site_urls(site)] + list(_page_urls(site))
    for file, url, edit in urls:
        seen += 1
        expected, setting = (repo, "repo_url") if edit else (base, "site_url")
        if url and not url.startswith(expected):
            where = "pages" if file.endswith(".html") else file  # pages: one line for all
            wrong.setdefault((where, setting), []).append((file, url))
    if not seen:
        said = say("no published URL found: is this a built site?")
        return [Diagnostic(str(site), 1, 1, said)]
    return [
        Diagnostic(
            str(site / found[0][0]),
            1,
            1,
            say(
                "{count} URL(s) not under {base}, such as {url}: set {setting} (mkdocs.yml, "
                "or {variable} in the environment) to this repository's address",
                count=len(found),
                base=base if setting == "site_url" else repo,
                url=found[0][1],
                setting=setting,
                variable=setting.upper(),
            ),
        )
        for (_, setting), found in wrong.items()
    ]
