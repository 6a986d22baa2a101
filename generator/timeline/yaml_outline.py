"""The outline of a broken YAML file up to its error: keys and ``- `` items, by column.

PyYAML says where it gave up; to say what is wrong the wording needs what a
reader sees above that place: which ``key:`` or ``- `` each indentation belongs
to, whether a key already has its value on its line, which lines are inside a
multi-line quoted text. That comes from PyYAML's own scanner (the tokens it read
before the error), never from guessing at the lines with patterns, so a ``#``
or a ``key:`` inside quotes is text, as it is for the parser.

Lines and columns here are 0-based, as in PyYAML's marks.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from ..messages import Message

# The line breaks PyYAML counts (its marks' line numbers follow these).
_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_FLOW_OPEN = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)
_FLOW_CLOSE = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)
# What may follow `key:` on its line that is the whole value (nothing can nest under it).
_VALUES = (yaml.ScalarToken, yaml.AliasToken, *_FLOW_OPEN)
_DECORATIONS = (yaml.AnchorToken, yaml.TagToken)


Said = tuple[int, int, Message]  # 1-based line and column, and the message


def at(mark: Any) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def short(value: str, limit: int = 24) -> str:
    """A value as the curator wrote it, without a trailing comment, cut to ``limit``."""
    value = re.sub(r"\s+#.*$", "", value).strip()
    return value if len(value) <= limit else value[:limit] + "…"


@dataclass(frozen=True)
class Entry:
    """One ``key:`` or ``- `` of a block collection, where it starts."""

    line: int
    col: int
    dash: bool  # a `- ` list item, else a `key:`
    key: str  # the key; for a `- `, the first key of its item ("" if none)
    has_value: bool = False  # `key: value` on one line: nothing can be indented under it


@dataclass(frozen=True)
class Site:
    """One PyYAML error, the file it happened in and the outline above it."""

    problem: str  # PyYAML's problem, on one line
    context: str  # what PyYAML was reading, on one line ("" if it did not say)
    at: Any  # the yaml.Mark where PyYAML gave up, or None
    opened: Any  # the yaml.Mark of what it was reading (a quote, a bracket, a key), or None
    lines: list[str]
    tokens: list[Any]
    outline: list[Entry]

    @classmethod
    def of(cls, err: yaml.MarkedYAMLError, text: str) -> Site:
        mark = err.problem_mark or err.context_mark
        tokens = scan(text, mark.line if mark else 0)
        return cls(
            problem=" ".join((err.problem or "").split()),
            context=" ".join((err.context or "").split()),
            at=err.problem_mark,
            opened=err.context_mark,
            lines=source_lines(text),
            tokens=tokens,
            outline=entries(tokens),
        )

    @property
    def line(self) -> int:
        """The line PyYAML stopped on."""
        mark = self.at or self.opened
        return int(mark.line) if mark is not None else 0

    def text(self, line: int) -> str:
        return self.lines[line] if 0 <= line < len(self.lines) else ""

    def before(self) -> Any:
        """The token that ends where PyYAML gave up (or just before it), or None."""
        return token_before(self.tokens, self.at.index) if self.at is not None else None

    def levels(self, line: int) -> list[Entry]:
        return open_levels(self.outline, line)


def source_lines(text: str) -> list[str]:
    return _BREAKS.split(text)


def indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def starts_item(line: str) -> bool:
    """Whether the line's first mark is a ``- `` (a list item)."""
    rest = line.lstrip(" ")
    return rest.startswith("-") and rest[1:2] in ("", " ", "\t")


def scan(text: str, until_line: int) -> list[Any]:
    """PyYAML's tokens up to ``until_line``, including those read just before an error."""
    tokens: list[Any] = []
    loader: yaml.SafeLoader | None = None
    try:
        loader = yaml.SafeLoader(text)
        while loader.check_token():
            token = loader.get_token()  # type: ignore[no-untyped-call]
            tokens.append(token)
            if token.start_mark.line > until_line:
                break
    except yaml.YAMLError:
        tokens.extend(loader.tokens if loader is not None else ())
    finally:
        if loader is not None:
            loader.dispose()
    return tokens


def entries(tokens: Sequence[Any]) -> list[Entry]:
    """Every block ``key:`` and ``- `` in file order (keys inside ``[…]``/``{…}`` are not)."""
    found: list[Entry] = []
    flow = 0
    for number, token in enumerate(tokens):
        if isinstance(token, _FLOW_OPEN):
            flow += 1
        elif isinstance(token, _FLOW_CLOSE):
            flow = max(0, flow - 1)
        elif flow == 0 and isinstance(token, (yaml.BlockEntryToken, yaml.KeyToken)):
            found.append(_entry(tokens, number))
    return found


def _entry(tokens: Sequence[Any], number: int) -> Entry:
    token = tokens[number]
    line, col = token.start_mark.line, token.start_mark.column
    if isinstance(token, yaml.BlockEntryToken):
        return Entry(line, col, True, _item_key(tokens[number + 1 : number + 4], line))
    after = list(tokens[number + 1 : number + 5])
    key = after[0].value if after and isinstance(after[0], yaml.ScalarToken) else ""
    value = [t for t in after[2:] if not isinstance(t, _DECORATIONS)][:1]
    has_value = len(after) > 1 and isinstance(after[1], yaml.ValueToken)
    return Entry(line, col, False, key, has_value and bool(value) and isinstance(value[0], _VALUES))


def _item_key(following: Sequence[Any], line: int) -> str:
    """The key of ``- key: …`` (from the tokens after the ``-``), "" for other items."""
    for before, token in itertools.pairwise(following):
        if isinstance(before, yaml.KeyToken) and isinstance(token, yaml.ScalarToken):
            return str(token.value) if token.start_mark.line == line else ""
    return ""


def open_levels(found: Sequence[Entry], line: int) -> list[Entry]:
    """The keys and items still open at ``line``, innermost first: what its indentation
    can line up with. A list may sit at its key's own column (``sources:`` / ``- …``)."""
    levels: list[Entry] = []
    for entry in reversed([e for e in found if e.line < line]):
        limit = levels[-1].col if levels else None
        indentless = bool(levels) and levels[-1].dash and not entry.dash
        if limit is None or entry.col < limit or (indentless and entry.col == limit):
            levels.append(entry)
    return levels


def inside_text(tokens: Sequence[Any]) -> set[int]:
    """Lines that continue a multi-line quoted or ``|``/``>`` text: not YAML structure."""
    lines: set[int] = set()
    for token in tokens:
        if isinstance(token, yaml.ScalarToken) and not token.plain:
            lines.update(range(token.start_mark.line + 1, token.end_mark.line + 1))
    return lines


def token_before(tokens: Sequence[Any], index: int) -> Any:
    """The last token with any width that ends at or before the character ``index``."""
    found = None
    for token in tokens:
        start, end = token.start_mark.index, token.end_mark.index
        if end > start and end <= index:
            found = token
    return found


def key_of(tokens: Sequence[Any], token: Any) -> str | None:
    """The key whose value ``token`` is (``title`` for the ``武汉`` of ``title: 武汉``)."""
    number = next((i for i, t in enumerate(tokens) if t is token), 0)
    before = [t for t in tokens[:number] if not isinstance(t, _DECORATIONS)]
    if not before or not isinstance(before[-1], yaml.ValueToken):
        return None
    key = before[-2] if len(before) > 1 else None
    return str(key.value) if isinstance(key, yaml.ScalarToken) else ""
