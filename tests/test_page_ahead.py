"""A cold build renders, converts and puts through the theme its generated pages on
every core (generator.render, generator.page_ahead, generator.theme_ahead) and writes
exactly what a build on one core writes, saying each warning once."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.corpus import write_project

from .conftest import ROOT, copy_project
from .test_determinism import tree

pytestmark = pytest.mark.slow

# An event page that links to a page that does not exist: MkDocs warns on every event.
BROKEN_EVENT = """{% extends "base/event.md" %}
{% block sources %}{{ super() }}
[没有这一页](../missing.md)
{% endblock %}
"""


def build(project: Path, site: Path, cores: int) -> str:
    """``mkdocs build`` of ``project`` allowed ``cores`` cores; returns its log."""
    allowed = sorted(os.sched_getaffinity(0))[:cores]
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1586217600", "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        preexec_fn=lambda: os.sched_setaffinity(0, allowed),
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stderr


def ahead(log: str) -> int:
    found = re.search(r"pages converted \((\d+) of them ahead", log)
    assert found, log[-2000:]
    return int(found.group(1))


def themed_ahead(log: str) -> int:
    found = re.search(r"(\d+) rendered ahead on every core", log)
    assert found, log[-2000:]
    return int(found.group(1))


def warnings(log: str) -> list[str]:
    return sorted(line for line in log.splitlines() if line.startswith("WARNING"))


def one_and_two_cores(project: Path, tmp_path: Path) -> tuple[str, str]:
    """Cold builds of ``project`` on one core and on two; their logs."""
    one = build(project, tmp_path / "one", cores=1)
    (project / ".cache").rename(tmp_path / "cache-one")  # the second build starts cold too
    return one, build(project, tmp_path / "two", cores=2)


def assert_each_event_warned_once(one: str, two: str, site: Path, marker: str) -> None:
    """Every event page said ``marker`` once in the two-core build, as on one core."""
    said = warnings(two)
    events = len(list((site / "events").glob("*/index.html")))
    assert len([w for w in said if marker in w]) == events > 0
    assert len(set(said)) == len(said) and said == warnings(one)


def test_two_cores_write_the_one_core_site_byte_for_byte(tmp_path: Path) -> None:
    assert len(os.sched_getaffinity(0)) >= 2, "this test needs a machine with two cores"
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    one, two = one_and_two_cores(project, tmp_path)
    assert ahead(one) == themed_ahead(one) == 0
    assert ahead(two) > 64  # the generated pages, converted before MkDocs asked
    assert themed_ahead(two) > 64  # and put through the theme before MkDocs wrote them
    assert tree(tmp_path / "two") == tree(tmp_path / "one")
    assert warnings(two) == warnings(one) == []


def test_a_page_that_warns_in_a_worker_warns_once_in_the_build(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    (project / "overrides" / "timeline" / "event.md").write_text(BROKEN_EVENT, encoding="utf-8")
    one, two = one_and_two_cores(project, tmp_path)
    assert_each_event_warned_once(one, two, tmp_path / "one", "missing.md")
    assert ahead(two) > 0  # the pages that did not warn still came from the workers
    assert tree(tmp_path / "two") == tree(tmp_path / "one")


# A site's hook gives its templates a note to show and a function that warns on event
# pages; the site's own main.html uses both, so the warning comes from inside the
# theme's render, and the note only from an environment the hook has changed.
SITE_HOOK = """
import logging

def on_env(env, config, files):
    def say_for(page):
        if page.file.src_uri.startswith("events/"):
            logging.getLogger("mkdocs.hooks").warning("theme step of %s", page.file.src_uri)
    env.globals["say_for"] = say_for
    env.globals["site_note"] = "本站注记"
    return env
"""
SITE_MAIN = """{% extends "base.html" %}
{% block content %}{% if say_for(page) %}{% endif %}{{ site_note }}{{ super() }}{% endblock %}
"""


def test_the_theme_on_workers_sees_the_sites_hooks_and_says_their_warnings_once(
    tmp_path: Path,
) -> None:
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    (project / "hooks.py").write_text(SITE_HOOK, encoding="utf-8")
    (project / "site-theme").mkdir()
    (project / "site-theme" / "main.html").write_text(SITE_MAIN, encoding="utf-8")
    yml = project / "mkdocs.yml"
    text = yml.read_text(encoding="utf-8")
    text = text.replace("  name: material\n", "  name: material\n  custom_dir: site-theme\n", 1)
    yml.write_text(text + "\nhooks:\n  - hooks.py\n", encoding="utf-8")
    one, two = one_and_two_cores(project, tmp_path)
    assert_each_event_warned_once(one, two, tmp_path / "one", "theme step of events/")
    # The other generated pages came from the workers, with the hook's note.
    assert themed_ahead(two) > 64
    pages = list((tmp_path / "two").rglob("index.html"))
    assert all("本站注记" in page.read_text(encoding="utf-8") for page in pages)
    assert tree(tmp_path / "two") == tree(tmp_path / "one")


# In a fresh process: pytest's own may run threads, and then nothing is forked.
MAKE_BOTH = """
import json, sys
from pathlib import Path
from generator import cores, export, render
from generator.pipeline import Inputs, build_date, load_corpus, render_options

forks = []
fork_calls = cores.fork_calls
render.fork_calls = export.fork_calls = lambda *args: forks.append(1) or fork_calls(*args)
root = Path(sys.argv[1])
inputs = Inputs(articles=root / "seeds", timeline=root / "timeline.yaml", root=root)
corpus, _ = load_corpus(inputs)
options, when = render_options(inputs), build_date()
one = render.render_pages(corpus, options)
two = render.render_pages(corpus, options, workers=2)
files_one = export.export_all(corpus, "https://example.org/t/", when)
files_two = export.export_all(corpus, "https://example.org/t/", when, workers=2)
print(json.dumps({
    "forks": len(forks),
    "pages": len(two),
    "same_pages": list(one.items()) == list(two.items()),
    "same_files": list(files_one.items()) == list(files_two.items()),
}))
"""


def test_pages_and_exports_made_on_two_processes_are_those_made_on_one(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project", 200)
    done = subprocess.run(
        [sys.executable, "-c", MAKE_BOTH, str(project.root)],
        cwd=ROOT,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1586217600"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout)
    assert found["forks"] == 2 and found["pages"] > 400  # rendering and exporting forked
    assert found["same_pages"]  # the same pages, with the same text, in the same order
    assert found["same_files"]
