"""Finding the articles in a file, and each one's headline and byline.

A *headline group* is a byline line with up to three headline lines just above
it (blank lines allowed between), set off from the text before by a blank line
after a finished sentence. Newspapers print it in two ways:

* headline first: each group opens its article;
* body first (a scanned page where the reading order came out wrong, like the
  seeds' page ``000``): the group *closes* its article.

The layout is decided per file: body first when more body text stands before
the first group than after the last one. A file without groups is one article.

A printed page (hard-wrapped, or opening with a page header) is read with more
anchors than bylines, once its furniture is gone (:mod:`.page`): see
:mod:`.pagesplit`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .chars import ends_sentence, han_count
from .header import date_line
from .lines import Line
from .meta import Byline, parse_byline
from .names import is_bare_name
from .page import mark_page
from .pagesplit import page_segments
from .reflow import Layout
from .segment import Segment, shaped_above

__all__ = ["Segment", "segments", "title_like"]

_MAX_HEAD = 3
_SHORT_BANG = 12  # a headline's last line may end with ！ or ？ only when this short
_TITLE_WIDTH = 32
# An official document's title runs longer: ``…关于做好…工作的通知``.
_DOC_TITLE = re.compile(
    r"^.{0,20}关于.{2,60}的(通知|通告|公告|意见|决定|办法|规定|批复|函|报告|方案)$"
)
_DOC_TITLE_WIDTH = 80
# A page of flashes: paragraphs that open with their headline in brackets.
_FLASH = re.compile(r"^【(?P<title>[^】]{6,40})】\S")
_FLASHES = 2


@dataclass
class _Group:
    head: list[Line]
    line: Line
    byline: Byline


def title_like(line: Line) -> bool:
    """Could be a line of a headline: short, no sentence end, not a byline or date."""
    text = line.text
    if not line.live or line.kind not in ("text", "heading", "title"):
        return False
    long_title = line.width <= _DOC_TITLE_WIDTH and _DOC_TITLE.match(text) is not None
    if (line.width > _TITLE_WIDTH and not long_title) or han_count(text) < 2:
        return False
    if text[-1:] in "。，、；,;" or any(ch in "。；" for ch in text[:-1]):
        return False
    return parse_byline(text) is None and date_line(text) is None


def segments(lines: Sequence[Line], layout: Layout) -> list[Segment]:
    flashes = [i for i, ln in enumerate(lines) if ln.live and _FLASH.match(ln.text)]
    if len(flashes) >= _FLASHES and not layout.wrapped:
        return _flash_segments(lines, flashes)
    page = mark_page(lines, layout.wrapped)
    if page.found or layout.wrapped:
        return page_segments(lines, layout, page)
    groups = _groups(lines)
    if not groups:
        return [Segment(list(lines), [])]
    first = groups[0].head[0].no - 1
    last = groups[-1].line.no - 1
    grouped = {id(ln) for g in groups for ln in [*g.head, g.line]}
    before = _body_chars(lines[:first], grouped)
    after = _body_chars(lines[last + 1 :], grouped)
    if before >= 100 and before > after:
        return _body_first(lines, groups)
    return _head_first(lines, groups)


def _flash_segments(lines: Sequence[Line], flashes: list[int]) -> list[Segment]:
    """One article per flash, from its ``【headline】`` paragraph to the next one (the
    title is read from the bracket: :func:`generator.clean.titles.derive_title`)."""
    for line in lines[: flashes[0]]:  # the page's masthead and menus; its date is read
        if line.live and line.width <= _TITLE_WIDTH and date_line(line.text) is None:
            line.reason = "column"
    starts = [0, *flashes[1:]]
    ends = [*flashes[1:], len(lines)]
    return [Segment(list(lines[a:b]), []) for a, b in zip(starts, ends, strict=True)]


def _body_first(lines: Sequence[Line], groups: list[_Group]) -> list[Segment]:
    out: list[Segment] = []
    start = 0
    for group in groups:
        end = group.line.no
        out.append(Segment(list(lines[start:end]), group.head, group.byline, group.line, False))
        start = end
    rest = list(lines[start:])
    if _body_chars(rest) >= 100:  # running text after the last headline: one more article
        out.append(Segment(rest, []))
    else:
        out[-1].lines.extend(rest)
    return out


def _head_first(lines: Sequence[Line], groups: list[_Group]) -> list[Segment]:
    starts = [g.head[0].no - 1 for g in groups]
    starts[0] = 0  # whatever precedes the first headline is that article's top matter
    out: list[Segment] = []
    for group, start, end in zip(groups, starts, [*starts[1:], len(lines)], strict=True):
        out.append(Segment(list(lines[start:end]), group.head, group.byline, group.line))
    return out


def _groups(lines: Sequence[Line]) -> list[_Group]:
    out: list[_Group] = []
    for i, line in enumerate(lines):
        if not line.live or line.kind != "text":
            continue
        byline = parse_byline(line.text)
        if byline is None and is_bare_name(line.text):
            above = lines[i - 1] if i else None
            if above is not None and title_like(above) and not above.blank:
                byline = Byline((line.text.replace(" ", "").replace("\u3000", ""),))
        if byline is None:
            continue
        head = _head_above(lines, i)
        if head and (not out or out[-1].line.no < head[0].no):
            out.append(_Group(head, line, byline))
    return out


def _head_above(lines: Sequence[Line], at: int) -> list[Line]:
    """Headline lines right above the byline at ``at``, topmost first."""
    head = shaped_above(lines, at, _MAX_HEAD, title_like, _SHORT_BANG)
    while head and not _set_off(lines, head[0].no - 1):
        head.pop(0)
    return head


def _set_off(lines: Sequence[Line], top: int) -> bool:
    """The headline's top line follows a blank line after a finished sentence (or the top)."""
    j = top - 1
    blanks = 0
    while j >= 0 and lines[j].blank:
        blanks += 1
        j -= 1
    if j < 0:
        return True
    above = lines[j]
    if not above.live:
        return True  # a dropped caption or notice
    return blanks > 0 and (ends_sentence(above.text) or above.kind != "text")


def _body_chars(lines: Sequence[Line], grouped: set[int] | None = None) -> int:
    """Roughly how much text (non-ASCII characters) the lines hold, headlines aside."""
    return sum(
        len(ln.text) - len(ln.text.encode("ascii", "ignore"))
        for ln in lines
        if ln.live and id(ln) not in (grouped or ())
    )
