"""The quick filter before the furniture table: what every match of a rule must hold.

Strings are drawn from each rule's own pattern by Hypothesis, so the filter is checked
against the matches the rule can make, not against lines that happen to pass.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.clean import meta, phrases
from generator.clean.chars import ends_sentence, width
from generator.clean.needles import needle_filter, needles, openers
from generator.clean.phrases import RULES
from generator.clean.rules import SHORT_LINE, Rule
from generator.model import InputError
from generator.read import read_file

from .conftest import ROOT, SEEDS

SEARCHED = [r.pattern for r in RULES if r.search]
ANCHORED = [r.pattern for r in RULES if not r.search]


# Each rule's pattern is a test case of its own; Hypothesis draws matches from it.
drawn_from_each = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


# Anchored rules that may open with too many characters to list are tried on a line
# only when it holds one of their words (if they have words), and so is the photo
# credit closing a caption: held to them too.
WORDED = [p for p in ANCHORED if openers(p) is None and needles(p) is not None]
WORDED.append(phrases._CAPTION_TAIL)


@pytest.mark.parametrize("pattern", SEARCHED + WORDED, ids=lambda p: p.pattern[:30])
@drawn_from_each
@given(data=st.data())
def test_every_match_of_a_searched_rule_holds_one_of_its_needles(
    pattern: re.Pattern[str], data: st.DataObject
) -> None:
    found = needles(pattern)
    assert found is not None, "each rule that looks inside a line names words"
    text = data.draw(st.from_regex(pattern))
    if pattern.search(text):
        folded = text.casefold()
        assert any(word in folded for word in found), (text, sorted(found))


@pytest.mark.parametrize("pattern", ANCHORED, ids=lambda p: p.pattern[:30])
@drawn_from_each
@given(data=st.data())
def test_every_match_of_an_anchored_rule_starts_with_one_of_its_openers(
    pattern: re.Pattern[str], data: st.DataObject
) -> None:
    found = openers(pattern)
    text = data.draw(st.from_regex(pattern))
    if found is not None and pattern.match(text):
        assert text[:1].casefold() in found, (text, sorted(found))


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"扫一扫|扫码", {"扫一扫", "扫码"}),
        (r"(扫|扫描).{0,12}(二维码|关注)", {"二维码", "关注"}),  # the longer words
        (r"(报料|爆料)\s*[:：]", {"报料", "爆料"}),
        (r"版权所有", {"版权所有"}),
        (r"(?i:All Rights)", {"all rights"}),
        (r"下载.{0,6}(APP|app)", {"app"}),  # case-folded, so both spellings are one
        (r"(?:报料)?\s*电话", {"电话"}),  # an optional word guarantees nothing
        (r"[:：]\d+", {":", "："}),
        (r"[^，。]{2,8}摄$", {"摄"}),
    ],
)
def test_needles_of_hand_written_patterns(pattern: str, expected: set[str]) -> None:
    assert needles(re.compile(pattern)) == frozenset(expected)


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:报料)?",  # may match nothing
        r".{2,5}",  # any characters
        r"[\u4e00-\u9fff]{2,10}",  # a range, too many to list
        r"(扫码|.{3})",  # one branch without a word
    ],
)
def test_patterns_without_a_guarantee_give_none(pattern: str) -> None:
    assert needles(re.compile(pattern)) is None


def test_openers_skip_optional_and_zero_width_items() -> None:
    assert openers(re.compile(r"^[【\[]?(分享|微博)")) == frozenset("【[分微")
    assert openers(re.compile(r"(?=\S)(?:责编|编辑)")) == frozenset("责编")
    assert openers(re.compile(r"\d+年")) is None
    assert openers(re.compile(r"(?:扫码)?")) is None  # a match may be empty


def test_a_filter_finds_the_longest_word_first_and_gives_up_on_unknowns() -> None:
    joined = needle_filter([re.compile("扫码"), re.compile("扫码关注")])
    assert joined is not None
    found = joined.search("请扫码关注")
    assert found is not None and found.group() == "扫码关注"
    assert needle_filter([re.compile("扫码"), re.compile(".+")]) is None


@pytest.mark.parametrize(
    "rule", [r for r in RULES if not r.search], ids=lambda r: r.pattern.pattern[:30]
)
@drawn_from_each
@given(data=st.data())
def test_the_quick_filter_passes_every_line_an_anchored_rule_fires_on(
    rule: Rule, data: st.DataObject
) -> None:
    text = data.draw(st.from_regex(rule.pattern))
    w = width(text)
    short = w <= SHORT_LINE and not ends_sentence(text)
    if rule.fires(text, w, short, False):
        assert phrases._may_fire(text, text.casefold(), w), (text, w)


# A byline is looked for only in a line holding a word of one of its shapes.
_BYLINE_PIECES = [
    *("记者", "記者", "通讯员", "實習生", "撰稿人", "评论员", "首席", "文", "作者", "编辑"),
    *("/", "／", "｜", "|", "：", ":", "·", "（", "(", "）", ")", "【", "】", " ", "、"),
    *("王", "李", "张", "陈", "晓", "明", "婷", "本报", "新华社", "经济日报", "报道", "摄"),
    *("北京", "电", "2月", "a", "7"),
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_BYLINE_PIECES), max_size=8).map("".join))
@example("（王晓明）")
@example("经济日报·王明")
@example("本报记者 王晓明")
@example("文/李明")
@example("新华社记者 王明 李婷")
@example("王晓明 新华社记者")
def test_the_byline_filter_lets_every_byline_through(text: str) -> None:
    assert meta.parse_byline(text) == meta._parse_byline(text), text


def test_the_byline_filter_keeps_every_byline_of_the_seeds_and_fixtures() -> None:
    files = [*SEEDS.glob("*.txt"), *(ROOT / "tests" / "fixtures").rglob("*.txt")]
    lines = {line.strip() for f in files for line in _text(f).splitlines()}
    found = [line for line in lines if meta._parse_byline(line) is not None]
    assert len(found) > 20  # the check below means something
    assert all(meta.parse_byline(line) == meta._parse_byline(line) for line in lines)


def _text(path: Path) -> str:
    try:
        return read_file(path).text
    except InputError:  # the fixtures of unreadable files
        return ""
