"""From units to blocks: which short lines are headings, which are photo captions.

A short line without a sentence end, standing alone between paragraphs, is a
heading when text follows it. It is a photo caption instead when it reads like
one: it describes what the paragraph before it already told (captions sit next
to the story they illustrate, headings announce what follows), it is long or
strung together from several clauses, or it is followed by another such line
instead of text. A line that closes the article (a letter's signature, a date)
stays a paragraph.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from ..model import Block, numbered
from .chars import HAN, ends_sentence
from .fixes import fix_text
from .reflow import Layout, Unit, heading_shaped
from .text import Styled

_SEPARATORS = re.compile("[，,、]")
_CONTEXT = 300
_HEADING_WIDTH = 40
_CAPTION_WIDTH = 80
_CAPTION_BIGRAMS = 5
_RIGHT_ALIGNED = re.compile("(?:[ \u3000\u00a0]{8}|\u3000{4})")


def kinds(body: Sequence[Unit], layout: Layout, markdown: bool) -> list[str]:
    """The block kind of each unit: paragraph, heading, item, quote or caption."""
    if markdown:
        return [_explicit(u) for u in body]
    candidate = [_candidate(u, layout) for u in body]
    out: list[str] = []
    for i, unit in enumerate(body):
        if not candidate[i]:
            out.append(_explicit(unit))
            continue
        nxt = body[i + 1] if i + 1 < len(body) else None
        score = _caption_score(body, i, nxt is not None and candidate[i + 1])
        if score >= 2:
            out.append("caption")
        elif nxt is not None and not candidate[i + 1] and _short(unit, layout):
            out.append("heading")
        else:
            out.append("paragraph")
    return out


def _short(unit: Unit, layout: Layout) -> bool:
    """Short enough for a heading (a longer line may still be a caption)."""
    limit = layout.short if layout.wrapped else _HEADING_WIDTH
    return unit.lines[0].width <= limit


def _explicit(unit: Unit) -> str:
    return {"text": "paragraph", "heading": "heading", "item": "item", "quote": "quote"}.get(
        unit.kind, "paragraph"
    )


def _candidate(unit: Unit, layout: Layout) -> bool:
    if unit.kind != "text" or len(unit.lines) != 1:
        return False
    line = unit.lines[0]
    limit = layout.short if layout.wrapped else _CAPTION_WIDTH
    return line.width <= limit and heading_shaped(line.text)


def _caption_score(body: Sequence[Unit], i: int, no_text_after: bool) -> int:
    """Two points or more: a photo caption. ``no_text_after``: another short line follows."""
    text = body[i].text
    if (text[:1] in "（(" and text[-1:] in "）)") or text.startswith("—"):
        return 0  # an author's note in brackets, an attribution after a dash
    if _RIGHT_ALIGNED.match(body[i].lines[0].raw):
        return 0  # pushed to the right: a letter's or a notice's signature
    score = 0
    if body[i].lines[0].width > 30:
        score += 1
    if len(_SEPARATORS.findall(text)) >= 2:
        score += 1
    if no_text_after:
        score += 1
    mine = _bigrams(text)
    # A heading of a few words shares them with the text around it by nature: only a
    # line long enough to describe something is judged by its overlap.
    if len(mine) >= _CAPTION_BIGRAMS and i > 0 and _paragraph(body[i - 1], body[i]):
        before = _overlap(mine, body[i - 1].text[-_CONTEXT:])
        after = max((_overlap(mine, u.text[:_CONTEXT]) for u in body[i + 1 : i + 3]), default=0.0)
        if before >= 0.3 and before >= after + 0.15:
            score += 2
    return score


def _paragraph(unit: Unit, than: Unit) -> bool:
    """A real paragraph, clearly longer than the line after it, ending a sentence."""
    return unit.kind == "text" and len(unit.text) >= 2 * len(than.text) and ends_sentence(unit.text)


def _bigrams(text: str) -> set[str]:
    han = HAN.findall(text[:_CONTEXT])
    return {a + b for a, b in itertools.pairwise(han)}


def _overlap(mine: set[str], other: str) -> float:
    return len(mine & _bigrams(other)) / len(mine)


def make_blocks(
    pieces: Sequence[tuple[str, Styled, tuple[int, ...], int]], keep_mixed: bool
) -> list[Block]:
    """Blocks from ``(kind, text, source lines, heading level)``, anchored ``p1``, ``p2``..."""
    out: list[Block] = []
    for kind, styled, numbers, level in pieces:
        fixed = fix_text(styled, keep_mixed)
        if not fixed.text:
            continue
        out.append(
            Block(
                kind=kind,  # type: ignore[arg-type]
                text=fixed.text,
                anchor="",
                strong=fixed.ranges(),
                level=level if kind == "heading" else 2,
                lines=numbers,
            )
        )
    return list(numbered(out))
