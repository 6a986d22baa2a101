"""The keys and value types of timeline.yaml, checked node by node with positions.

Every check reports into a :class:`Report` and returns ``None`` on failure, so
one run collects every problem in the file instead of stopping at the first.
``schema/timeline.schema.json`` describes the same keys for editors; a test
keeps the two in step.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass

import yaml

from ..messages import Message, say
from ..model import Diagnostic, PartialDate, Severity
from .dates import DateError, parse_date, parse_day
from .keys import ENTITY_KEYS as ENTITY_KEYS
from .keys import EVENT_KEYS as EVENT_KEYS
from .keys import EVENT_REQUIRED as EVENT_REQUIRED
from .keys import OVERRIDE_KEYS as OVERRIDE_KEYS
from .keys import SOURCE_KEYS as SOURCE_KEYS
from .keys import TOP_KEYS as TOP_KEYS
from .keys import slip
from .written import type_name as type_name
from .yamlpos import position

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
MAX_ID_LENGTH = 80

_CORE = "tag:yaml.org,2002:"
# Control characters (C0 but tab and line ends, DEL, C1 but NEL): YAML refuses them
# written raw, but escapes (``"\e[31m"``, ``"\0"``) still make them, and they would
# reach the pages, the exports and the terminal.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
# The only values that may span lines. Everything else lands in a heading, a link, a
# file name or a one-line export field, where a line break splits it (a title's
# ``{#id}`` anchor would fall off its heading). ``keep``/``drop`` texts are never
# published, only matched against an article ignoring whitespace, like quotes.
MULTILINE_KEYS = ("summary", "quote", "keep", "drop")


class Report:
    """Diagnostics for one file, in the order found (callers sort them)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.diagnostics: list[Diagnostic] = []
        self.errors = 0  # callers compare counts before and after checking a value

    def at(
        self,
        where: yaml.Node | tuple[int, int],
        message: str | Message,
        severity: Severity = "error",
    ) -> None:
        line, col = position(where) if isinstance(where, yaml.Node) else where
        self.diagnostics.append(Diagnostic(self.file, line, col, message, severity))
        self.errors += severity == "error"


@dataclass(frozen=True)
class Entry:
    """One ``key: value`` pair of a mapping, with both nodes for positions."""

    key: yaml.Node
    value: yaml.Node


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _CORE + "null"


def closest(word: str, choices: tuple[str, ...] | list[str]) -> str | None:
    lowered = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[close[0]] if close else None


def did_you_mean(word: str, choices: tuple[str, ...] | list[str]) -> Message:
    """``did you mean `title`?`` for a near miss, else the list of what is allowed."""
    match = closest(word, choices)
    if match is not None:
        return say("did you mean `{id}`?", id=match)
    return say("expected one of {keys}", keys=", ".join(f"`{choice}`" for choice in choices))


def require(
    node: yaml.MappingNode,
    found: dict[str, Entry],
    required: tuple[str, ...],
    what: str | Message,
    report: Report,
) -> None:
    """Report each missing key, unless a misspelt key was already reported for it."""
    misspelt = {
        closest(key.value, required)
        for key, _ in node.value
        if isinstance(key, yaml.ScalarNode) and key.value not in found
    }
    for key in required:
        if key not in found and key not in misspelt:
            report.at(node, say("{what} is missing `{key}`", what=what, key=key))


def entries(
    node: yaml.MappingNode, known: tuple[str, ...] | None, report: Report
) -> dict[str, Entry]:
    """The mapping's entries by key text; reports odd, duplicate and (if ``known``) unknown keys."""
    found: dict[str, Entry] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            report.at(
                key_node, say("a key must be plain text, got {type}", type=type_name(key_node))
            )
            continue
        if key_node.tag == _CORE + "merge":
            report.at(key_node, say("YAML merge keys (`<<`) are not supported; write the keys out"))
            continue
        key = key_node.value
        if key in found:
            first = position(found[key].key)[0]
            said = say(
                "duplicate key `{key}` (first on line {line}); expected it once",
                key=key,
                line=first,
            )
            report.at(key_node, said)
            continue
        if known is not None and key not in known:
            report.at(key_node, unknown_key(key, known))
            continue
        found[key] = Entry(key_node, value_node)
    return found


def unknown_key(key: str, known: tuple[str, ...]) -> Message:
    """``unknown key `titel`; did you mean `title`?``, or what made a known key unknown:
    a full-width space (U+3000) indenting it, or a full-width colon inside it."""
    if key.lstrip(" \u3000") != key:
        return say(
            "unknown key `{key}`: it starts with a full-width space `　` (U+3000); "
            "YAML indents with ASCII spaces: replace it with spaces",
            key=key,
        )
    if "：" in key:
        return say(
            "unknown key `{key}`: it holds the full-width colon `：`; "
            "YAML needs the ASCII colon `:` and a space",
            key=key,
        )
    return say("unknown key `{key}`; {hint}", key=key, hint=did_you_mean(key, known))


def text(node: yaml.Node, key: str, report: Report, what: str | Message = "") -> str | None:
    """A non-empty scalar's text, stripped. Numbers and booleans count as their text.

    ``what`` names the value in messages when it is not simply the key (a list item).
    """
    what = what or f"`{key}`"
    if not isinstance(node, yaml.ScalarNode):
        report.at(node, say("{what} must be text, got {type}", what=what, type=type_name(node)))
        return None
    value = "" if is_null(node) else node.value.strip()
    if not value:
        report.at(node, say("{what} must not be empty; expected text", what=what))
        return None
    control = _CONTROL.search(value)
    if control:
        said = say(
            "{what} holds the control character {code}; expected printable text",
            what=what,
            code=f"U+{ord(control.group()):04X}",
        )
        report.at(node, said)
        return None
    if key not in MULTILINE_KEYS and any(ch in value for ch in "\r\n"):
        said = say("{what} must be one line; expected text without line breaks", what=what)
        report.at(node, said)
        return None
    return value


def text_list(node: yaml.Node, key: str, report: Report) -> tuple[str, ...] | None:
    """A list of non-empty texts (``[a, b]`` or one ``- a`` per line)."""
    items = text_items(node, key, report)
    return None if items is None else tuple(value for value, _ in items)


def text_items(
    node: yaml.Node, key: str, report: Report
) -> tuple[tuple[str, yaml.Node], ...] | None:
    """Like :func:`text_list`, each text with its node, for messages about one item."""
    if not isinstance(node, yaml.SequenceNode):
        report.at(node, _not_a_list(node, key))
        return None
    each = say("each `{key}` item", key=key)
    values = [(text(item, key, report, each), item) for item in node.value]
    if any(value is None for value, _ in values):
        return None
    return tuple((value, item) for value, item in values if value is not None)


def _not_a_list(node: yaml.Node, key: str) -> Message:
    """``tags: 捐赠`` or ``tags: 捐赠, 医疗]``: show the list it should be."""
    said = say("`{key}` must be a list of text, got {type}", key=key, type=type_name(node))
    value = node.value.strip() if isinstance(node, yaml.ScalarNode) and not is_null(node) else ""
    if not value or "\n" in value or slip(value) is not None:
        return said  # nothing to put in brackets, or a mistyped `key: value` (type_name says)
    items = value.strip("[]{} ")
    return say("{said}; write it in brackets: `{key}: [{items}]`", said=said, key=key, items=items)


def boolean(node: yaml.Node, key: str, report: Report) -> bool | None:
    if isinstance(node, yaml.ScalarNode) and node.tag == _CORE + "bool":
        return node.value.lower() in ("true", "yes", "on", "y")
    report.at(node, say("`{key}` must be true or false, got {type}", key=key, type=type_name(node)))
    return None


def date(
    node: yaml.Node, key: str, report: Report, approximate: bool = False
) -> PartialDate | None:
    """A date from the scalar's source text, so quoted and unquoted dates read the same."""
    if not isinstance(node, yaml.ScalarNode) or is_null(node):
        said = say(
            "`{key}` must be a date like 2020-01-23, 2020-02 or 2020, got {type}",
            key=key,
            type=type_name(node),
        )
        report.at(node, said)
        return None
    try:
        return parse_date(node.value, approximate)
    except DateError as err:
        report.at(node, _invalid(key, node.value, err))
        return None


def day(node: yaml.Node, key: str, report: Report) -> dt.date | None:
    """A whole day (``added:``), read from the scalar's source text like :func:`date`."""
    if not isinstance(node, yaml.ScalarNode) or is_null(node):
        said = say(
            "`{key}` must be a date: expected a day like 2024-05-06, got {type}",
            key=key,
            type=type_name(node),
        )
        report.at(node, said)
        return None
    try:
        return parse_day(node.value)
    except DateError as err:
        report.at(node, _invalid(key, node.value, err))
        return None


def _invalid(key: str, value: str, err: DateError) -> Message:
    return say("invalid `{key}` `{value}`: {reason}", key=key, value=value.strip(), reason=err.said)


def slug(node: yaml.Node, report: Report) -> str | None:
    value = text(node, "id", report)
    if value is None:
        return None
    if ID_PATTERN.fullmatch(value) and len(value) <= MAX_ID_LENGTH:
        return value
    hint = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")[:MAX_ID_LENGTH].strip("-")
    said = say(
        "invalid id `{value}`: expected lowercase letters a-z, digits and hyphens, "
        "starting with a letter or digit, at most {max} characters (e.g. `{example}`)",
        value=value,
        max=MAX_ID_LENGTH,
        example=hint or "wuhan-lockdown",
    )
    report.at(node, said)
    return None
