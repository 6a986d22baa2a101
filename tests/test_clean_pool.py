"""Cleaning on several processes gives the files' articles in file order, unchanged."""

from __future__ import annotations

import dataclasses
import os

from generator.clean import clean_corpus, clean_text
from generator.clean.dates import YearSpan
from generator.clean.pool import MIN_FILES, clean_many
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
