"""Shared inputs of the tests of `keep:`/`drop:` (test_corrections_*.py): an article,
overrides and a timeline that carries them."""

from __future__ import annotations

from generator.model import (
    Article,
    ArticleOverride,
    Block,
    Correction,
    Dropped,
    Timeline,
)
from generator.timeline import load_timeline_text, validate

EXT = ["attr_list", "md_in_html", "tables", "admonition", "pymdownx.details", "toc"]

# An OCR-style article: blocks carry their source lines; the cleaner left out a headline,
# two photo captions (one of them twice on the page) and a promo line.
ART = Article(
    id="paper-2",
    title="从“冬天”到“春天”",
    file="paper.txt",
    blocks=(
        Block("heading", "数字技术提升疫情防控能力", "", lines=(3,)),
        Block(
            "paragraph",
            "1月25日，阿里巴巴宣布设立10亿元专项基金。扫码关注本报公众号。用于采购医疗物资。",
            "p1",
            strong=((0, 5), (25, 29), (33, 42)),
            lines=(5, 6, 7),
        ),
        Block(
            "paragraph", "本报讯 2月5日，阿里巴巴开通“防疫直采全球寻源平台”。", "p2", lines=(10, 11)
        ),
        Block("paragraph", "责任编辑：张三", "p3", lines=(14,)),
        Block("paragraph", "钉钉宣布向1000万家企业免费开放“在家办公”系统。", "p4", lines=(30,)),
    ),
    dropped=(
        Dropped(1, "从“冬天”到“春天”", "headline"),
        Dropped(8, "（资料图片）", "caption"),
        Dropped(9, "△ 阿 里 巴 巴 员 工 在 分 拣 物 资", "caption"),
        Dropped(12, "扫码下载客户端", "promo"),
        Dropped(20, "（资料图片）", "caption"),
    ),
)


def override(keep: tuple[str, ...] = (), drop: tuple[str, ...] = ()) -> ArticleOverride:
    return ArticleOverride(
        ART.id,
        keep=tuple(Correction(text) for text in keep),
        drop=tuple(Correction(text) for text in drop),
    )


def timeline_text(corrections: str, events: str = "") -> str:
    """A timeline whose `articles:` entry for ART starts on line 3 (items on 5, 6, ...)."""
    return f"events:{events or ' []'}\narticles:\n  {ART.id}:\n{corrections}"


def checked(text: str, articles: list[Article] | None = None) -> tuple[Timeline, list[str]]:
    timeline, loaded = load_timeline_text(text, "timeline.yaml")
    assert [str(d) for d in loaded] == []
    result, found = validate(timeline, articles or [ART])
    return result, [str(d) for d in found if d.severity == "error"]


def anchors(article: Article) -> list[str]:
    return [block.anchor for block in article.blocks]
