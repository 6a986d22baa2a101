"""Loading timeline.yaml: the model it builds, and one exact message per kind of mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import ArticleOverride, Correction, Entity, PartialDate, SourceRef
from generator.timeline import load_timeline, load_timeline_text

FIXTURES = Path(__file__).parent / "fixtures" / "timelines"


def errors_of(name: str) -> list[str]:
    _, found = load_timeline(FIXTURES / name, "timeline.yaml")
    return [str(d) for d in found]


def errors_in(text: str) -> list[str]:
    _, found = load_timeline_text(text, "timeline.yaml")
    return [str(d) for d in found]


EVENT = "  - id: a\n    date: 2020-01-23\n    title: x\n"
SOURCES = "    sources:\n      - article: x\n        quote: y\n"


def test_valid_file_builds_the_model_sorted_by_date() -> None:
    timeline, found = load_timeline(FIXTURES / "valid.yaml", "timeline.yaml")
    assert found == []
    assert timeline.path == "timeline.yaml"
    assert [e.id for e in timeline.events] == [
        "year-only",
        "wuhan-lockdown",
        "alibaba-fund",
        "spring-thunder",
    ]
    year_only, lockdown, fund, spring = timeline.events
    assert year_only.date == PartialDate(2020, approximate=True)
    assert year_only.sources == (
        SourceRef("art-b", "春雷计划", line=35, col=9, quote_line=35, quote_col=33),
    )
    assert lockdown.date == PartialDate(2020, 1, 23)  # quoted date, same as unquoted
    assert lockdown.end == PartialDate(2020, 1, 27)
    assert lockdown.line == 14
    assert fund.line == 3
    assert fund.date == PartialDate(2020, 1, 25)
    assert fund.summary == "定点无偿捐赠给武汉及湖北的各大**医疗机构**。"
    assert fund.tags == ("医疗物资", "捐赠")
    assert fund.entities == (
        Entity("organization", "阿里巴巴"),
        Entity("place", "武汉"),
        Entity("place", "湖北"),
    )
    assert fund.sources == (
        SourceRef(
            "art-a",
            "阿里巴巴1月25日发出声明，宣布设立10亿元医疗物资供给专项基金",
            12,
            9,
            quote_line=13,
            quote_col=16,
        ),
    )
    # `~` marks the date approximate even though `approximate: false` is written too.
    assert spring.date == PartialDate(2020, 4, approximate=True)
    assert spring.sources[0].quote == "时隔11年，阿里巴巴再次启动\n扶助中小企业特别行动"
    # A block scalar's text starts on the line after `|`; its indent is read later.
    assert (spring.sources[0].quote_line, spring.sources[0].quote_col) == (28, 0)
    assert timeline.overrides == (
        ArticleOverride(
            id="art-b",
            title="春天的战役",
            author="张勇",
            publication="经济日报",
            date=PartialDate(2020, 4),
            url="https://example.com/spring",
            line=37,
            keep=(Correction("（资料图片）", 43, 12),),
            drop=(Correction("扫码关注本报公众号。", 45, 9),),
        ),
    )


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "syntax_unclosed_quote.yaml",
            'timeline.yaml:4:12: error: the quote `"` opened here is never closed; '
            'end the value with `"`',
        ),
        (
            "syntax_tab.yaml",
            "timeline.yaml:4:1: error: this line is indented with a tab; YAML indents with "
            "spaces: replace the tab with spaces",
        ),
        (
            "wrong_type_sources.yaml",
            "timeline.yaml:5:14: error: `sources` must be a list of {article, quote}, "
            "got an integer",
        ),
        ("missing_title.yaml", "timeline.yaml:2:5: error: event is missing `title`"),
        (
            "unknown_key.yaml",
            "timeline.yaml:4:5: error: unknown key `titel`; did you mean `title`?",
        ),
        (
            "impossible_date.yaml",
            "timeline.yaml:3:11: error: invalid `date` `2020-02-30`: 2020-02 has no day 30",
        ),
        (
            "bad_date_format.yaml",
            "timeline.yaml:3:11: error: invalid `date` `23.01.2020`: expected a date like "
            "2020-01-23, 2020-02 or 2020",
        ),
        (
            "end_before_date.yaml",
            "timeline.yaml:4:10: error: `end` 2020-01-20 is before `date` 2020-01-23; "
            "expected `end` on or after `date`",
        ),
        (
            "duplicate_id.yaml",
            "timeline.yaml:8:9: error: duplicate event id `same` (first used on line 2); "
            "expected a unique id",
        ),
        (
            "bad_slug.yaml",
            "timeline.yaml:2:9: error: invalid id `Wuhan Lockdown`: expected lowercase letters "
            "a-z, digits and hyphens, starting with a letter or digit, at most 80 characters "
            "(e.g. `wuhan-lockdown`)",
        ),
        (
            "python_tag.yaml",
            "timeline.yaml:4:12: error: unsupported YAML tag `!!python/object/apply:os.system`; "
            "expected plain YAML (text, numbers, lists and mappings, no `!!` tags)",
        ),
        (
            "empty.yaml",
            "timeline.yaml:1:1: error: empty timeline: expected a mapping with an `events:` list",
        ),
        (
            "not_utf8.yaml",
            "timeline.yaml:3:12: error: file is not UTF-8 (byte 0xCE); expected UTF-8 text, "
            "save the file as UTF-8",
        ),
    ],
)
def test_each_mistake_is_one_exact_line(fixture: str, expected: str) -> None:
    assert errors_of(fixture) == [expected]


def test_duplicate_id_keeps_the_first_event() -> None:
    timeline, _ = load_timeline(FIXTURES / "duplicate_id.yaml", "timeline.yaml")
    assert [(e.id, e.title) for e in timeline.events] == [("same", "x")]


def test_non_http_urls_in_overrides_are_errors_and_dropped() -> None:
    timeline, found = load_timeline(FIXTURES / "bad_url.yaml", "timeline.yaml")
    assert [str(d) for d in found] == [
        "timeline.yaml:4:10: error: `url` must be an http:// or https:// address, "
        "got `javascript:alert(1)`",
        "timeline.yaml:6:10: error: `url` must be an http:// or https:// address, "
        "got `data:text/html,<script>alert(1)</script>`",
    ]
    assert [o.id for o in timeline.overrides] == ["art-c"]


def test_three_mistakes_are_all_reported_in_one_run_and_the_good_event_kept() -> None:
    timeline, found = load_timeline(FIXTURES / "three_mistakes.yaml", "timeline.yaml")
    assert [str(d) for d in found] == [
        "timeline.yaml:10:5: error: unknown key `titel`; did you mean `title`?",
        "timeline.yaml:15:11: error: invalid `date` `2020-02-30`: 2020-02 has no day 30",
        "timeline.yaml:23:14: error: `sources` must be a list of {article, quote}, got an integer",
    ]
    assert [e.id for e in timeline.events] == ["good"]


def test_missing_file_is_a_diagnostic(tmp_path: Path) -> None:
    timeline, found = load_timeline(tmp_path / "nope.yaml", "timeline.yaml")
    assert timeline.events == ()
    assert [str(d) for d in found] == [
        "timeline.yaml:1:1: error: cannot read the timeline: No such file or directory; "
        "expected a YAML file"
    ]


def test_display_defaults_to_the_path_as_given(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("events: 3\n", encoding="utf-8")
    _, found = load_timeline(path)
    assert found[0].file.endswith("t.yaml")
    assert found[0].message == "`events` must be a list of events, got an integer"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "   \n# only a comment\n",
            "1:1: error: empty timeline: expected a mapping with an `events:` list",
        ),
        (
            "- a\n- b\n",
            "1:1: error: a timeline must be a mapping with an `events:` list, got a list",
        ),
        (
            "articles: {}\n",
            "1:1: error: timeline is missing `events`; expected an `events:` list of events",
        ),
        (
            "events:\n",
            "1:8: error: `events` must be a list of events, got nothing (an empty value)",
        ),
        ("event: []\n", "1:1: error: unknown key `event`; did you mean `events`?"),
        (
            "events:\n  - just text\n",
            "2:5: error: each event must be a mapping with `id`, "
            "`date`, `title` and `sources`, got a string",
        ),
        (
            "events:\n" + EVENT + "    sources: []\n",
            "5:14: error: `sources` must list at least one {article, quote}, got an empty list",
        ),
        (
            "events:\n" + EVENT + "    sources:\n      - article: x\n",
            "6:9: error: source is missing `quote`",
        ),
        (
            "events:\n" + EVENT + "    sources:\n      - artcle: x\n        quote: y\n",
            "6:9: error: unknown key `artcle`; did you mean `article`?",
        ),
        (
            "events:\n" + EVENT + "    sources:\n      - article: x\n        quote: '  '\n",
            "7:16: error: `quote` must not be empty; expected text",
        ),
        (
            "events:\n" + EVENT + "    title: y\n" + SOURCES,
            "5:5: error: duplicate key `title` (first on line 4); expected it once",
        ),
        (
            "events:\n" + EVENT + "    tags: [a, [b]]\n" + SOURCES,
            "5:15: error: each `tags` item must be text, got a list",
        ),
        (
            "events:\n" + EVENT + "    approximate: maybe\n" + SOURCES,
            "5:18: error: `approximate` must be true or false, got a string",
        ),
        (
            "events:\n" + EVENT + "    entities:\n      persons: [王帅]\n" + SOURCES,
            "6:7: error: unknown key `persons`; expected one of `people`, `organizations`, "
            "`places`",
        ),
        (
            "events:\n" + EVENT + "    entities: [王帅]\n" + SOURCES,
            "5:15: error: `entities` must be a mapping of `people`, `organizations` and "
            "`places` lists, got a list",
        ),
        (
            "events:\n  - id: a\n    date: 2020年1月23日\n    title: x\n" + SOURCES,
            "3:11: error: invalid `date` `2020年1月23日`: expected a date like 2020-01-23, "
            "2020-02 or 2020 (did you mean 2020-01-23?)",
        ),
        (
            "events:\n  - id: a\n    date: [2020]\n    title: x\n" + SOURCES,
            "3:11: error: `date` must be a date like 2020-01-23, 2020-02 or 2020, got a list",
        ),
        (
            "events:\n  - id: a\n    date: 2020-13\n    title: x\n" + SOURCES,
            "3:11: error: invalid `date` `2020-13`: month 13 is not 1-12",
        ),
        (
            "events: []\narticles:\n  x: some title\n",
            "3:6: error: the override for `x` must be "
            "a mapping of title, author, publication, date, url, keep, drop, got a string",
        ),
        (
            "events: []\narticles:\n  x:\n    date: 2020-02-30\n",
            "4:11: error: invalid `date` `2020-02-30`: 2020-02 has no day 30",
        ),
        (
            "events: []\nbase: &b {id: a}\n<<: *b\n",
            "2:1: error: unknown key `base`; expected one of `events`, `articles`",
        ),
    ],
)
def test_mistakes_built_in_text(text: str, expected: str) -> None:
    assert f"timeline.yaml:{expected}" in errors_in(text)


def test_merge_keys_are_refused_with_a_reason() -> None:
    assert errors_in("events: []\n<<: {a: 1}\n") == [
        "timeline.yaml:2:1: error: YAML merge keys (`<<`) are not supported; write the keys out"
    ]


def test_yaml_syntax_errors_name_the_place_and_the_fix() -> None:
    # More cases, in both languages, are in test_yaml_errors.py.
    assert errors_in("events:\n  - id: a\n    title: a: b\n") == [
        "timeline.yaml:3:13: error: `: ` inside the value of `title` starts another key; "
        'put the value in quotes: `title: "a: b"`'
    ]
    assert errors_in("events: [a, b\n") == [
        "timeline.yaml:1:9: error: the `[` opened here is never closed; add `]` after the last item"
    ]
    assert errors_in("events: []\n---\nevents: []\n") == [
        "timeline.yaml:2:1: error: a second YAML document starts here; a timeline is one "
        "document: remove this `---` and merge what follows into the first"
    ]
    assert errors_in("events: *nowhere\n") == [
        "timeline.yaml:1:9: error: `*nowhere` refers to no anchor; define `&nowhere` on a value "
        "above it, or write the value out"
    ]


def test_unprintable_character_is_located() -> None:
    assert errors_in("events: []\n# a\x00b\n") == [
        "timeline.yaml:2:4: error: invalid character U+0000 in YAML; expected printable text"
    ]


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_bytes(b"\xef\xbb\xbfevents: []\n")
    assert load_timeline(path, "t.yaml")[1] == []


def test_invalid_event_next_to_valid_ones_is_dropped_with_an_error_not_silently() -> None:
    text = "events:\n" + EVENT + SOURCES + "  - id: b\n    date: 2020-01-24\n" + SOURCES
    timeline, found = load_timeline_text(text, "timeline.yaml")
    assert [e.id for e in timeline.events] == ["a"]
    assert [str(d) for d in found] == ["timeline.yaml:8:5: error: event is missing `title`"]
