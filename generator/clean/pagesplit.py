"""Splitting a printed page into its articles.

A newspaper page read as text holds several articles, and more marks of where one
ends and the next begins than a byline under a headline: a lead opening the text
(``本报讯``), a credit closing it (``（记者 周立群）``), the headline itself when a
column of briefs prints no bylines at all. :mod:`.runs` finds the headlines by those
marks; here the page is cut at them.

The page prints its headlines either before their text or after it (when the reading
order came out wrong): after, when more text stands before the first headline than
after the last one. Headline first, a kicker or subtitle printed with the headline
stays in the article's text, where it was printed (``deck`` lines, read by
:mod:`.reflow`), and an editor's note over the headline is part of the article. A
headline line the column broke (``实验室里的`` / ``云端组会``) is read as one line.
The paper the masthead names publishes every article that names no other source.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from .chars import han_count
from .lines import Line
from .meta import Byline, parse_byline
from .page import Page
from .pagecaption import mark_captions
from .printed import byline_of
from .reflow import Layout
from .runs import Run, body_chars, brief_runs, find_runs
from .segment import Segment
from .text import concat

_ARTICLE = 100  # characters of text: this much before the first headline is an article
_EARLY = 0.4  # a byline within the first 40% of an article's lines is its own
_EDITOR_NOTE = ("编者按", "編者按", "编者的话", "編者的話", "编辑按", "編輯按")
_FRAGMENT = 5  # a headline line this short is part of the title (``要抓住!``)


def page_segments(lines: Sequence[Line], layout: Layout, page: Page) -> list[Segment]:
    """The articles of a printed page whose furniture :func:`.page.mark_page` dropped."""
    mark_captions(lines, layout)  # before the headlines: a caption is never one
    return _with_paper(_segments(lines, layout, page), page)


def _segments(lines: Sequence[Line], layout: Layout, page: Page) -> list[Segment]:
    runs = find_runs(lines, page)
    if not runs and layout.wrapped:
        runs = brief_runs(lines, layout, page)
    headed = [r for r in runs if r.head]
    if headed and _headline_last(lines, headed, page):
        return _closing(lines, headed, page, layout)
    if not runs:
        return [_early_byline(Segment(list(lines), []))]
    return _opening(lines, runs, layout)


def _early_byline(seg: Segment) -> Segment:
    """A byline as print sets it (``本报记者 欧阳明 实习生 沈璐``) near the top of an
    article without a headline group: its byline, which :mod:`.zone` would not read."""
    live = [ln for ln in seg.lines if ln.live]
    for line in live[: int(_EARLY * len(live)) + 1]:
        found = byline_of(line)
        if found is not None and parse_byline(line.text) is None:
            line.role = "byline"
            seg.byline, seg.byline_line = found, line
            break
    return seg


def _headline_last(lines: Sequence[Line], runs: list[Run], page: Page) -> bool:
    """Headlines printed after their text: more text before the first than after the last."""
    heads = [ln for r in runs for ln in r.head]
    before = body_chars(lines[: runs[0].at], page, heads)
    after = body_chars(lines[runs[-1].end + 1 :], page, heads)
    return before >= _ARTICLE and before > after


def _closing(lines: Sequence[Line], runs: list[Run], page: Page, layout: Layout) -> list[Segment]:
    """Headlines after their text: each closes the article that ends with it."""
    out: list[Segment] = []
    start = 0
    for run in runs:
        end = run.end + 1
        part = list(lines[start:end])
        head = _unbroken(run.head, part) if layout.wrapped else run.head
        out.append(Segment(part, head, run.byline, run.byline_line, False))
        start = end
    rest = list(lines[start:])
    if body_chars(rest, page) >= _ARTICLE:  # running text after the last headline: one more article
        out.append(Segment(rest, []))
    else:
        out[-1].lines.extend(rest)
    return out


def _opening(lines: Sequence[Line], runs: list[Run], layout: Layout) -> list[Segment]:
    """Headlines (or bare leads) before their text: each opens an article."""
    starts = [r.at for r in runs]
    starts[0] = 0  # whatever precedes the first headline is that article's top matter
    out: list[Segment] = []
    for run, start, end in zip(runs, starts, [*starts[1:], len(lines)], strict=True):
        part = list(lines[start:end])
        byline, line = (run.byline, run.byline_line) if run.under else (run.lead, None)
        head = _unbroken(run.head, part) if layout.wrapped else run.head
        seg = Segment(part, _main_title(head), byline, line)
        if head:
            _keep_editor_note(part, head[0])
        elif byline is None:
            _early_byline(seg)
        out.append(seg)
    return out


def _unbroken(head: list[Line], part: list[Line]) -> list[Line]:
    """A headline the column broke: a line of a few characters under another
    (``实验室里的`` / ``云端组会``) is that line's end, read as one line, with no space
    between (a space stands between two phrases set on one line). Only on a wrapped
    page: a web page's short second line is a phrase of its own (``要抓住!``).

    The joined line replaces the upper one in ``part``; the fragment stays in ``part`` as
    a headline line, so that it is reported with the headline."""
    out: list[Line] = []
    for line in head:
        if not out or not _continues(out[-1], line):
            out.append(line)
            continue
        upper = out[-1]
        joined = dataclasses.replace(upper, styled=concat([upper.styled, line.styled]))
        part[part.index(upper)] = out[-1] = joined
        line.role = "headline"
    return out


def _continues(upper: Line, line: Line) -> bool:
    """``line`` is the end of ``upper`` that the column broke off: a few characters, not
    a subtitle opening with a dash, nor what a kicker or a speaker ending in a dash or
    a colon leads into (:func:`.zone.pick_title` reads those)."""
    fragment = len(line.text) <= _FRAGMENT and not line.text.startswith("—")
    return fragment and not upper.text.endswith(("—", "：", ":"))


def _main_title(head: list[Line]) -> list[Line]:
    """The main title of a headline printed first; its kicker and subtitle become
    ``deck`` lines, kept in the text where they stand.

    Print sets the main title largest, which OCR does not keep: of three lines it is
    the middle one, of two the longer one (a line opening with a dash is a subtitle).
    A headline with a line ending in a dash or colon, or a fragment, is left whole to
    :func:`.zone.pick_title`, which reads those.
    """
    texts = [ln.text for ln in head]
    if len(head) < 2 or any(t.endswith(("—", "：", ":")) or len(t) <= _FRAGMENT for t in texts):
        return head
    at = 1 if len(head) == 3 else int(han_count(texts[1]) > han_count(texts[0]))
    if at == 0 or texts[at].startswith("—"):
        return head
    for k, line in enumerate(head):
        if k != at:
            line.role = "deck"
    return [head[at]]


def _keep_editor_note(part: list[Line], first: Line) -> None:
    """An editor's note printed above the headline is part of the article."""
    above = part[: part.index(first)]
    start = next((k for k, ln in enumerate(above) if ln.text.startswith(_EDITOR_NOTE)), None)
    if start is None:
        return
    for line in above[start:]:
        if line.live and line.kind == "text" and line.role == "":
            line.role = "body"


def _with_paper(parts: list[Segment], page: Page) -> list[Segment]:
    """The paper the masthead names publishes what its page prints, unless an article
    names another source (``新华社北京2月10日电``)."""
    if page.paper is None:
        return parts
    for seg in parts:
        by = seg.byline or Byline(())
        if by.publication is None:
            seg.byline = Byline(by.names, page.paper, by.local)
    return parts
