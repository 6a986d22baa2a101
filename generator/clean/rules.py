"""The table of furniture rules: what Chinese news pages print around an article.

These are the page's furniture; :mod:`.credit_rules` holds what a text's own lines
carry besides the text, and :data:`generator.clean.phrases.RULES` joins the two in order.
One row per rule, in order; the first rule that fires on a line gives its reason
(one of :mod:`.reasons`). The rules name what news sites, apps and print pages put
around an article (breadcrumbs, menus, share bars, QR-code prompts, disclaimers,
"related reading", comment boxes, editor credits, photo credits, video players),
never the wording of one particular source. Each rule also says *where* it may fire
(:class:`Rule`), so a body sentence that merely mentions a QR code survives.

Adding a rule is one row here and one fixture in ``tests/fixtures/gold``. The patterns
are written in Simplified Chinese; :func:`both` adds the Traditional spellings once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .chars import ends_sentence, han_count
from .script import traditional_forms

SHORT_LINE = 24  # a standalone prompt or label is at most this wide (and ends no sentence)
_NOTICE_WIDTH = 200  # a site's legal notice; a paragraph quoting one is longer
LONGEST_FURNITURE = 400  # page furniture is never this long


def both(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` matching Simplified and Traditional spellings alike."""
    forms = dict.fromkeys([pattern, *traditional_forms(pattern)])
    return re.compile("|".join(f"(?:{form})" for form in forms), flags)


@dataclass(frozen=True)
class Rule:
    """Lines matching ``pattern`` (at their start, or anywhere with ``search``) are
    furniture for ``reason``, if the line is at most ``width`` wide, is short (when
    ``short``), and, with ``unwrapped``, only in a file that is not hard-wrapped."""

    reason: str
    pattern: re.Pattern[str]
    search: bool = False
    width: float = LONGEST_FURNITURE
    short: bool = False
    unwrapped: bool = False
    min_han: int = 0
    open_end: bool = False  # only a line that ends no sentence (a prompt, not a remark)
    opens_block: bool = False  # a marker: the links (or comments) under it go with it

    def fires(self, text: str, w: float, short: bool, wrapped: bool) -> bool:
        if w > self.width or (self.short and not short) or (self.unwrapped and wrapped):
            return False
        if self.open_end and ends_sentence(text):
            return False
        if self.min_han and han_count(text) <= self.min_han:
            return False
        found = self.pattern.search(text) if self.search else self.pattern.match(text)
        return found is not None


_SEP = r"\s*[|｜/│]\s*"
# A menu entry: up to ten characters and no digits (``2020/03/23`` is a date, and a
# table row ``合计｜17.0｜33.9`` is text; menus name sections, they do not count).
_TOKEN = r"[^\s|｜/\d，。；！？：:,;!?]{1,10}"
_SHARE = (
    "微博|微信|QQ空间|QQ好友|QQ|Qzone|朋友圈|豆瓣|人人网|百度贴吧|Facebook|Twitter|LINE|Line|"
    r"\+1|分享|分享到|收藏|点赞|在看|赞|转发|打印|纠错|举报|评论|写评论|我要评论|我要反馈|保存网页"
    "|图片|视频|音频|听新闻|收听本文|播放|暂停|朗读|字号|字体|大|中|小|留言|回应|回复|讚|赞赏|顶|踩"
    "|Email|E-mail|email|发布|关注他|关注她|回上页|友善列印|转寄好友|打印本页|关闭窗口"
    "|我要纠错"
)
_COUNTER = (
    r"(评论|跟帖|参与|阅读|浏览|点击|点赞|在看|分享|收藏|转发|顶|踩)"
    r"\s*[(（]?\s*[\d,.万]+[万千WwKk]?\s*[)）]?"
)
_BUTTON = (
    rf"[【\[]?(?:{_SHARE}|{_COUNTER}|登录|注册|退出|首页|返回|更多|关闭|搜索|客户端|APP|App|关注|已关注"
    r"|上一版|下一版|上一篇|下一篇|上一页|下一页|上一条|下一条|邮件|电邮|列印|列印本页|电邮本页"
    r"|在浏览器中打开|已订阅？登录|登录后阅读)[】\]]?"
)

PAGE_RULES: tuple[Rule, ...] = (
    # Navigation: breadcrumbs, menus, buttons, previous/next links.
    Rule(
        "navigation",
        both(
            r"^(当前位置|您的位置|你的位置|您现在的位置|所在位置|位置)\s*[:：]|^(首页|主页|网站首页)\s*[>›»/]"
        ),
    ),
    Rule(
        "navigation",
        both(
            r"^[【\[]?(关闭|关闭窗口|返回|返回顶部|返回首页|返回列表|上一篇|下一篇|上一页|下一页|上一条|下一条"
            r"|上一版|下一版|打印|打印本页|收藏|收藏本文|分享|分享到|举报|评论|我要评论|登录|注册|更多"
            r"|查看更多|全文|展开全文|点击查看|阅读原文|责任编辑|发表评论|查看全部评论|纠错)\s*[:：>》】\]]*$"
        ),
    ),
    Rule(
        "navigation",
        both(r"^(上一篇|下一篇|上一条|下一条|上一则|下一则|上篇|下篇|阅读下一篇)\s*[:：]"),
        width=60,
    ),
    Rule("navigation", re.compile(rf"^(?:{_TOKEN}{_SEP}){{2,}}{_TOKEN}$"), width=120),
    # A breadcrumb (``首页 > 新闻 > 正文``, ``更多>>``). An arrow may stand in a word or
    # between words, so a long run of arrows can be split many ways: the look-ahead
    # first refuses, in one pass, a line holding what no breadcrumb holds (a comma, a
    # digit outside the closing date), which a row like ``阅读全文>>>>>>>>>>>>，`` would
    # otherwise be tried for in every split.
    Rule(
        "navigation",
        re.compile(
            rf"^(?=[^|｜，。；！？：:,;!?\d]*(?:\d[\d年月日/.\-]*)?$)"
            rf"{_TOKEN}(?:\s*[>›»]+\s*{_TOKEN})+(?:\s*[>›»]+\s*[\d年月日/.\-]+)?$"
        ),
        width=80,
    ),
    Rule("widget", both(rf"^{_BUTTON}(?:(?:\s+|{_SEP}){_BUTTON})*(?:\s*[:：])?$"), width=60),
    Rule(
        "widget",
        both(r"^[【\[]?(字号|字体|字级|字級)\s*[:：]?\s*(大\s*中\s*小|[A-Za-z+\-\s]*)"),
        width=40,
    ),
    Rule("widget", both(rf"^(?:{_BUTTON})?\s*\d{{1,2}}:\d{{2}}\s*/\s*\d{{1,2}}:\d{{2}}$")),
    # A desk's credit with no person named: ``生活中心／綜合報導``.
    Rule(
        "byline",
        both(r"^[\u4e00-\u9fff]{2,10}\s*[／/]\s*(综合报道|综合外电|综合报导|编译)$"),
        width=24,
    ),
    Rule("widget", re.compile(r"^[\d,.万]+$"), width=8),
    Rule("promo", re.compile(r"^[\u4e00-\u9fffA-Za-z]{2,10}(APP|App|app|客户端|客戶端)$")),
    Rule("navigation", re.compile(r"^第\s*[A-Za-z]?\d{1,3}\s*版"), width=30),
    Rule("widget", re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")),  # a time stamp alone
    Rule(
        "navigation",
        both(r"浏览效果|最佳浏览|建议使用.{0,24}浏览器|分辨率.{0,6}浏览"),
        search=True,
        width=60,
    ),
    Rule(
        "placeholder",
        both(r"^(视频加载中|正在加载|加载中|点击播放|播放视频|打开.{0,8}查看精彩图片)"),
    ),
    Rule("placeholder", both(r"^[【\[]?(文章图片|资料图片|图片|配图|视频|音频|图集|组图)[】\]]?$")),
    Rule(
        "ad", both(r"^[【\[(（]?(广告|推广|赞助|廣告|AD|Ad|Advertisement|ADVERTISEMENT)[】\])）]?$")
    ),
    Rule("widget", both(r"^(分享到|分享至|分享)\s*[:：]"), width=60),
    Rule(
        "caption", both(r"^(图像来源|图像加注文字|图片来源|图片说明|影像来源)\s*[，,：:]"), width=80
    ),
    Rule(
        "source", both(r"^[\u4e00-\u9fff]{2,12}〔\d{4}〕\d{1,4}号$|^[（(]?信息公开形式"), width=40
    ),
    Rule("navigation", both(r"^(请继续往下阅读|继续阅读|继续往下阅读)"), width=30),
    Rule(
        "navigation", both(r"^附件\s*[:：].{1,60}\.(pdf|docx?|xlsx?|zip|rar|wps)$", re.IGNORECASE)
    ),
    Rule("widget", both(r"^\d+\s*/\s*\d+$|^\d+\s*人赞同了该(文章|回答)$|^【(我要纠错|纠错)】")),
    Rule("widget", both(r"[（(]分享自\s*@"), search=True, width=200),
    Rule("promo", both(r"按赞追踪|按讚追蹤|追踪粉丝专页|粉丝专页"), search=True, width=40),
    Rule(
        "promo",
        both(r"加入.{0,12}(好友|粉丝|粉丝团)|点击了解|了解详情|立即抢购"),
        search=True,
        width=60,
        unwrapped=True,
        open_end=True,
    ),
    Rule("credits", both(r"^.{2,20}出品$"), width=30),
    Rule("promo", both(r"(报料|爆料)\s*[:：]|阅读体验更佳|体验更佳"), search=True, width=40),
    Rule("ad", both(r"^[【\[(（](广告|推广)[】\])）]"), width=80),
    # A quote board printed beside finance news: ``阿里健康 +8.35%``, ``網訊 6231 ▲ 48.60``.
    Rule(
        "widget",
        re.compile(
            r"^[\u4e00-\u9fffA-Za-z]{2,8}\s+(?:\d{4,6}\s+)?[▲▼△▽]?\s*[+\-]?\d+(?:\.\d+)?%?"
            r"(?:\s+[+\-]?\d+(?:\.\d+)?%?)*(?:\s*\([+\-]?\d+(?:\.\d+)?%\))?$"
        ),
        width=60,
    ),
    Rule("navigation", both(r"^[（(]按此|^上\s*/\s*下一篇"), width=60),
    # Paywalls: the page asks to subscribe before the rest of the text.
    Rule(
        "promo",
        both(r"付费内容|订阅后可阅读|订阅后阅读|开通.{0,8}畅读|购买后阅读|登录后查看全文"),
        search=True,
        width=60,
    ),
    # Disclaimers, copyright and site registration.
    Rule(
        "disclaimer",
        both(
            r"^(本站声明|免责声明|版权声明|特别声明|声明|风险提示|特别说明)\s*[:：]|^Copyright|^©"
            r"|^(主办单位|承办单位|主办|承办|运维|制作单位|技术支持)\s*[:：]",
            re.IGNORECASE,
        ),
    ),
    Rule(
        "disclaimer",
        both(
            r"版权所有|All rights reserved|ICP备|ICP证|网站标识码|公网安备|举报电话|违法和不良信息"
            r"|(未经|严禁).{0,12}(授权|许可|同意).{0,12}(转载|复制|使用|摘编)|转载请(注明|联系)"
            r"|不代表本(站|网|平台)(观点|立场|赞同)|仅供其表达个人看法"
            r"|不构成投资建议|私隐政策|重要告示|隐私政策$|跟帖注册用户|文明评论|理性发言"
            r"|禁止.{0,6}转载|使用条款$",
            re.IGNORECASE,
        ),
        search=True,
        width=_NOTICE_WIDTH,
    ),
    Rule(
        "disclaimer",
        both(
            r"(Cookie|cookie|隐私政策|隐私权政策).{0,30}(同意|浏览|接受)|同意.{0,10}(隐私|Cookie)"
        ),
        search=True,
        width=80,
    ),
    # A wiki's own furniture around the article (skin, notices, templates, categories).
    Rule(
        "wiki",
        both(
            r"^(维基百科，自由的百科全书|跳到导航|跳到搜索|跳到内容|跳转到导航|跳转到搜索|本页使用了标题或全文手工转换"
            r"|分类\s*[:：]|隐藏分类\s*[:：]|最后修订于|本页面最后修订|此页面最后编辑于|本条目|此条目|查看历史|编辑链接"
            r"|请协助|无法查证的内容|欢迎补充|更新后可移除"
            r"|\{\{|\}\}$|\|\s*\w+\s*=|目录$|来自“)"
        ),
        width=200,
    ),
    Rule("wiki", re.compile(r"^[^\t]{1,12}\t[^\t]{1,40}$")),  # an infobox row: label, tab, value
    # "Related reading": the marker alone on its line, or a keyword line.
    Rule(
        "related-links",
        both(
            r"^(延伸阅读|相关阅读|相关新闻|相关文章|相关报道|相关链接|相关推荐|推荐阅读|热门推荐|热点推荐|猜你喜欢"
            r"|为你推荐|为您推荐|更多精彩|精彩推荐|换一批|换一换|往期回顾|热门文章|最新文章|相关视频|热播栏目"
            r"|相关评论|热点排行|热门跟帖|网友评论|精彩评论|最新评论|热门评论|推荐视频|今日推荐|看更多|往期推荐"
            r"|参考文献|参考资料|外部链接|参见|注释|文章评论|全部评论|评论区|相关内容|热读|推荐文章|写评论\.{0,3})"
            r"\s*([（(]\d+[)）])?"
            r"\s*[:：>》]*$"
        ),
        opens_block=True,
    ),
    Rule(
        "related-links",
        both(
            r"^(相关阅读|延伸阅读|相关新闻|相关链接|推荐阅读)\s*[:：]|^【(相关新闻|相关阅读|延伸阅读)】"
        ),
        width=80,
    ),
    Rule("related-links", re.compile(r"^(?:#[^#\s]{1,20}#?\s*)+$"), width=60),  # hashtags
    Rule("related-links", both(r"^更多.{0,10}(报道|报导|新闻|文章)$"), width=30, opens_block=True),
    # A sidebar's headline with its date: ``居家隔离期间，如何保持规律作息？　2020-02-06``.
    Rule(
        "related-links",
        re.compile(
            r"^[·•\-]?\s*[^。！\d:：\s]{8,40}[\s\u3000]+\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}日?"
            r"(?:\s+\d{1,2}:\d{2})?$"
        ),
    ),
    Rule(
        "related-links",
        both(r"^(关键字|关键词|文章关键词|标签|Tags?)\s*[:：]", re.IGNORECASE),
        width=60,
    ),
)
