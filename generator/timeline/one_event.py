"""A save that changed one event within its own lines: only that event is read again.

Under ``mkdocs serve`` a curator saves timeline.yaml after changing a title or a
quote. Composing the whole file again was most of what reading a 1,000-event
timeline still cost, though every other event's text, and its place (line and
column), is what the last read found. So when the last read of the file was clean
and the save differs from it only inside one event's lines, with as many line
breaks as before, that event's lines are composed on their own, at their place,
and read; every other event is the last read's.

Anything else is read whole: a file with problems, a change across events or
outside them, a line added or removed, an anchor, alias or tag near the change, an
event whose new text does not stand as exactly one list item, an event that now
has a problem or another id. A read that takes this path gives what reading the
whole file gives (tests/test_timeline_one_event.py holds it to that).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, replace

import yaml

from ..model import Event, Timeline
from .schema import Report
from .yamlpos import MAX_BYTES

_NOT_NEAR_A_CHANGE = ("*", "&", "!")  # aliases, anchors and tags reach beyond one event


@dataclass(frozen=True)
class Item:
    """One event of the ``events:`` list as the file writes it."""

    start: int  # where its mapping starts (after ``- ``), an offset in the text
    first_line: int  # offset of the line it starts on (the ``- `` is on it)
    end: int  # offset of the line after its last (its comments and blank lines too)
    line: int  # 0-based line of ``start``
    id: str


@dataclass(frozen=True)
class Read:
    """A clean read of the whole file: its text, what it gave, and its events' places."""

    text: str
    display: str
    timeline: Timeline
    events_line: int
    items: tuple[Item, ...]


def items_of(text: str, events: yaml.Node) -> tuple[Item, ...] | None:
    """The events' places, when every event is a mapping in a block list."""
    if not isinstance(events, yaml.SequenceNode) or events.flow_style:
        return None
    found = []
    for node in events.value:
        if not isinstance(node, yaml.MappingNode):
            return None
        ident = next((v.value for k, v in node.value if k.value == "id"), None)
        if not isinstance(ident, str):
            return None
        start, end = node.start_mark.index, node.end_mark.index
        first_line = text.rfind("\n", 0, start) + 1
        if text[first_line:start].strip() != "-":
            return None
        after = text.rfind("\n", 0, end) + 1 if end < len(text) else end
        found.append(Item(start, first_line, max(after, start), node.start_mark.line, ident))
    return tuple(found)


def read_again(
    last: Read, text: str, parse: Callable[[yaml.Node, Report], Event | None]
) -> Read | None:
    """``last`` with the one event ``text`` changed read again; None: read it whole."""
    old = last.text
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return None
    same_start = _common_prefix(old, text)
    same_end = _common_prefix(old[same_start:][::-1], text[same_start:][::-1])
    old_end, new_end = len(old) - same_end, len(text) - same_end
    changed, made = old[same_start:old_end], text[same_start:new_end]
    if changed.count("\n") != made.count("\n") or any(c in changed for c in _NOT_NEAR_A_CHANGE):
        return None
    at = bisect.bisect_right([item.start for item in last.items], same_start) - 1
    if at < 0:
        return None
    item = last.items[at]
    # Within the event's own lines: not on the next event's first line, even at its start.
    if same_start >= item.end or old_end > item.end:
        return None
    shift = len(text) - len(old)
    lines = text[item.first_line : item.end + shift]
    if any(c in lines for c in _NOT_NEAR_A_CHANGE):
        return None
    node = _compose_item(lines, item)
    if node is None:
        return None
    report = Report(last.display)
    event = parse(node, report)
    if event is None or report.diagnostics or event.id != item.id:
        return None
    events = tuple(sorted((*_others(last.timeline, item.id), event), key=Event.sort_key))
    edited = replace(item, end=item.end + shift)
    items = (*last.items[:at], edited, *(_moved(i, shift) for i in last.items[at + 1 :]))
    return replace(last, text=text, timeline=replace(last.timeline, events=events), items=items)


def _compose_item(lines: str, item: Item) -> yaml.Node | None:
    """The event's lines as a list of one item, its marks where the file has them."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(lines, Loader=loader)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    if not isinstance(root, yaml.SequenceNode) or len(root.value) != 1:
        return None
    node: yaml.Node = root.value[0]
    if not isinstance(node, yaml.MappingNode):
        return None
    # No depth check, unlike the whole file's: nesting deeper than an event's keys
    # allow is a problem its reader reports, and a problem sends the file to be read whole.
    _place(node, item.line, item.first_line)
    return node


def _place(node: yaml.Node, line: int, offset: int) -> None:
    """Every mark of ``node`` moved ``line`` lines and ``offset`` characters down."""
    stack = [node]
    while stack:
        part = stack.pop()
        part.start_mark = _moved_mark(part.start_mark, line, offset)
        part.end_mark = _moved_mark(part.end_mark, line, offset)
        if isinstance(part, yaml.MappingNode):
            stack.extend(x for pair in part.value for x in pair)
        elif isinstance(part, yaml.SequenceNode):
            stack.extend(part.value)


def _moved_mark(mark: yaml.Mark, line: int, offset: int) -> yaml.Mark:
    return yaml.Mark(mark.name, mark.index + offset, mark.line + line, mark.column, None, 0)


def _moved(item: Item, shift: int) -> Item:
    first_line, start, end = item.first_line + shift, item.start + shift, item.end + shift
    return replace(item, start=start, first_line=first_line, end=end)


def _others(timeline: Timeline, event_id: str) -> list[Event]:
    return [event for event in timeline.events if event.id != event_id]


def _common_prefix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their start (halving: each step is
    one comparison of whole slices, so a 1 MB text takes about twenty)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low
