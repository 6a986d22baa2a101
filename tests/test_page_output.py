"""Pages the theme is not asked to render again: a warm build reuses the HTML of every
page whose inputs did not change, byte for byte, and an edit re-renders exactly the
pages whose HTML it changes (never leaving a stale one)."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import copy_project, mkdocs

KEPT = re.compile(r"(\d+) pages not rendered again")


def build(project: Path, site: str) -> int:
    result = mkdocs(project, "build", "--strict", "--site-dir", site)
    assert result.returncode == 0, result.stderr
    found = KEPT.search(result.stderr)
    assert found, result.stderr
    return int(found[1])


def pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*.html")}


def test_an_edit_renders_again_exactly_the_pages_it_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    assert build(project, "cold") == 0
    reused = build(project, "warm")
    cold, warm = pages(project / "cold"), pages(project / "warm")
    assert warm == cold
    # Every page MkDocs built from Markdown (all but the theme's own 404 page).
    assert reused == len(cold) - 1

    timeline = project / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    timeline.write_text(text.replace("title: 武汉", "title: 改过的武汉", 1), encoding="utf-8")
    kept = build(project, "edited")
    edited = pages(project / "edited")
    changed = {path for path in edited if edited[path] != warm.get(path)}
    # The event's page and the pages listing it, and those only, came out of the theme.
    assert 0 < len(changed) == reused - kept
    assert any("改过的武汉" in edited[path] for path in changed)
    assert not any("改过的武汉" in edited[path] for path in set(edited) - changed)
