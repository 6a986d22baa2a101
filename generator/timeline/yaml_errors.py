"""YAML syntax errors in plain words: what is wrong, where, and what to type instead.

PyYAML says where it gave up, in its own terms (``expected <block end>, but found
'<block mapping start>'``). Each recogniser of :data:`RECOGNISERS` reads that
report with the outline of the lines above it (:mod:`.yaml_outline`) and, when it
knows the situation, says it the way a curator thinks of it: ``this line is
indented 3 spaces but `date:` above is at 4``. The first that knows the situation
speaks; one that none of them knows is PyYAML's problem in plainer words.

Positions are where the mistake is, not always where PyYAML stopped: an unclosed
quote is reported where it opened, a missing colon where it belongs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from ..messages import Message, say
from . import yaml_indent, yaml_layout, yaml_marks
from .yaml_outline import Said, Site

# In order: a full-width space or a quote left open changes how every later line reads,
# so they are looked for before what PyYAML stumbled on afterwards.
RECOGNISERS: tuple[Callable[[Site], Said | None], ...] = (
    yaml_marks.fullwidth_indent,
    yaml_marks.tab,
    yaml_marks.unclosed_quote,
    yaml_marks.escape,
    yaml_marks.quote_runs_on,
    yaml_marks.after_closing,
    yaml_layout.keyless,
    yaml_layout.colon_in_value,
    yaml_marks.brackets,
    yaml_marks.stray_close,
    yaml_indent.item_among_keys,
    yaml_indent.indentation,
    yaml_marks.reserved,
)


def explain(err: yaml.MarkedYAMLError, text: str) -> Said:
    """One sentence for a PyYAML syntax error: what is wrong and what to type."""
    site = Site.of(err, text)
    for recognise in RECOGNISERS:
        said = recognise(site)
        if said is not None:
            return said
    mark = site.at or site.opened
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return line, col, plainly(site.problem)


# PyYAML's problems no recogniser knows -> plain words (the first match speaks).
PLAIN: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Message]], ...] = (
    (
        re.compile("found another document"),
        lambda _: say(
            "a second YAML document starts here; a timeline is one document: "
            "remove this `---` and merge what follows into the first"
        ),
    ),
    (
        re.compile("found undefined alias '(?P<name>[^']*)'"),
        lambda found: say(
            "`*{name}` refers to no anchor; define `&{name}` on a value above it, "
            "or write the value out",
            name=found["name"],
        ),
    ),
    (
        re.compile("chomping or indentation indicators"),
        lambda _: say(
            "after `|` or `>` only `-`, `+` or a digit may follow; start the text on the next line"
        ),
    ),
    (
        re.compile("mapping values are not allowed"),
        lambda _: say(
            "`: ` here would start a key where none can be; check the indentation of this line, "
            "or put a value containing `: ` in quotes"
        ),
    ),
)
# PyYAML's names for what it expected or found -> words.
_JARGON = (
    ("<block end>", "the end of this block"),
    ("'<block mapping start>'", "a new `key:`"),
    ("'<block sequence start>'", "a new `- ` item"),
    ("'<stream end>'", "the end of the file"),
    ("<stream end>", "the end of the file"),
    ("'<scalar>'", "text"),
    ("'?'", "a key"),
    ("'-'", "a `- ` item"),
    ("the node content", "a value"),
)


def plainly(problem: str) -> Message:
    for pattern, word in PLAIN:
        found = pattern.search(problem)
        if found is not None:
            return word(found)
    for jargon, words in _JARGON:
        problem = problem.replace(jargon, words)
    return say("this is not valid YAML: {problem}", problem=problem or "syntax error")
