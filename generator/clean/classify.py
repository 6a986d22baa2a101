"""Marking the page furniture around the article, line by line.

A line is dropped, with a reason, when on its own it is furniture (see
:mod:`phrases`), or by contagion:

* a photo caption that starts with a marker (``△``, ``▷``) runs on over the
  following short lines up to its credit (``（资料图片）``);
* a QR-code prompt takes the short lines printed next to it (``扫一扫`` /
  ``看阿里`` / ``新机遇``);
* after a "related reading" heading (``延伸阅读``, ``换一批``, ``关键字：``...)
  everything up to the end of the file is links to other articles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .chars import ends_sentence
from .dates import date_line
from .lines import Line
from .meta import parse_byline
from .phrases import CAPTION_END, CAPTION_START, is_related_marker, phrase_reason
from .reflow import Layout

_PROMO_NEIGHBOUR = 12  # width of a slogan line printed beside a QR code


# ``标题 - 栏目 - 网站名``: the browser's title bar, copied with the page.
_TITLE_BAR = re.compile(r"^(?P<head>.{2,60}?)(?:\s*[|｜_]\s*|\s+[-–—]\s+)(?:[^|｜_]{1,30})$")
_TITLE_BAR_LINES = 5  # it is the first thing a copied page holds
_MENU_ITEM = 8  # display width of one entry of a menu copied one entry per line
_MENU_RUN = 3  # this many such lines in a row are a menu
_TIDBIT = 10  # a line this short between two furniture lines is furniture too
_TIDBIT_RUN = 2  # and so are two such lines
_LATE = 0.6  # a keyword line after this share of the page opens its closing links
_KEYWORDS = re.compile(r"^(关键字|关键词|關鍵字|關鍵詞|标签|標籤|Tags?)\s*[:：]", re.IGNORECASE)
_PARAGRAPH = 30  # a line this wide that ends a sentence is the text resuming
_CONTENTS_ENTRY = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\s+[^\s。，！？]{1,20}$")
_MENU_TEXT = re.compile(r"^[^，。！？；,.!?;：:“”「」]+$")


def mark(lines: Sequence[Line], layout: Layout) -> None:
    for line in lines:
        if not line.blank:
            line.reason = phrase_reason(line.text, layout.column)
    heads = _title_bar(lines)
    _contents(lines)
    _spread_captions(lines, layout)
    _spread_promo(lines)
    _related_tail(lines)
    if not layout.wrapped:  # in a hard-wrapped page short lines are the text's own
        _menus(lines, heads)
        _between_furniture(lines, heads)


def _title_bar(lines: Sequence[Line]) -> set[str]:
    """The page's title bar atop the file, when the headline is printed again below.
    Returns the headline it names, which no other rule may then take for furniture."""
    top = [ln for ln in lines if ln.live][:_TITLE_BAR_LINES]
    texts: set[str] | None = None  # made when a line looks like a title bar (few do)
    heads: set[str] = set()
    for line in top:
        head = line.text
        while (m := _TITLE_BAR.match(head)) is not None:
            head = m.group("head").strip()
            if texts is None:
                texts = {"".join(ln.text.split()) for ln in lines if ln.live}
            if "".join(head.split()) in texts and head != line.text:
                line.reason = "navigation"
                heads.add(head)
                break
    return heads


def _contents(lines: Sequence[Line]) -> None:
    """A wiki's table of contents: ``目录`` and the numbered section names under it."""
    for i, line in enumerate(lines):
        if line.reason != "wiki" or line.text not in ("目录", "目錄"):
            continue
        for entry in lines[i + 1 :]:
            if entry.blank:
                continue
            if not entry.live or not _CONTENTS_ENTRY.match(entry.text):
                break
            entry.reason = "wiki"


def _short_label(line: Line, heads: set[str], widest: float) -> bool:
    """A live line no wider than ``widest``, without punctuation, that is neither the
    headline the title bar names nor metadata (a byline or a date, read later)."""
    if line.text in heads or not line.live or line.width > widest:
        return False
    if not _MENU_TEXT.match(line.text):
        return False
    return not (parse_byline(line.text) or date_line(line.text))


def _menus(lines: Sequence[Line], heads: set[str]) -> None:
    """Runs of very short lines with nothing between them, at the page's edge or next to
    other furniture: a menu, one entry a line. (A letter's signatures, one company a
    line, stand between the letter and its date: they stay.)"""
    shown = [ln for ln in lines if not ln.blank]
    k = 0
    while k < len(shown):
        end = k
        while end < len(shown) and _short_label(shown[end], heads, _MENU_ITEM):
            end += 1
        before = shown[k - 1] if k > 0 else None
        after = shown[end] if end < len(shown) else None
        touches = any(ln is None or not ln.live for ln in (before, after))
        touches = touches or (before is not None and not ends_sentence(before.text))
        if end - k >= _MENU_RUN and touches:
            for item in shown[k:end]:
                item.reason = "navigation"
        k = max(end, k + 1)


def _between_furniture(lines: Sequence[Line], heads: set[str]) -> None:
    """A short label with furniture above it and below it or the page's end (``English``
    between two menus, ``完`` between a release and its footer, tags closing the page)
    belongs to that furniture."""
    shown = [ln for ln in lines if not ln.blank]
    for k in range(1, len(shown)):
        if shown[k - 1].live:
            continue
        run = 0  # up to _TIDBIT_RUN short labels, then furniture again or the page's end
        while (
            k + run < len(shown)
            and run < _TIDBIT_RUN
            and _short_label(shown[k + run], heads, _TIDBIT)
        ):
            run += 1
        if run and (k + run == len(shown) or not shown[k + run].live):
            for line in shown[k : k + run]:
                line.reason = shown[k - 1].reason


def _spread_captions(lines: Sequence[Line], layout: Layout) -> None:
    short = 0.75 * layout.column if layout.wrapped else 12
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.reason != "caption" or not CAPTION_START.match(line.text):
            i += 1
            continue
        if CAPTION_END.search(line.text):
            i += 1
            continue
        j = i + 1
        while j < len(lines):
            nxt = lines[j]
            if nxt.blank:
                j += 1
                continue
            if nxt.reason is None and nxt.width > short and not CAPTION_END.search(nxt.text):
                break
            if nxt.reason not in (None, "caption"):
                break
            nxt.reason = "caption"
            if CAPTION_END.search(nxt.text):
                break
            j += 1
        i = j + 1


def _spread_promo(lines: Sequence[Line]) -> None:
    for i, line in enumerate(lines):
        if line.reason != "promo":
            continue
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines):
                other = lines[j]
                if (
                    other.blank
                    or other.reason is not None
                    or other.width > _PROMO_NEIGHBOUR
                    or ends_sentence(other.text)
                ):
                    break
                other.reason = "promo"
                j += step


def _related_tail(lines: Sequence[Line]) -> None:
    """Drop the links that follow a "related reading" marker (or a keyword line late in
    the file), up to where paragraphs resume: two running lines that end sentences are
    text, wherever the block stands (a late block is mostly followed by links, comments
    and footers alone, but an article may go on after it). A single ``相关阅读：标题``
    link is a line of its own, not a block."""
    late = len(lines) * _LATE
    for i, line in enumerate(lines):
        if line.reason != "related-links":
            continue
        if not (is_related_marker(line.text) or (i >= late and _KEYWORDS.match(line.text))):
            continue
        rest = [ln for ln in lines[i + 1 :] if not ln.blank]
        for k, other in enumerate(rest):
            if other.reason is not None:
                continue
            if k + 1 < len(rest) and _text_resumes(other, rest[k + 1]):
                break
            other.reason = "related-links"


def _text_resumes(line: Line, after: Line) -> bool:
    """Two running lines in a row that end sentences: paragraphs, not a list of links
    (a link's summary may be a sentence, but furniture follows each one)."""
    ends = ("：", ":")
    return (
        after.live
        and all(ends_sentence(ln.text) or ln.text.endswith(ends) for ln in (line, after))
        and line.width + after.width >= _PARAGRAPH
    )
