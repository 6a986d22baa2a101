"""Find a quoted passage in an article, ignoring whitespace, in linear time.

Each article is indexed once: its blocks' texts concatenated with all
whitespace removed, plus a map from every character of that string back to
(block, offset). A quote is then one ``str.find``, however many events cite the
article. Quotes are otherwise verbatim: punctuation and script must match.
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass

from ..model import Article, Span

# Besides str.isspace(): zero-width characters that pasted text often carries.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_SKIPPED = re.compile("[\\s\u200b\u200c\u200d\u2060\ufeff]")
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")
_SHOWN = 80  # characters of the closest passage shown in a message


def squeeze(text: str) -> str:
    """``text`` without any whitespace (or zero-width characters)."""
    return "".join(ch for ch in text if not (ch.isspace() or ch in _INVISIBLE))


@dataclass(frozen=True)
class ArticleIndex:
    article: Article
    text: str  # all blocks, whitespace removed, concatenated
    block_starts: tuple[int, ...]  # where each block begins in ``text``
    offsets: tuple[int, ...]  # for each character of ``text``: its offset in its block


def index_article(article: Article) -> ArticleIndex:
    chars: list[str] = []
    offsets: list[int] = []
    starts: list[int] = []
    for block in article.blocks:
        starts.append(len(chars))
        if not _SKIPPED.search(block.text):  # most Chinese paragraphs: no character to skip
            chars.extend(block.text)
            offsets.extend(range(len(block.text)))
            continue
        for offset, ch in enumerate(block.text):
            if not (ch.isspace() or ch in _INVISIBLE):
                chars.append(ch)
                offsets.append(offset)
    return ArticleIndex(article, "".join(chars), tuple(starts), tuple(offsets))


def locate(index: ArticleIndex, quote: str) -> tuple[Span, ...] | None:
    """Where ``quote`` is in the article: one span per block it covers, or ``None``."""
    needle = squeeze(quote)
    if not needle:
        return None
    start = index.text.find(needle)
    if start < 0:
        return None
    end = start + len(needle)
    spans: list[Span] = []
    first = bisect.bisect_right(index.block_starts, start) - 1
    for number in range(first, len(index.block_starts)):
        block_start = index.block_starts[number]
        if block_start >= end:
            break
        block_end = _block_end(index, number)
        lo, hi = max(start, block_start), min(end, block_end)
        if lo < hi:
            anchor = index.article.blocks[number].anchor
            spans.append(Span(anchor, index.offsets[lo], index.offsets[hi - 1] + 1))
    return tuple(spans)


def _block_end(index: ArticleIndex, number: int) -> int:
    if number + 1 < len(index.block_starts):
        return index.block_starts[number + 1]
    return len(index.text)


def closest_passage(article: Article, quote: str) -> tuple[str, str] | None:
    """(anchor, sentence) of the sentence most like ``quote``, to suggest a correction.

    Sentences are ranked by shared character pairs (cheap), and only the best few
    are compared with difflib, so a miss costs about one pass over the article.
    """
    needle = squeeze(quote)
    wanted = _pairs(needle)
    if not wanted:
        return None
    scored: list[tuple[int, int, str, str]] = []
    for order, (anchor, sentence) in enumerate(_sentences(article)):
        shared = len(wanted & _pairs(squeeze(sentence)))
        if shared:
            scored.append((-shared, order, anchor, sentence))
    if not scored:
        return None
    best = sorted(scored)[:5]
    ratio = [
        (-difflib.SequenceMatcher(None, needle, squeeze(s), autojunk=False).ratio(), order, a, s)
        for _, order, a, s in best
    ]
    _, _, anchor, sentence = min(ratio)
    return anchor, sentence


def shorten(sentence: str) -> str:
    return sentence if len(sentence) <= _SHOWN else sentence[: _SHOWN - 1] + "…"


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _sentences(article: Article) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for block in article.blocks:
        for sentence in _SENTENCE_END.split(block.text):
            if sentence.strip():
                found.append((block.anchor, sentence.strip()))
    return found
