"""Article ids and the script (Simplified or Traditional) an article is written in.

Id rule: an article's id is its source file's stem, passed through
:func:`generator.paths.safe_name` (which leaves a stem of lowercase letters,
digits, ``.``, ``-`` and ``_`` unchanged, and makes any other stem URL-safe).
When one file holds several articles, each gets ``{stem}-{n}``, ``n`` counting
from 1 in file order: ``000_b4a20cc34cdd8f9a-1`` ... ``000_b4a20cc34cdd8f9a-5``.
A file with a single article keeps the bare stem: ``001_5b3e0821b2624058``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal

from ..paths import safe_name
from .chars import HAN

_SAMPLE = 600
# Share of Han characters that Traditional-to-Simplified conversion changes, above
# which a text is Traditional. Simplified text scores ~0; Traditional text 10-30%.
_HANT_RATIO = 0.04


def article_id(stem: str, index: int, count: int) -> str:
    base = safe_name(stem)
    return base if count == 1 else f"{base}-{index}"


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def script(text: str) -> Literal["hans", "hant"]:
    """``hant`` when converting to Simplified changes enough of the text (one call)."""
    sample = "".join(HAN.findall(text[: _SAMPLE * 3]))[:_SAMPLE]
    if not sample:
        return "hans"
    converted = str(_t2s().convert(sample))
    changed = abs(len(converted) - len(sample)) + sum(map(str.__ne__, sample, converted))
    return "hant" if changed >= 2 and changed / len(sample) >= _HANT_RATIO else "hans"
