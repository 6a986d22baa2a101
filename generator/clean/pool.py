"""Cleaning many files on every core: each file is cleaned alone, so files can go to
worker processes in any grouping and come back in file order, unchanged (see
:mod:`generator.cores` for when workers are safe)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from ..cores import can_fork, fork_calls
from ..model import Article, RawText
from .dates import YearSpan

MIN_FILES = 64  # fewer files clean faster than a pool starts

Cleaner = Callable[[RawText, "YearSpan | None"], list[Article]]


def clean_many(
    clean: Cleaner, raws: Sequence[RawText], span: YearSpan | None, workers: int
) -> list[list[Article]]:
    """``[clean(raw, span) for raw in raws]``, on ``workers`` processes where that is safe."""
    workers = min(workers, len(raws) // (MIN_FILES // 2) or 1)
    if workers < 2 or len(raws) < MIN_FILES or not can_fork():
        return [clean(raw, span) for raw in raws]
    return fork_calls([partial(clean, raw, span) for raw in raws], workers, what="files cleaned")
