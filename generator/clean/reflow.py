"""Joining hard-wrapped lines back into paragraphs.

A page scanned from print is wrapped at the column width, and OCR adds blank
lines where it split blocks, not where paragraphs end. The column width of a file
is estimated as the most common line width. In a wrapped file a line continues
into the next one (across blank lines too) unless it ends a sentence; a line that
ends a sentence closes the paragraph when a blank line follows, when it is
clearly shorter than the column or narrower than the full lines of a ragged one (the
last line of a paragraph), or when the next line opens a quotation. A short line
without a sentence end, standing alone between blank lines, is not wrapped text at
all: it may be a heading.

A wrapped page whose paragraphs open with an indent (``　　``) is read by its indents:
an indented line opens a paragraph, an unindented one runs on in the paragraph above
it, even after a sentence that ends at the column's edge.

Files with one paragraph per line (web copy) keep their lines apart; only a line
that stops mid-word after at least one full sentence (a paragraph cut in two by a
stray blank line), or Latin text broken mid-sentence, is joined to the next.
Rejoined lines get a space only between two Latin words or numbers; a word the
column hyphenated (``fac-`` / ``tory``) and a number it split at its point (``3.`` /
``5%``) close up.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .chars import CLAUSE, CLOSERS, FINAL, OPENERS, balanced, ends_sentence, han_count, is_cjk
from .lines import Line
from .meta import parse_byline
from .text import Styled, concat

_MAX_WRAP = 45  # a wider "column" is not a column
_MIN_WRAPPED = 12  # fewer lines than this tell nothing about wrapping
_CLAUSE_LINE = 30  # a line this wide, with a clause in it, is not a heading or a caption
_HEADING_SHARE = 0.75  # of the column: a line no wider, over text, is a heading
# A line opening with these continues the one above (a word or sentence cut by the wrap).
_NO_START = CLAUSE | FINAL | CLOSERS
_CLOSING = frozenset("”」』’")  # a quotation closing with the sentence: ``……机’”。``
_MIN_INDENTED = 3  # indented paragraphs, and lines running on, that show the style
_RUN_ON = 0.5  # share of the unindented lines that run on from the line above
# Of the lines that wrap mid-sentence (full lines all), the share allowed to measure
# narrower than the rest (digits and Latin count half): the others give the narrowest
# width of a full line.
_ODD_WRAPS = 0.1
# Roles of lines that are text: a lead opening it, a kicker or subtitle (``deck``).
_BODY_ROLES = ("", "body", "lead", "deck")
# A word the column hyphenated (``inter-`` / ``national``): two lowercase letters or more
# before the hyphen. One letter is a prefix (``e-commerce``), capitals a name
# (``COVID-19``): their hyphen is the word's own.
_SOFT_HYPHEN = re.compile(r"(?<![A-Za-z])[a-z]{2,}-$")
_DECIMAL_POINT = re.compile(r"\d\.$")  # ``3.`` / ``5%``: a number the column split


@dataclass(frozen=True)
class Layout:
    wrapped: bool
    column: float  # typical line width (0 when not wrapped)
    indented: bool = False  # paragraphs open with an indent, their other lines do not
    narrow: float = 0  # a wrapped line narrower than this is no full line of the column

    @property
    def short(self) -> float:
        """Lines at most this wide are clearly shorter than the column."""
        return self.column - 3 if self.wrapped else 0


def measure(lines: Sequence[Line]) -> Layout:
    """Is the file hard-wrapped, and at what width?

    Wrapped: most lines reach 80% of the widest ones (the 90th percentile, at most
    ``_MAX_WRAP``), and most lines stop mid-sentence. The column is the most
    common width among those full lines.
    """
    text = [ln for ln in lines if ln.live and ln.kind == "text" and ln.width >= 4]
    if len(text) < _MIN_WRAPPED:
        return Layout(False, 0)
    widths = sorted(round(ln.width) for ln in text)
    top = widths[(9 * (len(widths) - 1)) // 10]
    full = [w for w in widths if w >= 0.8 * top]
    open_ended = sum(1 for ln in text if not ends_sentence(ln.text))
    if top > _MAX_WRAP or len(full) < 0.6 * len(widths) or open_ended < 0.5 * len(text):
        return Layout(False, 0, _indented(lines))
    counts = Counter(full)
    column = float(max(counts, key=lambda w: (counts[w], w)))
    short = Layout(True, column).short
    return Layout(True, column, _indented(lines), _narrowest(lines, short))


def _narrowest(lines: Sequence[Line], short: float) -> float:
    """How narrow a full line of a ragged column gets (an OCR'd column often is): the
    lines that run on mid-sentence into the next one are full lines, and all but the odd
    few of them are at least this wide. Lines clearly shorter than the column that run
    on (a headline's, a caption's) say nothing of it."""
    widths = sorted(
        line.width
        for line, after in itertools.pairwise(lines)
        if line.live
        and after.live
        and line.kind == after.kind == "text"
        and line.width > short
        and not after.indent
        and not ends_sentence(line.text)
    )
    return widths[int(_ODD_WRAPS * len(widths))] if widths else 0


def _indented(lines: Sequence[Line]) -> bool:
    """Columns, wrapped or too wide to measure, that mark each paragraph with an indent:
    most unindented lines run on from a line right above that ends no sentence."""
    text = [ln for ln in lines if ln.live and ln.kind == "text"]
    indented = sum(1 for ln in text if ln.indent)
    plain = [ln for ln in text if not ln.indent]
    above = {ln.no: ln for ln in text}
    running = sum(
        1
        for ln in plain
        if (prev := above.get(ln.no - 1)) is not None and not ends_sentence(prev.text)
    )
    return indented >= _MIN_INDENTED and running >= max(_MIN_INDENTED, _RUN_ON * len(plain))


@dataclass(eq=False)
class Unit:
    """A paragraph, list item, quotation or heading in the making."""

    kind: str  # text, item, quote, heading
    lines: list[Line] = field(default_factory=list)
    level: int = 2

    @property
    def text(self) -> str:
        return "".join(ln.text for ln in self.lines)

    def styled(self) -> Styled:
        parts: list[Styled] = []
        for prev, line in zip([None, *self.lines], self.lines, strict=False):
            if prev is not None and _SOFT_HYPHEN.search(prev.text) and line.text[:1].islower():
                parts[-1] = parts[-1].slice(0, len(parts[-1].text) - 1)  # ``fac-`` + ``tory``
            elif prev is not None and _needs_space(prev.text, line.text):
                parts.append(Styled(" "))
            parts.append(line.styled)
        return concat(parts)

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(ln.no for ln in self.lines)


def units(body: Sequence[Line], layout: Layout, markdown: bool = False) -> list[Unit]:
    """Group body lines (in file order, blank and dropped lines included) into units."""
    out: list[Unit] = []
    gap = 0
    current: Unit | None = None
    for line in body:
        if not line.live or line.role not in _BODY_ROLES:
            gap += 1
            continue
        if current is not None and _joins(current, line, gap, layout, markdown):
            current.lines.append(line)
        else:
            kind = "text" if line.kind == "title" else line.kind
            current = Unit(
                "deck" if line.role == "deck" else kind, [line], max(2, min(line.level, 3))
            )
            out.append(current)
        gap = 0
    return out


def _joins(unit: Unit, line: Line, gap: int, layout: Layout, markdown: bool) -> bool:
    prev = unit.lines[-1]
    if unit.kind == "deck" or line.role == "deck":
        # A kicker or subtitle printed with the headline: a paragraph of its own.
        return unit.kind == "deck" and line.role == "deck" and gap == 0
    if line.kind not in ("text", "quote") or unit.kind == "heading":
        return False
    if line.kind == "quote" or unit.kind == "quote":
        return line.kind == unit.kind == "quote" and gap == 0
    if markdown:
        return gap == 0
    text = prev.text
    if layout.wrapped:
        if layout.indented and line.indent:
            return False  # an indent opens a paragraph
        if layout.indented and unit.kind == "text" and unit.lines[0].indent:
            return _runs_on(prev, line, gap, layout)
        if ends_sentence(text):
            # A sentence end closes the paragraph after a blank line, on a short
            # line, or where one quotation ends and another opens; a full line just
            # wraps on (a quotation also opens after a sentence inside a paragraph).
            quotes = line.text[:1] in OPENERS and any(c in _CLOSING for c in text[-2:])
            return not (gap or last_line(prev, layout) or quotes)
        if text[-1:] in "：:" and prev.width <= layout.short:
            return False
        return not (standalone(unit, gap, layout) or _heading_over(unit, line, layout))
    if layout.indented and not gap and not line.indent and unit.lines[0].indent:
        return unit.kind == "text"  # an indent opens a paragraph; other lines run on
    # One paragraph per line: only repair a paragraph cut in two mid-word, after at
    # least one full sentence (so a caption or heading is never glued to the text),
    # or Latin text wrapped mid-sentence.
    last = text[-1:]
    if unit.kind != "text" or not (last.isalnum() or last in "，,、;-"):
        return False
    if not gap and (last in "，,、" or (_latin(text) and _latin(line.text))):
        return True  # a line that stops on a comma goes on in the next one
    if gap > 1 or parse_byline(line.text) is not None:
        return False  # more than a stray blank line between, or a byline: not one paragraph
    # A paragraph already running over several lines (wrapped by a reader view) goes on
    # where its line breaks off mid-word after a clause (``…不少店主对此表`` / ``示支持。``).
    clause = not gap and len(unit.lines) > 1 and any(ch in CLAUSE for ch in text)
    clause = clause and prev.width >= _CLAUSE_LINE
    return _has_sentence(text) or prev.width > 60 or clause


def last_line(line: Line, layout: Layout) -> bool:
    """Clearly shorter than the column, or narrower than any full line of a ragged one:
    a wrapped paragraph's last line, when it ends a sentence."""
    return line.width <= layout.short or line.width < layout.narrow


def _runs_on(prev: Line, line: Line, gap: int, layout: Layout) -> bool:
    """An unindented line under a paragraph an indent opened: it runs on, but not after
    a paragraph's last line (an indent OCR lost), a blank line, or into a subheading
    set between paragraphs (short, no clause: such a line of text would close one)."""
    if not ends_sentence(prev.text):
        return True
    if gap or last_line(prev, layout):
        return False
    heading = heading_shaped(line.text) and not any(ch in CLAUSE for ch in line.text)
    return not (heading and line.width <= layout.short)


def _latin(text: str) -> bool:
    return len(text.encode("ascii", "ignore")) >= 0.7 * len(text)


def standalone(unit: Unit, gap_after: int, layout: Layout) -> bool:
    """A single short line between blank lines in a wrapped file: not body text."""
    if len(unit.lines) != 1 or not gap_after:
        return False
    line = unit.lines[0]
    return line.width <= layout.short and heading_shaped(line.text)


def _heading_over(unit: Unit, line: Line, layout: Layout) -> bool:
    """A short heading set right over its text (no blank line between): a wrapped
    paragraph never opens with a line much shorter than the column (its indent, lost
    to OCR, takes two characters only)."""
    if len(unit.lines) != 1 or unit.kind != "text" or line.text[:1] in _NO_START:
        return False
    text = unit.lines[0].text
    short = unit.lines[0].width <= _HEADING_SHARE * layout.column
    return short and heading_shaped(text) and not any(ch in CLAUSE for ch in text)


def heading_shaped(text: str) -> bool:
    """Could be a heading: no sentence end, no trailing comma, balanced, some Han."""
    if ends_sentence(text) or text[-1:] in CLAUSE or not balanced(text):
        return False
    if text[:1] in "*※" or text.startswith("注"):
        return False  # a note, not a heading
    return han_count(text) >= 2 and not _has_sentence(text)


def _has_sentence(text: str) -> bool:
    """A sentence ends somewhere inside the text (not counting its very end)."""
    return any(ch in "。！？；;" for ch in text.rstrip()[:-1])


def _needs_space(left: str, right: str) -> bool:
    """Rejoining a wrapped line: a space only between two Latin words or numbers."""
    a, b = left[-1:], right[:1]
    if not a or not b or is_cjk(a) or is_cjk(b):
        return False
    if a == "-" and len(left) > 1 and left[-2].isalpha():
        return False  # a hyphenated word wrapped at its hyphen
    if b.isdigit() and _DECIMAL_POINT.search(left):
        return False  # a decimal number wrapped at its point
    return not a.isspace() and not b.isspace()
