"""Where a quote missing from its article comes closest, and how the two differ.

Run only for a quote :func:`~.quotes.locate` did not find, over the article's text
with whitespace removed (:class:`~.quotes.ArticleIndex`), in two steps:

1. Fold both texts: Traditional characters to Simplified one by one (OpenCC's
   ``hk2s``, which also folds Hong Kong's variants such as 衞), full-width
   punctuation to half-width, every quote mark to one, every middle dot to one,
   invisible format characters out. If the folded quote is in the folded article,
   the quote differs from that passage only in those ways.
2. Otherwise align the quote with the whole article. Each character n-gram the
   quote shares with the article votes for the place the quote would start there;
   the few places with most votes are aligned with difflib over a window the
   quote's length, and the best wins. A miss costs one ``str.find`` per n-gram of
   the quote plus a few alignments of quote-sized windows, not a pass of difflib
   over the article.

Folding keeps one character for one (the invisible characters it drops are mapped
back), so a passage found in the folded article is a passage of the article's text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

QUOTE_MARKS = frozenset("“”„‟\"＂「」『』〝〞‘’‚‛'＇﹁﹂﹃﹄")
DOTS = frozenset("·・‧•･⋅")
# Full-width ASCII forms (U+FF01-FF5E) and the ideographic full stop and comma.
HALF_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)} | {"。": ".", "、": ","}
# Format characters that show as nothing (soft hyphen, direction marks…); whitespace
# and zero-width spaces are already out of the squeezed text.
INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200e\u200f\u202a-\u202e\u2061-\u2064\u2066-\u206f]")

_GRAMS = (3, 2)  # n-gram sizes tried in turn, for the quote's possible starts
_MAX_HITS = 32  # an n-gram found more often than this says nothing about where
_CANDIDATES = 3  # possible starts aligned in full
_MIN_RATIO = 0.5  # a window less alike than this is not offered as "the closest"
_SIMPLIFIED: dict[str, str] = {}  # Traditional -> Simplified, one character, filled as met


@dataclass(frozen=True)
class Near:
    """The passage ``text[start:end]`` of the squeezed article most like the quote."""

    start: int
    end: int
    exact: bool  # the quote is this passage once both are folded


@dataclass(frozen=True)
class Difference:
    """One place where the quote and the passage differ, and what kind of difference:
    ``script``, ``width``, ``quote mark``, ``dot``, ``invisible`` or ``text``."""

    kind: str
    quote: str  # the quote's characters there ("" if it has none)
    passage: str  # the passage's characters there
    at: tuple[int, int]  # where, as offsets into the quote and into the passage


def nearest(text: str, quote: str) -> Near | None:
    """The passage of ``text`` (squeezed) most like ``quote`` (squeezed), if any is."""
    if not quote:
        return None
    hay, kept = folded(text)
    needle = fold(quote)[0]
    at = hay.find(needle) if needle else -1
    if at >= 0:
        return Near(*_original(kept, at, at + len(needle)), exact=True)
    best: tuple[float, int, int] | None = None
    for start in _starts(needle, hay):
        ratio, lo, hi = _align(needle, hay, start)
        if hi > lo and (best is None or (-ratio, lo) < (-best[0], best[1])):
            best = (ratio, lo, hi)
    if best is None or best[0] < _MIN_RATIO:
        return None
    return Near(*_original(kept, best[1], best[2]), exact=False)


def differences(quote: str, passage: str) -> list[Difference]:
    """Every difference between ``quote`` and ``passage`` (both squeezed), in order."""
    _learn(set(quote) | set(passage))
    found: list[Difference] = []
    matcher = SequenceMatcher(None, quote, passage, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        q, p = quote[i1:i2], passage[j1:j2]
        if op == "replace" and len(q) == len(p):
            for k, (a, b) in enumerate(zip(q, p, strict=True)):
                found.append(Difference(_kind_of(a, b), a, b, (i1 + k, j1 + k)))
        elif not INVISIBLE.sub("", q + p):
            found.append(Difference("invisible", q, p, (i1, j1)))
        else:
            found.append(Difference("text", q, p, (i1, j1)))
    return [d for d in found if d.quote != d.passage]


def fold(text: str) -> tuple[str, tuple[int, ...] | None]:
    """``text`` folded, and where each folded character was in it (``None``: the same)."""
    kept = None
    if INVISIBLE.search(text):
        kept = tuple(i for i, ch in enumerate(text) if not INVISIBLE.match(ch))
        text = INVISIBLE.sub("", text)
    return text.translate(_table(set(text))), kept


def simplified(text: str) -> str:
    """``text`` with each Traditional character in its Simplified form."""
    _learn(set(text))
    return "".join(_SIMPLIFIED.get(ch, ch) for ch in text)


@functools.lru_cache(maxsize=16)
def folded(text: str) -> tuple[str, tuple[int, ...] | None]:
    """:func:`fold` of an article's text, kept for its next missed quote."""
    return fold(text)


def _table(chars: set[str]) -> dict[int, str]:
    _learn(chars)
    table = {}
    for ch in chars:
        to = _folded_char(ch)
        if to != ch:
            table[ord(ch)] = to
    return table


def _folded_char(ch: str) -> str:
    half = HALF_WIDTH.get(ch, ch)
    if half in QUOTE_MARKS:
        return '"'
    if half in DOTS:
        return "·"
    return _SIMPLIFIED.get(half, half)


def _learn(chars: set[str]) -> None:
    """Put the Simplified form of each Han character of ``chars`` in ``_SIMPLIFIED``: one
    OpenCC call for all the new ones, each converted alone (as the search's fold is)."""
    new = sorted(ch for ch in chars if ch >= "\u2e80" and ch not in _SIMPLIFIED)
    if not new:
        return
    converted = str(_to_simplified().convert("\n".join(new))).split("\n")
    if len(converted) != len(new):  # a conversion that joined lines: one at a time
        converted = [str(_to_simplified().convert(ch)) for ch in new]
    _SIMPLIFIED.update((a, b if len(b) == 1 else a) for a, b in zip(new, converted, strict=True))


@functools.lru_cache(maxsize=1)
def _to_simplified() -> Any:
    import opencc

    return opencc.OpenCC("hk2s")


def _kind_of(quote: str, passage: str) -> str:
    """What kind of difference one character of each is."""
    q, p = HALF_WIDTH.get(quote, quote), HALF_WIDTH.get(passage, passage)
    if q == p:
        return "width"
    if q in QUOTE_MARKS and p in QUOTE_MARKS:
        return "quote mark"
    if q in DOTS and p in DOTS:
        return "dot"
    if _SIMPLIFIED.get(q, q) == _SIMPLIFIED.get(p, p):
        return "script"
    return "text"


def _original(kept: tuple[int, ...] | None, start: int, end: int) -> tuple[int, int]:
    return (start, end) if kept is None else (kept[start], kept[end - 1] + 1)


def _starts(needle: str, hay: str) -> list[int]:
    """Where in ``hay`` the quote may start, most likely first: each n-gram the two
    share votes for the start it implies (one found all over the article says nothing
    about where, and only votes if all do); starts closer than half the quote's
    length to a likelier one are left out."""
    votes: dict[int, int] = {}
    for n in _GRAMS if len(needle) > 2 else (len(needle),):
        grams: dict[str, list[int]] = {}
        for i in range(len(needle) - n + 1):
            grams.setdefault(needle[i : i + n], []).append(i)
        rare = {gram: at for gram, at in grams.items() if 0 < hay.count(gram) <= _MAX_HITS}
        for gram, offsets in (rare or grams).items():  # all common: a few places will do
            at, hits = hay.find(gram), 0
            while at >= 0 and hits < _MAX_HITS:
                for i in offsets:
                    votes[at - i] = votes.get(at - i, 0) + 1
                at, hits = hay.find(gram, at + 1), hits + 1
        if votes:
            break
    chosen: list[int] = []
    for start in sorted(votes, key=lambda s: (-votes[s], s)):
        if all(abs(start - other) > len(needle) // 2 for other in chosen):
            chosen.append(start)
            if len(chosen) == _CANDIDATES:
                break
    return chosen


def _align(needle: str, hay: str, start: int) -> tuple[float, int, int]:
    """(similarity, start, end) of the passage near ``start`` aligned with ``needle``.

    Matching runs off the main diagonal (a stray character matched in the margin)
    do not stretch the passage.
    """
    margin = max(4, len(needle) // 4)
    lo = max(0, start - margin)
    region = hay[lo : start + len(needle) + margin]
    blocks = SequenceMatcher(None, needle, region, autojunk=False).get_matching_blocks()
    blocks = [b for b in blocks if b.size]
    if not blocks:
        return 0.0, lo, lo
    main = max(blocks, key=lambda b: b.size)
    slant = max(2, len(needle) // 10)
    near = [b for b in blocks if abs((b.b - b.a) - (main.b - main.a)) <= slant]
    first, last = near[0], near[-1]
    begin = max(0, first.b - first.a)
    end = min(len(region), last.b + len(needle) - last.a)
    matched = sum(b.size for b in near)
    return 2 * matched / (len(needle) + end - begin), lo + begin, lo + end
