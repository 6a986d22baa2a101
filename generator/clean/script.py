"""Simplified and Traditional Chinese: telling them apart, spelling phrases both ways.

OpenCC does the conversions. It is called once per article (to detect the
script) and a few times at import (to spell the phrase lists the Traditional
way), never per line.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal

_SAMPLE = 800
# Share of distinct Han characters that Traditional-to-Simplified conversion
# changes, above which a text is Traditional. Simplified text scores ~0,
# Traditional text 15-30%.
_HANT_RATIO = 0.05


@lru_cache(maxsize=8)
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def traditional_forms(text: str) -> list[str]:
    """``text`` in the Traditional standards of OpenCC, Taiwan and Hong Kong."""
    return [str(_converter(config).convert(text)) for config in ("s2t", "s2tw", "s2hk")]


def script(text: str) -> Literal["hans", "hant"]:
    """``hant`` when converting to Simplified changes enough of the text.

    Measured on the distinct Han characters of the first ``_SAMPLE`` characters:
    those the conversion replaces are Traditional-only forms.
    """
    sample = text[:_SAMPLE]
    converted = str(_converter("t2s").convert(sample))
    if converted == sample:
        return "hans"  # nothing to convert: no Traditional-only form (most articles)
    chars = {ch for ch in set(sample) if "\u3400" <= ch <= "\u9fff"}
    if not chars:
        return "hans"
    changed = len(chars - set(converted))
    return "hant" if changed >= 2 and changed / len(chars) >= _HANT_RATIO else "hans"
