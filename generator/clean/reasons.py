"""Why a source line is not in the article: a closed set, each with a Chinese label.

Every line the cleaner leaves out carries one of these reasons in the article's
cleaning report (:class:`generator.model.Dropped`); the report shows the label.
A new rule picks one of these reasons, or adds one here with its label.
"""

from __future__ import annotations

from typing import Final

# reason -> (Chinese label for readers and curators, what the line was)
REASONS: Final[dict[str, str]] = {
    "headline": "标题（已移至页首）",
    "byline": "署名（已移入作者）",
    "dateline": "日期行（已移入日期）",
    "source": "来源行（已移入来源）",
    "navigation": "导航或页面按钮",
    "disclaimer": "版权或免责声明",
    "related-links": "相关链接",
    "summary": "摘要或导读",
    "credits": "编辑署名",
    "promo": "推广或二维码提示",
    "ad": "广告",
    "widget": "页面组件（朗读、分享、字号等）",
    "placeholder": "图片或视频占位",
    "caption": "图片说明",
    "wiki": "百科页面框架",
    "empty-marker": "无文字的符号行",
    "column": "栏目名",
    "repeated": "多篇文件共有的短行",
    "markup": "网页标记",
    "curator": "编者在 timeline.yaml 中删去",
    "web-extraction": "网页正文之外（提取时略去）",
    "signature": "文末落款（发文单位、日期）",
    "web-date": "网页元数据中的日期（优先于正文）",
    "web-site": "网页元数据中的网站名（优先于正文）",
}


def label(reason: str) -> str:
    """The Chinese label of ``reason`` (the reason itself if it is not in the table)."""
    return REASONS.get(reason, reason)
