"""A save under ``mkdocs serve`` renders again only what changed, and the site it
leaves is byte for byte the site a cold ``mkdocs build`` makes of the same inputs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, copy_project

pytestmark = pytest.mark.slow

URL = "http://127.0.0.1:8000/timeline/"
# Builds as ``mkdocs serve`` runs them (one process, the plugin kept between builds,
# the same site folder), one after each given edit; or one cold build when none given.
SCRIPT = """
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

site, url, edits = sys.argv[1], sys.argv[2], sys.argv[3:]

def config():
    c = load_config(config_file="mkdocs.yml", site_dir=site)
    c.site_url = url
    return c

first = config()
first.plugins.on_startup(command="serve" if edits else "build", dirty=False)
build(first, serve_url=url if edits else None)
for edit in edits:
    old, new = edit.split("=>")
    path = Path("timeline.yaml")
    path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")
    again = config()
    build(again, serve_url=url)
plugin = first.plugins["timeline"]
assert plugin.search.wait() is None
if edits:
    print("kept", plugin.memo.hits)
first.plugins.on_shutdown()
"""


def run(project: Path, site: Path, *edits: str) -> str:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1586217600", "NO_MKDOCS_2_WARNING": "1"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    args = [sys.executable, "-c", SCRIPT, str(site), URL, *edits]
    done = subprocess.run(args, cwd=project, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
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
