"""Page furniture known by its wording: :func:`phrase_reason` applies the table of
:mod:`.rules` to one line, and tells photo captions by how they open and close.

Before the table, a quick test built from the table's own patterns passes by the usual
body line at C speed: the words every match of a rule holds (:mod:`.needles`), and
the characters a rule at the line's start can open with. It can never keep a rule
from firing (tested on every fixture line, and on matches drawn from each pattern).
"""

from __future__ import annotations

import functools
import re

from .chars import ends_sentence, width
from .credit_rules import CREDIT_RULES
from .needles import needle_filter, needles, openers
from .reasons import REASONS
from .rules import LONGEST_FURNITURE, PAGE_RULES, SHORT_LINE, Rule, both

__all__ = [
    "CAPTION_END",
    "CAPTION_START",
    "RULES",
    "is_related_marker",
    "phrase_reason",
    "rule_reason",
]

# The one ordered table: the page's furniture first, then what a text's lines carry.
RULES: tuple[Rule, ...] = (*PAGE_RULES, *CREDIT_RULES)
MEMO_LINES = 1 << 13  # short lines remembered with their reason: about 3 MB
_CAPTION_TAIL_CHARS = 60  # a photo credit closes a caption within its last characters
CAPTION_START = re.compile(r"^[△▲▷▶◁◀►▼▽]")
_CAPTION = both(
    r"[（(](资料图片|资料图|图片|图|摄影|视频截图|截图|供图|图片来源)[^（()）]{0,30}[）)]$"
    r"|(图|上图|下图|左图|右图|中图|组图|图为|图片|图注|图说|视频)\s*[:：]|图为"
    r"|(一图|图解|图说|图看)"
)
_CAPTION_TAIL = both(
    r"[（(][^（()）]{0,30}(摄|供图|图片来源[:：][^（()）]{0,20}|资料图片)[）)]$"
    r"|(新华社|中新社|本报|记者)[^，。,]{0,12}\s*摄$|受访者供图$|(图片|图)来源[:：][^，。]{0,20}$"
    r"|记者[^，。,]{0,12}摄\s*\d{2,4}年\d{1,2}月\d{1,2}日$"
    r"|。[摄攝]\s*[:：]\s*[^，。\s]{2,12}(?:\s*/\s*[^，。\s]{2,12})?$"
    # ``……。澎湃新闻记者 顾晓岚 图``, ``……。記者陳思妤／攝影``: a credit after the caption.
    r"|。\s*[^，。\s]{0,8}记者\s*[^，。]{2,8}?\s*[／/]?\s*(摄影|摄|图)$"
)
_TAIL_WORDS = needle_filter([_CAPTION_TAIL])
CAPTION_END = both(r"[（(][^（()）]{0,30}(图片|图|摄|供图)[^（()）]{0,10}[）)]$")
_WRAPPED_PUNCT = frozenset("。，、；：！？!?,;:”’」』）)》〉…")
_NO_WORDS = re.compile(r"^[^\w\u4e00-\u9fff]+$")
_THE_END = re.compile(
    r"^[（(](完|全文完|结束|結束|END|end)[)）]$|^-?\s*(END|End)\s*-?$|^(完|全文完)$"
)
_ENCLOSED_NUMBER = re.compile("^[①-⑳⑴-⒇❶-❿➀-➉㈠-㈩]$")


# Built from the table, so no rule can be kept from firing by a filter that forgets it.
def _union(patterns: list[re.Pattern[str]]) -> re.Pattern[str]:
    flagged = (("(?i:" if p.flags & re.IGNORECASE else "(?:") + p.pattern + ")" for p in patterns)
    return re.compile("|".join(flagged) or "(?!)")  # none: a pattern that never matches


# The rules that look at a line's start, by the characters they can start with (a
# line is tried against those of its first character only). The few that can start
# with too many characters to list are tried below, by the words they hold.
def _by_opener(rules: tuple[Rule, ...]) -> dict[str, list[re.Pattern[str]]]:
    found: dict[str, list[re.Pattern[str]]] = {}
    for rule in rules:
        for opener in openers(rule.pattern) or ():
            found.setdefault(opener, []).append(rule.pattern)
    return found


_BY_OPENER = _by_opener(tuple(r for r in RULES if not r.search))
# The words of the rules that may open with any character (``None``: no word either).
_ANY_OPENER = {r: needles(r.pattern) for r in RULES if not r.search and not openers(r.pattern)}
# Those that hold no word are tried on every line, joined.
_OPEN_START = _union([r.pattern for r, words in _ANY_OPENER.items() if words is None])


def _widest(rule: Rule) -> float:
    """The widest line ``rule`` can fire on."""
    return min(rule.width, SHORT_LINE) if rule.short else rule.width


# The others (``编辑``, ``出品``, a menu's ``|``) are tried only on a line that holds one
# of their words, and only those that allow a line as wide: on a newspaper's short
# lines, trying them all was half of what judging a line cost. One ``(widest, words,
# patterns)`` tier per width, narrowest first.
_TIERS = [
    (
        w,
        needle_filter(r.pattern for r in rules),
        tuple(r.pattern for r in rules),
    )
    for w in sorted({_widest(r) for r, words in _ANY_OPENER.items() if words is not None})
    if (rules := [r for r, words in _ANY_OPENER.items() if words and _widest(r) >= w])
]
# The rules that look inside a line, by words every match of one of them holds.
_NEEDLES = needle_filter(r.pattern for r in RULES if r.search)
# No rule that looks inside a line fires on a wider one: such lines skip that search.
_ANYWHERE_WIDTH = max(r.width for r in RULES if r.search)
assert all(rule.reason in REASONS for rule in RULES)


def phrase_reason(text: str, column: float = 0) -> str | None:
    """Why a whole line is page furniture, judged on its own, or ``None``.

    ``column`` is the line width of a hard-wrapped file: there a line must be
    clearly shorter than the column to count as "short" (a standalone prompt).
    """
    if len(text) > LONGEST_FURNITURE:
        return None
    return _short_line_reason(text, column)


# A site's furniture repeats from page to page (``扫码关注``, ``责任编辑：``, a menu), and
# the answer depends only on the line's text and column: a line met before is not judged
# again. Bounded, for a long ``mkdocs serve`` session.
@functools.lru_cache(maxsize=MEMO_LINES)
def _short_line_reason(text: str, column: float) -> str | None:
    if _NO_WORDS.match(text) and not (set(text) <= _WRAPPED_PUNCT or text in ("—", "——")):
        return "empty-marker"  # ``***``, ``———``: but a lone ``。`` wrapped to its own line is text
    if _ENCLOSED_NUMBER.match(text) or _THE_END.match(text):
        return "empty-marker"
    w, folded = width(text), text.casefold()  # the rules' words are case-folded
    if _may_fire(text, folded, w):
        found = _gated_reason(text, folded, column, w)
        if found is not None:
            return found
    if CAPTION_START.match(text) or (w <= 60 and _caption(text)):
        return "caption"
    return None


def _may_fire(text: str, folded: str, w: float) -> bool:
    """Whether some rule of the table might fire: the quick filter (``folded`` is
    ``text.casefold()``)."""
    if w <= _ANYWHERE_WIDTH and (_NEEDLES is None or _NEEDLES.search(folded)):
        return True
    if _OPEN_START.match(text) is not None:
        return True
    for widest, words, patterns in _TIERS:
        if w <= widest:
            if words and words.search(folded) and any(p.match(text) for p in patterns):
                return True
            break
    return any(p.match(text) for p in _BY_OPENER.get(text[:1].casefold(), ()))


def rule_reason(text: str, column: float = 0) -> str | None:
    """The reason of the first rule of the table that fires on ``text`` (no filter)."""
    w = width(text)
    short = _short(text, w, column)
    return next((r.reason for r in RULES if r.fires(text, w, short, bool(column))), None)


def _short(text: str, w: float, column: float) -> bool:
    """A standalone prompt's width: short, and clearly shorter than a wrapped column."""
    limit = min(SHORT_LINE, 0.75 * column) if column else SHORT_LINE
    return w <= limit and not ends_sentence(text)


def _gate(rule: Rule) -> tuple[frozenset[str] | None, re.Pattern[str] | None]:
    """What a line must show for ``rule`` to be tried: a first character among those the
    rule opens with, or one of its words; ``(None, None)``: it is always tried."""
    first = None if rule.search else openers(rule.pattern)
    return first, (needle_filter([rule.pattern]) if first is None else None)


# Each rule with its gate: a line that passes the quick filter is tried only against
# the rules it could fire (it was every rule, about 60 µs a line).
_GATED = tuple((rule, *_gate(rule)) for rule in RULES)


def _gated_reason(text: str, folded: str, column: float, w: float) -> str | None:
    """:func:`rule_reason`, trying only the rules whose gate ``text`` passes."""
    short = _short(text, w, column)
    first = text[:1].casefold()
    for rule, openers_, words in _GATED:
        if openers_ is not None and first not in openers_:
            continue
        if words is not None and words.search(folded) is None:
            continue
        if rule.fires(text, w, short, bool(column)):
            return rule.reason
    return None


def _caption(text: str) -> bool:
    if _CAPTION.match(text):
        return True
    tail = max(0, len(text) - _CAPTION_TAIL_CHARS)
    # A credit names its maker (``记者``, ``摄``, ``供图``) or stands in brackets: a tail
    # with none of the words is not searched (what the filter before the table does).
    if _TAIL_WORDS is not None and _TAIL_WORDS.search(text[tail:].casefold()) is None:
        return False
    return _CAPTION_TAIL.search(text, tail) is not None


_MARKERS = tuple(r for r in RULES if r.opens_block)


def is_related_marker(text: str) -> bool:
    """A line that opens a block of links to other articles (or of comments)."""
    w = width(text)
    return any(r.fires(text, w, False, False) for r in _MARKERS)
