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

Of the headline lines, the first is the main title unless it is a kicker: a line
that leads into the title (ending in a dash, or a colon after a whole phrase) or
only names who speaks (a position and a name). A fragment of five characters or
less joins the title (``数字新基建的机遇来了`` + ``要抓住!``), and so does the line
after a short label ending in a colon (``字节跳动：`` + ``多矩阵产品抗击疫情``).
Lines above the main title are the kicker, lines below it the subtitle.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import header
from .chars import han_count, is_han
from .header import date_line
from .lines import Line
from .meta import parse_byline
from .reflow import Layout, Unit, units
from .rules import both
from .split import title_like

_CREDIT = re.compile(r"^[\u4e00-\u9fff]{1,6}\s*[｜|:：/／]\s*[\u4e00-\u9fff·]{2,8}$")
_LABEL_CHARS = 4
_ACCOUNT_CHARS = 8
_PLAIN = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9]+$")
_EARLY = 0.4  # a byline within the first 40% of an article's lines closes its top matter
# A line that is only a position and a name: who speaks in the headline below it.
SPEAKER = both(
    r"(主席|执行官|总裁|董事长|总经理|经理|书记|市长|省长|县长|区长|部长|局长|院长|校长|主任|创始人"
    r"|教授|院士|委员|会长|理事长|行长|厅长|总监|负责人|发言人|CEO|CTO|总裁)[\u4e00-\u9fff]{2,3}$"
)


@dataclass
class Top:
    head: list[Line] = field(default_factory=list)
    sidebar: list[Unit] = field(default_factory=list)
    byline: Line | None = None


def top_matter(lines: Sequence[Line], layout: Layout) -> Top:
    """Find the headline etc. of an article without a headline group; set line roles."""
    live = [ln for ln in lines if ln.live]
    top = Top()
    early = live[: int(_EARLY * len(live)) + 1]
    top.byline = next((ln for ln in early if ln.kind == "text" and parse_byline(ln.text)), None)
    found = [(ln, header.parse(ln.text)) for ln in early if ln.kind == "text"]
    for line, parsed in found:
        if parsed is not None:
            line.role = "dateline"  # metadata: never joined to the headline above it
    headers = [ln for ln, parsed in found if parsed is not None and parsed.date is not None]
    all_units = units(lines, layout)
    # The headline stands above the last header line that has one (an e-paper prints
    # the day's date under its masthead, and the article's date under its headline).
    anchors = [ln for ln in headers if top.byline is None or ln.no < top.byline.no]
    if top.byline is not None and not layout.wrapped:
        anchors.append(top.byline)  # a web page's byline under its headline
    for line in reversed(anchors):
        if _above_header(all_units, line, top):
            return top
    if top.byline is not None:
        zone = [u for u in all_units if u.lines[-1].no < top.byline.no and not _meta_unit(u)]
    else:
        zone = []
        for unit in all_units:
            if _meta_unit(unit):
                continue  # a date or byline line among the headline lines: metadata
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
    _after_headline(zone[last + 1 :], top)
    for line in top.head:
        line.role = "headline"
    return top


def _above_header(all_units: list[Unit], header: Line, top: Top) -> bool:
    """A web page: the headline is the line right above its date-and-source line (past
    credits and one standfirst); what stands above it is the site's masthead and menus.
    False if no headline stands there (the header opens the page)."""
    zone = [u for u in all_units if u.lines[-1].no < header.no and not _meta_unit(u)]
    at = len(zone) - 1
    skipped_text = False
    while at >= 0 and not _headline_unit(zone[at]):
        if not _credit_unit(zone[at]):
            if skipped_text:
                return False
            skipped_text = True  # a standfirst between headline and header
        at -= 1
    if at < 0:
        return False
    if at > 0 and _account(zone[at], zone[at - 1]):
        zone[at].lines[0].reason = "source"  # ``县域农事观察``: the account that posted it
        at -= 1
    top.head = [zone[at].lines[0]]
    top.head[0].role = "headline"
    for unit in zone[:at]:
        for line in unit.lines:
            line.reason = "column" if _headline_unit(unit) else "summary"
    return True


def _account(unit: Unit, above: Unit) -> bool:
    """An account's or a site's name between the headline and the time it posted: a
    short name with no punctuation, under a clearly longer headline."""
    name = unit.lines[0].text
    return (
        len(unit.lines) == 1
        and _chars(name) <= _ACCOUNT_CHARS
        and bool(_PLAIN.match(name.replace(" ", "")))
        and _headline_unit(above)
        and _chars(above.lines[0].text) > 2 * _chars(name)
    )


def _credit_unit(unit: Unit) -> bool:
    """A short ``角色｜姓名`` line (``摄影｜蒋一舟``) or a byline: not a headline."""
    text = unit.lines[0].text
    return len(unit.lines) == 1 and (
        parse_byline(text) is not None or _CREDIT.match(text) is not None
    )


def _after_headline(rest: list[Unit], top: Top) -> None:
    """Between headline and byline: a standfirst stays in place; a box goes last.

    A box is a short label followed by its text; text before any label is the
    standfirst, which reads before the body as printed.
    """
    in_box = False
    for k, unit in enumerate(rest):
        label = _headline_unit(unit) and k + 1 < len(rest) and not _headline_unit(rest[k + 1])
        in_box = in_box or label
        if in_box:
            if label:
                unit.kind = "heading"
            for line in unit.lines:
                line.role = "sidebar"
            top.sidebar.append(unit)


def _meta_unit(unit: Unit) -> bool:
    text = unit.lines[0].text
    return len(unit.lines) == 1 and (date_line(text) is not None or parse_byline(text) is not None)


def _headline_unit(unit: Unit) -> bool:
    return len(unit.lines) == 1 and unit.kind in ("text", "heading") and title_like(unit.lines[0])


def _runs(lines: Sequence[Line], zone: list[Unit]) -> list[list[Unit]]:
    """Runs of headline-shaped units with nothing dropped between them.

    The unit right before text is that text's label, not a headline line; but a
    zone whose every run is a label still has its first one as the headline.
    """
    dropped = [ln.no for ln in lines if ln.reason is not None]  # in file order
    runs: list[list[Unit]] = []
    labels: list[list[Unit]] = []
    current: list[Unit] = []
    for unit in zone:
        if not _headline_unit(unit):
            if current:
                labels.append([current.pop()])
            current = []
            continue
        if current:
            after = bisect.bisect_right(dropped, current[-1].lines[-1].no)
            if after < len(dropped) and dropped[after] < unit.lines[0].no:
                current = []  # something was dropped in between
        if not current:
            runs.append(current)
        current.append(unit)
    return [run for run in runs if run] or labels[:1]


def pick_title(head: Sequence[Line]) -> tuple[list[Line], list[Line], list[Line]]:
    """Split headline lines into (kicker lines, main title lines, subtitle lines)."""
    lines = list(head)
    start = 0
    while start < len(lines) - 1 and _kicker(lines[start].text):
        start += 1
    end = start + 1
    main = lines[start].text if lines else ""
    if end < len(lines) and main.endswith(("：", ":")):
        end += 1  # ``字节跳动：`` + ``多矩阵产品抗击疫情``
    elif end < len(lines) and _chars(lines[end].text) <= 5:
        end += 1  # ``数字新基建的机遇来了`` + ``要抓住!``
    return lines[:start], lines[start:end], lines[end:]


def _chars(text: str) -> int:
    return len(text.replace(" ", ""))


def _kicker(text: str) -> bool:
    """A kicker over the headline: it leads into it (ends in a dash or a colon after a
    whole phrase), or it only names the speaker (``……首席执行官张勇``)."""
    if text.endswith(("——", "—")) or (text.endswith(("：", ":")) and _chars(text) > 8):
        return True
    return SPEAKER.search(text) is not None or is_label(text)


def is_label(text: str) -> bool:
    """A section's name over the headline (``教育``, ``生活新聞``): a few characters, no
    punctuation. Not a kicker that leads into the title: a label of the page."""
    return _chars(text) <= _LABEL_CHARS and bool(_PLAIN.match(text))


def title_joiner(left: str, right: str) -> str:
    """Headline lines set on one line: a space stands for the line break between words."""
    if left.endswith(("：", ":", "——", "—", "，", ",")) or not left or not right:
        return ""
    return " " if is_han(left[-1]) or is_han(right[0]) else ""
