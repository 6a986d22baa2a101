"""Headlines on a printed page, found by what anchors them.

A headline is a *run* of one to three short lines without a sentence end, set off
from the text above it (which ends a sentence, or is the page header, furniture or
a byline). Subheadings look just the same, so a run only counts as a headline when
something marks an article's edge next to it:

* a byline right under it, or under a short standfirst paragraph under it;
* a lead right under it (``本报讯``, ``新华社北京2月10日电``): the text starts here;
* a credit right above it (``（记者 周立群）``) closing the text before it, with a
  blank line after the run: the headline of that text, printed after it.

A lead with no headline above it still starts an article (one printed without a
headline). A page with no such anchor at all may be a column of briefs: see
:func:`brief_runs`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .chars import CLAUSE, balanced, ends_sentence, han_count
from .header import date_line
from .lines import Line
from .meta import Byline
from .names import is_bare_name
from .page import Page
from .printed import byline_of, is_lead, lead_byline, ornamented
from .reflow import Layout
from .segment import shaped_above

MAX_HEAD = 3  # kicker, main title, subtitle
_TITLE_WIDTH = 32  # a headline line is never wider, even across columns
_DECK_LINES = 6  # a standfirst between headline and byline is a short paragraph
_SHORT_BANG = 12  # only a short bottom line of a headline may end with ！ or ？
_BRIEF_BEFORE = 50  # characters of text a column of briefs may have above its first one
_BRIEF_MAX = 600  # characters: a brief is short; a longer piece has subheadings
_MIN_BRIEFS = 2
_SPACED = re.compile(r"(?:\S[ \u3000]){2,}\S")  # ``网 上 招 聘``: bold type letter-spaced
_LATIN_WORD = re.compile(r"[A-Za-z0-9]+")


@dataclass
class Run:
    """A headline (perhaps none, for a bare lead) and what anchors it."""

    head: list[Line]
    at: int  # index of the first line of the run (the lead's, for a bare lead)
    end: int  # index of the last line it claims: its bottom line or the byline under it
    byline: Byline | None = None  # of a byline line under the headline or above it
    byline_line: Line | None = None
    closes: bool = False  # a credit above it: the text it titles stands before it
    under: bool = False  # its byline stands under it
    lead: Byline | None = None  # the reporters a lead under it names


def head_shaped(line: Line, fragment: bool = False) -> bool:
    """Could be a line of a headline: short, no sentence inside, not a byline or date.

    With ``fragment``, a line under another line of the headline may be the end of a
    title the column broke: a Han character and a Latin word or number will do
    (``“看”CT``).
    """
    if not line.live or line.kind not in ("text", "heading", "title", "item"):
        return False
    if line.kind == "item" and not ornamented(line):
        return False
    text = line.text
    if line.width > _TITLE_WIDTH or not balanced(text):
        return False
    if han_count(text) < 2 and not (fragment and is_fragment(text)):
        return False
    if text[-1:] in "。，、；,;" or any(ch in "。；" for ch in text[:-1]):
        return False
    return byline_of(line) is None and date_line(text) is None and not is_lead(text)


def is_fragment(text: str) -> bool:
    """Too little for a headline line of its own (``“看”CT``): one Han character and some
    Latin words or numbers, two words in all."""
    han = han_count(text)
    return han == 1 and han + len(_LATIN_WORD.findall(text)) >= 2


def find_runs(lines: Sequence[Line], page: Page) -> list[Run]:
    """Every anchored headline run and bare lead, in file order, none overlapping."""
    found: list[Run] = []
    for i, line in enumerate(lines):
        byline = byline_of(line) or _bare_name(lines, i)
        if byline is not None:
            run = _under(lines, i, byline, page) or _over(lines, i, byline, page)
            found += [run] if run else []
        elif line.live and line.kind == "text" and is_lead(line.text) and _starts(lines, i, page):
            found.append(_lead(lines, i, page))
    return _merged(found)


def _bare_name(lines: Sequence[Line], i: int) -> Byline | None:
    """``韩 叙`` right under a headline line: the writer's name alone."""
    line = lines[i]
    if not line.live or line.kind != "text" or not is_bare_name(line.text) or i == 0:
        return None
    if not head_shaped(lines[i - 1]):
        return None
    return Byline(("".join(line.text.split()),))


def _under(lines: Sequence[Line], i: int, byline: Byline, page: Page) -> Run | None:
    """The headline over a byline, perhaps with a standfirst paragraph between them."""
    head = head_above(lines, i, page)
    if not head:
        top = _paragraph_above(lines, i)
        head = head_above(lines, top, page) if top is not None else []
    if not head:
        return None
    return Run(head, _index(lines, head[0]), i, byline, lines[i], under=True)


def _over(lines: Sequence[Line], i: int, byline: Byline, page: Page) -> Run | None:
    """The headline under a credit that closes a text: printed after its text.

    A closing credit hangs right under the text's last sentence, with no blank line
    between; a byline set apart is the one of the headline above it."""
    above = lines[i - 1] if i else None
    if above is None or not above.live or not ends_sentence(above.text):
        return None
    head: list[Line] = []
    j = _skip_blanks(lines, i + 1, 1)
    while j < len(lines) and len(head) < MAX_HEAD and head_shaped(lines[j]):
        if any(ch in CLAUSE for ch in lines[j].text):
            break  # a line of text, not of a headline
        head.append(lines[j])
        j = _skip_blanks(lines, j + 1, 1)
    last = _index(lines, head[-1]) if head else i
    after_blank = last + 1 >= len(lines) or lines[last + 1].blank or not lines[last + 1].live
    if not head or not after_blank:
        return None
    return Run(head, _index(lines, head[0]), last, byline, lines[i], closes=True)


def _lead(lines: Sequence[Line], i: int, page: Page) -> Run:
    # The lead's first line opens the text: never metadata, even when it reads like a
    # byline (``本报讯（记者 唐文斌 通讯员 鲁``, its credit running on to the next line).
    lines[i].role = "lead"
    head = head_above(lines, i, page)
    end = _index(lines, head[-1]) if head else i - 1
    lead = [ln for ln in lines[i:] if ln.live][:3]
    return Run(head, _index(lines, head[0]) if head else i, end, lead=lead_byline(lead))


def _fragment_shaped(line: Line) -> bool:
    return head_shaped(line, fragment=True)


def head_above(lines: Sequence[Line], at: int, page: Page) -> list[Line]:
    """Headline lines right above index ``at`` (blank lines between), topmost first."""
    head = shaped_above(lines, at, MAX_HEAD, _fragment_shaped, _SHORT_BANG)
    # A fragment continues the line above it: it never opens a headline.
    while head and (is_fragment(head[0].text) or not set_off(lines, _index(lines, head[0]), page)):
        head.pop(0)
    return head


def set_off(lines: Sequence[Line], top: int, page: Page) -> bool:
    """The line at ``top`` follows a finished sentence, furniture, a byline, the page
    header or nothing at all."""
    j = top - 1
    while j >= 0 and lines[j].blank:
        j -= 1
    if j < 0:
        return True
    above = lines[j]
    if not above.live or above in page.dated or byline_of(above) is not None:
        return True
    return ends_sentence(above.text) or above.kind not in ("text", "item")


def _starts(lines: Sequence[Line], i: int, page: Page) -> bool:
    """A lead opens a paragraph: what stands above it is no text that runs on into it."""
    return set_off(lines, i, page) or head_shaped(lines[_skip_blanks(lines, i - 1, -1)])


def _paragraph_above(lines: Sequence[Line], at: int) -> int | None:
    """Index of the first line of a short paragraph set apart above ``at``."""
    j = _skip_blanks(lines, at - 1, -1)
    if j in (-1, at - 1) or not lines[j].live or not ends_sentence(lines[j].text):
        return None
    top = j
    while top > 0 and lines[top - 1].live and lines[top - 1].kind == "text":
        top -= 1
    if j - top + 1 > _DECK_LINES or top == 0 or not lines[top - 1].blank:
        return None
    return top


def brief_runs(lines: Sequence[Line], layout: Layout, page: Page) -> list[Run]:
    """A column of briefs: headlines with no byline, each set tight over its text.

    Each headline follows a finished sentence, is clearly shorter than the column (or
    ornamented, or letter-spaced) and stands right over a full line of text. Only a
    column of at least two short pieces, starting at its top, counts: a single
    article's subheadings may look the same, but stand between longer parts.
    """
    found = [
        Run([line], i, i) for i, line in enumerate(lines) if _brief_head(lines, i, layout, page)
    ]
    if len(found) < _MIN_BRIEFS or body_chars(lines[: found[0].at], page) > _BRIEF_BEFORE:
        return []
    ends = [r.at for r in found[1:]] + [len(lines)]
    if any(
        body_chars(lines[r.at : end], page) > _BRIEF_MAX for r, end in zip(found, ends, strict=True)
    ):
        return []
    return found


def _brief_head(lines: Sequence[Line], i: int, layout: Layout, page: Page) -> bool:
    line = lines[i]
    if not head_shaped(line) or any(ch in CLAUSE for ch in line.text) or i + 1 >= len(lines):
        return False
    marked = ornamented(line) or _SPACED.fullmatch(line.text) is not None
    nxt = lines[i + 1]
    full = nxt.live and nxt.kind == "text" and nxt.width > layout.short
    return (marked or line.width <= layout.short) and full and set_off(lines, i, page)


def body_chars(lines: Sequence[Line], page: Page, skip: Sequence[Line] = ()) -> int:
    """Roughly how much text (non-ASCII characters) the lines hold, headlines aside."""
    return sum(
        len(ln.text) - len(ln.text.encode("ascii", "ignore"))
        for ln in lines
        if ln.live and ln not in page.dated and ln not in skip
    )


def _merged(runs: list[Run]) -> list[Run]:
    """One run per headline (a lead and a credit may both point at it), none overlapping."""
    out: list[Run] = []
    for run in sorted(runs, key=lambda r: (r.at, -len(r.head))):
        if out and run.head and out[-1].head and run.head[0] is out[-1].head[0]:
            prev = out[-1]
            prev.lead = prev.lead or run.lead
            if prev.byline_line is None:
                prev.byline, prev.byline_line = run.byline, run.byline_line
                prev.closes, prev.under = run.closes, run.under
                prev.end = max(prev.end, run.end)
            continue
        if not out or run.at > out[-1].end:
            out.append(run)
    return out


def _skip_blanks(lines: Sequence[Line], j: int, step: int) -> int:
    while 0 <= j < len(lines) and lines[j].blank:
        j += step
    return j


def _index(lines: Sequence[Line], line: Line) -> int:
    return line.no - lines[0].no
