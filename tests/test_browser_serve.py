"""A curator who starts `make serve` on a broken timeline.yaml, as seen in Chromium:
every page the navigation offers answers with the error, and the next good save
brings the site back without touching the browser."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from benchmarks.serve import fetch

from .conftest import copy_project, serving
from .test_serve import wait_for

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# The second key of the first event indented by three spaces instead of four: the
# commonest slip of a hand-edited file, and one the YAML parser cannot read past.
BROKEN_INDENT = re.compile(r"^    (added: .*)$", re.MULTILINE)


def test_a_server_started_on_a_broken_timeline_explains_it_and_recovers(
    tmp_path: Path, page: Any
) -> None:
    project = copy_project(tmp_path)
    timeline = project / "timeline.yaml"
    original = timeline.read_text(encoding="utf-8")
    broken, count = BROKEN_INDENT.subn(r"   \1", original, count=1)
    assert count == 1
    timeline.write_text(broken, encoding="utf-8")
    log_path = tmp_path / "serve.log"
    with serving(project, log_path) as (proc, base):
        assert wait_for(lambda: "timeline.yaml:" in fetch(base)), "server did not start"

        response = page.goto(base)
        assert response.status == 200
        banner = page.locator(".admonition.failure")
        assert "还没有可以显示的正确版本" in banner.inner_text()
        assert re.search(r"timeline\.yaml:\d+:\d+: error: ", banner.inner_text())

        # Every page the navigation offers answers, and says what is wrong.
        links = page.locator(".md-tabs a, .md-nav a").evaluate_all("(as) => as.map(a => a.href)")
        pages = sorted({link.split("#")[0] for link in links if link.startswith(base)})
        assert len(pages) >= 9, pages  # the tabs and the curator's guide
        for url in pages:
            response = page.goto(url)
            assert response.status == 200, url
            assert page.locator(".admonition.failure").count() == 1, url

        # The one real error is what the log shows, not warnings about missing pages.
        log = log_path.read_text(encoding="utf-8")
        assert "timeline.yaml:" in log
        assert [line for line in log.splitlines() if "WARNING" in line] == []

        # The timeline page does not claim there are no events: they are behind the error.
        page.goto(base + "timeline/")
        body = page.locator("article").inner_text()
        assert "时间线会在上面的错误改正后显示在这里" in body
        assert "还没有事件" not in body

        # The next good save reaches the open page by itself (live reload).
        timeline.write_text(original, encoding="utf-8")
        page.locator("li.tl-event").first.wait_for(timeout=90_000)
        assert page.locator(".admonition.failure").count() == 0
        assert page.locator("li.tl-event").count() == original.count("\n  - id: ")
        assert proc.poll() is None
    assert page.console_errors == []
