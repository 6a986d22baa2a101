"""What the curator wrote, in words, for the ``got …`` of a message: ``got a list``.

When the shape is a known slip the words say what to type: a ``- `` missing
before the first key of a source (``sources:`` holding a mapping), ``- `` typed
before keys (``entities:`` holding a list), a ``key: value`` that YAML read as
one text because its colon is full-width, missing or without its space.
"""

from __future__ import annotations

from collections.abc import Callable

import yaml

from ..messages import Message, say
from .keys import ITEM_KEYS, MAPPING_KEYS, Slip, slip

_CORE = "tag:yaml.org,2002:"
_SCALAR_NAMES = {
    _CORE + "null": say("nothing (an empty value)"),
    _CORE + "int": say("an integer"),
    _CORE + "float": say("a number"),
    _CORE + "bool": say("a boolean"),
    _CORE + "timestamp": say("a date"),
}
_LONGEST = 40  # characters of the curator's text shown in a message


def type_name(node: yaml.Node) -> Message:
    """What ``node`` is, in words (``a list``), with the fix when it is a known slip."""
    if isinstance(node, yaml.MappingNode):
        return _mapping(node) if node.value else say("an empty mapping")
    if isinstance(node, yaml.SequenceNode):
        return _sequence(node) if node.value else say("an empty list")
    if node.tag in _SCALAR_NAMES:
        return _SCALAR_NAMES[node.tag]
    found = slip(node.value) if "\n" not in node.value.strip() else None
    return say("a string") if found is None else SLIPS[found.kind](node.value.strip(), found)


def _mapping(node: yaml.MappingNode) -> Message:
    """A mapping whose keys are those of a list's items lacks the item's ``- ``."""
    keys = {key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)}
    for item_keys in ITEM_KEYS.values():
        if item_keys[0] in keys and keys <= set(item_keys):
            return say(
                "a mapping; a list item starts with `- ` before its first key: `- {key}: …`",
                key=item_keys[0],
            )
    return say("a mapping")


def _sequence(node: yaml.SequenceNode) -> Message:
    """A list of one-key mappings whose keys belong to a mapping has a ``- `` too many."""
    keys = [
        key.value
        for item in node.value
        if isinstance(item, yaml.MappingNode) and len(item.value) == 1
        for key, _ in item.value
        if isinstance(key, yaml.ScalarNode)
    ]
    mapping_keys = {key for keys in MAPPING_KEYS.values() for key in keys}
    if len(keys) == len(node.value) and set(keys) <= mapping_keys:
        return say(
            "a list; `{key}` is a key, not a list item: write `{key}: …` without the `- `",
            key=keys[0],
        )
    return say("a list")


def _cut(text: str) -> str:
    return text if len(text) <= _LONGEST else text[:_LONGEST] + "…"


# A key: value mistyped (keys.SLIPS finds it) -> the words, with the text as written.
SLIPS: dict[str, Callable[[str, Slip], Message]] = {
    "full-width colon": lambda text, found: say(
        "the text `{text}`; `{key}` is followed by the full-width colon `：`, "
        "write the ASCII colon and a space: `{fixed}`",
        text=_cut(text),
        key=found.key,
        fixed=_cut(found.fixed),
    ),
    "no space": lambda text, found: say(
        "the text `{text}`; put a space after the colon: `{fixed}`",
        text=_cut(text),
        fixed=_cut(found.fixed),
    ),
    "no colon": lambda text, found: say(
        "the text `{text}`; a colon is missing after `{key}`: `{fixed}`",
        text=_cut(text),
        key=found.key,
        fixed=_cut(found.fixed),
    ),
}
