"""What to tell a curator whose quote is not in the article, so the message fixes it.

The first line says what kind of difference it is when the quote matches once
that difference is set aside (script, punctuation width, quote marks, middle
dots, invisible characters), or that the closest passage differs. Below it, GCC
style, the quote and the passage one above the other (whitespace removed, as
they are compared) with a caret under the first difference, and the article's
own text to paste in place of the quote.

The caret line copies the width of each character above it: an ideographic
space under a wide (CJK, full-width) character, a space under any other, so it
lines up in a terminal and in a browser's monospace font alike.
"""

from __future__ import annotations

import dataclasses
import unicodedata

import yaml

from ..messages import Message, say
from .quote_align import Difference, differences, nearest, simplified
from .quotes import ArticleIndex, passage, squeeze
from .yamlpos import position

BEFORE = 12  # characters of the quote and the passage shown before the difference
AFTER = 16  # and from it on


# Each kind of difference in words (see _wording), its fields filled with the first
# example of the kind (see _kind).
_KINDS: dict[str, Message] = {
    "traditional": say(
        "the article writes Traditional characters (`{passage}` where the quote has `{quote}`)"
    ),
    "simplified": say(
        "the article writes Simplified characters (`{passage}` where the quote has `{quote}`)"
    ),
    "variant": say("the article writes the variant `{passage}` where the quote has `{quote}`"),
    "full-width": say(
        "the article uses full-width `{passage}` where the quote has half-width `{quote}`"
    ),
    "half-width": say(
        "the article uses half-width `{passage}` where the quote has full-width `{quote}`"
    ),
    "quote mark": say("the article uses the quote mark `{passage}` where the quote has `{quote}`"),
    "dot": say("the article uses `{passage}` where the quote has `{quote}`"),
    "invisible in the quote": say(
        "the quote holds an invisible character ({code}) that the article does not"
    ),
    "invisible in the article": say(
        "the article holds an invisible character ({code}) that the quote does not"
    ),
}


def text_start(node: yaml.Node) -> tuple[int, int]:
    """(line, column) where a scalar's text starts: after an opening quote mark; for a
    block scalar (``|``, ``>``) its first line with text, column 0 (the column is that
    line's indent, which only the file knows)."""
    line, col = position(node)
    style = getattr(node, "style", None)
    if style in ('"', "'"):
        return line, col + 1
    if style in ("|", ">") and isinstance(node.value, str):
        blank_lines = len(node.value) - len(node.value.lstrip("\n"))
        return line + 1 + blank_lines, 0
    return line, col


def not_found(index: ArticleIndex, quote: str) -> Message:
    """Why ``quote`` is not in the indexed article, where, and what to paste instead."""
    article_id = index.article.id
    needle = squeeze(quote)
    near = nearest(index.text, needle)
    if near is None:
        expected = say("expected words copied exactly from the article")
        return say("quote not found in article {id}; {why}", id=article_id, why=expected)
    shown = index.text[near.start : near.end]
    found = differences(needle, shown)
    marked = next((d for d in found if d.kind == "text"), found[0] if found else None)
    anchor, text = passage(index, near.start, near.end)
    return say(
        "quote not found in article {id}; {why}\n{compared}\n{paste}",
        id=article_id,
        why=_why(near.exact, anchor, found),
        compared=_compared(needle, shown, marked.at if marked else (0, 0)),
        paste=_paste(anchor, text),
    )


def _why(exact: bool, anchor: str, found: list[Difference]) -> Message:
    kinds: dict[str, Message] = {}
    for difference in found:
        if difference.kind != "text" and difference.kind not in kinds:
            kinds[difference.kind] = _kind(difference)
    if exact and kinds:
        return _joined(list(kinds.values()))
    if anchor:
        closest = say("the closest passage ({anchor}) differs where marked", anchor=anchor)
    else:
        closest = say("the closest passage differs where marked")
    return _joined([closest, *kinds.values()])


def _kind(d: Difference) -> Message:
    """One kind of difference in words, with its first example."""
    fields = {"passage": d.passage, "quote": d.quote}
    if d.kind == "invisible":
        fields = {"code": " ".join(f"U+{ord(ch):04X}" for ch in d.quote or d.passage)}
    return dataclasses.replace(_KINDS[_wording(d)], values=tuple(fields.items()))


def _wording(d: Difference) -> str:
    """Which of :data:`_KINDS` says ``d``."""
    if d.kind == "script":
        traditional = simplified(d.passage) != d.passage, simplified(d.quote) != d.quote
        return {(True, False): "traditional", (False, True): "simplified"}.get(
            traditional, "variant"
        )
    if d.kind == "width":
        return "full-width" if _wide(d.passage) else "half-width"
    if d.kind == "invisible":
        return "invisible in the quote" if d.quote else "invisible in the article"
    return d.kind


def _joined(parts: list[Message]) -> Message:
    joined = parts[0]
    for part in parts[1:]:
        joined = say("{first}; {then}", first=joined, then=part)
    return joined


def _compared(quote: str, shown: str, at: tuple[int, int]) -> Message:
    """The quote above the passage, lined up at the difference, a caret under it."""
    quote_before, quote_after = _excerpt(quote, at[0])
    shown_before, shown_after = _excerpt(shown, at[1])
    column = max(width(quote_before), width(shown_before))
    quote_pad = " " * (column - width(quote_before))
    shown_pad = " " * (column - width(shown_before))
    return say(
        "    quote: {quote}\n  article: {passage}\n           {caret}",
        quote=quote_pad + quote_before + quote_after,
        passage=shown_pad + shown_before + shown_after,
        caret=shown_pad + "".join("\u3000" if _wide(ch) else " " for ch in shown_before) + "^",
    )


def _excerpt(text: str, at: int) -> tuple[str, str]:
    """``text`` around offset ``at``, split there: (before, from it on), with "…" where
    the excerpt cuts the text."""
    start, end = max(0, at - BEFORE), at + AFTER
    before = ("…" if start else "") + text[start:at]
    return before, text[at:end] + ("…" if end < len(text) else "")


def _paste(anchor: str, text: str) -> Message:
    if anchor:
        return say("  paste this from the article ({anchor}): “{text}”", anchor=anchor, text=text)
    return say("  paste this from the article: “{text}”", text=text)


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: two for each wide (CJK, full-width) character."""
    return sum(2 if _wide(ch) else 1 for ch in text)


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")
