"""YAML errors about a line's ``key:``: a colon missing, full-width, without its space,
or inside a value; and a list item without its ``- ``.

Each public function is one recogniser of :data:`.yaml_errors.RECOGNISERS`.
"""

from __future__ import annotations

from collections.abc import Callable

import yaml

from ..messages import Message, say
from .keys import Slip, slip
from .yaml_outline import Said, Site, at, indent, key_of, short

# --- a line with no `key:` where one was expected ---------------------------------------


def keyless(site: Site) -> Said | None:
    """A colon missing, full-width or without its space; or a list item without ``- ``."""
    start = _keyless_start(site)
    if start is None:
        return None
    line, col = start
    rest = site.text(line)[col:]
    found = slip(rest)
    if found is not None:
        return line + 1, col + found.col + 1, SLIP_WORDS[found.kind](found)
    return _no_dash(site, line, col, rest) or (
        line + 1,
        col + 1,
        say("expected `key: value` on this line"),
    )


def _keyless_start(site: Site) -> tuple[int, int] | None:
    if "could not find expected ':'" in site.problem and site.opened is not None:
        return site.opened.line, site.opened.column
    token = site.before()
    if "mapping values are not allowed" not in site.problem or site.at is None:
        return None
    if not (isinstance(token, yaml.ScalarToken) and token.plain):
        return None
    if token.start_mark.line < site.at.line and key_of(site.tokens, token) is None:
        return token.start_mark.line, token.start_mark.column
    return None


# A slip of the keyboard in `key: value` -> what to type (keys.SLIPS finds them).
SLIP_WORDS: dict[str, Callable[[Slip], Message]] = {
    "full-width colon": lambda found: say(
        "`{key}` is followed by the full-width colon `：`; YAML needs the ASCII colon `:` "
        "and a space: `{fixed}`",
        key=found.key,
        fixed=f"{found.key}: {short(found.value)}",
    ),
    "no space": lambda found: say(
        "`{key}:` needs a space after the colon; write `{fixed}`",
        key=found.key,
        fixed=f"{found.key}: {short(found.value)}",
    ),
    "no colon": lambda found: say(
        "a colon is missing after `{key}`; write `{fixed}`",
        key=found.key,
        fixed=f"{found.key}: {short(found.value)}",
    ),
}


def _no_dash(site: Site, line: int, col: int, rest: str) -> Said | None:
    """Text at the column of a list's ``- `` items: an item without its ``- ``."""
    here = indent(site.text(line))
    item = next((e for e in site.levels(line) if e.dash and e.col == here), None)
    if item is None or col != here or not rest.strip():
        return None
    return (
        line + 1,
        col + 1,
        say(
            "expected a list item here, like the one on line {line}; write `- {fixed}`",
            line=item.line + 1,
            fixed=short(rest),
        ),
    )


def colon_in_value(site: Site) -> Said | None:
    """``title: 武汉: 封城``: a ``: `` inside a plain value would start a second key."""
    token = site.before()
    if "mapping values are not allowed" not in site.problem or site.at is None:
        return None
    if not (isinstance(token, yaml.ScalarToken) and token.plain):
        return None
    key = key_of(site.tokens, token)
    if not key or token.start_mark.line != site.at.line:
        return None
    value = short(site.text(site.at.line)[token.start_mark.column :], 40)
    return *at(site.at), say(
        "`: ` inside the value of `{key}` starts another key; put the value in quotes: `{fixed}`",
        key=key,
        fixed=f"{key}: {_quote(value)}",
    )


def _quote(value: str) -> str:
    if '"' in value or "\\" in value:
        return "'" + value.replace("'", "''") + "'"
    return f'"{value}"'
