"""Who wrote it and where it appeared: bylines, credits and publication names.

Bylines come in a few printed shapes: ``本报记者 王轶辰``, ``经济日报·中国经济网记者
王轶辰``, ``文/张三``, a credit in brackets closing the text (``（记者 孙冰）``,
``(何畅)``), or under a headline a bare name padded to column width (``韩 叙``).
Names padded with spaces are joined (``黄 鑫`` -> ``黄鑫``). ``本报`` ("this paper")
names no paper: the publication is then carried over from elsewhere in the file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from .chars import is_han
from .names import SURNAMES, name_sized, split_names, surnamed
from .needles import needle_filter
from .publication import LOCAL_PAPER, publication_name

_H = "\u4e00-\u9fff"
_NAME = f"[{_H}](?: ?[{_H}]){{1,3}}(?:·[{_H}]{{1,6}})?"
_NAMES = f"{_NAME}(?:(?:\\s+|、|，|,)(?:{_NAME}))*"
_QUALIFIER = "(?:首席|特约|特約|实习|實習|见习|見習|特派)"
_REPORTER = "(?:记者|記者)"
_ROLE = f"{_QUALIFIER}?(?:{_REPORTER}|通讯员|通訊員|评论员|評論員|撰稿人)"
_BYLINE = re.compile(f"^(?P<pub>.{{0,24}}?)(?P<role>{_ROLE})[\\s:：]*(?P<names>{_NAMES})$")
_BYLINE_SLASH = re.compile(
    f"^(?:文|作者|撰文|撰稿|编译|文字|整理|口述)\\s*[/／|｜:：]\\s*(?P<names>{_NAMES})$"
)
_BYLINE_PAREN = re.compile(f"^[（(](?:{_ROLE}|文|作者)?\\s*[:：]?\\s*(?P<names>{_NAMES})[)）]$")
_CREDIT = re.compile(
    f"(?<=[。！？!?”」』…）)])\\s*[（(](?P<role>{_ROLE}|文|作者)?\\s*[:：]?\\s*(?P<names>{_NAMES})[)）]\\s*$"
)
_CREDIT_SPAN = 40
_PHOTO = re.compile("摄|攝|图|圖")
_DATELINE_CREDIT = re.compile(
    f"(?:电|電|讯|訊)\\s*[（(]\\s*{_ROLE}\\s*(?P<names>{_NAMES})\\s*[)）]"
    # ``〔記者王小明／台北報導〕``, ``（中央社記者張三、李四台北12日電）`` opening the text
    f"|^[〔【\\[（(]\\s*(?:中央社|[{_H}]{{0,6}}?){_REPORTER}\\s*"
    f"(?P<lead>[{_H}]{{2,3}}(?:[、，][{_H}]{{2,3}})*)"
    f"(?:\\s*[／/]\\s*[{_H}]{{0,6}}(?:報導|报道|报导|報道)|[{_H}]{{1,4}}\\d{{1,2}}日[電电])[〕】\\]）)]"
)
# ``〔記者王小明／台北報導〕``: brackets around the byline, the place it was filed from.
_BRACKETS = re.compile(r"^[〔［\[【]|[〕］\]】]$")
_REPORTED_FROM = re.compile(
    r"\s*[／/|｜]\s*[\u4e00-\u9fff]{0,8}(?:报道|報導|报导|報道|电|電)$"
    r"|\s+[\u4e00-\u9fff、]{2,10}(?:报道|報導|报导|報道)$"
)
# ``文｜张三 编辑｜李四``, ``作者：张三 编辑：李四``, ``界面新闻记者 | 孔令玥``: a line of
# role-and-name pairs; the writers' names are the byline, the rest are credits.
_CREDIT_LABEL = re.compile(
    r"(?P<pub>[^\s｜|:：/／·]{0,12}?)(?P<role>文字|文|作者|撰文|采写|记者|記者|撰稿|主笔|编辑|編輯|责编"
    r"|責編|责任编辑|审核|審核|审校|校对|摄影|攝影|图片|图|圖|统筹|策划|监制|实习生|通讯员|编译|设计|制图)"
    r"\s*[｜|:：/／]\s*"
)
_WRITERS = frozenset(
    [
        "文",
        "文字",
        "作者",
        "撰文",
        "采写",
        "记者",
        "記者",
        "撰稿",
        "主笔",
        "实习生",
        "通讯员",
        "编译",
    ]
)
_PUB_REPORTER = re.compile(r"^\S{0,10}?(?:记者|記者)\s*")
_EMBEDDED = re.compile(
    f"(?:{_ROLE}|作者|撰文|撰稿)\\s*[:：/／]?\\s*(?P<names>[{_H}]{{2,4}}(?:[、，,][{_H}]{{2,4}})*)"
)
_GLUED_ROLE = re.compile(
    f"^(?P<pub>[{_H}A-Za-z0-9]{{0,10}}?)(?:{_QUALIFIER}?(?:{_REPORTER}|通讯员|通訊員)|实习生|實習生)$"
)
# ``新京报讯（记者 郑雨辰 实习生 方可欣）``: the reporters in a lead's brackets.
_LEAD_BRACKET = re.compile(r"^[^，。（(]{0,10}(?:讯|訊|电|電)\s*[（(]([^）)]{2,30})[）)]")
_OUTLET_DOT = re.compile(f"^(?P<pub>[{_H}]{{2,10}})\\s*[·・]\\s*(?P<names>[{_H}]{{2,3}})$")

# The same lines are asked about by several steps (top matter, titles, bylines, menus),
# and a site repeats its furniture from page to page: remember the answers.
_MEMO = 1 << 15
_LONGEST_BYLINE = 40


@dataclass(frozen=True)
class Byline:
    names: tuple[str, ...]
    publication: str | None = None
    local: bool = False  # "本报记者": this paper's reporter, paper not named here


def parse_byline(text: str) -> Byline | None:
    """A whole line that is a byline, or ``None``."""
    # Most lines of a text are let go here, before the memo they would only crowd out.
    return _parse_byline(text) if could_be_byline(text) else None


def could_be_byline(text: str) -> bool:
    """Whether the line names a role or holds a separator, as a byline of any shape does."""
    return _SHAPE_WORDS is None or _SHAPE_WORDS.search(text) is not None


@functools.lru_cache(maxsize=_MEMO)
def _parse_byline(text: str) -> Byline | None:
    text = text.strip()
    if len(text) > _LONGEST_BYLINE:
        return None
    if text.count("（") + text.count("(") != text.count("）") + text.count(")"):
        return None  # ``本报讯（记者 唐文斌 通讯员 鲁``: a lead cut by the line's end
    text = _REPORTED_FROM.sub("", _BRACKETS.sub("", text)).strip()
    for parse, _ in _SHAPES:
        found = parse(text)
        if found is not None:
            return found
    return None


def _reporter_byline(text: str) -> Byline | None:
    """``经济日报·中国经济网记者 王轶辰``, ``本报记者 张三``."""
    m = _BYLINE.match(text)
    if not m:
        return None
    names = split_names(m.group("names"))
    pub_part = m.group("pub").strip(" ·:：")
    local = bool(LOCAL_PAPER.match(pub_part))
    publication = None if local else publication_name(pub_part)
    if not surnamed(names) or (pub_part and not local and publication is None):
        return None
    return Byline(names, publication, local)


def roles_and_names(text: str) -> Byline | None:
    """Writers named role by role with spaces only: ``澎湃新闻记者 顾晓岚 实习生 邵雨彤``,
    ``记者 郑雨辰 实习生 方可欣``; or a name before its outlet's reporter title
    (``林慧君 BBC中文記者``). Every word is a role (the outlet glued before it) or a name."""
    tokens = text.replace("、", " ").split()
    names: list[str] = []
    roles = 0
    publication = None
    for token in tokens:
        m = _GLUED_ROLE.match(token)
        if m:
            roles += 1
            publication = publication or publication_name(m.group("pub")) or m.group("pub") or None
        elif (
            name_sized(token)
            and token[0] in SURNAMES
            and all(is_han(ch) or ch == "·" for ch in token)
        ):
            names.append(token)
        else:
            return None
    return Byline(tuple(names), publication) if roles and names else None


def _outlet_byline(text: str) -> Byline | None:
    """``钱塘财经 · 韩思远``: the outlet, a middle dot, one writer."""
    m = _OUTLET_DOT.match(text)
    names = split_names(m.group("names")) if m else ()
    return Byline(names, m.group("pub")) if m and surnamed(names) else None


def _slash_byline(text: str) -> Byline | None:
    m = _BYLINE_SLASH.match(text)
    names = split_names(m.group("names")) if m else ()
    return Byline(names) if surnamed(names) else None


def _paren_byline(text: str) -> Byline | None:
    m = _BYLINE_PAREN.match(text)
    names = split_names(m.group("names")) if m else ()
    return Byline(names) if surnamed(names) else None


def credit_line(text: str) -> Byline | None:
    """The writers of a line made only of ``role｜names`` pairs, or ``None``."""
    if _CREDIT_LABEL.match(text) is None:
        return None  # it opens with its first role; most lines are let go here
    labels = list(_CREDIT_LABEL.finditer(text))
    names: list[str] = []
    publication = None
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(text)
        value = _PUB_REPORTER.sub("", text[m.end() : end].strip())
        first, _, rest = value.partition(" ")
        if rest and first[:1] not in SURNAMES:  # ``文/新浪财经 周嘉怡``: the outlet, then names
            publication = publication or first
            value = rest
        found = split_names(value)
        if not surnamed(found) or "".join(found) != re.sub(r"[\s、，,]", "", value):
            return None
        if m.group("role") in _WRITERS:
            names += found
            publication = publication or publication_name(m.group("pub"))
    return Byline(tuple(names), publication) if names else None


# The shapes of a byline, in the order they are tried, each with a pattern that any
# byline of its shape matches somewhere in the line (so it names at least one of that
# pattern's words: a role, a slash or colon, a bracket, a middle dot).
_SHAPES: tuple[tuple[Callable[[str], Byline | None], re.Pattern[str]], ...] = (
    (_reporter_byline, _BYLINE),
    (_slash_byline, _BYLINE_SLASH),
    (_paren_byline, _BYLINE_PAREN),
    (credit_line, _CREDIT_LABEL),
    (_outlet_byline, _OUTLET_DOT),
    (roles_and_names, _GLUED_ROLE),  # a token that is a role
)
# The words are not letters, so the line need not be case-folded to be searched.
_SHAPE_WORDS = needle_filter(pattern for _, pattern in _SHAPES)


def trailing_credit(text: str) -> tuple[tuple[str, ...], int] | None:
    """A credit in brackets closing a paragraph: ``……重要时刻！”(何畅)``.

    Returns the names and where the credit starts in ``text``. Names must start
    with a common surname (``张勇(逍遥子)`` is a nickname).
    """
    tail = len(text) - min(len(text), _CREDIT_SPAN)  # a credit is short: look at the end only
    m = _CREDIT.search(text, tail)
    if not m:
        return None
    if _PHOTO.search(m.group(0)):
        return None  # ``（张三 摄）`` credits a photo, not the text
    names = split_names(m.group("names"))
    if not surnamed(names):
        return None
    return names, m.start()


def embedded_byline(text: str) -> Byline | None:
    """A byline inside a header line: ``2022-09-05 聯合報／ 記者王小明／台南報導``."""
    m = _EMBEDDED.search(text)
    if not m:
        return None
    names = split_names(m.group("names"))
    if not surnamed(names):
        return None
    pubs = (publication_name(t) for t in re.split(r"[\s／/|｜]+", text[: m.start()]) if t)
    return Byline(names, next((p for p in pubs if p), None))


def dateline_credit(text: str) -> tuple[str, ...]:
    """``新华社北京4月7日电（记者 张三 李四）`` at the start of a text."""
    m = _DATELINE_CREDIT.search(text[:80])
    names = split_names(m.group("names") or m.group("lead")) if m else ()
    if surnamed(names):
        return names
    inside = _LEAD_BRACKET.match(text)  # ``（记者 张三 实习生 李四）``: several roles
    found = roles_and_names(inside.group(1)) if inside else None
    return found.names if found else ()


def join_names(names: tuple[str, ...]) -> str:
    return "、".join(dict.fromkeys(names))
