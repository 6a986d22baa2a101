"""Events read again from an unchanged stretch of timeline.yaml are not parsed again.

Under ``mkdocs serve`` each save reads the whole file, and a save changes a few events
of thousands: reading each event's nodes into an :class:`~generator.model.Event` (and its
diagnostics) was half of what reading a 1,000-event timeline cost. An event's result
is a function of its own text and where that text starts (every position in a
diagnostic follows from those), so it is kept under that key, for the next read only.
An event holding an alias (``*name``) shows text from elsewhere in the file: it is
always parsed.
"""

from __future__ import annotations

from collections.abc import Callable

import yaml

from ..kept import Kept
from ..model import Diagnostic, Event
from .schema import Report

Key = tuple[str, int, int, str]  # (file shown, line, column, the event's text)
Parsed = tuple[Event | None, tuple[Diagnostic, ...], int]  # event, its diagnostics, errors


class Reread:
    def __init__(self) -> None:
        self.kept: Kept[Key, Parsed] = Kept()  # the last read's events

    def begin(self) -> None:
        self.kept.begin()

    def event(
        self,
        item: yaml.Node,
        report: Report,
        text: str,
        parse: Callable[[yaml.Node, Report], Event | None],
    ) -> Event | None:
        """``parse(item, report)``, or what it gave the last read for the same text."""
        start, end = item.start_mark, item.end_mark
        source = text[start.index : end.index] if text else ""
        if not source or "*" in source:
            return parse(item, report)
        key = (report.file, start.line, start.column, source)
        found = self.kept.find(key)[0]
        if found is None:
            shown, errors = len(report.diagnostics), report.errors
            event = parse(item, report)
            found = (event, tuple(report.diagnostics[shown:]), report.errors - errors)
        else:
            report.diagnostics.extend(found[1])
            report.errors += found[2]
        self.kept.keep(key, found)
        return found[0]
