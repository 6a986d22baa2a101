"""Work spread over every core by forked worker processes.

Workers are forked: they inherit the parent's memory (the cleaner, a build's
configuration and files) without a second import or pickled code. Forking a process
that runs other threads can copy a lock another thread holds, so the pool is used only
when this process runs no other thread: ``mkdocs build``, ``python -m generator build``
and the first build of ``mkdocs serve``, which runs before the server starts its
threads; never a save under the running server.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from . import collector, progress

CHUNKS_PER_WORKER = 4  # work in a few pieces per core, so one slow piece does not idle the rest

R = TypeVar("R")


def all_cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether forking workers is safe here: no other thread runs in this process."""
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


_CALLS: Sequence[Callable[[], Any]] = ()  # set before the fork: workers read their copy


def fork_calls(
    calls: Sequence[Callable[[], R]],
    workers: int,
    chunk: int = 0,
    meanwhile: Callable[[], None] | None = None,
    what: str = "",
) -> list[R]:
    """``[call() for call in calls]`` on ``workers`` forked processes, in order, sent
    ``chunk`` calls at a time (by default a few pieces per worker). ``meanwhile`` runs
    in this process once the workers are forked, so it may start threads. ``what``
    names the calls' work for the build's progress lines ("files cleaned").

    The caller checks :func:`can_fork` first. The calls themselves are never pickled
    (closures over a build's objects would not pickle): each worker finds them in the
    memory it was forked with, and gets only their positions. What they return must
    pickle.
    """
    global _CALLS
    chunk = chunk or max(1, len(calls) // (workers * CHUNKS_PER_WORKER))
    context = multiprocessing.get_context("fork")
    _CALLS = calls
    # What the workers inherit is set aside from the collector, so that no full pass
    # walks it again, here or in a worker (where touching an object copies its page).
    gc.freeze()
    try:
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            # The first piece sent forks every worker (the pool forks them all before
            # its own thread starts).
            results = pool.map(_call, range(len(calls)), chunksize=chunk)
            # The workers are forked (their collector runs, or pauses, as this one did
            # before): this process now mostly unpickles their results, objects that
            # all live on, which made it collect in vain (half of its time while 10,000
            # files were cleaned).
            with collector.paused():
                if meanwhile is not None:
                    try:
                        meanwhile()
                    except BaseException:
                        pool.shutdown(cancel_futures=True)
                        raise
                done: list[R] = []
                for result in results:
                    done.append(result)
                    if what:
                        progress.BUILD.count(len(done), len(calls), what)
                return done
    finally:
        _CALLS = ()
        gc.unfreeze()


def _call(at: int) -> Any:
    return _CALLS[at]()
