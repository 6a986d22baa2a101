"""Dates in timeline.yaml: precision, approximate dates, ranges, quoted or not."""

from __future__ import annotations

import pytest

from generator.model import PartialDate
from generator.timeline import load_timeline_text
from generator.timeline.dates import DateError, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-01-23", PartialDate(2020, 1, 23)),
        ("2020-1-3", PartialDate(2020, 1, 3)),
        ("2020-02", PartialDate(2020, 2)),
        ("2020", PartialDate(2020)),
        ("~2020-02", PartialDate(2020, 2, approximate=True)),
        (" ~ 2020-02-29 ", PartialDate(2020, 2, 29, approximate=True)),
    ],
)
def test_parse_date_forms(text: str, expected: PartialDate) -> None:
    assert parse_date(text) == expected


def test_approximate_flag_marks_the_date() -> None:
    assert parse_date("2020-02", approximate=True) == PartialDate(2020, 2, approximate=True)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2020-02-30", "2020-02 has no day 30"),
        ("2021-02-29", "2021-02 has no day 29"),
        ("2020-13", "month 13 is not 1-12"),
        ("2020-00-10", "month 0 is not 1-12"),
        ("0000", "year 0000 does not exist; expected a year like 2020"),
        ("20-01-23", "expected a date like 2020-01-23, 2020-02 or 2020"),
        ("2020-01-23T10:00", "expected a date like 2020-01-23, 2020-02 or 2020"),
        (
            "2020/1/23",
            "expected a date like 2020-01-23, 2020-02 or 2020 (did you mean 2020-01-23?)",
        ),
        ("2020.02", "expected a date like 2020-01-23, 2020-02 or 2020 (did you mean 2020-02?)"),
        ("2020年2月", "expected a date like 2020-01-23, 2020-02 or 2020 (did you mean 2020-02?)"),
        ("2020/2/30", "expected a date like 2020-01-23, 2020-02 or 2020"),
        ("soon", "expected a date like 2020-01-23, 2020-02 or 2020"),
    ],
)
def test_bad_dates_say_why(text: str, message: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert str(caught.value) == message


def event(date_lines: str) -> str:
    return (
        "events:\n  - id: a\n" + date_lines + "    title: x\n"
        "    sources:\n      - article: art\n        quote: q\n"
    )


@pytest.mark.parametrize(
    ("lines", "date", "end"),
    [
        ("    date: 2020-01-23\n", PartialDate(2020, 1, 23), None),
        ("    date: '2020-01-23'\n", PartialDate(2020, 1, 23), None),
        ('    date: "2020-02"\n', PartialDate(2020, 2), None),
        ("    date: 2020-02\n", PartialDate(2020, 2), None),
        ("    date: 2020\n", PartialDate(2020), None),
        ('    date: "2020"\n', PartialDate(2020), None),
        ("    date: ~2020-02\n", PartialDate(2020, 2, approximate=True), None),
        (
            "    date: 2020-02\n    approximate: true\n",
            PartialDate(2020, 2, approximate=True),
            None,
        ),
        (
            "    date: 2020-01-23\n    end: 2020-03-02\n",
            PartialDate(2020, 1, 23),
            PartialDate(2020, 3, 2),
        ),
        (
            "    date: 2020-01-23\n    end: 2020-01\n",
            PartialDate(2020, 1, 23),
            PartialDate(2020, 1),
        ),
        ("    date: 2020-01\n    end: 2020-01-05\n", PartialDate(2020, 1), PartialDate(2020, 1, 5)),
        (
            "    date: 2020-01-23\n    end: 2020-01-23\n",
            PartialDate(2020, 1, 23),
            PartialDate(2020, 1, 23),
        ),
    ],
)
def test_dates_in_the_file_quoted_or_not(
    lines: str, date: PartialDate, end: PartialDate | None
) -> None:
    timeline, found = load_timeline_text(event(lines), "timeline.yaml")
    assert found == []
    assert (timeline.events[0].date, timeline.events[0].end) == (date, end)


def test_range_end_before_start_at_month_precision() -> None:
    _, found = load_timeline_text(event("    date: 2020-02\n    end: 2020-01-31\n"), "t.yaml")
    assert [str(d) for d in found] == [
        "t.yaml:4:10: error: `end` 2020-01-31 is before `date` 2020-02; "
        "expected `end` on or after `date`"
    ]


def test_bad_end_is_reported_at_the_end_value() -> None:
    _, found = load_timeline_text(event("    date: 2020-02\n    end: 2020-02-31\n"), "t.yaml")
    assert [str(d) for d in found] == [
        "t.yaml:4:10: error: invalid `end` `2020-02-31`: 2020-02 has no day 31"
    ]
