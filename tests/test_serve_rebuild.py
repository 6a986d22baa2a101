"""A save under ``mkdocs serve`` renders again only what changed, and the site it
leaves is byte for byte the site a cold ``mkdocs build`` makes of the same inputs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, copy_project
from .test_page_ahead import ahead, themed_ahead

pytestmark = pytest.mark.slow

URL = "http://127.0.0.1:8000/timeline/"
# Builds as ``mkdocs serve`` runs them (one process, the plugin kept between builds,
# the same site folder), one after each given edit; or one cold build when none given.
# With DIRTY set, as ``make serve`` runs it (``--dirty``), printing after each edit the
# files the build wrote (new or rewritten), the search bundle aside.
SCRIPT = """
import logging, os, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

site, url, edits = sys.argv[1], sys.argv[2], sys.argv[3:]
dirty = bool(os.environ.get("DIRTY"))
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

def stamps():
    found = (p for p in Path(site).rglob("*") if p.is_file() and "pagefind" not in p.parts)
    return {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in found}

def config():
    c = load_config(config_file="mkdocs.yml", site_dir=site)
    c.site_url = url
    return c

first = config()
first.plugins.on_startup(command="serve" if edits else "build", dirty=dirty)
build(first, serve_url=url if edits else None, dirty=dirty)
plugin = first.plugins["timeline"]
for edit in edits:
    old, new = edit.split("=>")
    path = Path("timeline.yaml")
    assert old in path.read_text("utf-8"), old
    path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")
    assert plugin.search.wait() is None
    before = stamps()
    build(config(), serve_url=url, dirty=dirty)
    after = stamps()
    wrote = sorted(str(p.relative_to(site)) for p, t in after.items() if before.get(p) != t)
    print("wrote", len(wrote), *wrote)
    changed = [p for p, (_, data) in after.items() if before.get(p, (0, b""))[1] != data]
    print("changed", *sorted(str(p.relative_to(site)) for p in changed))
assert plugin.search.wait() is None
if edits:
    print("kept", plugin.memo.hits)
first.plugins.on_shutdown()
"""


def run(
    project: Path, site: Path, *edits: str, dirty: bool = False, log: list[str] | None = None
) -> str:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1586217600", "NO_MKDOCS_2_WARNING": "1"}
    env["DIRTY"] = "1" if dirty else ""
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    args = [sys.executable, "-c", SCRIPT, str(site), URL, *edits]
    done = subprocess.run(args, cwd=project, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "'dirty' build" not in done.stderr, done.stderr  # MkDocs' stale-links warning
    if log is not None:
        log.extend(done.stderr.splitlines())
    return done.stdout


def project(folder: Path) -> Path:
    folder.mkdir()
    return copy_project(folder)


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_save_renders_what_changed_and_matches_a_cold_build(tmp_path: Path) -> None:
    served = project(tmp_path / "served")
    before = tmp_path / "before"
    run(served, before)  # the site as it was before the save, for comparison
    out = run(served, tmp_path / "serve", "title: 武汉=>title: 改过的武汉", "改过的=>又改过的")
    kept = int(out.split()[-1])
    assert out.count("wrote") == 2
    cold_project = project(tmp_path / "cold")
    (cold_project / "timeline.yaml").write_text(
        (served / "timeline.yaml").read_text("utf-8"), "utf-8"
    )
    run(cold_project, tmp_path / "cold-site")
    served_site, cold = tree(tmp_path / "serve"), tree(tmp_path / "cold-site")
    assert served_site.keys() == cold.keys()
    assert [p for p in cold if served_site[p] != cold[p]] == []
    old = tree(before)
    changed = [p for p in cold if old.get(p) != cold[p] and p.endswith(".html")]
    assert any("又改过的武汉".encode() in cold[p] for p in changed)
    pages = [p for p in cold if p.endswith("index.html")]
    assert 0 < len(changed) < len(pages) // 2 and kept >= len(pages) // 2


def _cold(tmp_path: Path, timeline: str) -> dict[str, bytes]:
    cold_project = project(tmp_path / "cold")
    (cold_project / "timeline.yaml").write_text(timeline, "utf-8")
    run(cold_project, tmp_path / "cold-site")
    return tree(tmp_path / "cold-site")


def test_a_dirty_serve_writes_only_what_a_save_changed(tmp_path: Path) -> None:
    """``make serve`` runs ``mkdocs serve --dirty``: MkDocs keeps the site folder and
    skips what the plugin says is unchanged. A title edit rewrites a handful of files;
    the site folder is still byte for byte what a cold build makes."""
    served = project(tmp_path / "served")
    log: list[str] = []
    out = run(served, tmp_path / "serve", "title: 武汉=>title: 改过的武汉", dirty=True, log=log)
    # The server's first build runs before the server starts its threads: it converts
    # and puts through the theme on every core, as a build does (most of the folder
    # compared below is still what that first build wrote).
    first = next(line for line in log if "timeline cache:" in line)
    assert ahead(first) > 64 and themed_ahead(first) > 64, first
    wrote = set(out.split("wrote ")[1].splitlines()[0].split()[1:])
    changed = set(out.split("changed ")[1].splitlines()[0].split())
    # Besides what changed, only what every build makes: the pages in the nav (they
    # show the nav), the hand-written pages, the 404 page and the sitemap.
    always = {"index.html", "timeline/index.html", "404.html", "sitemap.xml", "sitemap.xml.gz"}
    always |= {f"{name}/index.html" for name in ("about", "curate", "timeline-format", "search")}
    always |= {f"{name}/index/index.html" for name in ("articles", "tags", "entities")}
    always |= {f"{name}/index.html" for name in ("articles", "tags", "entities")}
    assert changed <= wrote and "events/wuhan-lockdown-didi-medical-fleet/index.html" in changed
    assert wrote - changed <= always, out
    cold = _cold(tmp_path, (served / "timeline.yaml").read_text("utf-8"))
    served_site = tree(tmp_path / "serve")
    assert served_site.keys() == cold.keys()
    assert [p for p in cold if served_site[p] != cold[p]] == []


def test_a_dirty_serve_removes_a_renamed_events_page_and_survives_a_broken_save(
    tmp_path: Path,
) -> None:
    """An event renamed: its old page goes (a clean build would not have it). A save
    that breaks the timeline puts the banner on every page; the save that fixes it
    takes it off every page, and the folder is again what a cold build makes."""
    served = project(tmp_path / "served")
    edits = (
        "id: medical-care-meals-plan=>id: medical-care-meals-plan-2",
        "title: 武汉=>title: [改过的武汉",  # unclosed bracket: the timeline does not load
        "title: [改过的武汉=>title: 改过的武汉",
    )
    out = run(served, tmp_path / "serve", *edits, dirty=True)
    counts = [int(line.split()[1]) for line in out.splitlines() if line.startswith("wrote")]
    pages = [p for p in tree(tmp_path / "serve") if p.endswith("index.html")]
    assert counts[1] >= len(pages) and counts[2] >= len(pages), out  # banner on, then off
    served_site = tree(tmp_path / "serve")
    assert "events/medical-care-meals-plan/index.html" not in served_site
    assert "events/medical-care-meals-plan-2/index.html" in served_site
    cold = _cold(tmp_path, (served / "timeline.yaml").read_text("utf-8"))
    assert served_site.keys() == cold.keys()
    assert [p for p in cold if served_site[p] != cold[p]] == []
