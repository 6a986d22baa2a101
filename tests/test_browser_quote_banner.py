"""The serve banner shows a quote's diagnostic with the caret under the differing
character, measured in Chromium on the page `mkdocs serve` sends."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest

from benchmarks.serve import fetch

from .conftest import copy_project, serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# x of the caret and of the characters above it, in the banner's preformatted lines.
MEASURE = """pre => {
  const node = pre.querySelector('code').firstChild;
  const lines = node.textContent.split('\\n');
  const x = offset => {
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    return range.getBoundingClientRect().left;
  };
  const starts = lines.map((_, i) => lines.slice(0, i).join('\\n').length + (i ? 1 : 0));
  const row = lines.findIndex(line => line.endsWith('^'));
  const caret = x(starts[row] + lines[row].length - 1);
  const above = [row - 2, row - 1].map(r => Array.from(lines[r]).reduce((found, ch, i) =>
    found || (Math.abs(x(starts[r] + i) - caret) < 1 ? ch : ''), ''));
  return {above, font: getComputedStyle(pre.querySelector('code')).fontFamily};
}"""


def test_the_caret_stands_under_the_differing_character(page: Any, tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    timeline = project / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    match = re.search(r"quote: (春节期间，)快手", text)
    assert match, "the quote this test breaks is gone from timeline.yaml"
    timeline.write_text(text.replace(match.group(0), f"quote: {match.group(1)}慢手"), "utf-8")
    with serving(project, tmp_path / "serve.log") as (_, base):
        deadline = time.monotonic() + 90
        while "找不到这段引文" not in fetch(base + "timeline/") and time.monotonic() < deadline:
            time.sleep(0.3)
        page.goto(base + "timeline/")
        found = page.eval_on_selector(".admonition.failure pre", MEASURE)
    assert found["above"] == ["慢", "快"]
    assert "monospace" in found["font"]
