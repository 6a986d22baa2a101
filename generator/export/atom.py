"""``feed.xml``: the events as an Atom 1.0 feed (RFC 4287), newest added first.

The feed's own elements are built with ElementTree, which escapes every string; each
entry is written here in the form ElementTree gives it (a test holds the two to the
same text for any event), because building and serializing 10,000 small trees was most
of what the feed cost. A reader shows an entry as new by its ``published``/``updated``
date, so each entry carries the day the curator added the event (``added:`` in
timeline.yaml) at 00:00Z, and the event's first day when that is not given: an event
that happened in 2020 but was added today is new today. Dates, never the clock, keep
the bytes reproducible. The feed holds the newest :data:`FEED_ENTRIES` entries only:
a reader fetches the whole file at every poll, and 10,000 events made a 10 MB feed
(the whole timeline is in ``timeline.json`` and ``timeline.ics``). Without an absolute
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
FEED_ENTRIES = 50  # a day's additions, even a big batch, with room to spare
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
    """The ``<entry>`` as ``ET.indent(entry, level=1)`` and ``ET.tostring`` write it."""
    links = Links(site_url, {})
    permalink = links.event(event)
    when = _stamp(midnight(published(event)))
    parts = [
        _element("id", permalink if links.absolute else urn_for("event", event.id)),
        _element("title", event.title, type="text"),
        _element("published", when),
        _element("updated", when),
        _element("link", None, rel="alternate", type="text/html", href=permalink),
    ]
    if event.summary.strip():
        parts.append(_element("summary", event.summary, type="text"))
    parts.append(_element("content", event_html(event, links, titles=titles), type="html"))
    parts += [_element("category", None, term=tag) for tag in event.tags]
    return "<entry>\n    " + "\n    ".join(parts) + "\n  </entry>"


def _element(tag: str, text: str | None, **attrs: str) -> str:
    """One childless element as ElementTree serializes it (its escaping, ``" />"``)."""
    head = tag + "".join(f' {k}="{_attribute(_clean(v))}"' for k, v in attrs.items())
    body = _clean(text) if text is not None else ""
    return f"<{head}>{_character_data(body)}</{tag}>" if body else f"<{head} />"


def _character_data(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(text: str) -> str:
    text = _character_data(text).replace('"', "&quot;").replace("\r", "&#13;")
    return text.replace("\n", "&#10;").replace("\t", "&#09;")


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
    entries = [_entry(event, links) for event in newest_first(corpus)[:FEED_ENTRIES]]
    if entries:
        # Each entry is written on its own (and kept); a placeholder holds their place
        # and indentation. Its tag cannot come from the input: text is escaped.
        _sub(feed, _ENTRIES)
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    body = body.replace(f"<{_ENTRIES} />", "\n  ".join(entries), 1)
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")
