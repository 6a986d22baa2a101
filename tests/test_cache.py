"""The build cache: a warm build gives the same site, reuses what did not change, and
a damaged or disabled cache changes nothing but speed."""

from __future__ import annotations

import re
from pathlib import Path

from generator.cache import JsonCache
from generator.clean import clean_corpus, clean_text
from generator.clean.cached import clean_files
from generator.model import RawText
from generator.read import read_dir

from .conftest import ROOT, copy_project, mkdocs
from .test_determinism import tree

REUSE = re.compile(r"timeline cache: (\d+) article files and (\d+) pages reused")


def build(project: Path, site: str) -> tuple[int, int]:
    result = mkdocs(project, "build", "--strict", "--site-dir", site)
    assert result.returncode == 0, result.stderr
    found = REUSE.search(result.stderr)
    assert found, result.stderr
    return int(found[1]), int(found[2])


def test_warm_build_is_identical_and_reuses_only_what_did_not_change(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    seeds = sorted((project / "seeds").iterdir())
    assert build(project, "cold") == (0, 0)
    files, pages = build(project, "warm")
    assert files == len(seeds) and pages > 50
    assert tree(project / "warm") == tree(project / "cold")

    # Edit one event's title: its page, the timeline and the pages listing it change.
    timeline = project / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    edited = text.replace("title: 武汉", "title: 改过的武汉", 1)
    assert edited != text
    timeline.write_text(edited, encoding="utf-8")
    files, reused = build(project, "edited")
    assert files == len(seeds)
    assert pages - 12 < reused < pages
    uncached = tmp_path / "uncached"
    uncached.mkdir()
    copy_project(uncached)
    (uncached / "timeline.yaml").write_text(edited, encoding="utf-8")
    cold = mkdocs(uncached, "build", "--strict", "--site-dir", "site")
    assert cold.returncode == 0, cold.stderr
    assert tree(project / "edited") == tree(uncached / "site")


def test_damaged_cache_is_ignored_and_cache_false_writes_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    cache = project / ".cache" / "timeline"
    cache.mkdir(parents=True)
    (cache / "pages.json").write_bytes(b'{"format": "timeline-cache-1", "entries": [1,')
    (cache / "articles.json").write_bytes(b"\x89PNG not json")
    assert build(project, "site") == (0, 0)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      timeline: timeline.yaml\n", "      timeline: timeline.yaml\n      cache: false\n"
        ),
        encoding="utf-8",
    )
    (project / ".cache").rename(project / "old-cache")
    result = mkdocs(project, "build", "--strict", "--site-dir", "nocache")
    assert result.returncode == 0, result.stderr
    assert not (project / ".cache").exists()
    assert "timeline cache" not in result.stderr


def test_cached_cleaning_equals_cleaning_as_the_corpus_changes(tmp_path: Path) -> None:
    raws = read_dir(ROOT / "seeds", ROOT)
    cache = JsonCache(tmp_path / "articles.json")
    assert clean_corpus(raws, cache) == clean_corpus(raws)
    cache.save()
    warm = JsonCache(tmp_path / "articles.json")
    assert clean_corpus(raws, warm) == clean_corpus(raws)
    assert warm.counts["articles", False] == 0
    # A new file repeating another's lines changes what is boilerplate for that file,
    # and a new year changes dates given without one: both must reach cached files.
    first = raws[0]
    extra = RawText(
        path="x.txt",
        name="x.txt",
        stem="x",
        text="\n".join(first.text.splitlines()[:3]) + "\n\n2019年1月1日，本文讲的是另一年。\n",
        encoding="utf-8",
        sha256="0",
    )
    changed = [*raws, extra]
    assert clean_corpus(changed, warm) == clean_corpus(changed)


def test_a_file_cleaned_in_this_process_comes_back_as_the_same_objects(tmp_path: Path) -> None:
    # Under serve the page memo knows an unchanged article by identity: the save after
    # a cold start must find the articles that start cleaned, not copies decoded anew.
    raws = read_dir(ROOT / "seeds", ROOT)
    cache = JsonCache(tmp_path / "articles.json")
    first = clean_files(raws, None, cache, clean_text)
    assert cache.counts["articles", False] == len(raws)
    cache.begin()
    again = clean_files(raws, None, cache, clean_text)
    assert cache.counts["articles", True] == len(raws)
    assert [[id(a) for a in file] for file in again] == [[id(a) for a in file] for file in first]
    # Read back by another process (a new JsonCache on the saved file): equal, not the same.
    cache.save()
    other = clean_files(raws, None, JsonCache(tmp_path / "articles.json"), clean_text)
    assert other == first and all(a is not b for a, b in zip(other[0], first[0], strict=True))
