"""The curator's messages in the site's language: each kind of broken input is said in
Chinese for a ``zh`` site and in English otherwise, behind the same ``file:line:col:``
prefix; the commands pick the language from ``--lang`` or the site's mkdocs.yml."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.labels import Labels, UnknownLabels
from generator.model import Diagnostic, InputError
from generator.pipeline import write_tree
from generator.published import check as check_published
from generator.read import read_file
from generator.timeline import load_timeline_text, validate

from .correction_cases import ART, timeline_text

ROOT = Path(__file__).resolve().parent.parent


def said(diagnostics: list[Diagnostic]) -> list[tuple[str, str]]:
    """Each diagnostic as (Chinese, English) lines."""
    return [(d.render("zh"), d.render("en")) for d in diagnostics]


def loaded(text: str) -> list[tuple[str, str]]:
    return said(load_timeline_text(text, "timeline.yaml")[1])


def event(date: str) -> str:
    return (
        f"events:\n  - id: a\n    date: {date}\n    title: x\n"
        "    sources:\n      - article: art\n        quote: q\n"
    )


# --- timeline.yaml, as it loads ----------------------------------------------------


@pytest.mark.parametrize(
    ("date", "zh", "en"),
    [
        (
            "2020/1/23",
            "`date` 的值 `2020/1/23` 有误：日期应写成 2020-01-23、2020-02 或 2020 这样的格式"
            "（是不是 2020-01-23？）",
            "invalid `date` `2020/1/23`: expected a date like 2020-01-23, 2020-02 or 2020 "
            "(did you mean 2020-01-23?)",
        ),
        (
            "2020-02-30",
            "`date` 的值 `2020-02-30` 有误：2020-02 没有 30 日",
            "invalid `date` `2020-02-30`: 2020-02 has no day 30",
        ),
        (
            "2020-13",
            "`date` 的值 `2020-13` 有误：没有 13 月；月份应在 1 到 12 之间",
            "invalid `date` `2020-13`: month 13 is not 1-12",
        ),
        (
            "[2020]",
            "`date` 应是 2020-01-23、2020-02 或 2020 这样的日期，这里是列表",
            "`date` must be a date like 2020-01-23, 2020-02 or 2020, got a list",
        ),
    ],
)
def test_a_bad_date(date: str, zh: str, en: str) -> None:
    prefix = "timeline.yaml:3:11: error: "
    assert loaded(event(date)) == [(prefix + zh, prefix + en)]


def test_a_bad_added_day_suggests_the_day() -> None:
    text = event("2020-01-23").replace("    date:", "    added: 2024/5/6\n    date:")
    assert loaded(text) == [
        (
            "timeline.yaml:3:12: error: `added` 的值 `2024/5/6` 有误："
            "应写成 2024-05-06 这样精确到日的日期（是不是 2024-05-06？）",
            "timeline.yaml:3:12: error: invalid `added` `2024/5/6`: "
            "expected a day like 2024-05-06 (did you mean 2024-05-06?)",
        )
    ]


def test_an_unknown_key_and_a_missing_one() -> None:
    text = event("2020-01-23").replace("title:", "titel:").replace("        quote: q\n", "")
    assert loaded(text) == [
        (
            "timeline.yaml:4:5: error: 没有 `titel` 这个键；是不是 `title`？",
            "timeline.yaml:4:5: error: unknown key `titel`; did you mean `title`?",
        ),
        (
            "timeline.yaml:6:9: error: 出处缺少 `quote`，请补上",
            "timeline.yaml:6:9: error: source is missing `quote`",
        ),
    ]


def test_a_value_of_the_wrong_kind_is_named_in_the_same_language() -> None:
    text = event("2020-01-23").replace("title: x", "title: [x]").replace("id: a", "id: A b")
    assert loaded(text) == [
        (
            "timeline.yaml:2:9: error: 编号 `A b` 不合规定：只能用小写英文字母 a-z、数字"
            "和连字符 -，以字母或数字开头，不超过 80 个字符（例如 `a-b`）",
            "timeline.yaml:2:9: error: invalid id `A b`: expected lowercase letters a-z, digits "
            "and hyphens, starting with a letter or digit, at most 80 characters (e.g. `a-b`)",
        ),
        (
            "timeline.yaml:4:12: error: `title`应是文本，这里是列表",
            "timeline.yaml:4:12: error: `title` must be text, got a list",
        ),
    ]


def test_a_timeline_without_events() -> None:
    assert loaded("articles: {}\n") == [
        (
            "timeline.yaml:1:1: error: 时间线缺少 `events`；请加上 `events:` 和其下的事件列表",
            "timeline.yaml:1:1: error: timeline is missing `events`; "
            "expected an `events:` list of events",
        )
    ]


# --- `articles:` corrections ---------------------------------------------------------


def test_an_override_that_is_not_a_mapping() -> None:
    assert loaded("events: []\narticles:\n  x: some title\n") == [
        (
            "timeline.yaml:3:6: error: 对文章 `x` 的更正应是映射（可用的键：title, author, "
            "publication, date, url, keep, drop），这里是文本",
            "timeline.yaml:3:6: error: the override for `x` must be a mapping of title, author, "
            "publication, date, url, keep, drop, got a string",
        )
    ]


def test_a_keep_text_matching_no_dropped_line_names_the_closest() -> None:
    timeline, found = load_timeline_text(timeline_text("    keep: [扫码客户端]\n"), "timeline.yaml")
    assert found == []
    _, problems = validate(timeline, [ART])
    assert said([d for d in problems if d.severity == "error"]) == [
        (
            "timeline.yaml:4:12: error: `keep` 的文字不是文章 paper-2 删去的任何一行；"
            "最接近的删去行：“扫码下载客户端”（第 12 行）",
            "timeline.yaml:4:12: error: `keep` text matches no line dropped from article "
            "paper-2; closest dropped lines: “扫码下载客户端” (line 12)",
        )
    ]


def test_a_drop_text_across_paragraphs() -> None:
    text = timeline_text("    drop: [用于采购医疗物资。本报讯]\n")
    timeline, _ = load_timeline_text(text, "timeline.yaml")
    _, problems = validate(timeline, [ART])
    assert said([d for d in problems if d.severity == "error"]) == [
        (
            "timeline.yaml:4:12: error: `drop` 的文字跨越了文章 paper-2 的不止一段；"
            "请每段单独写一项 `drop`",
            "timeline.yaml:4:12: error: `drop` text runs across more than one paragraph of "
            "article paper-2; expected one `drop` item per paragraph",
        )
    ]


# --- article files -------------------------------------------------------------------


def refused(path: Path) -> list[tuple[str, str]]:
    with pytest.raises(InputError) as caught:
        read_file(path, f"seeds/{path.name}")
    return said(list(caught.value.diagnostics))


def test_an_unreadable_article_file(tmp_path: Path) -> None:
    assert refused(tmp_path / "missing.txt") == [
        (
            "seeds/missing.txt:1:1: error: 无法读取文件：文件或文件夹不存在",
            "seeds/missing.txt:1:1: error: cannot read file: No such file or directory",
        )
    ]


def test_an_undecodable_article_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("第一行\n第二".encode() + b"\xff\n")
    assert refused(path) == [
        (
            "seeds/bad.txt:2:3: error: 无法解码 seeds/bad.txt：字节 0xFF 不是 UTF-8，整个文件按 "
            "GB18030 或 Big5 也读不通；请把文件另存为 UTF-8、GB18030 或 Big5 编码的文本",
            "seeds/bad.txt:2:3: error: cannot decode seeds/bad.txt: byte 0xFF is not UTF-8 and "
            "the file does not read as GB18030 or Big5 either; expected UTF-8, GB18030 or "
            "Big5 text",
        )
    ]


def test_an_empty_article_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(" \n\n", encoding="utf-8")
    assert refused(path) == [
        (
            "seeds/empty.txt:1:1: error: 文件是空的：这里应是一篇文章的文字",
            "seeds/empty.txt:1:1: error: file is empty: expected the text of an article",
        )
    ]


# --- the commands ----------------------------------------------------------------------

SEED = (
    "阿里巴巴设立专项基金\n\n"
    "1月25日，阿里巴巴宣布设立10亿元医疗物资供给专项基金，用于采购医疗物资。\n"
)
FUND = (
    "events:\n  - id: fund\n    date: 2020-01-25\n    title: 设立基金\n    sources:\n"
    "      - article: fund\n        quote: 阿里巴巴宣布设立10亿元医疗物资供给专项基金\n"
)
LATER = (
    "  - id: later\n    date: 2020-02-30\n    title: 晚些\n    sources:\n"
    "      - article: fund\n        quote: 用于采购医疗物资\n"
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with one article and a timeline citing it, and no mkdocs.yml (yet)."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "fund.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "timeline.yaml").write_text(FUND, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_check_says_ok_in_the_chosen_language(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "check", "--lang", "zh") == (
        0,
        "timeline.yaml：通过：1 个事件，1 条引文已在 1 篇文章中核对无误，0 条警告\n",
        "",
    )
    assert run(capsys, "check", "--lang", "en") == (
        0,
        "timeline.yaml: ok: 1 events, 1 quotes verified in 1 articles, 0 warnings\n",
        "",
    )


def test_check_reports_errors_in_the_chosen_language(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "timeline.yaml").write_text(FUND + LATER, encoding="utf-8")
    assert run(capsys, "check", "--lang", "zh") == (
        1,
        "",
        "timeline.yaml:9:11: error: `date` 的值 `2020-02-30` 有误：2020-02 没有 30 日\n",
    )
    assert run(capsys, "check", "--lang", "en") == (
        1,
        "",
        "timeline.yaml:9:11: error: invalid `date` `2020-02-30`: 2020-02 has no day 30\n",
    )


def test_check_on_an_empty_articles_folder_says_so(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "seeds" / "fund.txt").unlink()
    assert run(capsys, "check", "--lang", "zh") == (
        1,
        "",
        "seeds:1:1: error: 没有文章：文件夹里没有文章文件（`*.txt`, `*.md`, `*.html`, `*.htm`）；"
        "请把原始文章放进来，每篇一个文件\n",
    )
    assert run(capsys, "check", "--lang", "en") == (
        1,
        "",
        "seeds:1:1: error: no articles: the folder holds no article file "
        "(`*.txt`, `*.md`, `*.html`, `*.htm`); expected the raw articles, one per file\n",
    )


def test_suggest_counts_in_the_chosen_language(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "suggest", "--lang", "zh")
    assert status == 0
    assert re.fullmatch(r"文章中有 \d+ 处日期没有事件涵盖\n", err), err
    status, _, err = run(capsys, "suggest", "--lang", "en")
    assert re.fullmatch(r"\d+ date mentions not covered by any event\n", err), err


# mkdocs.yml as sites write it: tags that only MkDocs can read must not stop the command
# from reading theme.language.
MKDOCS_YML = """\
site_name: 时间线
site_url: !ENV [SITE_URL, "https://example.org/timeline/"]
theme:
  name: material
  language: {language}
markdown_extensions:
  - toc:
      slugify: !!python/name:markdown.extensions.toc.slugify_unicode
"""


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh", "timeline.yaml:9:11: error: `date` 的值 `2020-02-30` 有误：2020-02 没有 30 日\n"),
        (
            "zh-Hant",
            "timeline.yaml:9:11: error: `date` 的值 `2020-02-30` 有误：2020-02 没有 30 日\n",
        ),
        ("en", "timeline.yaml:9:11: error: invalid `date` `2020-02-30`: 2020-02 has no day 30\n"),
        ("fr", "timeline.yaml:9:11: error: invalid `date` `2020-02-30`: 2020-02 has no day 30\n"),
    ],
)
def test_the_default_language_is_the_sites(
    project: Path, capsys: pytest.CaptureFixture[str], language: str, expected: str
) -> None:
    (project / "mkdocs.yml").write_text(MKDOCS_YML.format(language=language), encoding="utf-8")
    (project / "timeline.yaml").write_text(FUND + LATER, encoding="utf-8")
    assert run(capsys, "check") == (1, "", expected)


def test_lang_wins_over_the_site_and_no_site_means_english(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "check")[1].startswith("timeline.yaml: ok: ")  # no mkdocs.yml
    (project / "mkdocs.yml").write_text(MKDOCS_YML.format(language="zh"), encoding="utf-8")
    assert run(capsys, "check")[1].startswith("timeline.yaml：通过：")
    assert run(capsys, "check", "--lang", "en")[1].startswith("timeline.yaml: ok: ")


def test_check_in_the_repository_speaks_chinese() -> None:
    """This site's theme.language is zh: `python -m generator check` says so in Chinese."""
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check"],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    summary = r"timeline\.yaml：通过：\d+ 个事件，\d+ 条引文已在 \d+ 篇文章中核对无误，\d+ 条警告\n"
    assert re.fullmatch(summary, result.stdout), result.stdout
    assert " ok: " not in result.stdout + result.stderr


# --- the rest: output folder, published URLs, mkdocs.yml labels ----------------------


def test_writing_outside_the_output_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        write_tree(tmp_path / "out", {"../escape.md": "x"}, {})
    assert said(list(caught.value.diagnostics)) == [
        (
            "../escape.md:1:1: error: 不会写到输出文件夹之外",
            "../escape.md:1:1: error: refusing to write outside the output folder",
        )
    ]


def test_a_folder_that_is_no_built_site(tmp_path: Path) -> None:
    assert said(check_published(tmp_path, "https://a.example/", "https://github.com/a/b")) == [
        (
            f"{tmp_path}:1:1: error: 没有找到网站发布的网址：这是构建好的网站文件夹吗？",
            f"{tmp_path}:1:1: error: no published URL found: is this a built site?",
        )
    ]


def test_an_unknown_label_in_mkdocs_yml() -> None:
    with pytest.raises(UnknownLabels) as caught:
        Labels("zh", (("no_such", "x"), ("nor_this", "y")))
    assert caught.value.said.text("zh") == (
        "没有这些标签：no_such, nor_this（可用的标签见 generator/labels/）"
    )
    assert str(caught.value.said) == "no such label: no_such, nor_this (see generator/labels/)"
