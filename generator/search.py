"""Chinese search in both scripts: Pagefind over the built HTML, folded to Simplified.

Pagefind (extended build) segments Chinese words and splits its index into small
chunks, so a reader's first query downloads little. It has no Simplified/Traditional
folding, so the index is made to speak Simplified: a page with Traditional text
carries a hidden Simplified copy (OpenCC ``t2s``), and the search page turns each
query into Simplified with a character table made here from the same OpenCC data.
A query in either script then finds pages in either script, and Simplified pages
(most of a Simplified corpus) carry no extra text.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
FOLD_SCRIPT = (
    "assets/javascripts/timeline-fold.js"  # published with the site, used by the search page
)
MAX_FOLD_CHARS = 200_000  # bound the work per page; longer text is folded in part


@lru_cache(maxsize=2)
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def fold(text: str) -> str:
    """``text`` in Simplified characters, or "" when it has no Traditional ones."""
    text = text[:MAX_FOLD_CHARS]
    converted = str(_converter("t2s").convert(text))
    return converted if converted != text else ""


# Han characters: radicals, 々〆〇 and the Hangzhou numerals, the CJK Unified Ideographs
# with every extension (A to I) and both blocks of compatibility ideographs. OpenCC's
# t2s changes characters in these blocks only (tests/test_search.py checks it).
HAN_RANGES = (
    (0x2E80, 0x2FDF),
    (0x3005, 0x3007),
    (0x3021, 0x3029),
    (0x3038, 0x303B),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x323AF),
)


@lru_cache(maxsize=1)
def t2s_table() -> dict[str, str]:
    """Traditional -> Simplified, character by character, as OpenCC's t2s converts each alone.

    Every Han character OpenCC changes, in and out of the Basic Multilingual Plane
    (Extension B holds Traditional forms such as 𠁞, and some Simplified forms are
    there too: 㑮 -> 𫝈). A character OpenCC would turn into several is left out.
    """
    chars = [chr(c) for lo, hi in HAN_RANGES for c in range(lo, hi + 1)]
    converted = str(_converter("t2s").convert("\n".join(chars))).split("\n")
    if len(converted) != len(chars):  # a conversion that joined lines: keep what lines up
        return {}
    return {a: b for a, b in zip(chars, converted, strict=True) if a != b and len(b) == 1}


@lru_cache(maxsize=1)
def t2s_script() -> str:
    """``timelineFold(query)``: the search page's query folding, as a small script.

    The table is a JSON object, one Traditional character to one Simplified: a lookup
    by whole characters (``Array.from`` walks code points), so a character outside the
    Basic Multilingual Plane, two UTF-16 units, can never shift the ones after it.
    """
    table = json.dumps(t2s_table(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        "// Made by the timeline generator from OpenCC's t2s data: folds a search query\n"
        "// to Simplified characters, the script the search index is kept in.\n"
        f"(function () {{ var table = {table};\n"
        "  window.timelineFold = function (q) {\n"
        "    return Array.from(q, function (c) { return table[c] || c; }).join(''); };\n"
        "})();\n"
    )


def page_text(page_html: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed."""
    return _SPACE.sub(" ", html.unescape(_TAGS.sub(" ", page_html))).strip()


# Heading permalinks: their "¶" would end up in every result title. The mark is drawn
# by CSS instead (timeline.css), so the page looks the same and the index sees no text.
_PERMALINK = re.compile(r"(<a class=\"headerlink\"[^>]*>)(?:\u00b6|&para;)(</a>)")


def searchable(page_html: str) -> str:
    """The page's HTML marked as the search body, with its folded text hidden inside."""
    page_html = _PERMALINK.sub(r"\1\2", page_html)
    folded = fold(page_text(page_html))
    hidden = f'<div hidden class="search-fold">{html.escape(folded)}</div>' if folded else ""
    return f"<div data-pagefind-body>{page_html}{hidden}</div>"


class SearchIndexError(Exception):
    pass


def pagefind_binary() -> Path:
    import pagefind_bin_extended

    return Path(pagefind_bin_extended.get_executable())


def _command(site_dir: Path) -> list[str]:
    return [str(pagefind_binary()), "--site", str(site_dir), "--force-language", "zh", "--silent"]


def build_index(site_dir: Path) -> None:
    """Write the Pagefind index into ``site_dir/pagefind``."""
    result = subprocess.run(
        _command(site_dir), capture_output=True, text=True, timeout=600, check=False
    )
    if result.returncode != 0:
        raise SearchIndexError(
            f"search index failed: {result.stderr.strip() or result.stdout.strip()}"
        )


class BackgroundIndex:
    """Pagefind run beside a live preview, so a save reaches the browser without waiting
    for the search index (seconds on a big site); search catches up moments later.

    One run at a time: a new save stops the run still indexing the previous one.
    """

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.log: IO[bytes] | None = None

    def start(self, site_dir: Path) -> str | None:
        """Start indexing; returns the previous run's error, if it failed."""
        problem = self.stop()
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed by stop())
        self.process = subprocess.Popen(
            _command(site_dir), stdout=subprocess.DEVNULL, stderr=self.log
        )
        return problem

    def stop(self) -> str | None:
        process, log, self.process, self.log = self.process, self.log, None, None
        problem = None
        if process is not None:
            if process.poll() is None:
                process.terminate()
                process.wait()
            elif process.returncode != 0 and log is not None:
                log.seek(0)
                problem = log.read().decode("utf-8", "replace").strip() or "pagefind failed"
        if log is not None:
            log.close()
        return problem
