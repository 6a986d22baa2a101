"""When an article appeared, from what its text says.

In order of trust:

1. A dateline (``4月7日上午消息``, ``新华社北京4月7日电``) or a line that is only a
   date (``2020年4月7日``, ``2020-04-07 10:23``): the day itself. A dateline
   without a year takes it from a full date with the same month and day in the
   file (exact), else from the reference year (approximate).
2. Otherwise the latest date the text mentions, as a lower bound: the article
   cannot be older than the newest event it reports. It is given to the month
   and marked approximate (``约2020年4月``). Deadlines and ranges' ends
   (``延至6月30日``, ``将于…``) are skipped: they may lie in the future.

Month-and-day mentions without a year (``4月13日``) need a reference year: the
latest year of a full date (year and month) in the same file, or, if later, the
year the timeline's own span gives that month (:class:`YearSpan`, passed in by the
pipeline). Never another article's year: what one file says never dates another.
With neither, such mentions are not used.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .. import zhdates
from ..model import PartialDate

# ``4月7日上午消息``, ``新华社北京4月7日电``: a date that opens the text and says
# "reported on"; an agency or paper may stand before it, nothing else may.
_DATELINE = re.compile(
    r"^[【\[]?(?:[^，。,；;“”\s\d]{0,8}?(?:社|网|報|报|台|讯|訊)[^，。,；;“”\d]{0,8}?)?"
    r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日"
    r"(?:上午|下午|晚间|晚|早间|凌晨|中午)?(?:电|電|讯|訊|消息|报道|報道)"
)
# A paper's lead: ``本报讯``, ``【本報訊】``, ``新华网讯``, ``【明報專訊】``, ``【云州新闻】``.
_LEAD = re.compile(
    r"^[【\[]?(?:本报|本報|本刊|本台|本网|本網|[\u4e00-\u9fff]{2,8}?(?:报|報|社|网|網|台))"
    r"(?:专|專|综合|綜合|特|快)?(?:讯|訊)[】\]]?"
    r"|^[【\[][\u4e00-\u9fff]{2,8}(?:新闻|新聞|消息)[】\]]"
)
# The reporters a lead names in brackets after it: ``本报讯（记者 张三）``.
_LEAD_CREDIT = re.compile(r"\s*(?:[（(][^）)]{0,30}[）)])?\s*")
_DATE_LINE = re.compile(
    r"^(?:(?:发布|日期|时间|发布时间|更新时间)\s*[:：]\s*)?(?P<y>\d{4})\s*[年\-/.]\s*(?P<m>\d{1,2})"
    r"\s*[月\-/.]\s*(?P<d>\d{1,2})\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
    r"(?:\s+.{0,30})?$"
)
# Words just before a date that make it a deadline, a plan or the end of a range.
_FUTURE = re.compile(
    r"(将|將|将于|將於|预计|預計|计划|計劃|定于|定於|有望|力争|力爭|延至|延长至|延長至|明年|前|起至)\s*$"
)
_RANGE_END = re.compile(r"[至到~～-]\s*$")
_LAST_YEAR = re.compile(r"去年\s*$")

Ymd = tuple[int | None, int, int | None]


@dataclass
class DateEvidence:
    exact: Ymd | None = None
    mentions: list[Ymd] = field(default_factory=list)
    full: list[tuple[int, int, int | None]] = field(default_factory=list)  # with a year


def dateline(text: str) -> Ymd | None:
    # Every line is asked; a dateline names its month, and ``in`` looks at C speed.
    m = _DATELINE.match(text) if "月" in text else None
    return ymd(m.group("y"), m.group("m"), m.group("d")) if m else None


def lead(text: str) -> re.Match[str] | None:
    """The lead opening ``text`` (``本报讯``, ``【本報訊】``), if it has one."""
    # Every line is asked: a lead says ``讯`` or opens with a bracket.
    if "讯" in text or "訊" in text or text[:1] in ("【", "["):
        return _LEAD.match(text)
    return None


def strip_dateline(text: str) -> str:
    """``4月7日上午消息，时隔11年……`` -> ``时隔11年……``; ``本报讯（记者 X）…`` -> ``…``."""
    m = _DATELINE.match(text)
    if m is None and (m := _LEAD.match(text)) is not None:
        m = _LEAD_CREDIT.match(text, m.end())
    return text[m.end() :].lstrip("，,：: ") if m else text


def date_line(text: str) -> Ymd | None:
    """A line that is nothing but a date (perhaps with a time or a source)."""
    if len(text) > 50:
        return None
    m = _DATE_LINE.match(text.strip())
    if not m:
        return None
    return ymd(m.group("y"), m.group("m"), m.group("d"))


def collect(texts: Iterable[str], evidence: DateEvidence) -> None:
    """Add every usable date mention in ``texts`` to ``evidence``."""
    for text in texts:
        for mention in zhdates.mentions(text):
            before = text[max(0, mention.start - 6) : mention.start]
            if _FUTURE.search(before) or (_RANGE_END.search(before) and "截" not in before):
                continue
            year = None if mention.year is None else str(mention.year)
            day = None if mention.day is None else str(mention.day)
            found = ymd(year, str(mention.month), day)
            if found and found[0] is None and _LAST_YEAR.search(before):
                found = (-1, found[1], found[2])  # resolved against the reference year
            if found is None:
                continue
            evidence.mentions.append(found)
            if found[0] is not None and found[0] > 0:
                evidence.full.append((found[0], found[1], found[2]))


@dataclass(frozen=True)
class YearSpan:
    """The months a timeline covers, first and last as ``(year, month)``."""

    first: tuple[int, int]
    last: tuple[int, int]

    def year(self, month: int) -> int:
        """The year that puts ``month`` inside the span, or nearest to it (later on a tie)."""
        years = range(self.first[0], self.last[0] + 1)
        return min(years, key=lambda y: (self._distance((y, month)), -y))

    def _distance(self, ym: tuple[int, int]) -> int:
        months = ym[0] * 12 + ym[1]
        low, high = (y * 12 + m for y, m in (self.first, self.last))
        return max(low - months, months - high, 0)


@dataclass(frozen=True)
class FileDates:
    """What the whole file says about years: its latest year, its full dates, the span."""

    own: int | None
    years_by_day: dict[tuple[int, int | None], int]
    span: YearSpan | None = None

    def year(self, month: int) -> int | None:
        """The year of a year-less ``month`` mention: the file's own, or the span's if later."""
        found = [y for y in (self.own, self.span.year(month) if self.span else None) if y]
        return max(found, default=None)


def file_dates(evidence: Iterable[DateEvidence], span: YearSpan | None) -> FileDates:
    by_day: dict[tuple[int, int | None], int] = {}
    for ev in evidence:
        for year, month, day in ev.full:
            by_day[(month, day)] = max(year, by_day.get((month, day), year))
    return FileDates(max(by_day.values(), default=None), by_day, span)


def latest(mentions: Iterable[Ymd], context: FileDates) -> tuple[int, int] | None:
    """The latest (year, month) mentioned; year-less mentions need a reference year."""
    best: tuple[int, int] | None = None
    for year, month, _day in mentions:
        if year is None or year < 0:
            ref = context.year(month)
            if ref is None:
                continue
            year = ref - 1 if year is not None else ref
        if best is None or (year, month) > best:
            best = (year, month)
    return best


def resolve(
    exact: Ymd | None, best: tuple[int, int] | None, context: FileDates
) -> PartialDate | None:
    """The article's date: its dateline if any, else its latest mention (approximate)."""
    if exact is not None:
        year, month, day = exact
        if year is not None and year > 0:
            return _date(year, month, day, False)
        same = context.years_by_day.get((month, day))
        if same is not None:
            return _date(same, month, day, False)
        ref = context.year(month)
        if ref is not None:
            return _date(ref, month, day, True)
    return _date(best[0], best[1], None, True) if best else None


def ymd(y: str | None, m: str, d: str | None) -> Ymd | None:
    year = int(y) if y else None
    month = int(m)
    day = int(d) if d else None
    if year is not None and not 1900 <= year <= 2100:
        return None
    if not 1 <= month <= 12:
        return None
    if day is not None:
        last = calendar.monthrange(year or 2000, month)[1]  # 2000: a leap year
        if not 1 <= day <= last:
            return None
    return (year, month, day)


def _date(year: int, month: int, day: int | None, approximate: bool) -> PartialDate | None:
    try:
        return PartialDate(year, month, day, approximate)
    except ValueError:  # 29 February of a year that has none
        return PartialDate(year, month, None, approximate)
