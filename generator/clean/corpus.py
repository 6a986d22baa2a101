"""What only a corpus shows: short furniture lines that several sites print alike.

Every file is cleaned on its own first (:func:`generator.clean.clean_text`); this step
may then only *remove* lines, never change a title, an author, a date or a
publication, and never touch a sentence. A line goes when all of these hold:

* it is a block of its own made of a single source line, short
  (:data:`SHORT_FURNITURE`), with no sentence end and no colon closing it (a letter's
  salutation ``尊敬的用户：`` is text);
* it stands at the edge of its article — in the run of such lines that opens or closes
  it — so nothing from the middle of the text is ever judged by other files;
* at least two files print it that are *not* reprints of one story: two files sharing a
  sentence of :data:`REPRINT_SENTENCE` characters carry the same story, and what they
  share is that story's text, not a site's furniture.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Sequence

from ..model import Article, Block, Dropped, RawText, numbered
from .chars import ends_sentence, width

SHORT_FURNITURE = 24  # display width: a longer shared line is text, never furniture
REPRINT_SENTENCE = 20  # characters: a shared sentence this long means a shared story
_PAIRS_TRIED = 64  # files sharing a line are paired this many times at most
_SENTENCE = re.compile(r"[^。！？!?；;]+")
_SPACE = re.compile(r"\s+")


def key(text: str) -> str:
    """How a line is compared across files: without any spaces."""
    return _SPACE.sub("", text)


def _shaped(block: Block) -> bool:
    text = block.text
    return (
        block.kind in ("paragraph", "item")
        and len(block.lines) == 1
        and width(text) <= SHORT_FURNITURE
        and not ends_sentence(text)
        and not text.rstrip().endswith(("：", ":"))
    )


def _edges(blocks: Sequence[Block]) -> tuple[int, int]:
    """``(a, b)``: blocks before ``a`` and from ``b`` on form the article's edge runs."""
    a = 0
    while a < len(blocks) and _shaped(blocks[a]):
        a += 1
    b = len(blocks)
    while b > a and _shaped(blocks[b - 1]):
        b -= 1
    return a, b


def _edge_keys(articles: Sequence[Article]) -> set[str]:
    out: set[str] = set()
    for article in articles:
        a, b = _edges(article.blocks)
        out.update(key(block.text) for block in (*article.blocks[:a], *article.blocks[b:]))
    return out


def _story(articles: Sequence[Article]) -> set[str]:
    """The file's long sentences: what a reprint of the same story shares."""
    out: set[str] = set()
    for article in articles:
        for block in article.blocks:
            out.update(s for s in _SENTENCE.findall(key(block.text)) if len(s) >= REPRINT_SENTENCE)
    return out


def shared_furniture(files: Sequence[Sequence[Article]]) -> frozenset[str]:
    """Keys of edge lines printed by two files or more that tell different stories."""
    holders: dict[str, list[int]] = defaultdict(list)
    for n, articles in enumerate(files):
        for found in _edge_keys(articles):
            holders[found].append(n)
    stories: dict[int, set[str]] = {}

    def story(n: int) -> set[str]:
        if n not in stories:
            stories[n] = _story(files[n])
        return stories[n]

    out = set()
    for found, where in holders.items():
        pairs = ((i, j) for i in where for j in where if i < j)
        for tried, (i, j) in enumerate(pairs):
            if tried >= _PAIRS_TRIED:
                break
            if story(i).isdisjoint(story(j)):
                out.add(found)
                break
    return frozenset(out)


def peel(article: Article, furniture: frozenset[str], raw: RawText) -> Article:
    """``article`` without the shared furniture lines at its edges (reported as dropped)."""
    blocks = article.blocks
    a, b = _edges(blocks)
    start = 0
    while start < a and key(blocks[start].text) in furniture:
        start += 1
    end = len(blocks)
    while end > max(b, start) and key(blocks[end - 1].text) in furniture:
        end -= 1
    if start == 0 and end == len(blocks):
        return article
    source = raw.text.split("\n")
    gone = [*blocks[:start], *blocks[end:]]
    dropped = [Dropped(bl.lines[0], source[bl.lines[0] - 1].strip(), "repeated") for bl in gone]
    return dataclasses.replace(
        article,
        blocks=numbered(blocks[start:end]),
        dropped=tuple(sorted([*article.dropped, *dropped], key=lambda d: d.line)),
    )


def without_shared_furniture(
    raws: Sequence[RawText], files: Sequence[Sequence[Article]]
) -> list[Article]:
    """Every file's articles, in order, less the furniture lines other files share."""
    furniture = shared_furniture(files)
    out: list[Article] = []
    for raw, articles in zip(raws, files, strict=True):
        out.extend(peel(article, furniture, raw) if furniture else article for article in articles)
    return out
