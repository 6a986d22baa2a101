"""Titles when no headline is printed, or when the page names the original one.

``derive_title``: a text with no headline is titled by its first sentence, or by its
main clause when the sentence is long. ``original_title``: a portal that rewrote a
headline prints the original as ``原标题：…``, which is the article's title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Block
from . import dates
from .chars import CLAUSE, FINAL

_TITLE_MAX = 40
_ORIGINAL = re.compile(r"^[（(【\[]?(?:原标题|原標題)\s*[:：]\s*(.+?)[）)】\]]?$")
_TITLE_STRIP = "“”‘’「」『』\"' ，,、；;：:"
_BRACKETED = re.compile(r"^【([^】]{6,40})】")
_LOOK = 400  # a title is looked for in the first characters of the text only
# Clauses that open with these are adverbials ("在…中", "从…到…"), not a title.
_ADVERBIAL = (
    *("在", "从", "到", "对", "为", "随着", "据", "截至", "自", "当"),
    *("面对", "针对", "经过", "时隔", "由于", "因为", "如果", "虽然"),
    *("從", "對", "為", "隨著", "據", "當", "面對", "針對", "經過", "時隔", "由於", "因為", "雖然"),
)


def original_title(texts: Sequence[str]) -> str | None:
    """The title an ``原标题：…`` line names, if the text has one."""
    return next((m.group(1).strip() for t in texts if (m := _ORIGINAL.match(t))), None)


def derive_title(blocks: Sequence[Block]) -> str:
    """No headline printed: the first sentence of the text, or its main clause.

    A long first sentence is cut into clauses; the first one that is long enough
    and does not open as an adverbial (``在…中``, ``从…到…``) is taken.
    """
    texts = [b.text for b in blocks if b.kind == "paragraph"] + [b.text for b in blocks]
    flash = _BRACKETED.match(texts[0]) if texts else None
    if flash:  # ``【多家券商线上开户量明显增长】财联社2月18日电，…``: a flash's headline
        return flash.group(1)
    sentences = (_first_sentence(dates.strip_dateline(t[:_LOOK])) for t in texts)
    sentence = next((s for s in sentences if s), "")
    if not sentence:  # no words anywhere: the text itself, so the title is never empty
        return texts[0][:_TITLE_MAX].strip() if texts else ""
    if len(sentence) <= _TITLE_MAX:
        return sentence
    clauses = [c.strip() for c in _split_clauses(sentence)]
    for clause in clauses:
        if 8 <= len(clause) <= _TITLE_MAX and not clause.startswith(_ADVERBIAL):
            return clause
    return sentence[: _TITLE_MAX - 1].rstrip() + "…"


def _first_sentence(text: str) -> str:
    """The first sentence that has any words in it, without quotes around it."""
    start = 0
    for i, ch in enumerate([*text, "。"]):
        if ch in FINAL and ch != "…":
            sentence = text[start:i].strip(_TITLE_STRIP)
            if any(c.isalnum() for c in sentence):
                return sentence
            start = i + 1
    return ""


def _split_clauses(text: str) -> list[str]:
    out, current = [], ""
    for ch in text:
        if ch in CLAUSE:
            out.append(current)
            current = ""
        else:
            current += ch
    out.append(current)
    return [c for c in out if c]
