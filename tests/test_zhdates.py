"""The one parser of Chinese date mentions, as the cleaner and ``suggest`` both read them."""

from __future__ import annotations

from generator.clean.dates import DateEvidence, collect
from generator.timeline.suggest import find_dates
from generator.zhdates import Mention, mentions


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
