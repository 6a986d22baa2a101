"""Long iCalendar content lines folded on bytes (RFC 5545 §3.1), as ``icalendar`` folds them.

The library folds a line character by character, encoding each one to count its octets;
a calendar's descriptions are long lines of Chinese (three octets a character), and at
10,000 events that loop was a third of what the calendar cost. :func:`fold` cuts the
line's UTF-8 bytes at the same places.
"""

from __future__ import annotations

# A folded piece is at most 74 octets: the library starts a new piece before a
# character that would bring a piece to 75.
PIECE_OCTETS = 74
_FOLD = b"\r\n "
# Never the last octet of a piece: a TEXT escape (``\,``) or an RFC 6868 parameter
# escape (``^n``) split over two lines confuses some clients (the library does the same).
_ESCAPES = frozenset(b"\\^")


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
