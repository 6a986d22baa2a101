"""The whole path: seeds + timeline.yaml through MkDocs to a site, strictly and reproducibly."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from .conftest import ROOT, copy_project, mkdocs

pytestmark = pytest.mark.slow


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_site_has_every_generated_page(built_site: Path) -> None:
    data = json.loads((built_site / "timeline.json").read_text(encoding="utf-8"))
    assert len(data["events"]) >= 25
    for event in data["events"]:
        assert (built_site / "events" / event["id"] / "index.html").is_file()
    articles = {s["article"] for e in data["events"] for s in e["sources"]}
    for article in articles:
        assert (built_site / "articles" / article / "index.html").is_file()
    for page in ("timeline", "articles", "tags", "entities", "curate", "about"):
        assert (built_site / page / "index.html").is_file(), page
    for name in ("timeline.ics", "feed.xml", "timelinejs.json"):
        assert (built_site / name).stat().st_size > 0
    for seed in (ROOT / "seeds").iterdir():
        assert (built_site / "raw" / seed.name).read_bytes() == seed.read_bytes()


def test_home_page_shows_overview(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "<svg" in html and 'class="timeline-overview"' in html
    assert "<!-- timeline:overview -->" not in html
    assert 'href="timeline.json"' in html


def test_build_is_byte_identical_and_touches_no_input(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    inputs_before = {d: tree_digest(project / d) for d in ("docs", "seeds")}
    first = mkdocs(project, "build", "--strict", "--site-dir", "one")
    second = mkdocs(project, "build", "--strict", "--site-dir", "two", env={"PYTHONHASHSEED": "7"})
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert tree_digest(project / "one") == tree_digest(project / "two")
    assert {d: tree_digest(project / d) for d in ("docs", "seeds")} == inputs_before


def test_broken_timeline_fails_build_with_one_line_per_error(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    text = (project / "timeline.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    title_line = next(i for i, line in enumerate(lines) if line.strip().startswith("title:"))
    lines[title_line] = lines[title_line].replace("title:", "titel:", 1)
    (project / "timeline.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = mkdocs(project, "build", "--strict", "--site-dir", "site")
    assert result.returncode != 0
    col = lines[title_line].index("titel") + 1
    expected = f"timeline.yaml:{title_line + 1}:{col}: error: unknown key `titel`"
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
