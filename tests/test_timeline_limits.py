"""Hostile or huge timeline files end in one error line, never a hang or a traceback."""

from __future__ import annotations

import re
from pathlib import Path
from unittest.mock import patch

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.timeline import load_timeline, load_timeline_text, yamlpos
from generator.timeline.yamlpos import MAX_BYTES

FIXTURES = Path(__file__).parent / "fixtures" / "timelines"

# A guard against hangs, not a speed test (speed is measured in benchmarks/): a loader
# that expanded the alias bomb or recursed 10,000 levels would run for hours or die,
# so a test still running after this long ends the run with every thread's traceback.
HANG_SECONDS = 120


def test_billion_laughs_is_refused_before_it_expands(watchdog: None) -> None:
    timeline, found = load_timeline(FIXTURES / "alias_bomb.yaml", "timeline.yaml")
    assert timeline.events == ()
    # Line 6 is `f: &f [*e, ...]`, the first value that expands past a million nodes.
    assert [str(d) for d in found] == [
        "timeline.yaml:6:4: error: this value expands to more than 1000000 YAML nodes through "
        "aliases; expected plain data (write the values out instead of nesting `*aliases`)"
    ]


def test_small_aliases_are_fine() -> None:
    text = (
        "events:\n  - id: a\n    date: 2020-01-23\n    title: x\n    sources: &s\n"
        "      - article: art\n        quote: q\n"
        "  - id: b\n    date: 2020-01-24\n    title: y\n    sources: *s\n"
    )
    timeline, found = load_timeline_text(text, "timeline.yaml")
    assert found == []
    assert [e.sources[0].article for e in timeline.events] == ["art", "art"]


def test_recursive_alias_is_an_error() -> None:
    _, found = load_timeline_text("events: &e [*e]\n", "timeline.yaml")
    assert [str(d) for d in found] == [
        "timeline.yaml:1:9: error: recursive YAML alias: a value contains itself; "
        "expected plain data"
    ]


def test_ten_thousand_nested_lists_give_an_error_line_not_a_recursion_error(
    watchdog: None,
) -> None:
    text = "events: " + "[" * 10_000 + "]" * 10_000 + "\n"
    _, found = load_timeline_text(text, "timeline.yaml")
    # The root mapping is level 1, so the 64th `[` (column 8 + 64) is level 65: refused.
    assert [str(d) for d in found] == [
        "timeline.yaml:1:72: error: YAML nested more than 64 levels deep; "
        "expected a timeline nested a few levels (events > sources > quote)"
    ]


def test_deep_block_nesting_is_refused_too() -> None:
    text = "events:\n" + "".join("  " * depth + "-\n" for depth in range(1, 500))
    _, found = load_timeline_text(text, "timeline.yaml")
    # Line n (n >= 2) opens a list at level n, indented 2 * (n - 1): level 65 is refused.
    assert [(d.line, d.col) for d in found] == [(65, 129)]
    assert found[0].message.startswith("YAML nested more than 64 levels deep")


def test_file_over_32_mib_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no 32 MiB written to disk
    _, found = load_timeline(path, "timeline.yaml")
    assert [str(d) for d in found] == [
        "timeline.yaml:1:1: error: file is 33554433 bytes; expected at most 33554432 bytes (32 MiB)"
    ]


def test_text_over_32_mib_is_refused() -> None:
    _, found = load_timeline_text("#" * (MAX_BYTES + 1), "timeline.yaml")
    assert [d.message for d in found] == [
        "file is 33554433 bytes; expected at most 33554432 bytes (32 MiB)"
    ]


def test_every_unsupported_tag_is_reported() -> None:
    text = "events: !!set {a, b}\narticles: !custom {}\n"
    _, found = load_timeline_text(text, "timeline.yaml")
    assert [(d.line, d.col, d.message.split(";")[0]) for d in found] == [
        (1, 9, "unsupported YAML tag `!!set`"),
        (2, 11, "unsupported YAML tag `!custom`"),
    ]


LINE = re.compile(r"t\.yaml:[1-9]\d*:[1-9]\d*: (error|warning): [^\n]+")
TOKENS = [
    "events:",
    "articles:",
    "\n",
    "  ",
    "- ",
    "id: ",
    "a",
    "date: ",
    "2020-02-30",
    "2020-01",
    "end: ",
    "title: ",
    "sources:",
    "article: x",
    "quote: y",
    "tags: ",
    "entities:",
    "people: ",
    "url: ",
    "javascript:x",
    "[",
    "]",
    "{",
    "}",
    ", ",
    ": ",
    "&a ",
    "*a",
    "!!python/object ",
    "!!str ",
    '"',
    "'",
    "\t",
    "~",
    "#",
    "? ",
    "|",
    ">",
    "<<: ",
    "---",
    "\x00",
    "\ufeff",
    "%YAML",
]


@settings(max_examples=100, derandomize=True, database=None, deadline=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)))
def test_any_text_gives_diagnostics_never_an_exception(text: str) -> None:
    timeline, found = load_timeline_text(text, "t.yaml")
    assert all(LINE.fullmatch(str(d)) for d in found), found
    assert timeline.path == "t.yaml"


# Documents built to meet the fast path's tree walk where it can go wrong: explicit tags
# on any node, anchors and aliases (to scalars, collections, themselves), nesting around
# the depth limit.
_TAGS = ["", "", "", "!!str ", "!!set ", "!custom ", "!!map ", "!!seq "]


@st.composite
def _documents(draw: st.DrawFn) -> str:
    anchors: list[str] = []

    def node(depth: int) -> str:
        tag = draw(st.sampled_from(_TAGS))
        if anchors and draw(st.integers(0, 9)) == 0:
            return "*" + draw(st.sampled_from(anchors))
        anchor = ""
        if draw(st.integers(0, 5)) == 0:
            anchor = f"&a{len(anchors)} "
        kind = draw(st.sampled_from(["scalar", "seq", "map"])) if depth < 4 else "scalar"
        if kind == "scalar":
            body = draw(st.sampled_from(["x", "1", "~", "''", "yes", "2020-01-23"]))
        else:
            items = [node(depth + 1) for _ in range(draw(st.integers(0, 3)))]
            if kind == "seq":
                body = "[" + ", ".join(items) + "]"
            else:
                body = "{" + ", ".join(f"k{n}: {v}" for n, v in enumerate(items)) + "}"
        if anchor:
            anchors.append(anchor[1:-1])
        return tag + anchor + body

    deep = draw(st.integers(0, 3))
    depth = draw(st.integers(60, 66))
    nested = "[" * depth + draw(st.sampled_from(["", "x", "!!str x", "!t x", "[]"])) + "]" * depth
    root = "{" + f"a: {node(1)}, b: {node(1)}" + (f", c: {nested}" if deep == 0 else "") + "}"
    return draw(st.sampled_from(_TAGS)) + root + "\n"


def _outcome(text: str) -> object:
    try:
        root = yamlpos.compose(text)
    except yamlpos.YamlProblem as err:
        return [(p.line, p.col, str(p.message)) for p in err.problems]
    return yaml.serialize(root) if root is not None else None


@settings(max_examples=400, derandomize=True, database=None, deadline=None)
@given(_documents())
def test_the_fast_path_checks_a_document_as_the_careful_composer_does(text: str) -> None:
    fast = _outcome(text)
    with patch.object(yamlpos, "_compose_fast", lambda _text: None):
        careful = _outcome(text)
    assert fast == careful, text
