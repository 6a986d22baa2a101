"""Photo captions on a printed page, found from their credit.

A page read as text (OCR, a PDF's text layer) sets a photo's caption among the text
of the article it illustrates, wrapped like that text, in one of two ways::

    ……观察患者的面色和呼吸状况。          the paragraph before it ends
    4月8日，县人民医院医生在远程会诊       the caption, a line or three
    室与省城专家讨论病例。
    本报记者 何静怡摄                     its credit, on a line of its own

    ▲2月16日，一家电子企业的              a marker opens it,
    人事专员在直播间介绍招聘岗
    位。（记者 冯岩 摄）                  the credit in brackets closes it

The credit and a marked first line are captions by their wording already
(:mod:`.phrases`); :func:`mark_captions` marks the lines between a marker and its
credit, and the lines above a credit back to where the text before them ends (a
blank line, or a paragraph's last line). A caption is short: a longer run above a
credit is the article's text, and the credit stands alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .chars import ends_sentence
from .lines import Line
from .phrases import CAPTION_END, CAPTION_START
from .reflow import Layout, last_line

# A photographer's credit closing a line: ``……摄``, ``（陈一鸣 摄）``, ``（资料图片）``.
_CREDIT = re.compile(r"(?:摄|攝|摄影|攝影|供图|供圖|资料图片|資料圖片)\s*[）)]?$")
_CREDIT_CHARS = 20  # a credit on a line of its own is a name or two and the agency
_CAPTION_LINES = 3  # a caption runs over a few lines of the column, never a paragraph's
_CAPTION_CHARS = 60


def mark_captions(lines: Sequence[Line], layout: Layout) -> None:
    """Mark the lines of the page's photo captions as ``caption`` (see the module)."""
    for k, line in enumerate(lines):
        if line.reason != "caption":
            continue
        if CAPTION_START.match(line.text):
            _to_credit(lines, k)
        elif len(line.text) <= _CREDIT_CHARS and _CREDIT.search(line.text):
            _above_credit(lines, k, layout)


def _closes(line: Line) -> bool:
    return line.reason == "caption" and bool(
        CAPTION_END.search(line.text) or _CREDIT.search(line.text)
    )


def _to_credit(lines: Sequence[Line], k: int) -> None:
    """A caption opened by a marker runs on to the credit that closes it, a few lines on
    (however wide its lines: the column's width, not a short line's)."""
    between: list[Line] = []
    for line in lines[k + 1 :]:
        if line.blank:
            continue
        if _closes(line):
            for inner in between:
                inner.reason = "caption"
            return
        if len(between) == _CAPTION_LINES or not (line.live and line.kind == "text"):
            return  # too far, or something else stands between: no caption of ours
        between.append(line)


def _above_credit(lines: Sequence[Line], k: int, layout: Layout) -> None:
    """The caption over a credit on a line of its own: the lines right above it, up to
    where the text before them ends. On a page whose paragraphs open with an indent, a
    caption never does."""
    block: list[Line] = []
    for j in range(k - 1, -1, -1):
        line = lines[j]
        if not line.live or line.kind != "text" or (layout.indented and line.indent):
            return
        block.insert(0, line)
        if len(block) > _CAPTION_LINES or sum(len(ln.text) for ln in block) > _CAPTION_CHARS:
            return
        if _set_off(lines, j, layout):
            for inner in block:
                inner.reason = "caption"
            return


def _set_off(lines: Sequence[Line], j: int, layout: Layout) -> bool:
    """The line at ``j`` starts a block of its own: what stands above it is a blank or
    dropped line (or nothing), or the last line of a paragraph: a short one ending a
    sentence, or any sentence end where paragraphs open with an indent (the caption
    under it opens with none, and the credit under the caption closes it)."""
    if j == 0 or lines[j - 1].blank or not lines[j - 1].live:
        return True
    above = lines[j - 1]
    last = layout.indented or last_line(above, layout)
    return above.kind == "text" and ends_sentence(above.text) and last
