"""``added:``: the day the curator added an event, read exactly and checked like ``date:``."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from generator.timeline import load_timeline, load_timeline_text
from generator.timeline.validate import _added_warnings

from .test_timeline_schema import SCHEMA, problems

ROOT = Path(__file__).resolve().parent.parent
HEAD = "events:\n  - id: a\n"
REST = "    date: 2020-01-23\n    title: x\n    sources:\n      - article: x\n        quote: y\n"


def load(added_line: str) -> tuple[list[dt.date | None], list[str]]:
    timeline, found = load_timeline_text(HEAD + added_line + REST, "timeline.yaml")
    return [event.added for event in timeline.events], [str(d) for d in found]


@pytest.mark.parametrize(
    "line", ["    added: 2026-11-23\n", '    added: "2026-11-23"\n', "    added: 2026-11-23 \n"]
)
def test_a_day_quoted_or_not(line: str) -> None:
    assert load(line) == ([dt.date(2026, 11, 23)], [])


def test_one_digit_month_and_day_like_date() -> None:
    assert load("    added: 2026-1-3\n") == ([dt.date(2026, 1, 3)], [])


def test_optional() -> None:
    assert load("") == ([None], [])


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-11", "invalid `added` `2026-11`: expected a day like 2024-05-06"),
        ("2026", "invalid `added` `2026`: expected a day like 2024-05-06"),
        ('"~2026-11-23"', "invalid `added` `~2026-11-23`: expected a day like 2024-05-06"),
        ("2026-02-30", "invalid `added` `2026-02-30`: 2026-02 has no day 30"),
        ("2026-13-01", "invalid `added` `2026-13-01`: month 13 is not 1-12"),
        (
            "2026/11/23",
            "invalid `added` `2026/11/23`: expected a day like 2024-05-06 "
            "(did you mean 2026-11-23?)",
        ),
        ("2026年11月", "invalid `added` `2026年11月`: expected a day like 2024-05-06"),
        (
            "2026-11-23 10:00:00",
            "invalid `added` `2026-11-23 10:00:00`: expected a day like 2024-05-06",
        ),
        ("[2026-11-23]", "`added` must be a date: expected a day like 2024-05-06, got a list"),
        (
            "",
            "`added` must be a date: expected a day like 2024-05-06, got nothing (an empty value)",
        ),
    ],
)
def test_a_bad_value_is_one_located_error_and_the_event_is_left_out(
    value: str, message: str
) -> None:
    events, found = load(f"    added: {value}\n")
    col = 12 if value else 11  # an empty value is reported where the key ends
    assert found == [f"timeline.yaml:3:{col}: error: {message}"]
    assert events == []


def test_a_misspelt_key_is_named() -> None:
    _, found = load("    addded: 2026-11-23\n")
    assert found == ["timeline.yaml:3:5: error: unknown key `addded`; did you mean `added`?"]


def test_editors_flag_a_month_but_accept_a_day() -> None:
    def doc(added: str) -> dict[str, object]:
        event = {"id": "a", "added": added, "date": "2020-01", "title": "x"}
        return {"events": [{**event, "sources": [{"article": "x", "quote": "y"}]}]}

    assert problems(doc("2026-11-23"), SCHEMA) == []
    assert problems(doc("2026-11"), SCHEMA) == [
        ".events[0].added: does not match ^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$"
    ]


def test_an_event_without_added_in_a_timeline_that_dates_additions_is_flagged() -> None:
    """The project's own events all say when they were added; once one does, an event
    without it gets a warning at its own line (it would never show as new in a feed)."""
    timeline, found = load_timeline(ROOT / "timeline.yaml", "timeline.yaml")
    assert [d for d in found if d.severity == "error"] == []
    assert all(event.added is not None for event in timeline.events)
    first = timeline.events[0]
    events = [
        dataclasses.replace(e, added=None) if e.id == first.id else e for e in timeline.events
    ]
    (warning,) = _added_warnings("timeline.yaml", events)
    assert warning.severity == "warning" and warning.line == first.line
    assert f"`{first.id}` has no `added:`" in warning.message
    assert (
        _added_warnings("timeline.yaml", [dataclasses.replace(e, added=None) for e in events]) == []
    )
