"""The tool writes only where it owns: never into the inputs, never outside its output.

``mkdocs build`` may write its site folder and nothing else; ``python -m generator
build --out DIR`` writes under DIR only, refuses a folder it did not make, and on a
rebuild removes only what it wrote before. Names from input (article file names,
tags, entity names, ids) can never make a path outside the output.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import paths
from generator.model import InputError
from generator.pipeline import write_tree

from .conftest import ROOT, copy_project, mkdocs

pytestmark = pytest.mark.slow

ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "gbk_launch.txt"
# Article file names a collector might produce; none may become a path outside the site.
ODD_NAMES = (
    "..evil.txt",
    ".hidden.txt",
    "a b 空格.txt",
    "x<script>&%2e%2e%2f.txt",
    "back\\slash.txt",
    "新闻稿.md",
)


def snapshot(folder: Path, skip: str = "") -> dict[str, tuple[str, int]]:
    """Every file and folder below ``folder`` (but ``skip``): content hash and mtime."""
    out: dict[str, tuple[str, int]] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if skip and (rel == skip or rel.startswith(skip + "/")):
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        out[rel] = (digest, path.stat().st_mtime_ns)
    return out


def built(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def generator_build(project: Path, out: str) -> subprocess.CompletedProcess[str]:
    """``build`` with its messages in English (the project's site is in Chinese)."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "build", "--out", out, "--lang", "en"],
        cwd=project,
        capture_output=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def assert_contained(files: list[str]) -> None:
    """Relative paths that stay inside their folder: no ``..``, no hidden parts."""
    for rel in files:
        parts = rel.split("/")
        assert ".." not in parts and not rel.startswith("/"), rel
        assert not any(p.startswith(".") for p in parts) or rel == ".timeline-build", rel


@pytest.fixture
def odd_project(tmp_path: Path) -> Path:
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    for name in ODD_NAMES:
        shutil.copyfile(ARTICLE, project / "seeds" / name)
    return project


CACHE_FILES = {f".cache/timeline/{name}.json" for name in ("articles", "pages", "search")}


def test_mkdocs_build_touches_nothing_but_its_site(odd_project: Path, tmp_path: Path) -> None:
    mine = odd_project / ".cache" / "mine.txt"  # the user's own file beside the cache
    mine.parent.mkdir()
    mine.write_text("keep", encoding="utf-8")
    before = snapshot(odd_project)
    result = mkdocs(odd_project, "build", "--strict", "--site-dir", "site")
    assert result.returncode == 0, result.stderr
    after = snapshot(odd_project, skip="site")
    # Besides the site, exactly the plugin's two cache files (and their folder) appeared.
    assert set(after) - set(before) == CACHE_FILES | {".cache/timeline"}
    # Everything else is untouched (the `.cache` folder's own mtime moves with its new entry).
    assert {k: v for k, v in after.items() if k in before and k != ".cache"} == {
        k: v for k, v in before.items() if k != ".cache"
    }
    files = built(odd_project / "site")
    assert_contained(files)
    # Nothing was created next to the project either.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]
    # Every odd file got its article page and its raw copy, inside the site.
    raw = [f for f in files if f.startswith("raw/")]
    assert len(raw) == 5 + len(ODD_NAMES)
    assert all(f.endswith(".txt") for f in raw)  # a raw .md must never become a page
    assert "raw/新闻稿.md.txt" in raw
    assert not any(f.startswith("raw/") and f.endswith(".html") for f in files)
    # Published as collected: the same text (a GBK file here), in UTF-8 behind a BOM.
    text = ARTICLE.read_bytes().decode("gb18030").replace("\r\n", "\n")
    expected = b"\xef\xbb\xbf" + text.encode("utf-8")
    copies = [f for f in raw if (odd_project / "site" / f).read_bytes() == expected]
    assert len(copies) == len(ODD_NAMES)


def test_cli_build_writes_only_under_out_and_rebuilds_its_own(odd_project: Path) -> None:
    before = snapshot(odd_project)
    first = generator_build(odd_project, "out")
    assert first.returncode == 0, first.stderr
    assert snapshot(odd_project, skip="out") == before
    files = built(odd_project / "out")
    assert_contained(files)
    assert "articles/新闻稿.md" in files and "raw/新闻稿.md.txt" in files

    # A file the user adds is kept; a page whose event was deleted is removed.
    (odd_project / "out" / "notes.txt").write_text("mine", encoding="utf-8")
    timeline = odd_project / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    start = text.index("  - id: kuaishou-village-officials-livestream")
    end = text.index("  - id: lazada-fresh-grocery-orders")
    timeline.write_text(text[:start] + text[end:], encoding="utf-8")
    second = generator_build(odd_project, "out")
    assert second.returncode == 0, second.stderr
    after = built(odd_project / "out")
    assert "events/kuaishou-village-officials-livestream.md" in files
    assert "events/kuaishou-village-officials-livestream.md" not in after
    assert "notes.txt" in after
    assert sorted(set(files) - set(after)) == ["events/kuaishou-village-officials-livestream.md"]


def test_cli_build_refuses_a_folder_it_did_not_write(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "docs" / "keep.txt").write_text("hand-written", encoding="utf-8")
    before = snapshot(project)
    result = generator_build(project, "docs")
    assert result.returncode == 1
    assert result.stderr == (
        "docs:1:1: error: output folder is not empty and was not written by this command; "
        "choose a new or empty folder\n"
    )
    assert snapshot(project) == before


def test_cli_build_refuses_a_file_as_output(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    result = generator_build(project, "timeline.yaml")
    assert result.returncode == 1
    assert result.stderr == "timeline.yaml:1:1: error: output path is a file; expected a folder\n"
    assert "Traceback" not in result.stderr


def test_cli_build_into_an_empty_folder_works(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "empty").mkdir()
    result = generator_build(project, "empty")
    assert result.returncode == 0, result.stderr
    assert "timeline.md" in built(project / "empty")


TAGS = ("../../escape", "/etc/passwd", "..%2F..%2Fetc", "..", "C:\\x", ".hidden")
PEOPLE = ("../../../root", "/abs/name")
PLACES = ("..\\..\\win",)
HOSTILE_NAMES = (
    f"    tags: {json.dumps(TAGS)}\n    entities:\n"
    f"      people: {json.dumps(PEOPLE)}\n      places: {json.dumps(PLACES)}\n"
)


def test_names_from_yaml_stay_inside_the_output(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    timeline = project / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    first = "    tags: [数字政务, 数字防疫]\n    entities:\n      organizations: [快手]\n"
    assert first in text
    timeline.write_text(text.replace(first, HOSTILE_NAMES, 1), encoding="utf-8")
    result = generator_build(project, "out")
    assert result.returncode == 0, result.stderr
    files = built(project / "out")
    assert_contained(files)
    for name in TAGS:
        assert paths.tag_page(name) in files, name
    for name in (*PEOPLE, *PLACES):
        assert paths.entity_page(name) in files, name
    pages = [f for f in files if f.startswith(("tags/", "entities/"))]
    assert all(f.count("/") == 1 and f.endswith(".md") for f in pages)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]


@pytest.mark.parametrize(
    ("snippet", "message"),
    [
        ("  - id: ../../etc/passwd\n", "invalid id `../../etc/passwd`"),
        ("  - id: /abs/event\n", "invalid id `/abs/event`"),
        ("  - id: ..%2F..%2Fevil\n", "invalid id `..%2F..%2Fevil`"),
    ],
)
def test_ids_that_look_like_paths_are_refused(tmp_path: Path, snippet: str, message: str) -> None:
    project = copy_project(tmp_path)
    timeline = project / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    first = "  - id: kuaishou-village-officials-livestream\n"
    timeline.write_text(text.replace(first, snippet, 1), encoding="utf-8")
    result = generator_build(project, "out")
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (project / "out").exists()


def test_override_of_a_path_like_article_id_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    timeline = project / "timeline.yaml"
    extra = "articles:\n  ../../etc/passwd:\n    title: x\n  /abs/article:\n    title: y\n"
    timeline.write_text(timeline.read_text(encoding="utf-8") + extra, encoding="utf-8")
    result = generator_build(project, "out")
    assert result.returncode == 1
    assert "unknown article `../../etc/passwd` in `articles:`" in result.stderr
    assert "unknown article `/abs/article` in `articles:`" in result.stderr
    assert not (project / "out").exists()


@pytest.mark.parametrize("bad", ["../escape.md", "/tmp/escape.md", "a/../../escape.md", "", "."])
def test_write_tree_refuses_a_path_that_escapes_and_writes_nothing(
    tmp_path: Path, bad: str
) -> None:
    out = tmp_path / "out"
    with pytest.raises(InputError) as err:
        write_tree(out, {"a.md": "fine", bad: "evil"}, {"b.bin": b"fine"})
    assert [str(d) for d in err.value.diagnostics] == [
        f"{bad}:1:1: error: refusing to write outside the output folder"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # not even the good files


def test_write_tree_does_not_follow_a_symlink_out(tmp_path: Path) -> None:
    out = tmp_path / "out"
    elsewhere = tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    os.symlink(elsewhere, out / "articles")
    with pytest.raises(InputError):
        write_tree(out, {"articles/x.md": "evil"}, {})
    assert list(elsewhere.iterdir()) == []
