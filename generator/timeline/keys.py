"""The keys of timeline.yaml and where each set of keys belongs.

One table for the schema (which keys a mapping may hold) and for the wording of
YAML errors (which keys a mis-indented line should line up with, and whether a
``- `` starts an item of a list or was typed by mistake before a key).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TOP_KEYS = ("events", "articles")
EVENT_KEYS = (
    "id",
    "added",
    "date",
    "end",
    "approximate",
    "title",
    "summary",
    "tags",
    "entities",
    "sources",
)
EVENT_REQUIRED = ("id", "date", "title", "sources")
SOURCE_KEYS = ("article", "quote")
ENTITY_KEYS = ("people", "organizations", "places")
OVERRIDE_KEYS = ("title", "author", "publication", "date", "url", "keep", "drop")

# A list's key -> the keys of each of its items (a list of mappings, one `- ` each).
ITEM_KEYS: dict[str, tuple[str, ...]] = {"events": EVENT_KEYS, "sources": SOURCE_KEYS}
# A mapping's key -> its keys (no `- ` before them). `articles:` holds article ids.
MAPPING_KEYS: dict[str, tuple[str, ...]] = {"entities": ENTITY_KEYS}

ALL_KEYS = frozenset(TOP_KEYS + EVENT_KEYS + SOURCE_KEYS + ENTITY_KEYS + OVERRIDE_KEYS)


def list_holding(keys: set[str] | frozenset[str]) -> str | None:
    """The list whose items are mappings with these keys (``sources`` for article/quote)."""
    for name, item_keys in ITEM_KEYS.items():
        if keys and keys <= set(item_keys):
            return name
    return None


@dataclass(frozen=True)
class Slip:
    """``title 武汉``, ``title：武汉``, ``date:2020-01-23``: a `key: value` mistyped, so
    YAML reads the whole line as text."""

    kind: str  # one of SLIPS' kinds
    key: str
    value: str
    col: int  # 0-based, in the text: where the colon, or its missing space, goes

    @property
    def fixed(self) -> str:
        return f"{self.key}: {self.value}"


# (kind, pattern, only for the timeline's own keys): the first match is the slip.
SLIPS = (
    ("full-width colon", re.compile(r"(?P<key>[^\s:：]+?)[ \t]*(?P<at>：)\s*(?P<value>.*)"), False),
    ("no space", re.compile(r"(?P<key>[A-Za-z_][\w-]*):(?P<at>)(?P<value>[^\s:].*)"), True),
    ("no colon", re.compile(r"(?P<key>[A-Za-z_][\w-]*)(?P<at>)[ \t]+(?P<value>[^\s:#].*)"), True),
)


def slip(text: str) -> Slip | None:
    for kind, pattern, known_only in SLIPS:
        found = pattern.fullmatch(text.rstrip())
        if found and (found["key"] in ALL_KEYS or not known_only):
            return Slip(kind, found["key"], found["value"].strip(), found.start("at"))
    return None
