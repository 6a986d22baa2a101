"""Header lines: the line of date, source and author that pages print by the headline.

Sites and papers print it in many orders, and it is never a sentence::

    2020年02月19日 15:31　来源：中国新闻网
    来源：人民网-四川频道　　作者：王思远　　2020-03-16 09:42
    人民日报 2020-04-08 05:16:22
    2020年02月19日 15:31 新浪财经
    云州日报 2020年4月2日 星期四 第06版 综合新闻
    来源：市卫健委 发布时间：2020-02-15 10:00 浏览次数：1024
    （2020/3/23）    【2020年2月6日讯】

:func:`parse` reads such a line field by field (a date with its time, a weekday, a
page number, ``label：value`` pairs) and accepts it only when what is left between
the fields is a few short names (the paper, a section): so a sentence that mentions
a date is never taken for a header.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import dates
from .names import SURNAMES
from .publication import publication_name

_LONGEST = 100
_NAME_CHARS = 16  # a paper's or section's name between the fields
_NAMES = 3
_DATE = (
    r"(?P<y>\d{4})\s*[年\-/.]\s*(?P<m>\d{1,2})\s*[月\-/.]\s*(?P<d>\d{1,2})\s*[日号]?"
    r"(?P<time>\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?))?"
)
_LABEL = (
    "来源|來源|稿源|出处|出處|作者|记者|記者|编辑|編輯|责任编辑|責任編輯|责编|責編|审核|審核"
    "|发布时间|發布時間|发布日期|發布日期|发表时间|更新时间|更新時間|时间|時間|日期|发布|發布"
    "|发稿时间|發稿時間|发佈时间|發佈時間|发佈|發佈|发布于|發佈於|刊登日期|出版日期|更新|修订日期|修訂日期"
    "|最后更新日期|最後更新日期|刊登于|刊登於|出版"
    "|浏览次数|瀏覽次數|浏览量|浏览|阅读量|阅读数|阅读|閱讀|点击数|点击量|点击|點擊|点阅|點閱|字号|字號"
)
# The fields a page's own header and footer lines are made of (:mod:`.page` reads them
# too): a weekday, a page number or edition code, who edited or designed the page.
DATE = r"\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*[日号]?"
WEEKDAY = r"[（(]?(?:星期|週|周|礼拜|禮拜)[一二三四五六日天][）)]?"
PAGE_NO = r"第\s*[A-Za-z]?\d{1,3}\s*版|(?<![A-Za-z0-9])[A-Z]\d{1,2}(?:版)?(?![A-Za-z0-9])"
EDITOR_ROLE = (
    r"(?:本版|本期|责任|責任|值班|美术|美術|图片|圖片|文字|版面|执行|執行)?"
    r"(?:编辑|編輯|责编|責編|美编|美編|校对|校對|版式|设计|設計|策划|策劃|编委|編委|制图|製圖"
    r"|文检|文檢|组版|組版|审校|審校|监制|監製|统筹|統籌|主编|主編|编审|編審)"
)
# ``22/03/2020 06:00``: day first, as Hong Kong pages print it.
_DAY_FIRST = r"(?P<dd>\d{1,2})/(?P<dm>\d{1,2})/(?P<dy>\d{4})(?P<dtime>\s+\d{1,2}[:：]\d{2})?"
_FIELD = re.compile(
    rf"[（(【\[]?\s*{_DATE}\s*(?:讯|訊)?\s*[）)】\]]?"
    rf"|{_DAY_FIRST}"
    r"|(?:香港|北京|台北)?(?:时间|時間)?\d{1,2}[时時]\d{1,2}分"
    rf"|{WEEKDAY}|{PAGE_NO}"
    # A page's editors: ``编辑 贾文 版式 郑琳``, ``美编：陈蕾``.
    rf"|{EDITOR_ROLE}\s*[:：]?\s*[\u4e00-\u9fff]{{2,3}}(?![\u4e00-\u9fff])"
    # A label's value is a name; a date or a count after a label is a field of its own.
    rf"|(?<![\u4e00-\u9fff])(?P<label>{_LABEL})\s*[:：]\s*(?P<value>[^\s\u3000|｜\d][^\s\u3000|｜]*)?"
    # ``发布于 2020-02-28 21:10``, ``刊登於 2020-02-14``: a label that says "on" needs no colon.
    r"|(?<![\u4e00-\u9fff])(?P<on>发布于|發佈於|发表于|編輯於|编辑于|刊登于|刊登於|更新于|更新於)(?=\s*\d)"
)
_ORIGINAL = frozenset(("原创", "原創"))  # a WeChat account's mark before its writer
_SEPARATORS = re.compile(r"[\s\u3000|｜·•/／_]+")
_NOT_A_NAME = re.compile(r"[，。！？；,!?;“”\"：:]")
# The labels whose value is the date (``发布时间：2020-02-15``).
_DATE_LABELS = frozenset(
    (
        *("发稿时间", "發稿時間", "发佈时间", "發佈時間", "发佈", "發佈", "发布于", "刊登日期"),
        *("出版日期", "更新", "发布时间", "發布時間", "发布日期", "發布日期", "发表时间"),
        *("更新时间", "更新時間", "时间", "時間", "日期", "发布", "發布", "發佈於"),
        *("最后更新日期", "最後更新日期", "刊登于", "刊登於", "出版"),
    )
)

# The same lines are asked about by several steps (top matter, titles, bylines, menus),
# and a site repeats its furniture from page to page: remember the answers.
_MEMO = 1 << 15


@dataclass(frozen=True)
class Header:
    date: dates.Ymd | None
    publication: str | None = None
    author: str | None = None
    # Printed the way only header lines are: with a time, a weekday, a page, a label or
    # in brackets. A bare ``2020年3月12日`` may be the date under a letter instead.
    marked: bool = False


@functools.lru_cache(maxsize=_MEMO)
def parse(text: str) -> Header | None:
    """The date, publication and author of a header line, or ``None`` if it is not one."""
    text = text.strip()
    if not text or len(text) > _LONGEST or text[-1] in "。！？":
        return None
    found: dates.Ymd | None = None
    labels: dict[str, str] = {}
    names: list[str | None] = []
    pos = 0
    marked = False  # a time, a weekday, a page or a label: what only header lines print
    sections_from = None  # names after a page number or weekday are sections, not papers
    for m in _FIELD.finditer(text):
        names += _names(text[pos : m.start()])
        pos = m.end()
        if sections_from is None and m.group(0).lstrip("（(").startswith(("第", "星期")):
            sections_from = len(names)
        if m.group("label"):
            labels.setdefault(_simple(m.group("label")), m.group("value") or "")
        elif m.group("on"):
            marked = True
        elif m.group("y") and found is None:
            found = dates.ymd(m.group("y"), m.group("m"), m.group("d"))
        elif m.group("dy") and found is None:
            found = dates.ymd(m.group("dy"), m.group("dm"), m.group("dd"))
        dated = m.group("y") or m.group("dy")
        bracketed = m.group(0)[:1] in "（(【[" and m.group(0)[-1:] in "）)】]"
        marked = marked or not dated or bracketed or bool(m.group("time") or m.group("dtime"))
    names += _names(text[pos:])
    if any(n is None for n in names) or len(names) > _NAMES:
        return None
    author = None
    if names and names[0] in _ORIGINAL:  # ``原创 张三 某某公众号 2020-02-06``
        marked = True
        names = names[1:]
        if names and names[0] and len(names) > 1 and names[0][0] in SURNAMES:
            author, names = names[0], names[1:]
    if names and not marked and not any(publication_name(n) for n in names if n):
        return None  # ``数据截至 2020年3月31日``: a note about a date, not a header
    if found is None:
        found = next((d for k, v in labels.items() if k in _DATE_LABELS if (d := _date(v))), None)
    if found is None and "来源" not in labels and not marked:
        return None
    paged = sections_from is not None
    papers = names[:sections_from] if paged else names
    pub = _publication(labels, [n for n in papers if n], paged)
    return Header(found, pub, author or _author(labels), marked or bool(names) or bool(labels))


def _names(gap: str) -> list[str | None]:
    """The names in a gap between fields; ``None`` for anything that is not a name."""
    out: list[str | None] = []
    for token in _SEPARATORS.split(gap):
        token = token.strip("-—–")
        if not token:
            continue
        if token.isdigit():
            continue  # a count after ``浏览次数：``
        ok = len(token) <= _NAME_CHARS and not _NOT_A_NAME.search(token)
        out.append(token if ok else None)
    return out


def _simple(label: str) -> str:
    return {"來源": "来源", "記者": "记者"}.get(label, label)


def _date(value: str) -> dates.Ymd | None:
    m = re.match(_DATE, value)
    return dates.ymd(m.group("y"), m.group("m"), m.group("d")) if m else None


def _publication(labels: dict[str, str], names: list[str], paged: bool) -> str | None:
    """The source named, else a paper's name, else the one name beside the date and
    time (``2020年02月19日 15:31 新浪财经``) — but not a section beside a page number."""
    source = labels.get("来源", "").strip("-—")
    if source:
        return source
    named = [p for p in map(publication_name, names) if p]
    if named:
        return named[0]
    person = len(names) == 1 and len(names[0]) <= 3 and names[0][0] in SURNAMES
    alone = len(names) == 1 and len(names[0]) >= 2 and not paged and not person
    return names[0] if alone else None


def _author(labels: dict[str, str]) -> str | None:
    for key in ("作者", "记者"):
        value = labels.get(key, "")
        if 2 <= len(value) <= 8 and not _NOT_A_NAME.search(value):
            return value
    return None


def date_line(text: str) -> dates.Ymd | None:
    """The date of a line that is only metadata: a header line or a bare date."""
    found = parse(text)
    if found is not None:
        return found.date
    return dates.date_line(text)
