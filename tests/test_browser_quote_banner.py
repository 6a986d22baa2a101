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


# (what the quote says in timeline.yaml, the wrong character typed, the article's).
# The second puts an ellipsis and curly quotes before the difference: characters a
# terminal draws narrow and a browser's CJK font may draw wide.
BROKEN = [
    (r"quote: (春节期间，)快手", "慢", "快"),
    (r"quote: (1月23日武汉“封城”后，曾有医护人员因出)行困难", "门", "行"),
]


@pytest.mark.parametrize(("pattern", "typed", "meant"), BROKEN)
def test_the_caret_stands_under_the_differing_character(
    page: Any, tmp_path: Path, pattern: str, typed: str, meant: str
) -> None:
    project = copy_project(tmp_path)
    timeline = project / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    match = re.search(pattern, text)
    assert match, "the quote this test breaks is gone from timeline.yaml"
    broken = match.group(0).replace(match.group(1) + meant, match.group(1) + typed, 1)
    timeline.write_text(text.replace(match.group(0), broken), "utf-8")
    with serving(project, tmp_path / "serve.log") as (_, base):
        deadline = time.monotonic() + 90
        while "找不到这段引文" not in fetch(base + "timeline/") and time.monotonic() < deadline:
            time.sleep(0.3)
        page.goto(base + "timeline/")
        found = page.eval_on_selector(".admonition.failure pre", MEASURE)
    assert found["above"] == [typed, meant]
    assert "monospace" in found["font"]
