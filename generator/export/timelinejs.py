"""``timelinejs.json``: the events in the JSON format of Knight Lab's TimelineJS3.

TimelineJS puts ``headline``, ``text`` and the labels into the page as HTML, so
every string from the input is escaped here and the summary goes through the safe
Markdown renderer. Date parts are strings, as in TimelineJS's own examples, and a
part the date does not know (month, day) is left out rather than guessed.

Three choices follow from how TimelineJS 3.9 draws (see ``src/js`` of its package):

- A range is drawn from ``start_date`` to the first moment of ``end_date``
  (``TimeScale._computePositionInfo``), so an ``end_date`` of 2020-03-02 stops
  before that day begins, and 2020-03 before March does. ``end_date`` is therefore the
  day after the last day, at the end's own precision (2020-03-03, 2020-04), exclusive
  like the iCalendar DTEND, and it carries the last day as its ``display_date``.
- No ``group``: each group gets its own row in the time strip, and one per first tag
  (15 on this timeline, one more with each new tag) left the story 315 of 800 pixels;
  without, it has 610. Tags have their own pages on the site. TimelineJS also decodes
  a group's label to text and then writes it into the page as HTML
  (``TimeGroup._initLayout``): a tag ``<img src=x onerror=…>``, escaped here, runs.
- The title slide is the site's name, with its description as text.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
from typing import Any

from ..labels import Labels
from ..model import Corpus, Event, PartialDate, Precision
from . import jsonfile
from .htmlparts import event_html
from .jsonfile import Encoded
from .links import Links, in_order, placeless, source_titles

MORE = "查看事件详情"
# Dates read as on the site's pages (one format for the whole project).
WORDS = Labels()


def _parts(day: dt.date, precision: Precision) -> dict[str, str]:
    out = {"year": str(day.year)}
    if precision != "year":
        out["month"] = str(day.month)
    if precision == "day":
        out["day"] = str(day.day)
    return out


def _date(date: PartialDate) -> dict[str, str]:
    return _parts(date.first_day(), date.precision)


def _end_date(event: Event) -> dict[str, str] | None:
    """The exclusive end TimelineJS needs to draw the whole last day (or month, year)."""
    end = event.end
    if end is None or end.last_day() == event.date.last_day():
        return None  # no longer than the start date alone: a point, as without `end`
    out = _parts(end.last_day() + dt.timedelta(days=1), end.precision)
    out["display_date"] = html.escape(WORDS.date(end))
    return out


def _slide(event: Event, links: Links) -> Encoded:
    return _slide_json(placeless(event), source_titles(event, links), links.site_url)


@functools.lru_cache(maxsize=20_000)  # kept while the event stays the same (see .links)
def _slide_json(event: Event, titles: tuple[str, ...], site_url: str) -> Encoded:
    links = Links(site_url, {})
    slide: dict[str, Any] = {"start_date": _date(event.date)}
    end_date = _end_date(event)
    if end_date is not None:
        slide["end_date"] = end_date
    slide["text"] = {
        "headline": html.escape(event.title),
        "text": event_html(event, links, more=MORE, titles=titles),
    }
    slide["unique_id"] = event.id
    slide["display_date"] = html.escape(WORDS.date_range(event.date, event.end))
    return jsonfile.encoded(slide)


def timelinejs_json(corpus: Corpus, site_url: str, title: str = "时间线", text: str = "") -> bytes:
    """The TimelineJS document: a title slide (``title``, the site's name, over ``text``,
    its description) and one slide per event, in timeline order."""
    links = Links.of(corpus, site_url)
    data = {
        "title": {"text": {"headline": html.escape(title), "text": html.escape(text)}},
        "events": [_slide(event, links) for event in in_order(corpus)],
    }
    return jsonfile.dump(data)
