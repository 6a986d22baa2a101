"""A save that changed one event is read by reading that event again: what it gives is
what reading the whole file gives, whatever the save did (generator/timeline/one_event.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.timeline import events, load, yamlpos
from generator.timeline.reread import Reread

TIMELINE = (Path(__file__).resolve().parent.parent / "timeline.yaml").read_text(encoding="utf-8")
# An event whose lines hold an anchor, one that uses it, and the file's other events.
BASE = TIMELINE.replace(
    "\nevents:\n",
    "\nevents:\n"
    "  - id: anchored\n    date: 2020-02-01\n    title: &shared 别名里的标题\n"
    "    sources:\n      - article: a\n        quote: 一段引文\n\n"
    "  - id: aliased\n    date: 2020-02-01\n    title: 用了别名的事件\n"
    "    sources:\n      - article: a\n        quote: *shared\n"
    "  - id: flow\n    date: 2020-02-02\n    title: 一行\n"
    "    sources: [{article: a, quote: 引文}]\n",
    1,
)
FIRST_TITLE = "快手发起“网红村官，线上抗疫”行动"
SECOND_ID = "  - id: lazada-fresh-grocery-orders\n"


def _fresh() -> None:
    load._load_text.cache_clear()
    load._LAST_READ.clear()


def _read(text: str) -> load.Loaded:
    load._load_text.cache_clear()  # the read itself, not the last result for this text
    return load.load_text(text, "timeline.yaml")


def _whole(text: str, monkeypatch: pytest.MonkeyPatch) -> load.Loaded:
    _fresh()
    monkeypatch.setattr(events, "_REREAD", Reread())
    return _read(text)


Edit = Callable[[str], str]
QUICK: dict[str, Edit] = {
    "a title": lambda t: t.replace(FIRST_TITLE, FIRST_TITLE + "（改）", 1),
    "a quote": lambda t: t.replace("数十位基层干部，发起了", "数十位基层干部，发起", 1),
    "a summary cut short": lambda t: t.replace(
        "    summary: 春节期间，", "    summary: 春节 # ", 1
    ),
    "a comment on a line": lambda t: t.replace(FIRST_TITLE, FIRST_TITLE + " # 注", 1),
    "a flow list": lambda t: t.replace("{article: a, quote: 引文}", "{article: a, quote: 引文二}"),
}
WHOLE: dict[str, Edit] = {
    "a line added": lambda t: t.replace(FIRST_TITLE, FIRST_TITLE + "\n    # 注", 1),
    "the next event's first line": lambda t: t.replace(SECOND_ID, "  " + SECOND_ID, 1),
    "the next event's first line put out": lambda t: t.replace(SECOND_ID, "#" + SECOND_ID, 1),
    "the next event's dash": lambda t: t.replace(SECOND_ID, SECOND_ID.replace("- ", "-  "), 1),
    "a key out of its event": lambda t: t.replace("    title: " + FIRST_TITLE, "  title: x", 1),
    "a document marker": lambda t: t.replace("    title: " + FIRST_TITLE, "---", 1),
    "an anchor's text": lambda t: t.replace("别名里的标题", "改过的别名", 1),
    "an alias added": lambda t: t.replace("quote: 引文}", "quote: *shared}", 1),
    "a tag": lambda t: t.replace(FIRST_TITLE, "!!str " + FIRST_TITLE, 1),
    "a bad date": lambda t: t.replace("date: 2020-02-02", "date: 2020-02-31", 1),
    "another id": lambda t: t.replace("id: flow", "id: flow-2", 1),
    "a duplicate id": lambda t: t.replace("id: flow", "id: aliased", 1),
    "deep nesting": lambda t: t.replace("[{article: a", "[" * 70 + "{article: a", 1).replace(
        "引文}]", "引文}" + "]" * 70, 1
    ),
}


@pytest.mark.parametrize("name", sorted(QUICK))
def test_a_save_inside_one_event_reads_that_event_alone(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    edited = QUICK[name](BASE)
    assert edited != BASE
    expected = _whole(edited, monkeypatch)
    assert expected.diagnostics == [], name
    _fresh()
    _read(BASE)
    composed: list[str] = []

    def compose(text: str) -> yaml.Node | None:
        composed.append(text)
        return yamlpos.compose(text)

    monkeypatch.setattr(load, "compose", compose)
    assert _read(edited) == expected
    assert composed == [], "the whole file was composed again"


@pytest.mark.parametrize("name", sorted(WHOLE))
def test_any_other_save_is_read_as_a_whole(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    edited = WHOLE[name](BASE)
    assert edited != BASE
    expected = _whole(edited, monkeypatch)
    _fresh()
    _read(BASE)
    assert _read(edited) == expected
    assert [str(d) for d in _read(edited).diagnostics] == [str(d) for d in expected.diagnostics]


def test_saves_one_after_another_each_read_as_the_whole_file_is(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each quick read is the start of the next: the places it kept must be right."""
    texts = [BASE]
    for n in range(4):
        texts.append(texts[-1].replace(FIRST_TITLE, FIRST_TITLE + "长" * (n + 1), 1))
        texts.append(texts[-1].replace("一行", f"一行{n}", 1))
    expected = [_whole(text, monkeypatch) for text in texts]
    _fresh()
    assert [_read(text) for text in texts] == expected


@given(st.data())
@settings(max_examples=150, deadline=None)
def test_any_small_change_anywhere_reads_as_the_whole_file(data: st.DataObject) -> None:
    """Characters put in, taken out or replaced at any place, in a row of saves."""
    _fresh()
    events._REREAD = Reread()
    text = BASE
    _read(text)
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 3))
        put = data.draw(st.text(alphabet=" -:#\n\"'[]{}a字*&!|>", max_size=3))
        text = text[:at] + put + text[at + cut :]
        got = _read(text)
        shown = [str(d) for d in got.diagnostics]
        kept = dict(load._LAST_READ)
        load._LAST_READ.clear()
        events._REREAD = Reread()
        whole = _read(text)
        assert got == whole and shown == [str(d) for d in whole.diagnostics]
        load._LAST_READ.clear()
        load._LAST_READ.update(kept)
