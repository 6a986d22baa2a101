"""The pages' Markdown and the exports kept between builds: the same inputs give the
same files from the cache, and any change to the timeline renders them again."""

from __future__ import annotations

from pathlib import Path

from generator.cache import JsonCache
from generator.pipeline import Inputs, load_corpus, site_files
from generator.site_cache import cached_site_files

from .conftest import copy_project


def test_kept_files_are_the_rendered_ones_until_the_timeline_changes(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    inputs = Inputs(articles=root / "seeds", timeline=root / "timeline.yaml", root=root)
    cache = JsonCache(tmp_path / "site.json")
    corpus, raws = load_corpus(inputs)
    made = cached_site_files(corpus, raws, inputs, cache)
    assert made == site_files(corpus, raws, inputs)
    cache.save()

    again = JsonCache(tmp_path / "site.json")
    kept = cached_site_files(corpus, raws, inputs, again)
    assert again.counts["site", True] == 1
    assert kept == made and list(kept[0]) == list(made[0])  # the same pages, in order

    timeline = root / "timeline.yaml"
    timeline.write_text(
        timeline.read_text(encoding="utf-8").replace("title: 武汉", "title: 改过的武汉", 1),
        encoding="utf-8",
    )
    corpus, raws = load_corpus(inputs)
    edited = cached_site_files(corpus, raws, inputs, again)
    assert again.counts["site", False] == 1
    assert edited == site_files(corpus, raws, inputs) != made
