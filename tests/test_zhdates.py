"""The one parser of Chinese date mentions, as the cleaner and ``suggest`` both read them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import zhdates
from generator.clean import dates as clean_dates
from generator.clean.dates import DateEvidence, collect
from generator.timeline.suggest import find_dates
from generator.zhdates import Mention, mentions

# What a mention is made of, and what stands around one: digits of both widths, the
# decimal point that stops a mention from starting, spaces and the words of ranges.
_DATE_TEXT = st.text(
    st.sampled_from([*"0123456789１２３９.-/年月日号號至到~～—旬初底末份上中下 ，。", "\u3000"]),
    max_size=40,
)


def test_mentions_in_the_shapes_text_writes_them() -> None:
    text = "截至 ２０２０ 年 ３ 月 ３１ 日，2020-02-15起，4月上旬，"
    text += "1月25日至27日，12月20日至1月5日，1至3月"
    got = [(m.year, m.month, m.day, m.approximate, m.end_month, m.end_day) for m in mentions(text)]
    assert got == [
        (2020, 3, 31, False, None, None),
        (2020, 2, 15, False, None, None),
        (None, 4, None, True, None, None),
        (None, 1, 25, False, 1, 27),
        (None, 12, 20, False, 1, 5),
        (None, 1, None, False, 3, None),
    ]
    assert all(isinstance(m, Mention) and text[m.start : m.stop] for m in mentions(text))


def test_numbers_that_are_not_dates_are_no_mentions() -> None:
    assert list(mentions("增长3.5月均值，版本2.12月，电话12345678，第1.3月")) == []


def test_cleaning_and_suggest_read_the_same_mentions() -> None:
    text = "记者3月5日获悉，2020年2月10日起实施，服务延至6月30日。"
    evidence = DateEvidence()
    collect([text], evidence)
    suggested = [(d.year, d.month, d.day) for d, _, _, _ in find_dates(text, 2020)]
    # The cleaner skips a deadline (``延至6月30日``) as a date of the article; suggest
    # proposes it as a lead. Every other mention is the same for both.
    assert evidence.mentions == [(None, 3, 5), (2020, 2, 10)]
    assert suggested == [(2020, 3, 5), (2020, 2, 10), (2020, 6, 30)]


@settings(max_examples=2000, deadline=None)
@given(_DATE_TEXT)
def test_mentions_are_found_where_the_pattern_alone_finds_them(text: str) -> None:
    # Tried only where a run of digits starts, the pattern finds what it finds when
    # tried at every position.
    got = [(m.start(), m.end(), m.groupdict()) for m in zhdates._found(text)]
    assert got == [(m.start(), m.end(), m.groupdict()) for m in zhdates._MENTION.finditer(text)]


def test_no_mention_starts_after_a_decimal_point_and_one_may_follow_another() -> None:
    text = "3.12月，2.3月5日至7日，1月1日2月2日，2020.1.5，12020年3月"
    found = [text[m.start() : m.end()] for m in zhdates._found(text)]
    assert found == [m.group(0) for m in zhdates._MENTION.finditer(text)]
    assert found == ["1月1日", "2月2日", "2020.1.5", "3月"]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.from_regex(clean_dates._DATELINE),
        st.from_regex(clean_dates._LEAD),
        st.text(st.sampled_from([*"【[本报讯訊社网新华电月日12 ，消息"]), max_size=20),
    )
)
def test_leads_and_datelines_are_found_as_their_patterns_find_them(text: str) -> None:
    # Each line is first looked at for the words a lead or a dateline must hold.
    m = clean_dates._DATELINE.match(text)
    expected = clean_dates.ymd(m["y"], m["m"], m["d"]) if m else None
    assert clean_dates.dateline(text) == expected
    lead, pattern = clean_dates.lead(text), clean_dates._LEAD.match(text)
    assert (lead and lead.span()) == (pattern and pattern.span())
