"""The domain model shared by every stage of the pipeline.

Stages pass these frozen values along: ``read`` makes :class:`RawText`, ``clean``
makes :class:`Article`, the timeline loader makes :class:`Timeline`, ``validate``
resolves each :class:`SourceRef` to the passage it quotes, and ``render`` and
``export`` only read. Nothing here imports MkDocs or touches the file system.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from .messages import ENGLISH, Message, text

Severity = Literal["error", "warning"]
Precision = Literal["year", "month", "day"]
BlockKind = Literal["paragraph", "heading", "item", "quote", "figure"]
EntityKind = Literal["person", "organization", "place"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem in one input file, printed GCC style so editors and CI annotate it."""

    file: str
    line: int
    col: int
    said: str | Message  # a Message can be shown in the site's language
    severity: Severity = "error"

    @property
    def message(self) -> str:
        """The message in English."""
        return text(self.said)

    def render(self, language: str = ENGLISH) -> str:
        """``file:line:col: severity: message``, the message in ``language``; the prefix
        stays the same in every language so editors can jump to it."""
        return f"{self.file}:{self.line}:{self.col}: {self.severity}: {text(self.said, language)}"

    def __str__(self) -> str:
        return self.render()


class InputError(Exception):
    """Bad input: carries every diagnostic found, never a traceback for the user."""

    def __init__(self, diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))

    def __reduce__(self) -> tuple[type[InputError], tuple[tuple[Diagnostic, ...]]]:
        # Rebuilt from its diagnostics when a cleaning worker process sends it back.
        return (InputError, (self.diagnostics,))


@dataclass(frozen=True)
class RawText:
    """A source file, decoded. ``text`` uses ``\\n`` line ends and has no BOM."""

    path: str  # as shown to the user in messages (relative where possible)
    name: str  # file name, e.g. ``000_b4a2.txt``; the raw file is published under it
    stem: str
    text: str
    encoding: str
    sha256: str


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day, possibly approximate."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not 1-12")
        if self.day is not None and self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"{self.year}-{self.month:02d} has no day {self.day}")

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        """``2020``, ``2020-02`` or ``2020-02-05``: the date at its own precision."""
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
        if self.day is not None:
            out += f"-{self.day:02d}"
        return out

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def zh(self) -> str:
        """Chinese display at the date's precision: ``2020年2月``, ``约2020年2月5日``."""
        out = f"{self.year}年"
        if self.month is not None:
            out += f"{self.month}月"
        if self.day is not None:
            out += f"{self.day}日"
        return ("约" + out) if self.approximate else out

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)


@dataclass(frozen=True)
class Block:
    """One unit of an article body: a paragraph, a heading, a list item, a quotation or
    (from a web page) a figure, which holds only its caption: images are never linked.

    ``text`` is plain text, never Markdown, on one line. Consecutive ``item`` blocks
    form one list. ``strong`` holds bold ranges as offsets into ``text`` (from
    ``**...**`` in the source). ``anchor`` (``p1``, ``p2``, ... numbered over the
    non-heading blocks; ``""`` for headings, which get Unicode slugs) is stable for
    the same cleaned text, so events can deep-link to the passage.
    """

    kind: BlockKind
    text: str
    anchor: str
    strong: tuple[tuple[int, int], ...] = ()
    level: int = 2
    lines: tuple[int, ...] = ()


# The reason of text the curator cut with ``drop:`` in timeline.yaml; the report
# offers to put it back by deleting that item rather than by adding a ``keep:``.
CURATOR = "curator"
# Reasons of the report rows that say where a web page declared its date and site name
# (used over the text's); they name markup, not text that could be put back.
WEB_DATE = "web-date"
WEB_SITE = "web-site"
METADATA_REASONS = (WEB_DATE, WEB_SITE)


def numbered(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """``blocks`` with anchors numbered ``p1``, ``p2``... over the non-headings (headings
    have none), as every stage that adds or removes blocks must leave them."""
    out: list[Block] = []
    n = 0
    for block in blocks:
        anchor = ""
        if block.kind != "heading":
            n += 1
            anchor = f"p{n}"
        out.append(block if block.anchor == anchor else replace(block, anchor=anchor))
    return tuple(out)


@dataclass(frozen=True)
class Dropped:
    """An input line left out of the article, and why (``caption``, ``promo``, ...;
    :data:`CURATOR` for text cut by the curator)."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    file: str  # the raw file's name (RawText.name)
    blocks: tuple[Block, ...]
    dropped: tuple[Dropped, ...] = ()
    author: str | None = None
    publication: str | None = None
    date: PartialDate | None = None
    url: str | None = None
    script: Literal["hans", "hant"] = "hans"
    index: int = 1  # position of the article within its file, from 1

    @property
    def plain_text(self) -> str:
        return "\n\n".join(block.text for block in self.blocks)


@dataclass(frozen=True)
class Span:
    """A quoted passage located in an article: ``text[start:end]`` of block ``anchor``."""

    anchor: str
    start: int
    end: int


@dataclass(frozen=True)
class SourceRef:
    article: str
    quote: str
    line: int = 0  # where the source sits in timeline.yaml (1-based), 0 if unknown
    col: int = 0
    spans: tuple[Span, ...] = ()  # filled in by validation: where the quote is
    # Where the quote's own text starts in timeline.yaml (after an opening quote mark; a
    # block scalar's first line, column 0 until validation reads that line's indent).
    quote_line: int = 0
    quote_col: int = 0

    @property
    def anchor(self) -> str | None:
        return self.spans[0].anchor if self.spans else None


@dataclass(frozen=True)
class Entity:
    kind: EntityKind
    name: str


@dataclass(frozen=True)
class Event:
    id: str
    date: PartialDate
    title: str
    sources: tuple[SourceRef, ...]
    end: PartialDate | None = None
    summary: str = ""  # Markdown, written by the curator
    tags: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()
    line: int = 0  # line of the event in timeline.yaml, for "edit this event"
    # The day the curator added the event to the timeline (``added:``), so feed readers
    # can show a new event as new even when it happened long ago; None if not given.
    added: dt.date | None = None

    def sort_key(self) -> tuple[tuple[int, int, int], str]:
        return (self.date.sort_key(), self.id)


@dataclass(frozen=True)
class Correction:
    """One ``keep:`` or ``drop:`` item of an override, with where it is in timeline.yaml."""

    text: str
    line: int = 0
    col: int = 0


@dataclass(frozen=True)
class ArticleOverride:
    """Curator's corrections to an article, from ``articles:`` in the timeline.

    Besides metadata: ``keep`` names lines the cleaner dropped that belong in the
    body, ``drop`` names text in the body that does not (see ``timeline.corrections``).
    """

    id: str
    title: str | None = None
    author: str | None = None
    publication: str | None = None
    date: PartialDate | None = None
    url: str | None = None
    line: int = 0
    keep: tuple[Correction, ...] = ()
    drop: tuple[Correction, ...] = ()


@dataclass(frozen=True)
class Timeline:
    path: str
    events: tuple[Event, ...] = ()
    overrides: tuple[ArticleOverride, ...] = ()


@dataclass(frozen=True)
class Corpus:
    """Everything the site is made of, validated: what ``render`` and ``export`` read."""

    articles: tuple[Article, ...]
    timeline: Timeline
    warnings: tuple[Diagnostic, ...] = field(default=())

    @property
    def events(self) -> tuple[Event, ...]:
        return self.timeline.events
