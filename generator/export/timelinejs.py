"""``timelinejs.json``: the events in the JSON format of Knight Lab's TimelineJS3.

TimelineJS puts ``headline``, ``text`` and the labels into the page as HTML, so
every string from the input is escaped here and the summary goes through the safe
Markdown renderer. Date parts are strings, as in TimelineJS's own examples, and a
part the date does not know (month, day) is left out rather than guessed.
"""

from __future__ import annotations

import html
from typing import Any

from ..model import Corpus, Event, PartialDate
from . import jsonfile
from .htmlparts import event_html
from .links import Links, in_order

MORE = "查看事件详情"


def _date(date: PartialDate) -> dict[str, str]:
    out = {"year": str(date.year)}
    if date.month is not None:
        out["month"] = str(date.month)
    if date.day is not None:
        out["day"] = str(date.day)
    return out


def _slide(event: Event, links: Links) -> dict[str, Any]:
    slide: dict[str, Any] = {"start_date": _date(event.date)}
    if event.end is not None:
        slide["end_date"] = _date(event.end)
    slide["text"] = {
        "headline": html.escape(event.title),
        "text": event_html(event, links, more=MORE),
    }
    if event.tags:
        slide["group"] = html.escape(event.tags[0])
    slide["unique_id"] = event.id
    when = event.date.zh() + (f"至{event.end.zh()}" if event.end else "")
    slide["display_date"] = html.escape(when)
    return slide


def timelinejs_json(corpus: Corpus, site_url: str, title: str = "时间线", text: str = "") -> bytes:
    """The TimelineJS document: a title slide and one slide per event, in timeline order."""
    links = Links.of(corpus, site_url)
    data = {
        "title": {"text": {"headline": html.escape(title), "text": html.escape(text)}},
        "events": [_slide(event, links) for event in in_order(corpus)],
    }
    return jsonfile.dump(data)
