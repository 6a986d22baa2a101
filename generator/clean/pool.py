"""Cleaning many files on every core: each file is cleaned alone, so files can go to
worker processes in any grouping and come back in file order, unchanged.

Worker processes are forked (no second import of the cleaner, no pickled code), and
forking a process that runs other threads can copy a lock another thread holds: the
pool is used only when this process runs no other thread (``mkdocs build``,
``python -m generator build``), never under ``mkdocs serve``'s threaded server.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from ..model import Article, RawText
from .dates import YearSpan

MIN_FILES = 64  # fewer files clean faster than a pool starts
CHUNKS_PER_WORKER = 4  # work in a few pieces per core, so one slow piece does not idle the rest

Cleaner = Callable[[RawText, "YearSpan | None"], list[Article]]


def all_cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def clean_many(
    clean: Cleaner, raws: Sequence[RawText], span: YearSpan | None, workers: int
) -> list[list[Article]]:
    """``[clean(raw, span) for raw in raws]``, on ``workers`` processes where that is safe."""
    workers = min(workers, len(raws) // (MIN_FILES // 2) or 1)
    if workers < 2 or len(raws) < MIN_FILES or not _can_fork():
        return [clean(raw, span) for raw in raws]
    chunk = max(1, len(raws) // (workers * CHUNKS_PER_WORKER))
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        return list(pool.map(partial(_one, clean, span), raws, chunksize=chunk))


def _one(clean: Cleaner, span: YearSpan | None, raw: RawText) -> list[Article]:
    return clean(raw, span)


def _can_fork() -> bool:
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
