"""Find a quoted passage in an article, ignoring whitespace, in linear time.

Each article is indexed once: its blocks' texts concatenated with all
whitespace removed, and where each block starts in that string. A quote is then
one ``str.find``, however many events cite the article; offsets inside a block
are worked out only for the blocks a found quote covers. Quotes are otherwise
verbatim: punctuation and script must match.
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass

from ..kept import Kept
from ..messages import Message, say
from ..model import Article, Block, Span

# Whitespace, and the zero-width characters that pasted text often carries.
_SKIPPED = re.compile("[\\s\u200b\u200c\u200d\u2060\ufeff]")
_SKIPPED_RUN = re.compile(_SKIPPED.pattern + "+")
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")
_SHOWN = 80  # characters of the closest passage shown in a message


def squeeze(text: str) -> str:
    """``text`` without any whitespace (or zero-width characters)."""
    return _SKIPPED.sub("", text)


@dataclass(frozen=True)
class ArticleIndex:
    article: Article
    text: str  # all blocks, whitespace removed, concatenated
    block_starts: tuple[int, ...]  # where each block begins in ``text``


def index_article(article: Article) -> ArticleIndex:
    # No per-character offset table: most blocks have nothing to skip, and the few
    # offsets a found quote needs are recomputed for its own blocks in ``locate``.
    parts: list[str] = []
    starts: list[int] = []
    length = 0
    for block in article.blocks:
        starts.append(length)
        text = squeeze(block.text) if _SKIPPED.search(block.text) else block.text
        parts.append(text)
        length += len(text)
    return ArticleIndex(article, "".join(parts), tuple(starts))


class KeptIndexes:
    """Articles' indexes and the quotes found in them, kept for the next check only.

    Under ``mkdocs serve`` an unchanged article is the very same object from one save
    to the next (see ``JsonCache.decoded``), so it is known by identity; an entry holds
    its article, so the identity cannot pass to another object while the entry lives.
    """

    def __init__(self) -> None:
        self.kept: Kept[int, tuple[ArticleIndex, dict[str, tuple[Span, ...] | None]]] = Kept()

    def begin(self) -> None:
        self.kept.begin()

    def index(self, article: Article) -> ArticleIndex:
        return self._entry(article)[0]

    def locate(self, article: Article, quote: str) -> tuple[Span, ...] | None:
        index, found = self._entry(article)
        if quote not in found:
            found[quote] = locate(index, quote)
        return found[quote]

    def _entry(self, article: Article) -> tuple[ArticleIndex, dict[str, tuple[Span, ...] | None]]:
        entry = self.kept.find(id(article))[0]
        if entry is None or entry[0].article is not article:
            entry = (index_article(article), {})
        self.kept.keep(id(article), entry)
        return entry


def locate(index: ArticleIndex, quote: str) -> tuple[Span, ...] | None:
    """Where ``quote`` is in the article: one span per block it covers, or ``None``."""
    needle = squeeze(quote)
    if not needle:
        return None
    start = index.text.find(needle)
    if start < 0:
        return None
    return spans(index, start, start + len(needle))


def spans(index: ArticleIndex, start: int, end: int) -> tuple[Span, ...]:
    """``index.text[start:end]`` in the article: one span per block it covers."""
    return tuple(Span(block.anchor, lo, hi) for block, lo, hi in _pieces(index, start, end))


def passage(index: ArticleIndex, start: int, end: int) -> tuple[str, str]:
    """(anchor, text) of ``index.text[start:end]`` as the article writes it, on one line:
    the anchor of the block it starts in, and its whitespace put back."""
    pieces = _pieces(index, start, end)
    text = "".join(block.text[lo:hi] for block, lo, hi in pieces)
    return pieces[0][0].anchor, " ".join(text.splitlines())


def _pieces(index: ArticleIndex, start: int, end: int) -> list[tuple[Block, int, int]]:
    """(block, start, end) in each block's own text, for ``index.text[start:end]``."""
    found = []
    first = bisect.bisect_right(index.block_starts, start) - 1
    for number in range(first, len(index.block_starts)):
        block_start = index.block_starts[number]
        if block_start >= end:
            break
        block_end = _block_end(index, number)
        lo, hi = max(start, block_start), min(end, block_end)
        if lo < hi:
            block = index.article.blocks[number]
            first_char, last_char = _offsets(block.text, lo - block_start, hi - 1 - block_start)
            found.append((block, first_char, last_char + 1))
    return found


def occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    """Every place ``quote`` is in ``text`` (one block), whitespace aside, without
    overlaps: ``(start, end)`` offsets into ``text``, from its first to its last
    non-blank character."""
    needle = squeeze(quote)
    haystack = squeeze(text)
    found: list[int] = []
    start = haystack.find(needle) if needle else -1
    while start >= 0:
        found += (start, start + len(needle) - 1)
        start = haystack.find(needle, start + len(needle))
    if not found:
        return []
    offsets = _offsets(text, *found)
    return [(offsets[i], offsets[i + 1] + 1) for i in range(0, len(offsets), 2)]


def _offsets(text: str, *kept: int) -> tuple[int, ...]:
    """Offsets in ``text`` of the ``kept``-th non-skipped characters (ascending): each
    is its number plus the skipped characters before it, counted a run at a time
    (a character at a time was a tenth of a 1,000-event build's validation)."""
    if not _SKIPPED.search(text):
        return kept
    runs = _SKIPPED_RUN.finditer(text)
    run = next(runs, None)
    skipped = 0  # characters of the runs passed so far
    found = []
    for target in kept:
        # A run that starts before the target's character (counted without the skipped
        # ones) comes before it.
        while run is not None and run.start() - skipped <= target:
            skipped += run.end() - run.start()
            run = next(runs, None)
        found.append(target + skipped)
    return tuple(found)


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


def closest_hint(article: Article, text: str) -> Message:
    """What to tell a curator whose ``text`` is not in ``article``: the passage most
    like it (``closest passage (p3): “…”``), or what is expected when nothing is."""
    found = closest_passage(article, text)
    if found is None:
        return say("expected words copied exactly from the article")
    anchor, sentence = found
    shown = shorten(sentence)
    if anchor:
        return say("closest passage ({anchor}): “{passage}”", anchor=anchor, passage=shown)
    return say("closest passage: “{passage}”", passage=shown)


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
