"""CI and publishing wiring: the workflow builds strictly and deploys with the Pages actions."""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.config import load_config

from generator import published

from .conftest import ROOT, copy_project, mkdocs

WORKFLOW = ROOT / ".github/workflows/site.yml"
FORK_SITE = "https://someone.github.io/fork-of-timeline/"
FORK_REPO = "https://github.com/someone/fork-of-timeline"


def test_one_workflow_tests_then_builds_strict_then_deploys() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert sorted(p.name for p in WORKFLOW.parent.iterdir()) == ["site.yml"]
    jobs = flow["jobs"]
    # A red test never deploys: deploy needs build, build needs test.
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    assert "make test" in "\n".join(s.get("run", "") for s in jobs["test"]["steps"])
    # Only a push to main publishes; pull requests are tested only.
    assert "pull_request" in jobs["build"]["if"] and "refs/heads/main" in jobs["build"]["if"]
    uses = [s.get("uses", "").split("@")[0] for job in jobs.values() for s in job["steps"]]
    for action in (
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ):
        assert action in uses
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert flow["permissions"] == {"contents": "read"}
    # The addresses come from the repository the workflow runs in, and are checked.
    (build,) = [s for s in jobs["build"]["steps"] if "mkdocs build --strict" in s.get("run", "")]
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert build["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert "python -m generator published site" in build["run"]


def test_a_fork_publishes_its_own_addresses(tmp_path: Path) -> None:
    """Built with a fork's SITE_URL and REPO_URL (as the workflow sets them), every URL in
    the feed, calendar, JSON, sitemap and edit links is the fork's; checked against the
    upstream's addresses instead, the same site fails."""
    project = copy_project(tmp_path)
    env = {"SITE_URL": FORK_SITE, "REPO_URL": FORK_REPO, "REPO_NAME": "fork-of-timeline"}
    result = mkdocs(project, "build", "--strict", "--site-dir", "site", env=env)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert published.check(site, FORK_SITE, FORK_REPO) == []
    for name in ("feed.xml", "timeline.ics", "timeline.json", "sitemap.xml"):
        text = (site / name).read_text(encoding="utf-8")
        assert "someone" in text and "digital-timeline" not in text, name
    event = (site / "events" / "spring-thunder-plan-2020" / "index.html").read_text("utf-8")
    assert f'href="{FORK_REPO}/blob/main/timeline.yaml#L' in event
    upstream = load_config(str(ROOT / "mkdocs.yml"))
    wrong = published.check(site, str(upstream.site_url), str(upstream.repo_url))
    files = {Path(d.file).name for d in wrong}
    assert {"feed.xml", "timeline.ics", "timeline.json", "sitemap.xml"} <= files
    assert all(d.severity == "error" and "set " in d.message for d in wrong)


def test_the_check_names_a_folder_that_is_not_a_site(tmp_path: Path) -> None:
    (problem,) = published.check(tmp_path, FORK_SITE, FORK_REPO)
    assert "no published URL found" in problem.message


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in ci and "make test" in readme and "make serve" in readme


def test_mkdocs_config_enables_plugin_and_publishing_urls() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert config.site_url and config.site_url.startswith("https://")
    assert config.repo_url and config.repo_url.startswith("https://") and config.edit_uri
    assert "timeline" in config.plugins
    assert config.theme["language"] == "zh"


def test_pins_are_exact_for_everything_that_shapes_output() -> None:
    pins = dict(
        line.split("==", 1)
        for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith("#")
    )
    pins = {k.lower(): v for k, v in pins.items()}
    assert pins["mkdocs"] == "1.6.1"
    shaping = ("mkdocs-material", "pyyaml", "markdown", "python-dateutil", "click", "opencc")
    for name in (*shaping, "icalendar"):  # icalendar writes timeline.ics byte by byte
        assert name in pins, name
    major, minor = (int(x) for x in pins["click"].split(".")[:2])
    assert (major, minor) >= (8, 4)  # 8.3 silently disables live reload
