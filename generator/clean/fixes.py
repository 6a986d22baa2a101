"""Repairs of the text itself: web debris, stray spaces, doubled punctuation.

Every fix here is idempotent (running it twice changes nothing more), so cleaning
an already cleaned article gives it back unchanged. Nothing is NFKC-normalised:
full-width ，：（ stay full-width and half-width ones stay half-width.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from ..rescan import matches_at
from .chars import CLOSERS, HAN_RANGES, SHARED_PUNCT, is_full_punct, is_han
from .text import Styled, sub

_TAG = re.compile(r"<!--.{0,2000}?-->|</?[A-Za-z][A-Za-z0-9]{0,20}(?:\s[^<>]{0,500})?/?>")
# Only entities with their semicolon (so ``a&copy=1`` in a URL stays), plus the
# very common ``&nbsp`` that web pages often leave without one.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|&nbsp\b")
# ``&mdash;`` half-decoded leaves a semicolon behind each dash: ``—;—;``.
_DASH_DEBRIS = re.compile(r"(?<=[—–])[ ]?;")
_ODD_SPACES = "\u00a0\u3000\t\u2002-\u200a\u202f\u205f"
_ODD_SPACE = re.compile(f"[{_ODD_SPACES}]")
_ANY_SPACE = re.compile(f"[ {_ODD_SPACES}]")
# Invisible characters, and bidirectional controls (U+202A-202E, U+2066-2069) that
# could make published text read differently from what it says.
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(" {2,}")
_SPACE = re.compile(" ")
_DOUBLED = re.compile(r"([。，、；：,])\1+")
# All that any repair of :func:`fix_text` acts on (``\s`` is what ``str.strip`` strips,
# the odd spaces included): a paragraph with none of it is as the repairs would leave it.
_FIXABLE = re.compile(f"\\s|{_ZERO_WIDTH.pattern}|([。，、；：,])\\1")
_HAN = re.compile(f"[{HAN_RANGES}]")
_HAN_SPACE_HAN = re.compile(f"[{HAN_RANGES}] (?=[{HAN_RANGES}])")
_MIXED = re.compile(f"[{HAN_RANGES}]( ?)[A-Za-z0-9]|[A-Za-z0-9]( ?)[{HAN_RANGES}]")
_ALNUM_RUN = re.compile("[A-Za-z0-9]+")
_HALF_PUNCT = frozenset(",.;:!?)")
_DATELINE_ENDS = frozenset(("日电", "日電", "日讯", "日訊"))
# A wiki's ``[编辑]`` after a heading, and its ``[3]`` reference marks after a sentence
# or a word: links of the page, not words of the text.
_WIKI_MARKS = re.compile(
    r"\[(?:编辑|編輯|编辑源代码|編輯原始碼)\]\s*$|(?<=[\u4e00-\u9fff。，；：！？”」）])\[\d{1,3}\]"
)


def cook_line(text: str) -> str:
    """Undo web debris in one source line: HTML tags, entities, ``—;``, a wiki's edit
    links and reference marks (``历史[编辑]``, ``……颜色。[1]``)."""
    if "[" in text:
        text = _WIKI_MARKS.sub("", text)
    if "<" in text:
        text = _TAG.sub("", text)
    for _ in range(3):  # double-encoded ``&amp;nbsp;`` needs two rounds
        if "&" not in text:
            break
        new = _ENTITY.sub(_entity, text)
        if new == text:
            break
        text = new
    if ";" in text:
        text = _DASH_DEBRIS.sub("", text)
    return text


def _entity(m: re.Match[str]) -> str:
    found = m.group(0)
    if found.startswith("&nbsp"):
        return " "
    decoded = html.unescape(found)
    return " " if decoded == "\u00a0" else decoded


def spaced_style(texts: list[str]) -> bool:
    """Does the source put a space between Han and Latin/digits (``投入 33.56 億元``)?

    Decided once per article: spacing used consistently is the author's style and
    is kept; a few stray spaces in otherwise unspaced text are OCR noise and go.
    """
    # Each spaced boundary holds a space of its own: two are needed to say yes, and most
    # Chinese text has none at all.
    spaces = _ANY_SPACE.finditer("\n".join(texts))
    if next(spaces, None) is None or next(spaces, None) is None:
        return False
    return _counted_style(texts)


def _counted_style(texts: list[str]) -> bool:
    spaced = unspaced = 0
    for text in texts:
        for m in _mixed(_SPACES.sub(" ", _ODD_SPACE.sub(" ", text))):
            if (m.group(1) or m.group(2) or "") == " ":
                spaced += 1
            else:
                unspaced += 1
    return spaced >= 2 and spaced >= 0.4 * (spaced + unspaced)


def _mixed(text: str) -> Iterator[re.Match[str]]:
    """``_MIXED.finditer(text)``, tried only where it can match: a Han character meets
    Latin letters or digits only at either end of their run."""
    # `中 a`, `中a` before the run; `a中` after it.
    starts = (
        s
        for run in _ALNUM_RUN.finditer(text)
        for s in (run.start() - 2, run.start() - 1, run.end() - 1)
    )
    return matches_at(_MIXED, text, starts)


def fix_text(st: Styled, keep_mixed_spaces: bool, headline: bool = False) -> Styled:
    """Normalise spaces and punctuation inside one paragraph (or title).

    In a ``headline`` a space after a closing quote (``“不打烊” 群众办事``) separates
    two phrases, as a space between two runs of characters does: it stays."""
    if _FIXABLE.search(st.text) is None:
        return st
    return repaired(st, keep_mixed_spaces, headline)


def repaired(st: Styled, keep_mixed_spaces: bool, headline: bool = False) -> Styled:
    """:func:`fix_text` without its quick test: every repair, tried in turn."""
    st = sub(_ZERO_WIDTH, "", sub(_ODD_SPACE, " ", st))
    st = sub(_SPACES, " ", st).strip()
    if " " in st.text:
        segmented = _is_segmented(st.text)
        text = st.text

        def decide(m: re.Match[str]) -> str:
            i = m.start()
            if (
                headline
                and 0 < i < len(text) - 1
                and text[i - 1] in "”」』）)"
                and is_han(text[i + 1])
            ):
                return " "
            return "" if _drop_space(text, i, keep_mixed_spaces, segmented) else " "

        st = sub(_SPACE, decide, st)
    return sub(_DOUBLED, r"\1", st)


def _is_segmented(text: str) -> bool:
    """Are spaces between Chinese words noise here, to be removed all?

    A single gap between phrases is deliberate (``春暖花開 更見燦爛``, ``记者 李明
    王芳``); text with a gap every few words was segmented word by word.
    """
    gaps = len(_HAN_SPACE_HAN.findall(text))
    return gaps >= 2 and len(_HAN.findall(text)) <= 8 * gaps


def _word(ch: str) -> bool:
    """Part of a run of characters (``24日`` is one: the 日 is not letter-spaced)."""
    return is_han(ch) or ch.isalnum()


def _drop_space(text: str, i: int, keep_mixed: bool, segmented: bool) -> bool:
    left = text[i - 1] if i > 0 else ""
    right = text[i + 1] if i + 1 < len(text) else ""
    if not left or not right:
        return True
    if text[i - 2 : i] in _DATELINE_ENDS:
        return False  # ``新华社酒泉5月5日电 5日上午``: the space closes the dateline
    if is_full_punct(left) or is_full_punct(right):
        return True
    if left in SHARED_PUNCT and (is_han(right) or right in SHARED_PUNCT):
        return True
    if right in SHARED_PUNCT and (is_han(left) or left in SHARED_PUNCT or left in CLOSERS):
        return True
    if is_han(left) and is_han(right):
        # ``黄 鑫``, ``冬 天``: letter-spaced single characters are padding; a space
        # between two longer runs (``春暖花開 更見燦爛``) is a deliberate separator.
        single_left = i < 2 or not _word(text[i - 2])
        single_right = i + 2 >= len(text) or not _word(text[i + 2])
        return segmented or single_left or single_right
    if left in _HALF_PUNCT and i >= 2 and is_han(text[i - 2]) and is_han(right):
        return True  # ``阿里巴巴, 数字``: half-width comma used as a Chinese one
    if right == "(" and is_han(left) and i + 2 < len(text) and is_han(text[i + 2]):
        return True
    mixed = (is_han(left) and right.isascii() and right.isalnum()) or (
        is_han(right) and left.isascii() and left.isalnum()
    )
    return mixed and not keep_mixed
