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

from collections.abc import Sequence

from .chars import ends_sentence
from .lines import Line
from .phrases import CAPTION_END, CAPTION_START, is_related_marker, phrase_reason
from .reflow import Layout

_PROMO_NEIGHBOUR = 12  # width of a slogan line printed beside a QR code


def mark(lines: Sequence[Line], layout: Layout) -> None:
    for line in lines:
        if not line.blank:
            line.reason = phrase_reason(line.text, layout.column)
    _spread_captions(lines, layout)
    _spread_promo(lines)
    _related_tail(lines)


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
    """Drop what follows a "related reading" marker (or a keyword line late in the file)."""
    half = len(lines) // 2
    start = next(
        (
            i
            for i, ln in enumerate(lines)
            if ln.reason == "related-links" and (is_related_marker(ln.text) or i >= half)
        ),
        None,
    )
    if start is None:
        return
    for line in lines[start + 1 :]:
        if not line.blank and line.reason is None:
            line.reason = "related-links"
