"""Who wrote it and where it appeared: bylines, credits and publication names.

Bylines come in a few printed shapes: ``本报记者 王轶辰``, ``经济日报·中国经济网记者
王轶辰``, ``文/张三``, a credit in brackets closing the text (``（记者 孙冰）``,
``(何畅)``), or under a headline a bare name padded to column width (``韩 叙``).
Names padded with spaces are joined (``黄 鑫`` -> ``黄鑫``). ``本报`` ("this paper")
names no paper: the publication is then carried over from elsewhere in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_BYLINE_HINT = re.compile(
    r"记者|記者|通讯员|通訊員|评论员|評論員|撰稿|作者|撰文|编译|編譯|整理|口述|文字|[/／|｜:：（(·・]"
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
_OUTLET_DOT = re.compile(f"^(?P<pub>[{_H}]{{2,10}})\\s*[·・]\\s*(?P<names>[{_H}]{{2,3}})$")
_ROLES = frozenset(
    (
        *("记者", "記者", "通讯员", "通訊員", "评论员", "評論員", "撰稿人"),
        *("编辑", "編輯", "摄影", "攝影"),
    )
)
# Common Chinese surnames (simplified and traditional forms): a bare name under a
# headline, or a bracketed credit with no role, must start with one of these.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪"
    "梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简"
    "车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄"
    "丛仲虞敖巩明佘池乐谈"
    "劉陳楊黃趙吳鄭謝許馮鄧蕭葉蘇呂盧鍾譚陸賈鄒閆龍賀顧龔萬錢嚴湯溫喬龐顏聶魯蘭齊倪寧紀畢單費蔣"
)


@dataclass(frozen=True)
class Byline:
    names: tuple[str, ...]
    publication: str | None = None
    local: bool = False  # "本报记者": this paper's reporter, paper not named here


def parse_byline(text: str) -> Byline | None:
    """A whole line that is a byline, or ``None``."""
    text = text.strip()
    if len(text) > 40 or not _BYLINE_HINT.search(text):
        return None
    if text.count("（") + text.count("(") != text.count("）") + text.count(")"):
        return None  # ``本报讯（记者 唐文斌 通讯员 鲁``: a lead cut by the line's end
    text = _REPORTED_FROM.sub("", _BRACKETS.sub("", text)).strip()
    for parse in (_reporter_byline, _slash_byline, _paren_byline, credit_line, _outlet_byline):
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
    if not _surnamed(names) or (pub_part and not local and publication is None):
        return None
    return Byline(names, publication, local)


def _outlet_byline(text: str) -> Byline | None:
    """``钱塘财经 · 韩思远``: the outlet, a middle dot, one writer."""
    m = _OUTLET_DOT.match(text)
    names = split_names(m.group("names")) if m else ()
    return Byline(names, m.group("pub")) if m and _surnamed(names) else None


def _slash_byline(text: str) -> Byline | None:
    m = _BYLINE_SLASH.match(text)
    names = split_names(m.group("names")) if m else ()
    return Byline(names) if _surnamed(names) else None


def _paren_byline(text: str) -> Byline | None:
    m = _BYLINE_PAREN.match(text)
    names = split_names(m.group("names")) if m else ()
    return Byline(names) if _surnamed(names) else None


def credit_line(text: str) -> Byline | None:
    """The writers of a line made only of ``role｜names`` pairs, or ``None``."""
    labels = list(_CREDIT_LABEL.finditer(text))
    if not labels or labels[0].start() != 0:
        return None
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
        if not _surnamed(found) or "".join(found) != re.sub(r"[\s、，,]", "", value):
            return None
        if m.group("role") in _WRITERS:
            names += found
            publication = publication or publication_name(m.group("pub"))
    return Byline(tuple(names), publication) if names else None


def _surnamed(names: tuple[str, ...]) -> bool:
    """Every name starts with a common surname: tells a byline from running text.

    Every author the cleaner reports passes this test, so the byline line of its
    Markdown (``黄鑫 · 经济日报``) reads back as names (:func:`markdown.parse_meta`).
    """
    return bool(names) and all(n[0] in SURNAMES for n in names)


def is_bare_name(text: str) -> bool:
    """``韩 叙`` / ``王轶辰``: two or three Han characters that start with a surname."""
    compact = text.replace(" ", "").replace("\u3000", "")
    return (
        2 <= len(compact) <= 3
        and all("\u4e00" <= ch <= "\u9fff" for ch in compact)
        and compact[0] in SURNAMES
        and text.count(" ") + text.count("\u3000") <= 2
    )


def surnamed_names(text: str) -> bool:
    """``黄鑫``, ``张三、李四``: a byline as the cleaner writes it."""
    return _surnamed(tuple(text.split("、"))) and all(_name_sized(n) for n in text.split("、"))


def split_names(names: str) -> tuple[str, ...]:
    """``黄 鑫`` -> (黄鑫,); ``张三 李四`` -> (张三, 李四); ``王 五 赵六`` -> (王五, 赵六)."""
    out: list[str] = []
    for chunk in re.split(r"[、，,]", names):
        tokens = chunk.split()
        pending = ""
        for token in tokens:
            if len(token) == 1:
                pending += token  # a name letter-spaced to fill the column
                continue
            if pending:
                out.append(pending)
                pending = ""
            out.append(token)
        if pending:
            out.append(pending)
    return tuple(n for n in out if _name_sized(n) and n not in _ROLES)


def _name_sized(name: str) -> bool:
    """Two to four characters, or a transliterated name with a middle dot."""
    return 2 <= len(name) <= 4 or ("·" in name and len(name) <= 13)


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
    if not _surnamed(names):
        return None
    return names, m.start()


def embedded_byline(text: str) -> Byline | None:
    """A byline inside a header line: ``2022-09-05 聯合報／ 記者王小明／台南報導``."""
    m = _EMBEDDED.search(text)
    if not m:
        return None
    names = split_names(m.group("names"))
    if not _surnamed(names):
        return None
    pubs = (publication_name(t) for t in re.split(r"[\s／/|｜]+", text[: m.start()]) if t)
    return Byline(names, next((p for p in pubs if p), None))


def dateline_credit(text: str) -> tuple[str, ...]:
    """``新华社北京4月7日电（记者 张三 李四）`` at the start of a text."""
    m = _DATELINE_CREDIT.search(text[:80])
    names = split_names(m.group("names") or m.group("lead")) if m else ()
    return names if _surnamed(names) else ()


def join_names(names: tuple[str, ...]) -> str:
    return "、".join(dict.fromkeys(names))
