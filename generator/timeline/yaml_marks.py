"""YAML errors about single characters: full-width spaces, tabs, quotes, escapes, brackets.

Each function is one recogniser of :data:`.yaml_errors.RECOGNISERS`: it returns
the 1-based line and column of the mistake and what to do about it, or ``None``
when the error is not its situation.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..messages import say
from .yaml_outline import Said, Site, at, inside_text, short


def _quoted(token: Any) -> bool:
    return isinstance(token, yaml.ScalarToken) and token.style in ('"', "'")


_LEAD = re.compile("[ \u3000]*")
# What starts a `key:` (with an ASCII or a full-width colon) or a `- ` item.
_STARTS_ENTRY = re.compile(r"-(?:\s|$)|[^\s:：#'\"]+\s*(?::(?:\s|$)|：)")


def fullwidth_indent(site: Site) -> Said | None:
    """A full-width space (U+3000) before a key: PyYAML reads it as part of the key."""
    text_lines = inside_text(site.tokens)
    for number, line in enumerate(site.lines[: site.line + 1]):
        width = _LEAD.match(line).end()  # type: ignore[union-attr]  # `*` always matches
        if "\u3000" not in line[:width] or number in text_lines:
            continue
        if _STARTS_ENTRY.match(line, width):
            return (
                number + 1,
                line.index("\u3000") + 1,
                say(
                    "this line is indented with a full-width space `　` (U+3000); "
                    "YAML indents with ASCII spaces: replace it with spaces"
                ),
            )
    return None


def tab(site: Site) -> Said | None:
    if "'\\t'" not in site.problem or site.at is None:
        return None
    if site.text(site.at.line)[: site.at.column].strip(" \t"):
        return *at(site.at), say(
            "a tab here; YAML only accepts tabs inside quotes: replace it with a space"
        )
    return *at(site.at), say(
        "this line is indented with a tab; YAML indents with spaces: replace the tab with spaces"
    )


def unclosed_quote(site: Site) -> Said | None:
    if "quoted scalar" not in site.context or "escape" in site.problem or site.opened is None:
        return None
    quote = site.text(site.opened.line)[site.opened.column : site.opened.column + 1] or '"'
    return *at(site.opened), say(
        "the quote `{quote}` opened here is never closed; end the value with `{quote}`",
        quote=quote,
    )


def escape(site: Site) -> Said | None:
    if "escape" not in site.problem or site.at is None:
        return None
    line = site.text(site.at.line)
    backslash = line.rfind("\\", 0, site.at.column + 1)
    if backslash < 0:
        return None
    return (
        site.at.line + 1,
        backslash + 1,
        say(
            "`\\{char}` is not an escape inside double quotes; write `\\\\` for a backslash, "
            "or put the value in single quotes",
            char=line[backslash + 1 : backslash + 2],
        ),
    )


# A line that looks like YAML structure (`key:` or `- `), as swallowed by an open quote.
_STRUCTURE = re.compile(r"\s*(?:-\s|[A-Za-z_][\w-]*:(?:\s|$))")


def quote_runs_on(site: Site) -> Said | None:
    """A quote left open on its line runs on over the next lines to the next quote,
    and the error comes where that quote closes it: report where it opened."""
    token = site.before()
    if not _quoted(token) or site.at is None:
        return None
    start, end = token.start_mark, token.end_mark
    if start.line == end.line or end.line != site.at.line:
        return None
    if not any(_STRUCTURE.match(line) for line in site.lines[start.line + 1 : end.line + 1]):
        return None
    return *at(start), say(
        "the quote `{quote}` opened here is not closed on its line, so the text runs on to "
        "the next `{quote}`, on line {line}; end the value with `{quote}` on this line",
        quote=token.style,
        line=end.line + 1,
    )


def after_closing(site: Site) -> Said | None:
    """``title: "武汉"封城``: the value ended at the closing mark, and text follows it."""
    token = site.before()
    if "found '<scalar>'" not in site.problem or token is None or site.at is None:
        return None
    if token.end_mark.line != site.at.line:
        return None
    if _quoted(token):
        written = site.lines[token.start_mark.line : site.at.line + 1]
        written[0] = written[0][token.start_mark.column :]
        raw = short(" ".join(part.strip() for part in written), 60)
        if token.style == "'":
            inner = raw[1:-1] if raw.endswith("'") else raw[1:]
            return *at(site.at), say(
                "text follows the closing quote `'`; inside '…' write an apostrophe twice: "
                "`{fixed}`",
                fixed="'" + inner.replace("'", "''") + "'",
            )
        return *at(site.at), say(
            'text follows the closing quote `"`; a value that starts with a quote ends there: '
            "put the whole value in single quotes, `{fixed}`",
            fixed="'" + raw.replace("'", "''") + "'",
        )
    if isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)):
        return *at(site.at), say(
            "text follows the closing `{close}`; put it inside the brackets, or remove it",
            close=site.text(token.start_mark.line)[token.start_mark.column],
        )
    return None


_OPENING = {"]": "[", "}": "{"}
_FLOW = re.compile(r"expected ',' or '(?P<close>[\]}])', but got (?P<got>.+)")


def brackets(site: Site) -> Said | None:
    """A ``[`` or ``{`` never closed, closed by the wrong mark, or a missing ``,``."""
    found = _FLOW.search(site.problem)
    if found is None or site.opened is None or site.at is None:
        return None
    close, got = found["close"], found["got"]
    fields = {"open": _OPENING[close], "close": close}
    # A `key:` or `- ` line after the `[` means the list ended there without its `]`.
    new_line = site.at.line > site.opened.line and _STRUCTURE.match(site.text(site.at.line))
    if got == "'<stream end>'" or new_line:
        return *at(site.opened), say(
            "the `{open}` opened here is never closed; add `{close}` after the last item", **fields
        )
    where = f"{site.opened.line + 1}:{site.opened.column + 1}"
    if got.strip("'") in _OPENING:
        return *at(site.at), say(
            "`{got}` does not close the `{open}` opened at {where}; expected `{close}`",
            got=got.strip("'"),
            where=where,
            **fields,
        )
    return *at(site.at), say(
        "expected `,` before the next item, or `{close}` to close the `{open}` opened at {where}",
        where=where,
        **fields,
    )


def stray_close(site: Site) -> Said | None:
    found = re.search(r"found '(?P<close>[\]}])'", site.problem)
    if found is None or site.at is None:
        return None
    return *at(site.at), say(
        "this `{close}` closes nothing: there is no `{open}` before it; remove it, "
        "or add the `{open}` that should open it",
        close=found["close"],
        open=_OPENING[found["close"]],
    )


def reserved(site: Site) -> Said | None:
    """``title: @人民日报``: ``@`` and a backquote cannot start a YAML value."""
    found = re.search(r"found character '(?P<char>[^'\\])' that cannot start", site.problem)
    if found is None or site.at is None:
        return None
    return *at(site.at), say(
        'a YAML value cannot start with {char}; put the whole value in quotes, e.g. "{char}…"',
        char=found["char"],
    )
