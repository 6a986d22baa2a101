"""Cleaning on several processes gives the files' articles in file order, unchanged."""

from __future__ import annotations

import dataclasses
import gc
import os
import threading

from generator.clean import clean_corpus, clean_text
from generator.clean.dates import YearSpan
from generator.clean.pool import MIN_FILES, clean_many
from generator.cores import can_fork, fork_calls
from generator.model import Article, RawText
from generator.read import read_dir

from .conftest import ROOT, SEEDS


def _many() -> list[RawText]:
    seeds = read_dir(SEEDS, ROOT)
    copies = -(-MIN_FILES // len(seeds)) + 1
    return [
        dataclasses.replace(raw, name=f"{n:02d}-{raw.name}", path=f"{n:02d}-{raw.path}")
        for n in range(copies)
        for raw in seeds
    ]


def _where(raw: RawText, span: YearSpan | None) -> list[Article]:
    return [dataclasses.replace(a, title=str(os.getpid())) for a in clean_text(raw, span)]


def test_the_pool_gives_what_one_process_gives() -> None:
    raws = _many()
    assert clean_corpus(raws, workers=2) == clean_corpus(raws)


def test_the_pool_really_uses_other_processes() -> None:
    pids = {a.title for articles in clean_many(_where, _many(), None, 2) for a in articles}
    assert str(os.getpid()) not in pids and len(pids) == 2


def test_no_worker_is_forked_while_another_thread_runs() -> None:
    """A fork copies the locks other threads hold: under ``mkdocs serve``, whose server
    runs threads after its first build, every save cleans in this process."""
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)
    server.start()
    try:
        assert not can_fork()
        pids = {a.title for articles in clean_many(_where, _many(), None, 2) for a in articles}
    finally:
        stop.set()
        server.join()
    assert pids == {str(os.getpid())}


def _collector() -> tuple[bool, int]:
    return gc.isenabled(), gc.get_freeze_count()


def test_workers_collect_garbage_and_leave_the_collector_as_it_was() -> None:
    assert can_fork()
    seen = fork_calls([_collector] * 8, 2, 1)
    # Each worker collects, but not what it inherited (set aside before the fork).
    assert all(enabled and frozen > 0 for enabled, frozen in seen), seen
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        fork_calls([_collector] * 8, 2, 1)
        assert not gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        gc.enable()
