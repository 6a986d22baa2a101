"""A read of timeline.yaml that finds events the last read parsed gives what a first read
gives, whatever the save changed (see generator/timeline/reread.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.timeline import events, load
from generator.timeline.reread import Reread

TIMELINE = (Path(__file__).resolve().parent.parent / "timeline.yaml").read_text(encoding="utf-8")
# Events written to trip a reader that keeps them: one that holds an alias of text set
# elsewhere, one with a mistake, one with characters beyond the BMP.
EXTRA = """
  - id: anchored
    date: 2020-02-01
    title: &shared 别名里的标题
    sources:
      - article: a
        quote: 一段引文
  - id: aliased
    date: 2020-02-01
    title: 用了别名的事件
    sources:
      - article: a
        quote: *shared
  - id: broken
    date: 2020-13-01
    title: 日期错了的事件
    sources:
      - article: a
        quote: 一段引文
  - {id: flow, date: 2020-02-30, title: 一行写成的事件, sources: [{article: a, quote: 引文}]}
  - id: astral
    date: 2020-02-02
    title: 𠮷野家与😷口罩
    sources:
      - article: a
        quote: 𠮷野家的外卖
"""
BASE = TIMELINE.replace("\nevents:\n", "\nevents:\n" + EXTRA.lstrip("\n") + "\n", 1)
FOUND = re.search(r"- id: (\S+)\n(?:.*\n)*?    title: (.*)\n", TIMELINE)
assert FOUND is not None
FIRST = FOUND

Edit = Callable[[str], str]
EDITS: dict[str, Edit] = {
    "a title": lambda t: t.replace(FIRST[2], FIRST[2] + "（改）", 1),
    "a line above everything": lambda t: "# 新的一行\n" + t,
    "a line inside the first event": lambda t: t.replace("    title:", "    # 注\n    title:", 1),
    "the shared text behind an alias": lambda t: t.replace("别名里的标题", "改过的别名", 1),
    "a new mistake": lambda t: t.replace("date: 2020-02-02", "date: 2020-02-31", 1),
    "a mistake mended": lambda t: t.replace("2020-13-01", "2020-12-01", 1),
    "an astral character": lambda t: t.replace("𠮷野家的外卖", "𠮷野家的外卖。", 1),
    "a line moved right": lambda t: t.replace("  - {id: flow", "  -    {id: flow", 1),
    "a duplicate id": lambda t: t.replace("id: astral", "id: broken", 1),
    "an event removed": lambda t: t.replace(EXTRA.split("  - id: aliased")[0].lstrip("\n"), "", 1),
    "an indent changed": lambda t: (
        t.replace("  - id: astral\n    date", "  -   id: astral\n      date", 1)
        .replace("\n    title: 𠮷", "\n      title: 𠮷", 1)
        .replace(
            "\n    sources:\n      - article: a\n        quote: 𠮷",
            "\n      sources:\n        - article: a\n          quote: 𠮷",
            1,
        )
    ),
}


def _read(text: str, shown: str = "timeline.yaml") -> load.Loaded:
    load._load_text.cache_clear()  # the read itself, not the last result for this text
    return load.load_text(text, shown)


@pytest.mark.parametrize("name", sorted(EDITS))
def test_a_read_after_a_save_is_a_first_read(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    edited = EDITS[name](BASE)
    assert edited != BASE, name
    monkeypatch.setattr(events, "_REREAD", Reread())
    before = _read(BASE)
    again = _read(edited)
    monkeypatch.setattr(events, "_REREAD", Reread())
    first = _read(edited)
    assert again == first
    assert [str(d) for d in again.diagnostics] == [str(d) for d in first.diagnostics]
    # Nothing was kept where the first read of the edited text differs from the last.
    kept = {id(e) for e in before.timeline.events}
    reused = [e for e in again.timeline.events if id(e) in kept]
    assert all(e in before.timeline.events for e in reused)
    assert "aliased" not in {e.id for e in reused}  # its quote is written elsewhere


def test_events_a_save_did_not_touch_are_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(events, "_REREAD", Reread())
    before = {e.id: e for e in _read(BASE).timeline.events}
    after = {e.id: e for e in _read(EDITS["a title"](BASE)).timeline.events}
    changed = {i for i in after if after[i] is not before[i]}
    assert changed == {"aliased", FIRST[1]}


def test_the_same_text_shown_under_another_name_is_read_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(events, "_REREAD", Reread())
    _read(EDITS["a new mistake"](BASE))
    moved = _read(EDITS["a new mistake"](BASE), "docs/timeline.yaml")
    assert moved.diagnostics and all(d.file == "docs/timeline.yaml" for d in moved.diagnostics)
