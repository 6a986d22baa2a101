"""The rules for what a text's own lines carry besides the text: summaries, editors'
credits, sources, the original title, image credits, prompts to follow or download.
They come after the page's furniture (:data:`.rules.PAGE_RULES`) in the one table
:data:`generator.clean.phrases.RULES`, in this order.
"""

from __future__ import annotations

from .rules import SHORT_LINE, Rule, both

CREDIT_RULES: tuple[Rule, ...] = (
    Rule(
        "summary",
        both(r"^[\[【](导读|摘要|核心提示|内容提要|提要)[\]】]"),
    ),
    Rule(
        "summary",
        both(r"^[\[【(（]?(导读|摘要|核心提示|内容提要|提要)[\]】)）]?\s*[:：]?"),
        min_han=8,
    ),
    Rule(
        "credits",
        both(
            r"^[（(【\[]?(责任编辑|编辑|责编|校对|审核|审校|监制|统筹|策划|制图|美编|值班编辑|主编|编审"
            r"|本版编辑|终审|初审|复审|摄影|攝影)\s*[:：｜|]"
        ),
        width=40,
    ),
    Rule("headline", both(r"^[（(【\[]?原标题\s*[:：]"), width=100),
    Rule(
        "credits",
        both(
            r"^[^\s，。]{0,8}(编辑|责任编辑|责编)\s*[|｜:：]\s*\S{2,4}$|^[（(](实习生|通讯员)[^）)]{2,12}贡献[）)]$"
        ),
        width=40,
    ),
    Rule(
        "caption", both(r"^(封面来源|图源|图片来源|影片来源|视频来源|图片提供)\s*[:：]"), width=60
    ),
    Rule("source", both(r"^(数据来源|资料来源)\s*[:：]"), width=80),
    Rule(
        "source",
        both(
            r"^[（(【\[]?(来源|稿源|出处|转自|原文链接|原文地址|本文来源|文章来源)\s*[:：]"
            r"|^(本文)?(刊载于|原载于|来源于|转载自|选自)\s*《?[^《》\s，。]{2,16}》?(\s|\d|$)"
            r"|^本文来自(微信)?公众号"
        ),
        width=60,
    ),
    Rule(
        "promo",
        both(
            r"扫一扫|扫码|二维码|长按识别|下载.{0,6}(APP|App|app|客户端)|关注.{0,14}(公众号|微信号|微博|抖音号)"
            r"|点击.{0,6}(下载|关注|订阅|阅读原文)|订阅号|视频号|客户端下载|APP[，,]?阅读体验"
        ),
        search=True,
        short=True,
        width=SHORT_LINE,
    ),
    Rule(
        "promo",
        both(
            r"(扫描|扫码|长按).{0,12}(二维码|关注)|就在.{0,8}(APP|App|客户端)$"
            r"|(请|请在|欢迎).{0,8}(APP|App|客户端).{0,4}(阅读|下载|观看)"
        ),
        search=True,
        width=60,
        unwrapped=True,
        open_end=True,
    ),
    Rule(
        "promo",
        both(
            r"^(扫一扫|扫码|扫描|长按|点击|关注|下载|欢迎关注|更多精彩|打开.{0,8}(APP|App|客户端))"
            r".*(扫一扫|扫码|二维码|长按识别|下载|关注|点击|订阅|APP|App|客户端)"
        ),
        width=40,
        unwrapped=True,
    ),
)
