"""Article ids.

Id rule: an article's id is its source file's stem, passed through
:func:`generator.paths.safe_name` (which leaves a stem made of letters, digits,
``.``, ``-`` and ``_`` unchanged, and gives any other stem a URL-safe form).
When one file holds several articles, each gets ``{stem}-{n}``, ``n`` counting
from 1 in file order: ``000_b4a20cc34cdd8f9a-1`` ... ``000_b4a20cc34cdd8f9a-5``.
A file with a single article keeps the bare stem: ``001_5b3e0821b2624058``.
Ids therefore change when a file gains or loses an article.
"""

from __future__ import annotations

from ..paths import safe_name


def article_id(stem: str, index: int, count: int) -> str:
    base = safe_name(stem)
    return base if count == 1 else f"{base}-{index}"
