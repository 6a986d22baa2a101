"""CI and publishing wiring: the workflow builds strictly and deploys with the Pages actions."""

from __future__ import annotations

import yaml
from mkdocs.config import load_config

from .conftest import ROOT


def test_pages_workflow_builds_strict_and_deploys() -> None:
    flow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    steps = [s for job in flow["jobs"].values() for s in job["steps"]]
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    for action in (
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ):
        assert action in uses
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "mkdocs build --strict" in runs
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


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
