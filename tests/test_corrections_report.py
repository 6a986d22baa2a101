"""`keep:` and `drop:` in the cleaning report (how to bring each line back, hostile text
kept as text) and through the whole pipeline."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from pathlib import Path

import markdown
import pytest
import yaml

from generator import render
from generator.cli import main
from generator.model import (
    Article,
    Block,
    Corpus,
    Dropped,
    Event,
    PartialDate,
    SourceRef,
    Span,
    Timeline,
)
from generator.pipeline import clean_all
from generator.read import read_file
from generator.render.articles import yaml_string
from generator.timeline import apply_overrides, validate
from generator.timeline.corrections import correct

from .correction_cases import ART, EXT, checked, override, timeline_text
from .test_escaping import parse, unsafe

# --- the cleaning report ----------------------------------------------------------


def report_of(article: Article) -> tuple[str, str]:
    """The article page's Markdown and the HTML of its cleaning report."""
    corpus = Corpus(articles=(article,), timeline=Timeline("timeline.yaml"))
    page = render.render_pages(corpus, render.Options())[f"articles/{article.id}.md"]
    converted = markdown.markdown(page, extensions=EXT)
    return page, converted[converted.index("<details") :]


def rows(report: str) -> list[list[str]]:
    """Each table row's cells as the reader sees them (tags dropped, entities decoded)."""
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", report, re.DOTALL)[1:]:
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)
        found.append([html.unescape(re.sub(r"<[^>]+>", "", cell)) for cell in cells])
    return found


def test_report_rows_show_the_label_the_text_and_the_yaml_to_bring_it_back() -> None:
    fixed = correct(ART, override(drop=("扫码关注本报公众号。",)))
    page, report = report_of(fixed)
    # How to use the last column: the YAML to write, under this article's id.
    assert "<pre><code>articles:\n  paper-2:\n    keep: [" in page
    assert rows(report) == [
        ["1", "标题（已移至页首）", "从“冬天”到“春天”", 'keep: ["从“冬天”到“春天”"]'],
        ["5", "编者在 timeline.yaml 中删去", "扫码关注本报公众号。", "删去 drop: 中的这一项"],
        ["8", "图片说明", "（资料图片）", 'keep: ["（资料图片）"]'],
        [
            "9",
            "图片说明",
            "△ 阿 里 巴 巴 员 工 在 分 拣 物 资",
            'keep: ["△ 阿 里 巴 巴 员 工 在 分 拣 物 资"]',
        ],
        ["12", "推广或二维码提示", "扫码下载客户端", 'keep: ["扫码下载客户端"]'],
        ["20", "图片说明", "（资料图片）", 'keep: ["（资料图片）"]'],
    ]


HOSTILE = [
    "<script>alert(1)</script>标题",
    "竖线|分开|单元格",
    "反引号`code`与```围栏",
    '引号"与反斜杠\\和{: onclick="alert(1)" }',
    "- 像列表 | 又像 **粗体**",
    "行分隔\u2028符与\x85换行",
]


def test_hostile_dropped_text_stays_text_and_its_yaml_reads_back_exactly() -> None:
    article = replace(
        ART, dropped=tuple(Dropped(n, text, "caption") for n, text in enumerate(HOSTILE, 1))
    )
    _, report = report_of(article)
    assert unsafe(parse(report)) == []
    assert "<script>" not in report
    found = rows(report)
    assert [len(row) for row in found] == [4] * len(HOSTILE)  # no pipe split a row
    for text, (_, _, shown, restore) in zip(HOSTILE, found, strict=True):
        assert shown == text
        # The YAML offered is what the curator pastes: it must load as the very line.
        assert yaml.safe_load(restore) == {"keep": [text]}


def test_hostile_keep_and_drop_round_trip_through_the_timeline() -> None:
    article = replace(
        ART,
        blocks=(*ART.blocks, Block("paragraph", "正文<script>alert(2)</script>|`x`结束。", "p5")),
        dropped=(Dropped(40, HOSTILE[0], "caption"),),
    )
    _, report = report_of(article)
    restore = rows(report)[0][3]
    drop = json.dumps("<script>alert(2)</script>|`x`", ensure_ascii=False)
    text = timeline_text(f"    {restore}\n    drop: [{drop}]\n")
    timeline, found = checked(text, [article])
    assert found == []
    (fixed,) = apply_overrides([article], timeline)
    assert [b.text for b in fixed.blocks][-2:] == [HOSTILE[0], "正文结束。"]
    _, report = report_of(fixed)
    assert unsafe(parse(report)) == [] and "<script>" not in report
    assert rows(report) == [
        [
            "—",
            "编者在 timeline.yaml 中删去",
            "<script>alert(2)</script>|`x`",
            "删去 drop: 中的这一项",
        ]
    ]


def test_yaml_string_escapes_what_yaml_would_not_read_back() -> None:
    for text in ("\x7f删除", "\u2029段", "制表\t符", 'a"b\\c'):
        assert yaml.safe_load(f"k: {yaml_string(text)}") == {"k": text}


# --- the whole pipeline ------------------------------------------------------------

SEED = "\n".join(
    [
        "阿里巴巴设立专项基金",
        "",
        "本报记者 张三",
        "",
        "1月25日，阿里巴巴宣布设立10亿元医疗物资供给专项基金，用于采购医疗物资。",
        "",
        "（资料图片）",
        "",
        "2月5日，阿里巴巴开通“防疫直采全球寻源平台”，最大限度匹配货源与需求。"
        "更多精彩内容请关注本报客户端。",
        "",
    ]
)


def test_check_and_build_use_the_corrected_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "fund.txt").write_text(SEED, encoding="utf-8")
    # Whatever the cleaner drops today (it is tuned all the time), its last dropped line
    # is put back and quoted, and a sentence it kept is cut.
    (cleaned,) = clean_all([read_file(seeds / "fund.txt", "seeds/fund.txt")])
    assert cleaned.dropped, "the cleaner dropped nothing from the seed"
    line = cleaned.dropped[-1].text.strip()
    cut = "更多精彩内容请关注本报客户端。"
    assert cut in cleaned.plain_text
    events = (
        f"\n  - id: fund\n    date: 2020-01-25\n    title: t\n    sources:\n"
        f"      - article: fund\n        quote: {yaml_string(line)}\n"
    )
    (tmp_path / "timeline.yaml").write_text(
        f"events:{events}articles:\n  fund:\n    keep: [{yaml_string(line)}]\n    drop: [{cut}]\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0, capsys.readouterr().err
    assert "1 quotes verified" in capsys.readouterr().out
    assert main(["build", "--out", "out"]) == 0
    page = (tmp_path / "out" / "articles" / "fund.md").read_text(encoding="utf-8")
    assert cut not in page.split("<details")[0]  # gone from the body...
    assert (
        f'<td data-label="原因">编者在 timeline.yaml 中删去</td><td data-label="内容">{cut}</td>'
        in page
    )  # ...and listed in the report
    assert '<mark class="cite" data-event="fund"' in page  # the kept line is highlighted

    # Quoting the cut sentence instead fails `check` at the quote, naming the `drop`.
    (tmp_path / "timeline.yaml").write_text(
        f"events:{events.replace(yaml_string(line), cut)}articles:\n  fund:\n    drop: [{cut}]\n",
        encoding="utf-8",
    )
    assert main(["check"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "timeline.yaml:7:16: error: quote not found in article fund: the `drop` text on line "
        "10 removed it; expected a quote of text still in the article, or remove that "
        "`drop` item"
    )


def test_event_model_is_untouched_by_corrections() -> None:
    event = Event("e", PartialDate(2020), "t", (SourceRef(ART.id, "（资料图片）"),))
    timeline = Timeline("t.yaml", (event,), (override(keep=("（资料图片）",)),))
    result, _ = validate(timeline, [ART])
    assert result.events[0].sources[0].spans == (Span("p2", 0, 6),)
    assert timeline.events[0].sources[0].spans == ()
