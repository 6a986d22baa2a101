"""The pages' Markdown and the exports kept between builds: the same inputs give the
same files from the cache, and any change to the timeline renders them again."""

from __future__ import annotations

from pathlib import Path

import generator
from generator import render
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


def edit_title(root: Path, old: str, new: str) -> None:
    timeline = root / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    assert old in text
    timeline.write_text(text.replace(old, new, 1), encoding="utf-8")


def site_entries(cache: JsonCache) -> list[object]:
    return [v for v in (cache.memory or {}).values() if isinstance(v, dict) and "other" in v]


def test_serve_keeps_the_last_saves_site_once_for_the_next_start(tmp_path: Path) -> None:
    """Under serve the cache is looked in at the first build only, and the site is
    kept when the cache is saved: one entry, the last save's, whatever the saves."""
    root = copy_project(tmp_path)
    inputs = Inputs(articles=root / "seeds", timeline=root / "timeline.yaml", root=root)
    cache, memo = JsonCache(tmp_path / "site.json"), render.PageMemo()
    for old, new in [("", ""), ("title: 武汉", "title: 改过的武汉"), ("改过的", "又改过的")]:
        if old:
            edit_title(root, old, new)
        corpus, raws = load_corpus(inputs)
        last = cached_site_files(corpus, raws, inputs, cache, memo)
        assert last == site_files(corpus, raws, inputs)
    assert cache.counts["site", False] + cache.counts["site", True] == 1  # the first build's
    assert site_entries(cache) == []  # nothing made on a save
    cache.save()
    assert len(site_entries(cache)) == 1

    started = JsonCache(tmp_path / "site.json")
    again = cached_site_files(corpus, raws, inputs, started, render.PageMemo())
    assert started.counts["site", True] == 1
    assert again == last


def test_the_kept_site_is_keyed_by_the_templates_as_they_were_used(tmp_path: Path) -> None:
    """A template edited after the last save, before the server stops, is not what the
    kept pages were made with: the next start does not find them."""
    root = copy_project(tmp_path)
    owner = root / "page-templates"
    owner.mkdir()
    shipped = Path(generator.__file__).parent / "templates" / "event.md"
    (owner / "event.md").write_bytes(shipped.read_bytes())
    inputs = Inputs(
        articles=root / "seeds", timeline=root / "timeline.yaml", root=root, templates=str(owner)
    )
    cache, memo = JsonCache(tmp_path / "site.json"), render.PageMemo()
    corpus, raws = load_corpus(inputs)
    cached_site_files(corpus, raws, inputs, cache, memo)
    edit_title(root, "title: 武汉", "title: 改过的武汉")  # a save after the first build
    corpus, raws = load_corpus(inputs)
    cached_site_files(corpus, raws, inputs, cache, memo)
    (owner / "event.md").write_bytes(shipped.read_bytes() + b"{# edited #}\n")
    cache.save()

    started = JsonCache(tmp_path / "site.json")
    cached_site_files(corpus, raws, inputs, started, render.PageMemo())
    assert started.counts["site", False] == 1
