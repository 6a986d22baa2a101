"""The benchmark corpus: real cleaner, valid timeline, byte-identical on every run."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from benchmarks.corpus import write_project
from generator.clean import clean_corpus
from generator.read import read_dir
from generator.summary import plain_paragraph
from generator.timeline import check

COUNT = 20
TOKEN = re.compile(r"(?:观察记录|觀察記錄)\s*(\d{5})")


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_corpus_cleans_validates_and_repeats(tmp_path: Path) -> None:
    project = write_project(tmp_path / "a", COUNT)
    seeds = sorted(p.name for p in (project.root / "seeds").iterdir())
    assert len(seeds) == COUNT
    assert {name.split("_")[1] for name in seeds} == {
        "newspaper.txt",
        "web.txt",
        "magazine.txt",
        "traditional.txt",
    }

    articles = clean_corpus(read_dir(project.root / "seeds", project.root))
    # Promise: each file is one article, and its unique token survives cleaning.
    assert len(articles) == COUNT == project.cleaned
    for number, article in enumerate(articles):
        assert article.id == seeds[number].removesuffix(".txt")
        assert TOKEN.findall(article.plain_text) == [f"{number:05d}"]
        assert 800 <= len(article.plain_text) <= 2000
    raw_sizes = [len(data) for data in _tree(project.root / "seeds").values()]
    assert all(2_500 <= size <= 6_000 for size in raw_sizes)

    timeline, problems = check(project.root / "timeline.yaml", articles, "timeline.yaml")
    assert [str(d) for d in problems if d.severity == "error"] == []
    assert len(timeline.events) == COUNT == project.events
    assert [e.id for e in timeline.events] == [f"ev-{n:05d}" for n in range(1, COUNT + 1)]
    assert timeline.events[0].date.iso() == "2020-01-23"
    assert timeline.events[-1].date.iso() == "2020-04-07"
    cited = {source.article for event in timeline.events for source in event.sources}
    assert cited == {article.id for article in articles}
    loaded = yaml.safe_load((project.root / "timeline.yaml").read_text(encoding="utf-8"))
    quotes = [s["quote"] for e in loaded["events"] for s in e["sources"]]
    assert all(10 <= len(q) <= 40 for q in quotes)
    for event in timeline.events:  # every quote was located in its article
        assert all(source.spans for source in event.sources)
    # Each summary is the curator's own, as on a real timeline (a handful repeated over
    # thousands of events would let the renderer's memo hide what drawing them costs),
    # and some are Markdown, some plain prose.
    summaries = [e.summary for e in timeline.events]
    assert len(set(summaries)) == COUNT
    assert any("**" in s for s in summaries) and any("](https://" in s for s in summaries)
    assert sum(plain_paragraph(s) is not None for s in summaries) >= COUNT * 0.8

    again = write_project(tmp_path / "b", COUNT)
    assert _tree(again.root) == _tree(project.root)
