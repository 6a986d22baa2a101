"""The four noisy shapes the seeds arrive in, re-emitted around any text.

Each function takes one article's parts (plain Simplified paragraphs, a headline,
a reporter) and returns the raw file text the way that kind of source prints it,
furniture included, so the cleaner does the same work it does on the seeds:

* ``newspaper``: scanned page, ~15 characters a line, a photo caption, and the
  headline and byline *after* the body (the OCR reading order of seed 000);
* ``web_page``: a scraped page with breadcrumb, ``[导读]``, ``&nbsp;``, ``—;—;``,
  ``l `` bullets, a disclaimer, related links and ``关闭`` (seed 003);
* ``magazine``: one paragraph per line, half-width punctuation (seed 004);
* ``traditional``: Traditional Chinese with ``**bold**`` numbers (seed 002).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_NUMBER = re.compile(r"\d+(?:\.\d+)?%?")
_CAPTIONS = (
    "不久前，志愿者在社区分拣防疫物资，准备送往各家各户。",
    "工作人员在仓库打包生活物资，保障居民日常所需。",
    "复工复产后，生产线上的工人正在加紧赶制订单。",
    "主播在直播间介绍当地特色农产品，吸引众多网友下单。",
)
_CHANNELS = ("充电吧", "芯闻号", "科技前沿", "产业观察", "数字经济")


@dataclass(frozen=True)
class Parts:
    """One synthetic article before it is dressed in a style."""

    headline: str
    subtitle: str
    reporter: str  # two or three characters, e.g. 黄鑫
    paragraphs: tuple[str, ...]  # Simplified Chinese, one line each


Style = Callable[[Parts, random.Random], str]


def newspaper(parts: Parts, rng: random.Random) -> str:
    width = rng.randint(14, 16)
    out: list[str] = [""]
    caption_at = rng.randrange(1, max(2, len(parts.paragraphs)))
    for number, paragraph in enumerate(parts.paragraphs):
        if number == caption_at:
            out += _caption(rng)
        out += [*_wrap(paragraph, width), ""]
    name = parts.reporter if len(parts.reporter) != 2 else " ".join(parts.reporter)
    return "\n".join([*out, parts.headline, f"本报记者 {name}", ""])


def _caption(rng: random.Random) -> list[str]:
    text = rng.choice(_CAPTIONS)
    lines = [f"△ {text[:5]}", ""]
    lines += [*_wrap(text[5:], 8), "（资料图片）", ""]
    return lines


def _wrap(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def web_page(parts: Parts, rng: random.Random) -> str:
    paragraphs = [_half_width(p) for p in parts.paragraphs]
    first = paragraphs[0].replace("——", "—;—;")
    out = [
        f"当前位置:首页 > 芯闻号 > {rng.choice(_CHANNELS)}",
        f"[导读]{first[:80]}",
        "",
        parts.headline,
        "",
        f"&nbsp;&nbsp;{first}",
        "",
    ]
    bullets = paragraphs[-2:] if len(paragraphs) > 3 else []
    for paragraph in paragraphs[1 : len(paragraphs) - len(bullets)]:
        out += [paragraph.replace("——", "—;—;"), ""]
    if bullets:
        out += ["具体措施包括:", ""]
        for bullet in bullets:
            out += [f"l {bullet}", ""]
    out += [
        f"({parts.reporter})",
        "",
        "本站声明: 本文章由作者或相关机构授权发布,目的在于传递更多信息,并不代表本站赞同其观点,"
        "本站亦不保证或承诺内容真实性等。需要转载请联系该专栏作者,如若文章内容侵犯您的权益,"
        "请及时联系本站删除。",
        "换一批",
        "延伸阅读",
        "",
    ]
    for _ in range(3):
        other = _half_width(rng.choice(parts.paragraphs))
        out += [other[:60] + "...", "", "关键字: 数字经济 BSP 云计算", ""]
    return "\n".join([*out, "关闭", "关闭", ""])


def _half_width(text: str) -> str:
    # How scraped pages and magazines print commas and colons (seeds 003 and 004).
    return text.replace("，", ",").replace("：", ":").replace("；", ";")


def magazine(parts: Parts, rng: random.Random) -> str:
    paragraphs = [_half_width(p) for p in parts.paragraphs]
    paragraphs[-1] += f"(记者 {parts.reporter})"
    return "\n".join([parts.headline, *paragraphs, ""])


def traditional(parts: Parts, rng: random.Random) -> str:
    convert = _s2t().convert
    out = ["", str(convert(parts.headline)), "", str(convert(parts.subtitle)), ""]
    for number, paragraph in enumerate(parts.paragraphs):
        text = str(convert(paragraph))
        if number % 2 == 1:
            text = _NUMBER.sub(lambda m: f" **{m.group(0)}** ", text).replace("  ", " ")
        out += [text.strip(), ""]
    return "\n".join(out)


@lru_cache(maxsize=2)
def _opencc(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def _s2t() -> Any:
    return _opencc("s2t")


def t2s(text: str) -> str:
    return str(_opencc("t2s").convert(text))


STYLES: tuple[tuple[str, Style], ...] = (
    ("newspaper", newspaper),
    ("web", web_page),
    ("magazine", magazine),
    ("traditional", traditional),
)
