"""`keep:` and `drop:` under `articles:`: loading (each item's own position in messages)
and checking against the article (what matched nothing and what is closest)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.model import (
    Correction,
    Dropped,
)
from generator.timeline import check, load_timeline_text

from .correction_cases import ART, checked, timeline_text

# --- loading ----------------------------------------------------------------------


def test_items_load_with_their_own_line_and_column() -> None:
    text = timeline_text(
        "    title: 新标题\n"
        '    keep: ["（资料图片）", 12]\n'
        "    drop:\n"
        "      - 扫码关注本报公众号。\n"
        "      - |\n"
        "        责任编辑：\n"
        "        张三\n"
    )
    timeline, found = load_timeline_text(text, "timeline.yaml")
    assert found == []
    (loaded,) = timeline.overrides
    assert loaded.title == "新标题"
    # A number is read as the text written: a page number dropped as a line can come back.
    assert loaded.keep == (Correction("（资料图片）", 5, 12), Correction("12", 5, 22))
    assert loaded.drop == (
        Correction("扫码关注本报公众号。", 7, 9),
        Correction("责任编辑：\n张三", 8, 9),
    )


@pytest.mark.parametrize(
    ("corrections", "expected"),
    [
        (
            "    keep: （资料图片）\n",
            "4:11: error: `keep` must be a list of text, got a string; "
            "write it in brackets: `keep: [（资料图片）]`",
        ),
        ("    drop: {a: b}\n", "4:11: error: `drop` must be a list of text, got a mapping"),
        ('    keep: ["ok", [b]]\n', "4:18: error: each `keep` item must be text, got a list"),
        (
            "    drop:\n      - fine\n      - '  '\n",
            "6:9: error: each `drop` item must not be empty; expected text",
        ),
        ("    drop:\n      -\n", "5:8: error: each `drop` item must not be empty; expected text"),
        (
            "    keep:\n      - {text: x}\n",
            "5:9: error: each `keep` item must be text, got a mapping",
        ),
        (
            '    keep: ["\\e[31m红"]\n',
            "4:12: error: each `keep` item holds the control character U+001B; "
            "expected printable text",
        ),
        ("    kepe: [x]\n", "4:5: error: unknown key `kepe`; did you mean `keep`?"),
        ("    dorp: [x]\n", "4:5: error: unknown key `dorp`; did you mean `drop`?"),
        (
            "    restore: [x]\n",
            "4:5: error: unknown key `restore`; expected one of `title`, `author`, "
            "`publication`, `date`, `url`, `keep`, `drop`",
        ),
    ],
)
def test_bad_items_are_reported_at_the_item(corrections: str, expected: str) -> None:
    timeline, found = load_timeline_text(timeline_text(corrections), "timeline.yaml")
    assert [str(d) for d in found] == [f"timeline.yaml:{expected}"]
    assert timeline.overrides == ()  # a broken override is not half applied


def test_articles_must_be_a_mapping_of_the_override_keys() -> None:
    _, found = load_timeline_text("events: []\narticles: [x]\n", "timeline.yaml")
    assert [str(d) for d in found] == [
        "timeline.yaml:2:11: error: `articles` must be a mapping of article id -> "
        "{title, author, publication, date, url, keep, drop}, got a list"
    ]


# --- checking against the article --------------------------------------------------


def test_keep_matching_no_dropped_line_names_the_closest() -> None:
    _, found = checked(timeline_text("    keep:\n      - 阿里巴巴员工分拣照片\n"))
    # “（资料图片）” shares one character, as any two Chinese lines may: not named.
    assert found == [
        "timeline.yaml:5:9: error: `keep` text matches no line dropped from article paper-2; "
        "closest dropped lines: “△ 阿 里 巴 巴 员 工 在 分 拣 物 资” (line 9)"
    ]


def test_keep_names_at_most_three_dropped_lines_most_alike_first() -> None:
    promos = [
        "扫码关注公众号",
        "扫码下载客户端",
        "关注本报客户端",
        "扫码观看直播",
        "长按识别二维码",
    ]
    promo = replace(ART, dropped=tuple(Dropped(n, t, "promo") for n, t in enumerate(promos, 40)))
    _, found = checked(timeline_text("    keep: [扫码关注客户端]\n"), [promo])
    assert found == [
        "timeline.yaml:4:12: error: `keep` text matches no line dropped from article paper-2; "
        "closest dropped lines: “扫码下载客户端” (line 41), “关注本报客户端” (line 42), "
        "“扫码关注公众号” (line 40)"
    ]


def test_keep_copied_in_part_names_the_line_containing_it_once() -> None:
    _, found = checked(timeline_text("    keep: [资料]\n"))
    assert found[0].endswith("; closest dropped lines: “（资料图片）” (line 8)")


def test_keep_of_text_already_in_the_body_says_so() -> None:
    _, found = checked(timeline_text("    keep: [责任编辑：张三]\n"))
    assert found == [
        "timeline.yaml:4:12: error: `keep` text matches no line dropped from article paper-2: "
        "it is already in the article (p3); expected the text of a line listed in the "
        "article's cleaning report"
    ]


def test_keep_in_an_article_without_dropped_lines() -> None:
    bare = replace(ART, dropped=())
    _, found = checked(timeline_text("    keep: [（资料图片）]\n"), [bare])
    assert found == [
        "timeline.yaml:4:12: error: `keep` text matches no line dropped from article paper-2; "
        "expected the text of a line listed in the article's cleaning report"
    ]


def test_an_invisible_only_item_matches_nothing_and_names_nothing() -> None:
    blank = replace(ART, dropped=(*ART.dropped, Dropped(2, "\u3000", "empty-marker")))
    _, found = checked(timeline_text('    keep: ["\\u200b"]\n    drop: ["\\u200b"]\n'), [blank])
    assert found == [
        "timeline.yaml:4:12: error: `keep` text matches no line dropped from article paper-2; "
        "expected the text of a line listed in the article's cleaning report",
        "timeline.yaml:5:12: error: `drop` text not found in article paper-2; "
        "expected words copied exactly from the article",
    ]


def test_drop_not_found_shows_the_closest_passage() -> None:
    _, found = checked(timeline_text("    drop:\n      - 阿里巴巴开通防疫直采平台\n"))
    assert found == [
        "timeline.yaml:5:9: error: `drop` text not found in article paper-2; closest passage "
        "(p2): “本报讯 2月5日，阿里巴巴开通“防疫直采全球寻源平台”。”"
    ]


def test_drop_across_two_paragraphs_asks_for_one_item_each() -> None:
    _, found = checked(timeline_text("    drop: [用于采购医疗物资。本报讯]\n"))
    assert found == [
        "timeline.yaml:4:12: error: `drop` text runs across more than one paragraph of "
        "article paper-2; expected one `drop` item per paragraph"
    ]


def test_every_item_is_checked_in_one_run_sorted_by_position(tmp_path: Path) -> None:
    path = tmp_path / "timeline.yaml"
    path.write_text(
        timeline_text(
            "    drop:\n      - 不在文章里的一句话\n      - 责任编辑：张三\n"
            "    keep:\n      - 不是删去的行\n      - （资料图片）\n"
        ),
        encoding="utf-8",
    )
    _, found = check(path, [ART], "timeline.yaml")
    errors = [(d.line, d.col, d.message.split(";")[0]) for d in found if d.severity == "error"]
    assert errors == [
        (5, 9, "`drop` text not found in article paper-2"),
        (8, 9, "`keep` text matches no line dropped from article paper-2"),
    ]


def test_unknown_article_is_one_error_not_one_per_item() -> None:
    text = "events: []\narticles:\n  paper-3:\n    keep: [a, b]\n    drop: [c]\n"
    _, found = checked(text)
    assert found == [
        "timeline.yaml:3:1: error: unknown article `paper-3` in `articles:`; "
        "did you mean `paper-2`?"
    ]
