"""Character classes for Chinese text, and the display width of a line.

Width counts a Han character or full-width punctuation as 1 and anything narrow
(Latin letters, digits, half-width punctuation) as 1/2, the way a newspaper column
sets them; the typical width of a hard-wrapped file's lines is its column width.
"""

from __future__ import annotations

import functools
import re

HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Punctuation that only occurs in CJK text (full-width forms, CJK symbols).
FULL_PUNCT_RANGES = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\ufe30-\ufe4f"
# Punctuation CJK text uses that Western text uses too.
SHARED_PUNCT = "“”‘’—…·•"

HAN = re.compile(f"[{HAN_RANGES}]")
_FULL = re.compile(f"[{FULL_PUNCT_RANGES}]")

# Sentence-final punctuation, optionally followed by closing quotes/brackets.
FINAL = frozenset("。！？!?…")
CLOSERS = frozenset("”’」』）)】》〉\"'")
CLAUSE = frozenset("，,、；;：:")
OPENERS = frozenset("“‘「『（(【《〈")


def is_han(ch: str) -> bool:
    return bool(ch) and HAN.match(ch) is not None


def is_full_punct(ch: str) -> bool:
    return bool(ch) and _FULL.match(ch) is not None


def is_cjk(ch: str) -> bool:
    """Han, full-width punctuation or the shared CJK-style punctuation “”‘’—…·."""
    return bool(ch) and (is_han(ch) or is_full_punct(ch) or ch in SHARED_PUNCT)


def width(text: str) -> float:
    """Display width: wide characters 1, ASCII 1/2, spaces included.

    Counted through an ASCII encode (C speed, every line is measured): the rare
    narrow characters outside ASCII (accented letters) count as wide.
    """
    narrow = len(text.encode("ascii", "ignore"))
    return len(text) - narrow / 2


def han_count(text: str) -> int:
    return len(HAN.findall(text))


def last_meaningful(text: str) -> str:
    """The last character that is not a closing quote/bracket or a space."""
    for ch in reversed(text):
        if ch not in CLOSERS and not ch.isspace():
            return ch
    return ""


# A line is asked whether it ends a sentence by every step that measures or joins lines
# (about five times a line): remember the answers.
@functools.lru_cache(maxsize=1 << 16)
def ends_sentence(text: str) -> bool:
    """True when the text ends a sentence: 。！？… possibly inside closing quotes."""
    stripped = text.rstrip()
    if not stripped:
        return False
    return last_meaningful(stripped) in FINAL


_PAIRS = (
    *(("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』")),
    *(("（", "）"), ("(", ")"), ("【", "】"), ("《", "》")),
)
_PAIRED = re.compile("[" + re.escape("".join(a + b for a, b in _PAIRS)) + "]")


def balanced(text: str) -> bool:
    """Quotes and brackets open and close in pairs (a heading never leaves one open)."""
    if _PAIRED.search(text) is None:
        return True  # none at all: most wrapped lines, told in one scan
    return all(text.count(a) == text.count(b) for a, b in _PAIRS)
