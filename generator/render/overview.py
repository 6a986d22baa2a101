"""The home page's overview: counts, date span, exports, and the period drawn as SVG.

The drawing is inline SVG made at build time, so a reader sees the whole period
without JavaScript: one dot per event on a date axis, each dot a link.
"""

from __future__ import annotations

import datetime as dt

from .. import paths
from ..mdwrite import escape_attr
from ..model import Corpus, Event, PartialDate
from .common import event_date, month_title
from .layout import TimelineLayout, plan_timeline

WIDTH, ROW, TOP, PAD = 960, 14, 34, 24
EXPORTS = (
    ("timeline.json", "JSON"),
    ("timeline.ics", "日历（ICS）"),
    ("feed.xml", "Atom 订阅"),
    ("timelinejs.json", "TimelineJS"),
)


def overview(corpus: Corpus) -> str:
    """Markdown (with inline SVG) for the home page; links are relative to the site root."""
    events = corpus.events
    lines = [f"收录 **{len(corpus.articles)}** 篇文章、**{len(events)}** 个事件"]
    if events:
        last = max((e.end or e.date).last_day() for e in events)
        lines[0] += f"，时间跨度 {events[0].date.zh()} 至 {last.year}年{last.month}月{last.day}日"
    lines[0] += "。"
    lines += ["", svg(events), ""] if events else []
    exports = " · ".join(f"[{label}]({path})" for path, label in EXPORTS)
    lines += [f"导出数据：{exports}", ""]
    return "\n".join(lines)


def _x(day: dt.date, first: dt.date, span: int) -> float:
    return PAD + (WIDTH - 2 * PAD) * (day - first).days / span


def svg(events: tuple[Event, ...]) -> str:
    # The axis spans whole months, so every month gets a labelled stretch.
    start = min(e.date.first_day() for e in events)
    first = start.replace(day=1)
    last = PartialDate(*_year_month(max((e.end or e.date).last_day() for e in events))).last_day()
    span = max((last - first).days, 1)
    rows: list[float] = []  # right edge of the last mark in each row
    dots = []
    for event in events:
        x = _x(event.date.first_day(), first, span)
        x_end = _x((event.end or event.date).last_day(), first, span) if _is_bar(event) else x
        row = next((i for i, edge in enumerate(rows) if edge + 12 <= x), len(rows))
        if row == len(rows):
            rows.append(0.0)
        rows[row] = max(x_end, x + 8)
        y = TOP + ROW * (row + 1)
        label = escape_attr(f"{event_date(event)} {event.title}")
        href = paths.url_of(paths.event_page(event.id))
        dots.append(f'<a href="{href}"><title>{label}</title>{_dot(x, x_end, y, event)}</a>')
    height = TOP + ROW * (len(rows) + 1)
    ticks = _month_ticks(plan_timeline(events), first, last, span, height)
    return (
        f'<figure class="timeline-overview"><svg viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="事件时间分布图" xmlns="http://www.w3.org/2000/svg">'
        f'<line x1="{PAD}" y1="{TOP}" x2="{WIDTH - PAD}" y2="{TOP}" class="axis"/>'
        + "".join(ticks)
        + "".join(dots)
        + "</svg><figcaption>每个点是一个事件，横条是只知道月份或跨越多日的事件；"
        "点击查看。</figcaption></figure>"
    )


def _year_month(day: dt.date) -> tuple[int, int]:
    return day.year, day.month


def _is_bar(event: Event) -> bool:
    return event.date.precision != "day" or event.end is not None


def _dot(x: float, x_end: float, y: int, event: Event) -> str:
    """A circle for a day; a bar across the period for a month, a year or a range."""
    if not _is_bar(event):
        return f'<circle cx="{x:.1f}" cy="{y}" r="5"/>'
    return f'<rect x="{x:.1f}" y="{y - 4}" width="{max(x_end - x, 8):.1f}" height="8" rx="4"/>'


def _month_ticks(
    layout: TimelineLayout, first: dt.date, last: dt.date, span: int, height: int
) -> list[str]:
    """A labelled tick per month, linked to where the month starts in the timeline;
    a month without events has nowhere to go, so its label is plain text."""
    out = []
    month = dt.date(first.year, first.month, 1)
    while month <= last:
        x = max(_x(month, first, span), PAD)
        key = (month.year, month.month)
        label = f"{month_title(key)}（{layout.months.get(key, 0)}）"
        text = f'<text x="{x + 4:.1f}" y="{TOP - 12}">{label}</text>'
        place = layout.month_place(key)
        if place is not None:
            text = f'<a href="{paths.url_of(place[0], anchor=place[1])}">{text}</a>'
        out.append(
            f'<line x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{height}" class="tick"/>{text}'
        )
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return out
