"""YAML errors about indentation: a line that lines up with no key or list item above.

Each public function is one recogniser of :data:`.yaml_errors.RECOGNISERS`. They
compare the line PyYAML stopped on with the keys and ``- `` items still open
above it (:meth:`.Site.levels`), name the one it should line up with and what it
belongs to: "indent it by 4 spaces like the other keys of this event".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from ..messages import Message, say
from .keys import ITEM_KEYS, MAPPING_KEYS, OVERRIDE_KEYS, TOP_KEYS, list_holding
from .yaml_outline import Entry, Said, Site, indent, key_of, starts_item


@dataclass(frozen=True)
class Owner:
    """What a key belongs to, as the curator calls it, and the keys it may hold."""

    name: Message
    keys: tuple[str, ...]


_ITEM_NAMES = {"events": say("this event"), "sources": say("this source")}


def owner(levels: list[Entry], index: int) -> Owner:
    """What the key at ``levels[index]`` is a key of: an event, a source, `entities`…"""
    outer = levels[index + 1 :]
    if not outer:
        return Owner(say("the file"), TOP_KEYS)
    if not outer[0].dash:
        parent = outer[0].key
        grandparent = outer[1].key if len(outer) > 1 and not outer[1].dash else ""
        keys = MAPPING_KEYS.get(parent) or (OVERRIDE_KEYS if grandparent == "articles" else ())
        return Owner(say("`{key}`", key=parent), keys)
    holder = outer[1].key if len(outer) > 1 and not outer[1].dash else ""
    if not holder:
        return Owner(say("this list item"), ())
    name = _ITEM_NAMES.get(holder) or say("this `{key}` item", key=holder)
    return Owner(name, ITEM_KEYS.get(holder, ()))


def value_continued(site: Site) -> bool:
    """``date: 2020-01-23`` then a deeper line: YAML reads that line as more of the value,
    and stops at its colon."""
    token = site.before()
    if "mapping values are not allowed" not in site.problem or site.at is None:
        return False
    if not (isinstance(token, yaml.ScalarToken) and token.plain):
        return False
    return token.start_mark.line < site.at.line and key_of(site.tokens, token) is not None


# A key written where the block above still expects its end: mis-indented.
_MISPLACED = re.compile(
    r"expected <block end>, but found '(?:<block mapping start>|\?|<block sequence start>)'"
)


def indentation(site: Site) -> Said | None:
    """A key or ``- `` indented deeper, shallower or between the ones above it."""
    if site.at is None or not (_MISPLACED.search(site.problem) or value_continued(site)):
        return None
    line = site.text(site.at.line)
    levels = site.levels(site.at.line)
    if not levels:
        return None
    found = (_misplaced_item if starts_item(line) else _misplaced_key)(levels, indent(line))
    return None if found is None else (site.at.line + 1, indent(line) + 1, found)


def _misplaced_key(levels: list[Entry], spaces: int) -> Message | None:
    above = levels[0]
    if spaces > above.col:
        if above.dash or not above.has_value or not above.key:
            return None
        return say(
            "this line is indented {n}, under `{key}:`, which already has a value; "
            "{fix} like the other keys of {owner}",
            n=_spaces(spaces),
            key=above.key,
            fix=_fix(above.col),
            owner=owner(levels, 0).name,
        )
    index = _closest_key(levels, spaces)
    if index is None or levels[index].col == spaces or not levels[index].key:
        return None
    return say(
        "this line is indented {n} but `{key}:` above is at {k}; "
        "{fix} like the other keys of {owner}",
        n=_spaces(spaces),
        key=levels[index].key,
        k=levels[index].col,
        fix=_fix(levels[index].col),
        owner=owner(levels, index).name,
    )


def _spaces(count: int) -> Message:
    return say("1 space") if count == 1 else say("{n} spaces", n=count)


def _fix(col: int) -> Message:
    """What to do: ``indent it by 4 spaces``, or no indentation at all."""
    return (
        say("indent it by {k} spaces", k=col)
        if col
        else say("start it at the beginning of the line")
    )


def _closest_key(levels: list[Entry], spaces: int) -> int | None:
    for index, entry in enumerate(levels[1:], 1):
        if entry.dash and entry.col == spaces and not levels[index - 1].dash:
            return index - 1  # a key written at its item's `-` belongs to the item
    keys = [index for index, entry in enumerate(levels) if not entry.dash]
    return min(keys, key=lambda i: (abs(levels[i].col - spaces), -levels[i].col), default=None)


def _misplaced_item(levels: list[Entry], spaces: int) -> Message | None:
    dashes = [index for index, entry in enumerate(levels) if entry.dash]
    index = min(dashes, key=lambda i: (abs(levels[i].col - spaces), -levels[i].col), default=None)
    if index is None or levels[index].col == spaces:
        return None
    return _line_up_item(levels, index, spaces)


def _line_up_item(levels: list[Entry], index: int, spaces: int) -> Message:
    """Indent this ``- `` like the one of ``levels[index]``."""
    holder = _list_key(levels, index)
    name = say("`{key}`", key=holder) if holder else say("this list")
    return say(
        "this list item is indented {n} but the `-` of the item above (line {line}) is at {k}; "
        "{fix} like the other items of {list}",
        n=_spaces(spaces),
        line=levels[index].line + 1,
        k=levels[index].col,
        fix=_fix(levels[index].col),
        list=name,
    )


_ITEM_KEY = re.compile(r"-\s+(?P<key>[^\s:#]+):(?:\s|$)")


def item_among_keys(site: Site) -> Said | None:
    """``- title: …`` or ``- article: …`` where the keys of an event go on."""
    if site.at is None or not starts_item(site.text(site.at.line)):
        return None
    line = site.text(site.at.line)
    levels, spaces = site.levels(site.at.line), indent(line)
    index: int | None = None
    if "found '-'" in site.problem:
        index = next((i for i, e in enumerate(levels) if not e.dash and e.col == spaces), None)
    elif value_continued(site) and levels and not levels[0].dash:
        index = 0
    if index is None:
        return None
    found = _ITEM_KEY.match(line, spaces)
    key = found["key"] if found else ""
    holder = list_holding({key}) if key else None
    # `- id:` (an event's first key) out of line with the events above: line it up.
    if holder is not None and key == ITEM_KEYS[holder][0]:
        same = [i for i, e in enumerate(levels) if e.dash and _list_key(levels, i) == holder]
        if same and levels[same[0]].col != spaces:
            return site.at.line + 1, spaces + 1, _line_up_item(levels, same[0], spaces)
    words = _item_words(key, levels[index].col, owner(levels, index))
    return site.at.line + 1, spaces + 1, words


def _list_key(levels: list[Entry], index: int) -> str:
    """The key of the list whose ``- `` is ``levels[index]`` ("" for a list in a list)."""
    outer = levels[index + 1] if index + 1 < len(levels) else None
    return outer.key if outer is not None and not outer.dash else ""


def _item_words(key: str, col: int, whose: Owner) -> Message:
    if key and key in whose.keys:
        return say(
            "`- {key}:` starts a list item, but `{key}` is a key of {owner}; remove the `- ` "
            "and {fix} like the other keys",
            key=key,
            owner=whose.name,
            fix=_fix(col),
        )
    holder = list_holding({key}) if key else None
    if holder is not None and holder in whose.keys:
        return say(
            "an item of `{list}` among the keys of {owner}; put it under `{list}:`",
            list=holder,
            owner=whose.name,
        )
    return say(
        "a list item where a key of {owner} was expected; write `key: value`, "
        "or put the list under its own `key:` line",
        owner=whose.name,
    )
