"""The top matter of an article: headline, kicker, subtitle, column labels, sidebars.

Above the body a page may print a column slogan (``迎难而上 看浙商 ③``), a teaser,
the headline in two or three lines (kicker, main title, subtitle), sidebar boxes
(a short label such as ``数字说话`` over a few sentences or bullets) and a QR-code
prompt, before the byline. The top matter ends at a byline found early in the
article, else at the first unit of running text.

Within it, runs of headline-shaped lines are candidates; a line directly followed
by text is a box label, not part of a headline. The run with the most characters
is the headline. What stands before it is a column label or a teaser (dropped),
what stands between it and the byline is a sidebar: kept, at the end of the
article under its label, because it is printed content but not part of the text.

Of the headline lines, the shortest is the main title (headlines are set in the
biggest type, so they are the shortest lines); a fragment of five characters or
less joins the line above it (``数字新基建的机遇来了`` + ``要抓住!``), and a line
ending in a colon joins the next (``字节跳动：`` + ``多矩阵产品抗击疫情``). Lines
above the main title are the kicker, lines below it the subtitle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .chars import han_count, is_han
from .lines import Line
from .meta import parse_byline
from .reflow import Layout, Unit, units
from .split import title_like

_EARLY = 0.4  # a byline within the first 40% of an article's lines closes its top matter


@dataclass
class Top:
    head: list[Line] = field(default_factory=list)
    sidebar: list[Unit] = field(default_factory=list)
    byline: Line | None = None


def top_matter(lines: Sequence[Line], layout: Layout) -> Top:
    """Find the headline etc. of an article without a headline group; set line roles."""
    live = [ln for ln in lines if ln.live]
    top = Top()
    for k, line in enumerate(live):
        if k > _EARLY * len(live):
            break
        if line.kind == "text" and parse_byline(line.text):
            top.byline = line
            break
    all_units = units(lines, layout)
    if top.byline is not None:
        zone = [u for u in all_units if u.lines[-1].no < top.byline.no]
    else:
        zone = []
        for unit in all_units:
            if not _headline_unit(unit):
                break
            zone.append(unit)
    runs = _runs(lines, zone)
    if not runs:
        return top
    best = max(runs, key=lambda run: sum(han_count(u.text) for u in run))
    first, last = zone.index(best[0]), zone.index(best[-1])
    top.head = [u.lines[0] for u in best]
    for unit in zone[:first]:
        reason = "column" if _headline_unit(unit) else "summary"
        for line in unit.lines:
            line.reason = reason
    for unit in zone[last + 1 :]:
        for line in unit.lines:
            line.role = "sidebar"
        top.sidebar.append(unit)
    for line in top.head:
        line.role = "headline"
    return top


def _headline_unit(unit: Unit) -> bool:
    return len(unit.lines) == 1 and unit.kind in ("text", "heading") and title_like(unit.lines[0])


def _runs(lines: Sequence[Line], zone: list[Unit]) -> list[list[Unit]]:
    """Runs of headline-shaped units with nothing dropped between them, labels removed."""
    dropped = {ln.no for ln in lines if ln.reason is not None}
    runs: list[list[Unit]] = []
    current: list[Unit] = []
    for unit in zone:
        if not _headline_unit(unit):
            if current:
                current.pop()  # the line right before a text unit labels it
            current = []
            continue
        if current and any(current[-1].lines[-1].no < n < unit.lines[0].no for n in dropped):
            current = []
        if not current:
            runs.append(current)
        current.append(unit)
    return [run for run in runs if run]


def pick_title(head: Sequence[Line]) -> tuple[list[Line], list[Line], list[Line]]:
    """Split headline lines into (kicker lines, main title lines, subtitle lines)."""
    if len(head) <= 1:
        return [], list(head), []
    widths = [len(ln.text.replace(" ", "")) for ln in head]
    main = min(range(len(head)), key=lambda i: (widths[i], i))
    lo, hi = main, main
    if head[main].text.endswith(("：", ":")) and hi + 1 < len(head):
        hi += 1
    elif widths[main] <= 5:
        if lo > 0 and not head[lo - 1].text.endswith(("——", "—")):
            lo -= 1
        elif hi + 1 < len(head):
            hi += 1
    if lo > 0 and head[lo - 1].text.endswith(("：", ":")) and widths[lo - 1] <= 8:
        lo -= 1
    return list(head[:lo]), list(head[lo : hi + 1]), list(head[hi + 1 :])


def title_joiner(left: str, right: str) -> str:
    """Headline lines set on one line: a space stands for the line break between words."""
    if left.endswith(("：", ":", "——", "—", "，", ",")) or not left or not right:
        return ""
    return " " if is_han(left[-1]) or is_han(right[0]) else ""
