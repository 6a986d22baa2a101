"""Text with bold ranges that survive editing, and the Markdown inline syntax we read.

A :class:`Styled` is plain text plus one bold flag per character. Every later edit
(joining lines, removing stray spaces, fixing punctuation) goes through
:func:`sub`, which carries the flags along, so ``**33.56**`` in the source ends up
as a ``strong`` range over exactly ``33.56`` however the text around it changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# ASCII punctuation a Markdown backslash may escape.
_ESCAPABLE = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
# An escape (the character it stands for) or a bold marker, read left to right.
_INLINE = re.compile("\\\\([" + re.escape(_ESCAPABLE) + "])|\\*\\*")


@dataclass(frozen=True)
class Styled:
    text: str
    bold: bytes = b""  # one 0/1 per character of ``text`` (empty: nothing bold)

    def flags(self) -> bytes:
        return self.bold if self.bold else bytes(len(self.text))

    def ranges(self) -> tuple[tuple[int, int], ...]:
        """Bold runs as ``(start, end)`` offsets, trimmed of surrounding spaces."""
        out: list[tuple[int, int]] = []
        flags = self.bold
        if not flags or 1 not in flags:
            return ()
        start = -1
        for i, flag in enumerate(flags):
            if flag and start < 0:
                start = i
            elif not flag and start >= 0:
                out.append((start, i))
                start = -1
        if start >= 0:
            out.append((start, len(flags)))
        trimmed = []
        for a, b in out:
            while a < b and self.text[a].isspace():
                a += 1
            while b > a and self.text[b - 1].isspace():
                b -= 1
            if a < b:
                trimmed.append((a, b))
        return tuple(trimmed)

    def strip(self) -> Styled:
        text = self.text
        inner = text.strip()
        if len(inner) == len(text):
            return self
        if not self.bold:
            return Styled(inner)
        a = len(text) - len(text.lstrip())
        return self.slice(a, a + len(inner))

    def slice(self, a: int, b: int) -> Styled:
        return Styled(self.text[a:b], self.bold[a:b] if self.bold else b"")


def concat(parts: Iterable[Styled]) -> Styled:
    items = list(parts)
    text = "".join(p.text for p in items)
    if not any(p.bold for p in items):
        return Styled(text)
    return Styled(text, b"".join(p.flags() for p in items))


def plain(text: str) -> Styled:
    return Styled(text)


def sub(pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str], st: Styled) -> Styled:
    """``pattern.sub`` on the text, keeping bold flags: new text takes the match's first flag."""
    if not st.bold:
        return Styled(pattern.sub(repl, st.text))
    pieces: list[str] = []
    flags: list[bytes] = []
    pos = 0
    for m in pattern.finditer(st.text):
        pieces.append(st.text[pos : m.start()])
        flags.append(st.bold[pos : m.start()])
        new = repl(m) if callable(repl) else m.expand(repl)
        flag = st.bold[m.start()] if m.start() < len(st.bold) else 0
        pieces.append(new)
        flags.append(bytes([flag]) * len(new))
        pos = m.end()
    pieces.append(st.text[pos:])
    flags.append(st.bold[pos:])
    return Styled("".join(pieces), b"".join(flags))


def parse_inline(text: str) -> Styled:
    """Read Markdown backslash escapes and ``**bold**``; everything else stays literal.

    A ``**`` without a partner is literal text, as in Markdown.
    """
    if "\\" not in text and "**" not in text:
        return Styled(text)
    pieces: list[str] = []  # the text between markers, and what each escape stands for
    toggles: list[int] = []  # positions in ``pieces`` where a ``**`` stood
    pos = 0
    for m in _INLINE.finditer(text):
        pieces.append(text[pos : m.start()])
        if m.group(1) is None:
            toggles.append(len(pieces))
        pieces.append(m.group(1) or "")  # the escaped character, or a marker's place
        pos = m.end()
    pieces.append(text[pos:])
    if len(toggles) % 2:
        pieces[toggles.pop()] = "**"
    if not toggles:
        return Styled("".join(pieces))
    flags = bytearray()
    bold = 0
    marks = set(toggles)
    for at, piece in enumerate(pieces):
        if at in marks:
            bold ^= 1
        flags += bytes([bold]) * len(piece)
    return Styled("".join(pieces), bytes(flags))
