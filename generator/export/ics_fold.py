"""A component's iCalendar bytes, with its long lines folded on bytes.

``icalendar`` builds and escapes the content lines; this writes them out as its
``to_ical`` does, byte for byte. Only the folding (RFC 5545 §3.1) is done here: the
library folds a line character by character, encoding each one to count its octets,
and a calendar's descriptions are long lines of Chinese (three octets a character).
At 10,000 events that loop was a third of what the calendar cost.
"""

from __future__ import annotations

from icalendar.cal.component import Component

# A folded piece is at most 74 octets: the library starts a new piece before a
# character that would bring a piece to 75.
PIECE_OCTETS = 74
_FOLD = b"\r\n "
# Never the last octet of a piece: a TEXT escape (``\,``) or an RFC 6868 parameter
# escape (``^n``) split over two lines confuses some clients (the library does the same).
_ESCAPES = frozenset(b"\\^")


def folded_ical(component: Component) -> bytes:
    """``component.to_ical()``: sorted properties, CRLF line ends, lines folded."""
    lines = component.content_lines(sorted=True)
    return b"\r\n".join(fold(str(line).encode("utf-8")) for line in lines if line) + b"\r\n"


def fold(line: bytes) -> bytes:
    """One content line (UTF-8) in pieces of at most :data:`PIECE_OCTETS` octets, never
    cutting a character or ending a piece on an escape's first character."""
    if len(line) <= PIECE_OCTETS:
        return line
    pieces = []
    start = 0
    while len(line) - start > PIECE_OCTETS:
        end = start + PIECE_OCTETS
        while line[end] & 0xC0 == 0x80:  # a continuation octet: back to the character's start
            end -= 1
        if line[end - 1] in _ESCAPES:
            end -= 1
        pieces.append(line[start:end])
        start = end
    pieces.append(line[start:])
    return _FOLD.join(pieces)
