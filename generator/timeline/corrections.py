"""The curator's corrections to an article's body: ``keep:`` and ``drop:`` in ``articles:``.

The cleaner decides line by line what is article text, and the seeds stay as
collected, so when it decides wrong the curator says so in timeline.yaml. The
corrections are applied to the cleaned (frozen) article, after the cleaning cache,
and quotes are then checked against the corrected text. The rules, documented in
docs/timeline-format.md:

* texts are compared ignoring whitespace, as quotes are;
* ``keep`` puts back every dropped line equal to its text (a line repeated on a page
  was dropped, and comes back, each time), each as its own paragraph where it stood
  in the file;
* ``drop`` then cuts its text wherever it stands inside one block, every time; a
  block left without a letter or digit goes; each cut is listed in the cleaning
  report with the reason ``curator``;
* paragraph anchors are renumbered ``p1``, ``p2``... over the non-heading blocks,
  the rule the cleaner uses.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from ..messages import Message, say
from ..model import CURATOR, Article, ArticleOverride, Block, Correction, Dropped, numbered
from .quotes import closest_hint, index_article, locate, occurrences, shorten, squeeze

_SUGGESTED = 3  # closest dropped lines named when a ``keep`` text matches none
# Below this difflib ratio a dropped line shares only a character or two with the text
# (any two Chinese lines do): naming it would send the curator the wrong way.
_ALIKE = 0.3


def correct(article: Article, override: ArticleOverride) -> Article:
    """``article`` with the override's ``keep`` and then ``drop`` texts applied.

    Items matching nothing are ignored here (:func:`problems` reports them), so a
    preview still shows every correction that does apply.
    """
    if not override.keep and not override.drop:
        return article
    return _renumber(_drop(_keep(article, override.keep), override.drop))


def problems(article: Article, override: ArticleOverride) -> list[tuple[Correction, Message]]:
    """Each ``keep``/``drop`` item that matches nothing in ``article``, and why."""
    found = [(item, _keep_problem(article, item)) for item in override.keep]
    kept = _keep(article, override.keep)  # a kept line may be dropped in part again
    found += [(item, _drop_problem(kept, item)) for item in override.drop]
    return [(item, message) for item, message in found if message is not None]


def removed_by(original: Article, override: ArticleOverride, quote: str) -> Message | None:
    """Why ``quote``, found in the cleaned article, is not in the corrected one."""
    if locate(index_article(original), quote) is None:
        return None
    kept = _keep(original, override.keep)
    for item in override.drop:
        if locate(index_article(_drop(kept, (item,))), quote) is None:
            return say(
                "the `drop` text on line {line} removed it; expected a quote of "
                "text still in the article, or remove that `drop` item",
                line=item.line,
            )
    # No single cut did it: a line put back now stands between the quote's paragraphs,
    # or cuts together broke it.
    return say(
        "the corrections to it in `articles:` (line {line}) changed this passage; "
        "expected a quote of the corrected text",
        line=override.line,
    )


# --- keep -------------------------------------------------------------------------


def _keep(article: Article, items: Sequence[Correction]) -> Article:
    wanted = {squeeze(item.text) for item in items} - {""}
    back = [d for d in article.dropped if squeeze(d.text) in wanted]
    if not back:
        return article
    blocks = list(article.blocks)
    for line in sorted(back, key=lambda d: d.line):
        block = Block("paragraph", line.text.strip(), "", lines=(line.line,))
        blocks.insert(_place(blocks, line.line), block)
    dropped = tuple(d for d in article.dropped if squeeze(d.text) not in wanted)
    return replace(article, blocks=tuple(blocks), dropped=dropped)


def _place(blocks: Sequence[Block], line: int) -> int:
    """Where a line put back goes: beside the block with the nearest source line,
    after it if that line came first. Nearest, not the first later block: blocks
    are not always in file order (a newspaper article's lead can sit lower on the
    page than its body). Blocks without line numbers are ignored; with none at all,
    the line goes last."""
    best: tuple[int, bool] | None = None
    where = len(blocks)
    for number, block in enumerate(blocks):
        for source in block.lines:
            rank = (abs(source - line), source > line)  # a tie goes after the earlier block
            if best is None or rank < best:
                best, where = rank, number + (source <= line)
    return where


def _keep_problem(article: Article, item: Correction) -> Message | None:
    needle = squeeze(item.text)
    if needle and any(squeeze(d.text) == needle for d in article.dropped):
        return None
    spans = locate(index_article(article), item.text)
    if spans and spans[0].anchor:
        return say(
            "`keep` text matches no line dropped from article {id}: it is already in the "
            "article ({anchor}); expected the text of a line listed in the article's "
            "cleaning report",
            id=article.id,
            anchor=spans[0].anchor,
        )
    if spans:
        return say(
            "`keep` text matches no line dropped from article {id}: it is already in the "
            "article; expected the text of a line listed in the article's cleaning report",
            id=article.id,
        )
    near = _similar(needle, article.dropped)
    if not near:
        return say(
            "`keep` text matches no line dropped from article {id}; expected the text of "
            "a line listed in the article's cleaning report",
            id=article.id,
        )
    shown = [say("“{text}” (line {line})", text=shorten(d.text.strip()), line=d.line) for d in near]
    lines = shown[0]
    for line in shown[1:]:
        lines = say("{first}, {then}", first=lines, then=line)
    return say(
        "`keep` text matches no line dropped from article {id}; closest dropped lines: {lines}",
        id=article.id,
        lines=lines,
    )


def _similar(needle: str, dropped: Sequence[Dropped]) -> list[Dropped]:
    """Up to three dropped lines most like ``needle``: those containing it first (a
    line copied in part), then by difflib's ratio; each text once."""
    scored: dict[str, tuple[bool, float, int, Dropped]] = {}
    for order, line in enumerate(dropped):
        text = squeeze(line.text)
        if not needle or not text or text in scored:  # nothing to compare, or named already
            continue
        ratio = difflib.SequenceMatcher(None, needle, text, autojunk=False).ratio()
        if needle in text or ratio >= _ALIKE:
            scored[text] = (needle not in text, -ratio, order, line)
    return [entry[3] for entry in sorted(scored.values())[:_SUGGESTED]]


# --- drop -------------------------------------------------------------------------


def _drop(article: Article, items: Sequence[Correction]) -> Article:
    if not items:
        return article
    blocks: list[Block] = []
    dropped = list(article.dropped)
    for block in article.blocks:
        cuts = _merge([cut for item in items for cut in occurrences(block.text, item.text)])
        if not cuts:
            blocks.append(block)
            continue
        first = block.lines[0] if block.lines else 0
        dropped += [Dropped(first, block.text[start:end], CURATOR) for start, end in cuts]
        rest = _cut(block, cuts)
        if rest is not None:
            blocks.append(rest)
    dropped.sort(key=lambda d: d.line)  # stable: the cleaner's order within a line stays
    return replace(article, blocks=tuple(blocks), dropped=tuple(dropped))


def _drop_problem(article: Article, item: Correction) -> Message | None:
    if any(occurrences(block.text, item.text) for block in article.blocks):
        return None
    if locate(index_article(article), item.text) is not None:
        return say(
            "`drop` text runs across more than one paragraph of article {id}; "
            "expected one `drop` item per paragraph",
            id=article.id,
        )
    return say(
        "`drop` text not found in article {id}; {hint}",
        id=article.id,
        hint=closest_hint(article, item.text),
    )


def _merge(cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted cuts, overlapping or touching ones joined (two ``drop`` texts may overlap)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(cuts):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _cut(block: Block, cuts: list[tuple[int, int]]) -> Block | None:
    """``block`` without ``cuts``; ``None`` when no letter or digit is left."""
    text = block.text
    wide = _merge([_widen(text, start, end) for start, end in cuts])
    starts = [0] + [end for _, end in wide]  # the kept pieces lie between the cuts
    ends = [start for start, _ in wide] + [len(text)]
    rest = "".join(text[a:b] for a, b in zip(starts, ends, strict=True))
    if not any(unicodedata.category(ch)[0] in "LN" for ch in rest):
        return None
    strong = tuple(
        (_shift(start, wide), _shift(end, wide))
        for start, end in block.strong
        if _shift(start, wide) < _shift(end, wide)
    )
    return replace(block, text=rest, strong=strong)


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """A cut with the whitespace it would leave doubled or dangling at either end."""
    if start == 0 or text[start - 1].isspace():
        while end < len(text) and text[end].isspace():
            end += 1
    if end == len(text):
        while start > 0 and text[start - 1].isspace():
            start -= 1
    return start, end


def _shift(offset: int, cuts: list[tuple[int, int]]) -> int:
    """Where ``offset`` of the old text lands once ``cuts`` are removed."""
    return offset - sum(min(end, offset) - start for start, end in cuts if start < offset)


def _renumber(article: Article) -> Article:
    """Anchors renumbered as the cleaner numbers them, so links follow the corrected text."""
    return replace(article, blocks=numbered(article.blocks))
