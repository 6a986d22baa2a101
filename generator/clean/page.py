"""The furniture of a printed page: what a paper prints around its articles.

A newspaper page read as text (OCR, a PDF's text layer) opens with the page's
header and ends with its footer, and both are made of a few kinds of field only::

    云州日报 2020年4月2日 星期四          the paper, the date, the weekday
    第06版 综合新闻 / 港聞 A06            the page number or edition code, the section
    本版编辑 许可 美编 魏然               the page's editors and designers

:func:`page_line` reads a line field by field, with the field patterns of
:mod:`.header`, and accepts it when nothing but such fields and a few short names (the
paper, the section) is left: a sentence never is.
:func:`mark_page` drops the header lines at the top of the file and the footer lines
at its bottom, an edition code or a jump line (``（下转第6版）``) anywhere, and a
section label (``简讯``) standing alone under the header. Header lines that carry the
date stay in place: the article they open reads its date from them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .chars import ends_sentence, han_count
from .header import DATE, EDITOR_ROLE, PAGE_NO, WEEKDAY
from .lines import Line
from .names import SURNAMES
from .printed import byline_of
from .publication import publication_name
from .reflow import heading_shaped

# Who made the page: editors, designers, proof-readers (never the writers).
_CREDIT = re.compile(rf"{EDITOR_ROLE}\s*(?P<sep>[:：/／|｜]?)\s*(?P<name>[\u4e00-\u9fff]{{2,4}})")
_FIELDS = {"date": re.compile(DATE), "weekday": re.compile(WEEKDAY), "page": re.compile(PAGE_NO)}
_SEPARATORS = re.compile(r"[\s\u3000|｜·•/／_\-—]+")
_NAME = re.compile(r"^[\u4e00-\u9fffA-Za-z]{1,10}$")
_MAX_NAMES = 3  # the paper and a section or two
_MAX_WIDTH = 50  # a page's header line is never wider
_JUMP = re.compile(
    r"^[（(]?\s*(?:下转|上接|转|接|下轉|轉|續|续)\s*第?\s*[A-Za-z]?\d{1,3}\s*版\s*[）)]?$"
)
_LABEL_WIDTH = 4  # ``简讯``, ``快讯``: a section label over the column is this short
_EDITION_WIDTH = 12  # ``A04``, ``第3版 国内新闻`` repeated at a column break


@dataclass
class PageLine:
    """The fields of a page header or footer line."""

    signals: set[str] = field(default_factory=set)  # date, weekday, page, credit
    names: list[str] = field(default_factory=list)  # the paper, a section


@dataclass
class Page:
    """What :func:`mark_page` found: the header lines left in place, the masthead's paper."""

    dated: list[Line] = field(default_factory=list)
    paper: str | None = None
    found: bool = False  # a page header or footer was found: this is a printed page


def page_line(text: str) -> PageLine | None:
    """The fields of a page header or footer line, or ``None`` if it is anything else."""
    text = text.strip()
    if not text or text.count(" ") > 12 or ends_sentence(text):
        return None
    found = PageLine()
    rest = text
    for name, pattern in _FIELDS.items():
        if pattern.search(rest):
            found.signals.add(name)
            rest = pattern.sub(" ", rest)
    for m in list(_CREDIT.finditer(rest)):
        if m.group("sep") or m.group("name")[0] in SURNAMES:
            found.signals.add("credit")
            rest = rest.replace(m.group(0), " ", 1)
    found.names = [t for t in _SEPARATORS.split(rest) if t]
    if len(found.names) > _MAX_NAMES or not all(_NAME.match(t) for t in found.names):
        return None
    return found


def _header_signal(found: PageLine) -> bool:
    """A weekday, a page number or editors' credits: what only a page prints."""
    return bool(found.signals & {"weekday", "page", "credit"})


def mark_page(lines: Sequence[Line], wrapped: bool) -> Page:
    """Drop the page's furniture, on a printed page only: a file that opens with a page
    header, or a hard-wrapped one (a web page never prints editors under its text)."""
    page = Page()
    _header(lines, page)
    if not (page.found or wrapped):
        return page
    _footer(lines, page)
    for line in lines:
        if not line.live:
            continue
        if _JUMP.match(line.text):
            line.reason = "navigation"
            page.found = True
        elif line.width <= _EDITION_WIDTH and _edition(line.text):
            line.reason = "column"
            page.found = True
    if page.found:
        _label(lines, page)
    return page


def _edition(text: str) -> bool:
    found = page_line(text)
    return found is not None and found.signals == {"page"} and len(found.names) <= 1


def _header(lines: Sequence[Line], page: Page) -> None:
    """The run of header lines that opens the file (a paper's name may stand alone)."""
    run: list[tuple[Line, PageLine]] = []
    for line in lines:
        if line.blank:
            continue
        found = page_line(line.text) if line.width <= _MAX_WIDTH else None
        if found is None and line.live:
            break
        if found is not None and (line.live or found.signals & {"weekday", "page"}):
            run.append((line, found))  # (a line dropped already, a menu, may stand between)
    while run and not _header_signal(run[-1][1]):
        run.pop()  # a short name after the header may be the first headline
    for line, found in run:
        page.found = True
        page.paper = page.paper or next(filter(None, map(publication_name, found.names)), None)
        if not line.live:
            continue
        if "date" in found.signals:
            page.dated.append(line)  # read as the date of the page's first article
        else:
            line.reason = "source" if any(map(publication_name, found.names)) else "column"


def _footer(lines: Sequence[Line], page: Page) -> None:
    """The run of footer lines (editors, the date again) that closes the file."""
    for line in reversed(lines):
        if line.blank or not line.live:
            continue
        found = page_line(line.text) if line.width <= _MAX_WIDTH else None
        if found is None or not _header_signal(found) or line in page.dated:
            return
        line.reason = "source" if "date" in found.signals else "credits"
        page.found = True


def _label(lines: Sequence[Line], page: Page) -> None:
    """A section label (``简讯``) alone under the header, a headline below it: the
    column's name, not a headline of its own."""
    live = [(k, ln) for k, ln in enumerate(lines) if ln.live and ln not in page.dated]
    if len(live) < 2:
        return
    (at, first), (_, second) = live[0], live[1]
    gap = at + 1 < len(lines) and lines[at + 1].blank
    short = first.width <= _LABEL_WIDTH and han_count(first.text) >= 2
    headline = heading_shaped(second.text) and byline_of(second) is None
    if gap and short and heading_shaped(first.text) and headline:
        first.reason = "column"
