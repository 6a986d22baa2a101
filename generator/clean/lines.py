"""One source line, decoded: its structural prefix, its text, its width.

Markdown structure is read from the raw line *before* entities are decoded, so a
paragraph that starts with ``&gt;`` (a literal ``>``, escaped by the writer) never
turns into a quotation when cleaned output is cleaned again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .chars import width
from .fixes import cook_line
from .text import Styled, parse_inline

LineKind = Literal["blank", "text", "item", "quote", "heading", "title"]

# No closing ``#`` sequence is stripped: the writer never adds one, and a title
# that ends in `` #`` must read back as it was written.
_ATX = re.compile(r"(#{1,6})[ \t]+(.*?)[ \t]*$")
_MD_BULLET = re.compile(r"[-+*][ \t]+")
# Bullet glyphs, and the letters Word's symbol fonts leave behind for bullets
# (Wingdings ``l`` = ●, ``n`` = ■, ``q`` = ❑, ``u`` = ◆, ``v`` = ❖, ``Ø``/``§``/``ü``).
_GLYPH = re.compile("[·•●○◆◇■□▪▫◦‣∙・►▸]\\s*")
_WORD_BULLET = re.compile("[lnquvØ§ü][ \t\u3000]+(?=[\u4e00-\u9fff“「《(（])")
# ``1\.`` as the writer escapes a printed number at the start of a paragraph.
_NUMBERED = re.compile(r"\d{1,2}(?:\\?[.)][ \t]+|、)(?=\S)")
_QUOTE = re.compile(r">[ \t]?")
_LEAD = re.compile(r"(?:[ \t\u3000\u00a0]|&nbsp;|&#160;)+")
_LEAD_CHARS = frozenset(" \t\u3000\u00a0&")
# First characters of every structural prefix above (a quick test before the regexes).
_PREFIX_CHARS = frozenset("#-+*>·•●○◆◇■□▪▫◦‣∙・►▸lnquvØ§ü0123456789")


@dataclass(eq=False)  # lines compare by identity: two lines never stand for each other
class Line:
    no: int  # 1-based line number in the file
    raw: str
    kind: LineKind
    styled: Styled
    level: int = 0  # for ``heading``/``title``
    indent: bool = False  # the source line was indented
    reason: str | None = None  # why the line is dropped, once decided
    role: str = ""  # what it became: body, headline, byline, kicker, sidebar...
    width: float = field(init=False, default=0.0)

    @property
    def text(self) -> str:
        return self.styled.text

    def __post_init__(self) -> None:
        self.width = width(self.styled.text)  # measured once: every rule looks at it

    @property
    def blank(self) -> bool:
        return self.kind == "blank"

    @property
    def live(self) -> bool:
        """Non-blank and not (yet) dropped."""
        return self.kind != "blank" and self.reason is None


def parse_lines(text: str) -> list[Line]:
    return [parse_line(i, raw) for i, raw in enumerate(text.split("\n"), start=1)]


def parse_line(no: int, raw: str) -> Line:
    lead = _LEAD.match(raw) if raw[:1] in _LEAD_CHARS else None
    indent = lead is not None and (len(lead.group(0)) >= 2 or "\u3000" in lead.group(0))
    body = (raw[lead.end() :] if lead else raw).rstrip()
    kind, level, content = _prefix(body) if body[:1] in _PREFIX_CHARS else ("text", 0, body)
    styled = parse_inline(cook_line(content)).strip()
    if not styled.text:
        # Nothing left once the HTML tags are gone: blank, but reported as dropped.
        return Line(no, raw, "blank", Styled(""), reason="markup" if body else None)
    return Line(no, raw, kind, styled, level, indent)


def _prefix(body: str) -> tuple[LineKind, int, str]:
    """The structural prefix of a line: heading marks, bullets, quote marks, numbers."""
    m = _ATX.match(body)
    if m:
        level = len(m.group(1))
        return ("title" if level == 1 else "heading"), level, m.group(2)
    m = _MD_BULLET.match(body) or _GLYPH.match(body) or _WORD_BULLET.match(body)
    if m:
        return "item", 0, body[m.end() :]
    m = _QUOTE.match(body)
    if m:
        return "quote", 0, body[m.end() :]
    if _NUMBERED.match(body):
        return "item", 0, body  # the number is part of the printed text: keep it
    return "text", 0, body
