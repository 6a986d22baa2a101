"""One article's part of a file, as the splitter hands it to :mod:`.build`."""

from __future__ import annotations

from dataclasses import dataclass

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
