"""Chinese search in both scripts: Pagefind over the built HTML, folded at build time.

Pagefind (extended build) segments Chinese words and splits its index into small
chunks, so a reader's first query downloads little. It has no Simplified/Traditional
folding, so each page carries a hidden copy of its text converted to the other
script (OpenCC): a query in either script then finds pages in either script,
with no converter running in the browser.
"""

from __future__ import annotations

import html
import re
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Any

_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
MAX_FOLD_CHARS = 200_000  # bound the work per page; longer text is folded in part


@lru_cache(maxsize=2)
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def fold(text: str) -> str:
    """``text`` in the other script(s): Traditional -> Simplified and the reverse.

    Returns "" when conversion changes nothing (e.g. text with no Han characters).
    """
    text = text[:MAX_FOLD_CHARS]
    variants = []
    for config in ("t2s", "s2t"):
        converted = str(_converter(config).convert(text))
        if converted != text and converted not in variants:
            variants.append(converted)
    return " ".join(variants)


def page_text(page_html: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed."""
    return _SPACE.sub(" ", html.unescape(_TAGS.sub(" ", page_html))).strip()


def searchable(page_html: str) -> str:
    """The page's HTML marked as the search body, with its folded text hidden inside."""
    folded = fold(page_text(page_html))
    hidden = f'<div hidden class="search-fold">{html.escape(folded)}</div>' if folded else ""
    return f"<div data-pagefind-body>{page_html}{hidden}</div>"


class SearchIndexError(Exception):
    pass


def pagefind_binary() -> Path:
    import pagefind_bin_extended

    return Path(pagefind_bin_extended.get_executable())


def build_index(site_dir: Path) -> None:
    """Write the Pagefind index into ``site_dir/pagefind``."""
    command = [
        str(pagefind_binary()),
        "--site",
        str(site_dir),
        "--force-language",
        "zh",
        "--silent",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    if result.returncode != 0:
        raise SearchIndexError(
            f"search index failed: {result.stderr.strip() or result.stdout.strip()}"
        )
