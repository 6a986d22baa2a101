"""What any match of a pattern must contain: the quick filter before the furniture table.

A line is tested against the table's few hundred patterns. Python's ``re`` tries every
alternative of a joined pattern at every position of the line, which made that test
the largest single cost of cleaning. But each rule names words (``扫码``, ``版权所有``):
:func:`needles` reads a compiled pattern's syntax tree and returns strings of which
every match holds at least one. Joined, those strings form a pattern of plain words,
which ``re`` scans at C speed by their first characters; a line holding none of them
cannot match the rule, so the rule is not tried.

The tree walk is conservative: wherever it cannot tell (a class of many characters,
an optional part, an unknown construct) it answers ``None``, "no guarantee", and the
caller keeps testing that rule on every line. Every string is case-folded, and so is
the line it is looked for, so ``IGNORECASE`` rules are covered too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any

try:  # Python 3.11 names the parser ``re._parser``; 3.10 and before ``sre_parse``
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef, unused-ignore]

__all__ = ["needle_filter", "needles", "openers"]

_C = sre_parse  # the opcodes (LITERAL, IN, BRANCH...) live beside the parser
# ``POSSESSIVE_REPEAT`` came with Python 3.11.
_REPEATS = tuple(
    getattr(_C, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_C, n)
)
_SMALL_CLASS = 6  # a character class of at most this many characters gives needles
_MAX_WORDS = 64  # the most strings one stretch of a pattern is spelled out into


# The cleaner asks about each rule from several tables at import: parse each pattern once.
@functools.cache
def needles(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Case-folded strings, one of which is in any text ``pattern`` matches, or ``None``."""
    found = _sequence(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    if found is None or not all(found):
        return None
    return frozenset(found)


def needle_filter(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One pattern of plain words that finds a needle of every pattern given, to be
    searched in the case-folded line; ``None`` when some pattern has no needles."""
    words: set[str] = set()
    for pattern in patterns:
        found = needles(pattern)
        if found is None:
            return None
        words |= found
    # Longest first, so a word that begins another is not found instead of it.
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return re.compile("|".join(re.escape(w) for w in ordered))


def _sequence(items: Sequence[tuple[Any, Any]]) -> set[str] | None:
    """The best needles of a run of items: what a stretch of items matches exactly
    (``扫`` then ``一扫|码``: ``扫一扫``, ``扫码``), or the needles of one item; of the
    candidates, the one whose shortest word is longest."""
    best: set[str] | None = None
    exact = {""}

    def consider(found: set[str] | None) -> None:
        nonlocal best
        if found and "" not in found and (best is None or _score(found) > _score(best)):
            best = found

    for op, arg in items:
        whole = _exact([(op, arg)])
        if whole is not None and len(exact) * len(whole) <= _MAX_WORDS:
            exact = {a + b for a in exact for b in whole}
            continue
        consider(exact)
        exact = whole if whole is not None else {""}
        consider(_item(op, arg))
    consider(exact)
    return best


def _score(found: set[str]) -> tuple[int, int]:
    return (min(len(w) for w in found), -len(found))


def _exact(items: Sequence[tuple[Any, Any]]) -> set[str] | None:
    """Every string a run of items can match, when they are few (``(报料|爆料)[:：]``),
    else ``None``."""
    words = {""}
    for op, arg in items:
        if op is _C.LITERAL:
            part: set[str] | None = {chr(arg).casefold()}
        elif op is _C.AT:
            continue  # ``^``, ``$``: they match no character
        elif op is _C.IN:
            part = _class(arg)
        elif op is _C.SUBPATTERN:
            part = _exact(list(arg[-1]))
        elif op is _C.BRANCH:
            branches = [_exact(list(b)) for b in arg[1]]
            part = None if None in branches else set().union(*branches)  # type: ignore[arg-type]
        else:
            return None
        if part is None or len(words) * len(part) > _MAX_WORDS:
            return None
        words = {a + b for a in words for b in part}
    return words


def _item(op: Any, arg: Any) -> set[str] | None:
    """Needles of one item of a sequence, or ``None`` if it guarantees none."""
    if op is _C.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op is _C.BRANCH:
        found: set[str] = set()
        for branch in arg[1]:
            part = _sequence(list(branch))
            if part is None:
                return None
            found |= part
        return found
    if op in _REPEATS:
        low, _high, body = arg
        return _sequence(list(body)) if low >= 1 else None
    return None


def _class(members: Sequence[tuple[Any, Any]]) -> set[str] | None:
    """The characters of a small class of literals (``[:：]``), or ``None``."""
    chars: set[str] = set()
    for op, arg in members:
        if op is not _C.LITERAL:
            return None  # a range, a category, a negation: too many to list
        chars.add(chr(arg).casefold())
    return chars if len(chars) <= _SMALL_CLASS else None


@functools.cache
def openers(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Case-folded characters one of which starts any match of ``pattern``, or ``None``
    (unknown, or a match may be empty)."""
    found = _first(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    if found is None or found[1]:
        return None
    return frozenset(found[0])


def _first(items: Sequence[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    """The characters a run of items may start with, and whether it may match nothing."""
    chars: set[str] = set()
    for op, arg in items:
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue  # zero width: the next item gives the first character
        found = _first_item(op, arg)
        if found is None:
            return None
        chars |= found[0]
        if not found[1]:
            return chars, False
    return chars, True


def _first_item(op: Any, arg: Any) -> tuple[set[str], bool] | None:
    if op is _C.LITERAL:
        return {chr(arg).casefold()}, False
    if op is _C.IN:
        members = _class(arg)
        return None if members is None else (members, False)
    if op is _C.SUBPATTERN:
        return _first(list(arg[-1]))
    if op is _C.BRANCH:
        chars: set[str] = set()
        empty = False
        for branch in arg[1]:
            found = _first(list(branch))
            if found is None:
                return None
            chars |= found[0]
            empty = empty or found[1]
        return chars, empty
    if op in _REPEATS:
        low, _high, body = arg
        found = _first(list(body))
        return None if found is None else (found[0], found[1] or low == 0)
    return None
