"""Known phrases of portals, apps and print pages, and the reason a line goes.

The lists are short and general on purpose: they name what every Chinese news
site or page prints around an article (breadcrumbs, QR-code prompts, disclaimers,
"related reading", editor credits, photo credits), never the wording of one
particular source. Each rule also checks the *shape* of the line (short, no
sentence end) so a body sentence that merely mentions a QR code survives.

The lists are written in Simplified Chinese; :func:`both` adds the Traditional
spellings (mainland, Taiwan and Hong Kong standards) once, at import.
"""

from __future__ import annotations

import re

from .chars import ends_sentence, han_count, width
from .script import traditional_forms


def both(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` matching Simplified and Traditional spellings alike."""
    forms = dict.fromkeys([pattern, *traditional_forms(pattern)])
    return re.compile("|".join(f"(?:{form})" for form in forms), flags)


_NAVIGATION = both(
    r"^(当前位置|您的位置|你的位置|您现在的位置|所在位置|位置)\s*[:：]"
    r"|^(首页|主页|网站首页)\s*[>›»/]"
    r"|^(关闭|关闭窗口|返回|返回顶部|返回首页|返回列表|上一篇|下一篇|上一页|下一页|打印|打印本页"
    r"|收藏|收藏本文|分享|分享到|字号|大中小|举报|评论|我要评论|登录|注册|更多|查看更多|全文|展开全文"
    r"|点击查看|阅读原文|责任编辑)\s*[:：>》]*$"
    r"|^分享到\s*[:：]|^[【\[]?字号"
)
_PROMO = both(
    r"扫一扫|扫码|二维码|长按识别|下载.{0,6}(APP|App|app|客户端)|关注.{0,8}(公众号|微信号|微博|抖音号)"
    r"|点击.{0,6}(下载|关注|订阅|阅读原文)|订阅号|视频号|客户端下载"
)
_PROMO_START = both(r"^(扫一扫|扫码|扫描|长按|点击|关注|下载|欢迎关注|更多精彩)")
_DISCLAIMER = both(
    r"^(本站声明|免责声明|版权声明|特别声明|声明)\s*[:：]|版权所有"
    r"|All rights reserved|^Copyright|^©"
    r"|(未经|严禁).{0,12}(授权|许可|同意).{0,12}(转载|复制|使用|摘编)|转载请(注明|联系)"
    r"|不代表本(站|网|平台)(观点|立场|赞同)",
    re.IGNORECASE,
)
_RELATED = both(
    r"^(延伸阅读|相关阅读|相关新闻|相关文章|相关报道|相关链接|相关推荐|推荐阅读|热门推荐|热点推荐|猜你喜欢"
    r"|为你推荐|为您推荐|更多精彩|精彩推荐|换一批|换一换|往期回顾|热门文章|最新文章)\s*[:：>》]*$"
)
_KEYWORDS = both(r"^(关键字|关键词|标签|Tags?)\s*[:：]", re.IGNORECASE)
_CREDITS = both(
    r"^[（(【\[]?(责任编辑|编辑|责编|校对|审核|审校|监制|统筹|策划|制图|美编|值班编辑|主编|编审)\s*[:：]"
)
_SOURCE = both(r"^[（(【\[]?(来源|稿源|出处|转自|原文链接|原文地址|原标题)\s*[:：]")
_SUMMARY = both(r"^[\[【(（]?(导读|摘要|核心提示|内容提要|提要)[\]】)）]?\s*[:：]?")
_SUMMARY_BRACKETED = both(r"^[\[【](导读|摘要|核心提示|内容提要|提要)[\]】]")
CAPTION_START = re.compile(r"^[△▲▷▶◁◀►▼▽]")
# Photo captions and credits: how they open (matched at the start) and how they
# close (searched in the last characters only).
_CAPTION = both(
    r"[（(](资料图片|资料图|图片|图|摄影|视频截图|截图|供图|图片来源)[^（()）]{0,30}[）)]$"
    r"|(图|上图|下图|左图|右图|中图|组图|图为|图片|图注|图说)\s*[:：]|图为"
    r"|(一图|图解|图说|图看)"
)
_CAPTION_TAIL = both(
    r"[（(][^（()）]{0,30}(摄|供图|图片来源[:：][^（()）]{0,20}|资料图片)[）)]$"
    r"|(新华社|中新社|本报|记者)[^，。,]{0,12}\s*摄$"
)
_TAIL = 60
CAPTION_END = both(r"[（(][^（()）]{0,30}(图片|图|摄|供图)[^（()）]{0,10}[）)]$")
# A quick test before the rules: a rule can only fire on a very short line, a line
# opening with one of these characters, a line closing a bracket or a photo credit,
# or a line holding one of the substrings.
_FIRST = frozenset(
    "".join(
        traditional_forms(
            "当您你所位首主网分导摘核内提[【(（责编校审监统策制美值来稿出转原关标Tt延相推热猜为更精换往最"
            "扫长点下欢图上左右中组一△▲▷▶◁◀►▼▽C©本免版特声要"
        )
    )
)
# A plain character class runs much faster than ``_INSIDE``; it lets few lines through.
_INSIDE_HINT = re.compile("[版r未严嚴转轉扫掃码碼长長关關点點订訂视視>»]|不代表|下载|下載")
_INSIDE = both(r"版权|rights|未经|严禁|转载|不代表|扫|码|长按|下载|关注|点击|订阅|视频号|[>»]")


def _may_fire(text: str) -> bool:
    if len(text) <= 8 or text[0] in _FIRST or text[-1] in ")）摄攝":
        return True
    return _INSIDE_HINT.search(text) is not None and _INSIDE.search(text) is not None


_LONGEST = 400
_WRAPPED_PUNCT = frozenset("。，、；：！？!?,;:”’」』）)》〉…")
_NO_WORDS = re.compile(r"^[^\w\u4e00-\u9fff]+$")
_THE_END = re.compile(r"^[（(](完|全文完|结束|結束|END|end)[)）]$")
_ENCLOSED_NUMBER = re.compile("^[①-⑳⑴-⒇❶-❿➀-➉㈠-㈩]$")


def phrase_reason(text: str, column: float = 0) -> str | None:
    """Why a whole line is page furniture, judged on its own, or ``None``.

    ``column`` is the line width of a hard-wrapped file: there a line must be
    clearly shorter than the column to count as "short" (a standalone prompt).
    """
    if len(text) > _LONGEST:
        return None  # page furniture is never this long
    if _NO_WORDS.match(text) and not (set(text) <= _WRAPPED_PUNCT or text in ("—", "——")):
        return "empty-marker"  # ``***``, ``———``: but a lone ``。`` wrapped to its own line is text
    if _ENCLOSED_NUMBER.match(text) or _THE_END.match(text):
        return "empty-marker"
    if not _may_fire(text):
        return None  # the usual body line
    w = width(text)
    short = w <= (min(24, 0.75 * column) if column else 24) and not ends_sentence(text)
    if _NAVIGATION.match(text) or (short and text.count(">") + text.count("»") >= 2):
        return "navigation"
    if _DISCLAIMER.search(text):
        return "disclaimer"
    if _RELATED.match(text) or (_KEYWORDS.match(text) and w <= 60):
        return "related-links"
    if _SUMMARY_BRACKETED.match(text) or (_SUMMARY.match(text) and han_count(text) > 8):
        return "summary"
    if _CREDITS.match(text) and w <= 40:
        return "credits"
    if _SOURCE.match(text) and w <= 60:
        return "source"
    if _PROMO.search(text) and (short or (_PROMO_START.match(text) and w <= 40 and not column)):
        return "promo"
    if CAPTION_START.match(text) or (w <= 60 and _caption(text)):
        return "caption"
    return None


def _caption(text: str) -> bool:
    return bool(_CAPTION.match(text) or _CAPTION_TAIL.search(text, max(0, len(text) - _TAIL)))


def is_related_marker(text: str) -> bool:
    """A line that opens a block of links to other articles (everything after goes)."""
    return bool(_RELATED.match(text))
