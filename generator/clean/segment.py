"""One article's part of a file, as the splitter hands it to :mod:`.build`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .chars import ends_sentence
from .lines import Line
from .meta import Byline


@dataclass
class Segment:
    """The lines of one article, with its headline group if it has one."""

    lines: list[Line]
    head: list[Line]
    byline: Byline | None = None
    byline_line: Line | None = None
    head_first: bool = True


def shaped_above(
    lines: Sequence[Line], at: int, most: int, shaped: Callable[[Line], bool], short: float
) -> list[Line]:
    """Up to ``most`` lines right above index ``at`` (blank lines between) that ``shaped``
    accepts, topmost first. Only the bottom line of a headline may end with ！ or ？, and
    only when it is at most ``short`` wide."""
    head: list[Line] = []
    j = at - 1
    while j >= 0 and len(head) < most:
        line = lines[j]
        if line.blank:
            j -= 1
            continue
        if not shaped(line) or (ends_sentence(line.text) and (head or line.width > short)):
            break
        head.insert(0, line)
        j -= 1
    return head
