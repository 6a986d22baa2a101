"""Chinese personal names as bylines print them: letter-spaced, listed, surnamed.

A byline is told from running text by its names: every name starts with a common
surname and is two to four characters long (or a transliteration with a middle dot).
"""

from __future__ import annotations

import re

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


def surnamed(names: tuple[str, ...]) -> bool:
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
    return surnamed(tuple(text.split("、"))) and all(name_sized(n) for n in text.split("、"))


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
    return tuple(n for n in out if name_sized(n) and n not in _ROLES)


def name_sized(name: str) -> bool:
    """Two to four characters, or a transliterated name with a middle dot."""
    return 2 <= len(name) <= 4 or ("·" in name and len(name) <= 13)
