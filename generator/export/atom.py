"""``feed.xml``: the events as an Atom 1.0 feed (RFC 4287), newest added first.

Built with ElementTree so every string is escaped by the serializer. A reader shows an
entry as new by its ``published``/``updated`` date, so each entry carries the day the
curator added the event (``added:`` in timeline.yaml) at 00:00Z, and the event's first
day when that is not given: an event that happened in 2020 but was added today is new
today. Dates, never the clock, keep the bytes reproducible. Without an absolute
``site_url`` the ids are stable ``urn:uuid:`` names (Atom ids must be absolute IRIs)
and the links stay relative to the feed, which sits at the site root; the ``self``
link is left out because it must not be relative.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import xml.etree.ElementTree as ET

from ..model import Corpus, Event
from ..paths import url_of
from .htmlparts import event_html
from .links import (
    Links,
    midnight,
    newest_first,
    placeless,
    published,
    source_titles,
    updated_at,
    urn_for,
)

ATOM = "http://www.w3.org/2005/Atom"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ENTRIES = "timeline-entries"
# Characters XML 1.0 cannot hold at all, not even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _entry(event: Event, links: Links) -> str:
    """The event's ``<entry>``, indented for its place in the feed."""
    return _entry_xml(placeless(event), source_titles(event, links), links.site_url)


@functools.lru_cache(maxsize=20_000)  # kept while the event stays the same (see .links)
def _entry_xml(event: Event, titles: tuple[str, ...], site_url: str) -> str:
    links = Links(site_url, {})
    entry = ET.Element("entry")
    permalink = links.event(event)
    _sub(entry, "id", permalink if links.absolute else urn_for("event", event.id))
    _sub(entry, "title", event.title, type="text")
    when = _stamp(midnight(published(event)))
    _sub(entry, "published", when)
    _sub(entry, "updated", when)
    _sub(entry, "link", rel="alternate", type="text/html", href=permalink)
    if event.summary.strip():
        _sub(entry, "summary", event.summary, type="text")
    _sub(entry, "content", event_html(event, links, titles=titles), type="html")
    for tag in event.tags:
        _sub(entry, "category", term=tag)
    ET.indent(entry, level=1)
    return ET.tostring(entry, encoding="unicode")


def atom_feed(
    corpus: Corpus,
    site_url: str,
    updated: dt.datetime | None = None,
    title: str = "时间线",
    author: str = "时间线编者",
    subtitle: str = "",
) -> bytes:
    """The Atom feed ``title`` (the site's name; ``subtitle``, its description, if any)
    as UTF-8 bytes with an XML declaration. ``updated`` defaults to the newest entry's."""
    links = Links.of(corpus, site_url)
    # Plain tag names plus an ``xmlns`` attribute: ElementTree's ``default_namespace``
    # refuses the unqualified attributes (``href``, ``rel``) that Atom uses.
    feed = ET.Element("feed", {"xmlns": ATOM, _XML_LANG: "zh"})
    _sub(feed, "id", site_url if links.absolute else urn_for("feed", title))
    _sub(feed, "title", title, type="text")
    if subtitle.strip():
        _sub(feed, "subtitle", subtitle.strip(), type="text")
    _sub(feed, "updated", _stamp(updated_at(corpus, updated)))
    if links.absolute:
        href = url_of("feed.xml", site_url)
        _sub(feed, "link", rel="self", type="application/atom+xml", href=href)
    _sub(feed, "link", rel="alternate", type="text/html", href=site_url or "./")
    _sub(_sub(feed, "author"), "name", author)
    _sub(feed, "generator", "timeline-generator")
    entries = [_entry(event, links) for event in newest_first(corpus)]
    if entries:
        # Each entry is written on its own (and kept); a placeholder holds their place
        # and indentation. Its tag cannot come from the input: text is escaped.
        _sub(feed, _ENTRIES)
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    body = body.replace(f"<{_ENTRIES} />", "\n  ".join(entries), 1)
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")
