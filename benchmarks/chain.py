"""New paragraphs from the seeds' real text: a character chain over the cleaned seeds.

Why not reuse the seeds' paragraphs verbatim: the cleaner drops any short line that
two files share (page furniture repeats; articles do not). A newspaper page is all
short lines, so reshuffled seed paragraphs make most of a large corpus "repeated":
measured on 2,500 newspaper-style files, 83% of the wrapped lines occurred in two
files or more. Paragraphs walked from a chain of character pairs (each next
character drawn from those that follow the last two in the seeds) keep the seeds'
vocabulary, punctuation and sentence lengths, and repeat under 2% of lines.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

from generator.clean import clean_corpus
from generator.read import read_dir

from .styles import t2s

ORDER = 2
_ENDS = "。！？"
_BREAK = "\n"


def paragraph_pool(seeds: Path) -> list[str]:
    """The seeds' cleaned paragraphs, in Simplified script, 30-400 characters each."""
    pool: dict[str, None] = {}
    for article in clean_corpus(read_dir(seeds)):
        for block in article.blocks:
            if block.kind in ("paragraph", "item") and 30 <= len(block.text) <= 400:
                text = t2s(block.text) if article.script == "hant" else block.text
                pool[text] = None
    return list(pool)


class Chain:
    """What follows each pair of characters in the pool (in pool order: deterministic)."""

    def __init__(self, pool: Sequence[str]) -> None:
        text = _BREAK.join(pool) + _BREAK
        self.follow: dict[str, list[str]] = {}
        for i in range(len(text) - ORDER):
            self.follow.setdefault(text[i : i + ORDER], []).append(text[i + ORDER])
        self.starts = [p[:ORDER] for p in pool if len(p) > ORDER]

    def paragraph(self, rng: random.Random, size: int) -> str:
        """About ``size`` characters, ending at a sentence end."""
        out = rng.choice(self.starts)
        while True:
            nxt = rng.choice(self.follow.get(out[-ORDER:], [_BREAK]))
            if nxt == _BREAK:
                if len(out) >= size:
                    break
                out += ("" if out[-1] in _ENDS else "。") + rng.choice(self.starts)
                continue
            out += nxt
            if nxt in _ENDS and len(out) >= size:
                break
            if len(out) >= size + 80:  # no sentence end in sight: close it here
                break
        return out if out[-1] in _ENDS else out.rstrip("，,、；;：:") + "。"
