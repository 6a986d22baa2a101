"""Which paper or site a piece appeared in, from how it names one.

``经济日报·中国经济网记者`` names ``经济日报``; running text names a paper before its
reporter (``接受钱江晚报记者采访``); a piece says where it first appeared
(``本文刊载于《三联生活周刊》``, ``来源：新华社``); a copied page opens with its site's
name or title bar. ``本报`` ("this paper") names none.
"""

from __future__ import annotations

import re

_H = "\u4e00-\u9fff"
_QUALIFIER = "(?:首席|特约|特約|实习|實習|见习|見習|特派)"
_REPORTER = "(?:记者|記者)"
LOCAL_PAPER = re.compile(r"^(本报|本報|本刊|本台|本网|本網|本站)")
_PUB_SUFFIX = (
    "日报|晚报|早报|晨报|时报|商报|周报|周刊|导报|画报|青年报|法制报|经济报|新闻报|杂志|新闻网|通讯社|新闻社"
    "|电视台|广播电台|日報|晚報|時報|週刊|週報|雜誌|新聞網|通訊社|電視台|新闻|新聞|社|网|網|报|報|刊|报道|周末|週末"
)
_PUB = re.compile(f"^[{_H}A-Za-z0-9]{{1,12}}(?:{_PUB_SUFFIX})$")
_PUB_BRACKETED = re.compile(f"《([^《》]{{2,20}})》{_QUALIFIER}?{_REPORTER}")
_BEFORE_REPORTER = re.compile(f"([{_H}A-Za-z·]{{2,16}}?){_QUALIFIER}?{_REPORTER}$")
# Words that come before a paper's name in running text: "接受经济日报记者采访".
_LEADERS = re.compile(r"^.*(接受|据|據|向|对|對|告诉|告訴|随同|隨同|跟随|跟隨|陪同|回答)")


def publication_name(text: str) -> str | None:
    """The paper in a byline prefix: ``经济日报·中国经济网`` -> ``经济日报``."""
    text = text.strip(" ·:：《》")
    if not text or LOCAL_PAPER.match(text):
        return None
    first = re.split(r"[·・|/、]", text)[0].strip("《》 ")
    first = re.sub(r"(驻|特派).*$", "", first)
    return first if len(first) >= 3 and _PUB.match(first) else None


def publication_in_text(text: str) -> str | None:
    """A paper named in running text as ``钱江晚报记者`` or ``据《中国经济周刊》记者``."""
    m = _PUB_BRACKETED.search(text)
    if m and publication_name(m.group(1)):
        return publication_name(m.group(1))
    for word in ("记者", "記者"):
        at = text.find(word)
        while at >= 0:
            m = _BEFORE_REPORTER.search(text[max(0, at - 18) : at + 2])
            if m:
                name = publication_name(_LEADERS.sub("", m.group(1)))
                if name and len(name) >= 3:
                    return name
            at = text.find(word, at + 2)
    return None


_SOURCE_PREFIX = re.compile(r"(?:^|\s)[（(【\[]?(?:来源|來源|稿源|出处|出處|转自|轉自)\s*[:：]\s*")


# Where a piece says it first appeared: ``本文刊载于《三联生活周刊》2020年第12期``,
# ``来源于 财新周刊 2020年第9期``, ``本文来自微信公众号“消费观察站”``, ``【明報專訊】``.
_APPEARED_IN = re.compile(
    r"^(?:本文)?(?:刊载于|刊載於|原载于|原載於|来源于|來源於|转载自|轉載自|选自|選自)\s*《?"
    r"(?P<pub>[^《》\s，。,]{2,16}?)》?(?:\s|\d|$)"
    r"|^本文来自(?:微信)?公众号\s*[“\"「]?(?P<account>[^”\"」（(，,]{2,16})"
    r"|^【(?P<desk>[^】]{2,8}?)(?:專訊|专讯)】"
)


_BARE_NAME = re.compile(f"^[{_H}A-Za-z0-9]{{2,10}}$")


def bare_name(text: str) -> bool:
    """An account's or a site's name alone on its line (``县域农事观察``)."""
    return _BARE_NAME.match(text) is not None


def source_publication(text: str) -> str | None:
    """``来源：经济日报`` -> ``经济日报``; ``本文刊载于《X》…`` -> ``X``."""
    m = _APPEARED_IN.match(text)
    if m:
        return m.group("pub") or m.group("account") or m.group("desk")
    m = _SOURCE_PREFIX.search(text)
    if not m:
        return None
    name = re.split(r"[\s\-—|/）)】\]]", text[m.end() :].strip(), maxsplit=1)[0]
    return publication_name(name)


_BAR_PART = re.compile(r"\s*(?:[|｜_]|\s[-–—]\s)\s*")
_SITE_SUFFIX = re.compile(
    r"(?:電子報|电子报|电子版|電子版|官方网站|官方網站|官网|官網|数字报|數位報)$"
)
_SITE = re.compile(f"^[{_H}]{{2,10}}(?:{_PUB_SUFFIX}|快訊|快讯|财经|財經|在线|在線)$")


def site_name(top: list[str]) -> str | None:
    """The site a copied page comes from, when nothing else names a publication: its
    name alone atop the page (``民生快訊網``) or closing its title bar
    (``标题 - 生活 - 自由時報電子報``), without ``電子報``-like endings or Latin words."""
    for text in top:
        parts = [p for p in _BAR_PART.split(text.strip()) if p]
        name = _SITE_SUFFIX.sub("", _without_latin(parts[-1])) if parts else ""
        if _SITE.match(name):
            return name
    return None


def _without_latin(name: str) -> str:
    """``三立新聞網 SETN.COM`` -> ``三立新聞網``: the site's name without its Latin one."""
    return _LATIN_TAIL.sub("", name.strip())


# ``新华社北京2月10日电``, ``【标题】财联社2月18日电``: the agency filing the story.
_AGENCY = re.compile(
    rf"^(?:【[^】]{{2,40}}】)?\s*(?P<pub>[{_H}]{{2,5}}社)[{_H}]{{0,6}}\d{{1,2}}月\d{{1,2}}日(?:电|電)"
)


def dateline_agency(text: str) -> str | None:
    m = _AGENCY.match(text)
    return m.group("pub") if m else None


# Latin words closing a name: each may follow a space, none another without one. Written
# so that a run of letters splits into words one way only: ``(?:\s*[A-Za-z][A-Za-z.]*)+``
# tried every split of a long run (a web address atop a page) before giving up.
_LATIN_TAIL = re.compile(r"\s*[A-Za-z][A-Za-z.]*(?:\s+[A-Za-z][A-Za-z.]*)*$")
_MASTHEAD = re.compile(f"^(?=.*[{_H}])[{_H}A-Za-z0-9]{{2,10}}$")


def masthead(text: str) -> str | None:
    """A site's name printed alone atop its page (``香港01``, ``端傳媒 Initium Media``)."""
    name = _without_latin(text)
    return name if _MASTHEAD.match(name) else None
