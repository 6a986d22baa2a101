"""Bad input through the real command line: a clear error line or a good result, never
a traceback, never a hang.

Every case runs ``python -m generator ...`` in a subprocess with a timeout. A refusal
must be exit status 1 with exactly one ``FILE:LINE:COL: error: ...`` line per problem
on stderr, nothing on stdout. Big inputs are generated in ``tmp_path`` at test time.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from benchmarks.serve import fetch

from .conftest import ROOT, SEEDS, copy_project, mkdocs, serving
from .test_serve import wait_for

pytestmark = pytest.mark.slow

TIMEOUT = 60
BAD = Path(__file__).parent / "fixtures" / "bad"
SENTENCE = (
    "新冠肺炎疫情在全球范围内蔓延，给世界经济带来了更多不确定性。阿里巴巴日前宣布启动春雷计划。"
)
TRADITIONAL = (
    "新冠肺炎疫情在全球範圍內蔓延，給世界經濟帶來了更多不確定性。阿里巴巴日前宣佈啟動春雷計劃。"
)


Result = subprocess.CompletedProcess[str]


def generator(*args: str, cwd: Path = ROOT) -> Result:
    """The command in English (this site's own language is Chinese): these tests check
    what each message says; test_messages_zh.py checks it in Chinese too."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args, "--lang", "en"],
        cwd=cwd,
        capture_output=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def errors(result: Result, shown: str) -> list[tuple[int, int, str]]:
    """The error lines of a refusal as (line, col, message); checks the refusal's shape."""
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    found = []
    pattern = re.compile(rf"{re.escape(shown)}:([1-9]\d*):([1-9]\d*): (error|warning): (.+)")
    after_a_diagnostic = False
    for line in result.stderr.splitlines():
        if line.startswith("  ") and after_a_diagnostic:
            continue  # indented lines under a message (a quote, a caret), as GCC's notes
        m = pattern.fullmatch(line)
        assert m, f"not a diagnostic line naming {shown}: {line!r}"
        after_a_diagnostic = True
        if m.group(3) == "error":
            found.append((int(m.group(1)), int(m.group(2)), m.group(4)))
    assert found
    return found


def refused(path: Path) -> tuple[int, int, str]:
    """``clean FILE`` refused with exactly one error line naming the file."""
    return one_error(generator("clean", str(path)), path)


def one_error(result: Result, path: Path) -> tuple[int, int, str]:
    assert result.stdout == ""
    found = errors(result, str(path))
    assert len(result.stderr.splitlines()) == 1, result.stderr
    return found[0]


def cleaned(path: Path) -> list[dict[str, object]]:
    """``clean --json FILE`` succeeded; the articles it printed."""
    result = generator("clean", "--json", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    articles: list[dict[str, object]] = json.loads(result.stdout)
    assert articles
    return articles


def everything(articles: list[dict[str, object]]) -> str:
    """The Markdown of every article plus the text of every line it reports as dropped."""
    parts = []
    for art in articles:
        parts.append(str(art["markdown"]))
        dropped = art["dropped"]
        assert isinstance(dropped, list)
        parts += [str(d["text"]) for d in dropped]
    return "\n".join(parts)


# --- clean: refused ---------------------------------------------------------------


def random_bytes(n: int) -> bytes:
    """Seeded noise without NUL bytes (those are refused before any decoding is tried)."""
    rng = random.Random(20200123)
    return bytes(rng.randrange(1, 256) for _ in range(n))


REFUSED: list[tuple[str, bytes, tuple[int, int], str]] = [
    ("empty.txt", b"", (1, 1), "file is empty: expected the text of an article"),
    (
        "whitespace.txt",
        " \n\t\r\n\u3000\n".encode(),
        (1, 1),
        "file is empty: expected the text of an article",
    ),
    # An image: no encoding reads it; the first byte is already not UTF-8.
    (
        "image.txt",
        b"\x89PNG\r\n\x1a\n" + random_bytes(4000),
        (1, 1),
        "byte 0x89 is not UTF-8 and the file does not read as GB18030 or Big5 either",
    ),
    ("nul.txt", SENTENCE.encode() + b"\x00\x00" + SENTENCE.encode(), (1, 1), "NUL bytes"),
    # Line 4 is `第四行` then the bad byte: column 4.
    (
        "bad_utf8.txt",
        f"{SENTENCE}\n{SENTENCE}\n\n第四行".encode() + b"\xff" + SENTENCE.encode(),
        (4, 4),
        "byte 0xFF is not UTF-8",
    ),
    ("bell.txt", f"{SENTENCE}\n警告\x07铃声。".encode(), (2, 3), "control character U+0007"),
    (
        "ansi.txt",
        f"{SENTENCE}\n\n红色\x1b[31m文字。".encode(),
        (3, 3),
        "control character U+001B",
    ),
    # Past the first 200,000 characters (the decoder once looked at a sample only).
    (
        "late_escape.txt",
        (SENTENCE * 6000 + "\n尾部\x1b[31m").encode(),
        (2, 3),
        "control character U+001B",
    ),
    (
        "furniture.txt",
        "扫一扫\n\n责任编辑：王小明\n".encode(),
        (1, 1),
        "no article text found: every line was left out as page furniture",
    ),
]


@pytest.fixture(scope="module")
def refusals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Result]]:
    """Every case of REFUSED cleaned at once (each is a separate process)."""
    folder = tmp_path_factory.mktemp("refused")
    paths = []
    for name, data, _, _ in REFUSED:
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = pool.map(lambda path: generator("clean", str(path)), paths)
        return {path.name: (path, result) for path, result in zip(paths, results, strict=True)}


@pytest.mark.parametrize(("name", "where", "message"), [(c[0], c[2], c[3]) for c in REFUSED])
def test_clean_refuses_with_one_error_line(
    refusals: dict[str, tuple[Path, Result]], name: str, where: tuple[int, int], message: str
) -> None:
    path, result = refusals[name]
    line, col, text = one_error(result, path)
    assert (line, col) == where
    assert message in text


def test_clean_refuses_a_50_mb_article_by_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    paragraph = (SENTENCE * 3 + "\n\n").encode("utf-8")
    path.write_bytes(paragraph * (50 * 1024 * 1024 // len(paragraph) + 1))
    size = path.stat().st_size
    assert size > 50 * 1024 * 1024
    assert refused(path) == (
        1,
        1,
        f"file is too large ({size} bytes; the limit for one article is 8 MiB)",
    )


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_clean_refuses_what_is_not_a_file(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "article.txt"
    if kind == "folder":
        path.mkdir()
    _, _, text = refused(path)
    reason = "Is a directory" if kind == "folder" else "No such file or directory"
    assert text == f"cannot read file: {reason}"


# --- clean: good results ----------------------------------------------------------


def test_mixed_line_endings_are_lines(tmp_path: Path) -> None:
    lines = ["第一段文字写在这里，很长很长。", "第二段", "第三段", "第四段文字，结束。"]
    path = tmp_path / "endings.txt"
    path.write_bytes(f"{lines[0]}\r\n{lines[1]}\r{lines[2]}\n{lines[3]}\n".encode())
    articles = cleaned(path)
    out = everything(articles)
    assert "\r" not in out
    # Each line, whatever ended it, is a line of its own in the article or its report.
    for line in lines:
        assert line in out.split("\n") or f"## {line}" in out.split("\n"), line


@pytest.mark.parametrize(
    ("name", "data", "text"),
    [
        ("gb18030.txt", (SENTENCE + "\n\n") * 4, SENTENCE),
        ("big5.txt", (TRADITIONAL + "\n\n") * 4, TRADITIONAL),
        ("bom_crlf.txt", "\ufeff" + (SENTENCE + "\r\n\r\n") * 4, SENTENCE),
    ],
)
def test_legacy_encodings_and_bom_decode(tmp_path: Path, name: str, data: str, text: str) -> None:
    encoding = {"gb18030.txt": "gb18030", "big5.txt": "big5"}.get(name, "utf-8")
    path = tmp_path / name
    path.write_bytes(data.encode(encoding))
    [article] = cleaned(path)
    markdown = str(article["markdown"])
    assert markdown.count(text) == 4
    assert "\ufeff" not in markdown and "\r" not in markdown


def test_a_million_character_line_is_cleaned_in_time(tmp_path: Path) -> None:
    line = (SENTENCE * (1_000_000 // len(SENTENCE) + 1))[:1_000_000]
    path = tmp_path / "one_line.txt"
    path.write_text(line, encoding="utf-8")
    [article] = cleaned(path)
    assert line in str(article["markdown"])


def test_emoji_and_astral_han_survive(tmp_path: Path) -> None:
    path = tmp_path / "astral.txt"
    path.write_text(
        "吉野家的𠮷字和𩸽鱼😀都很好。这是一个测试句子，包含扩展汉字。\n", encoding="utf-8"
    )
    [article] = cleaned(path)
    markdown = str(article["markdown"])
    assert "吉野家的𠮷字和𩸽鱼😀都很好。" in markdown


def test_invisible_characters_never_cost_text(tmp_path: Path) -> None:
    path = tmp_path / "invisible.txt"
    text = "零宽\u200b字符\u200d和\ufeff连接符都不该留下。反转\u202e字符不改变文字。这是正文。\n"
    path.write_text(text, encoding="utf-8")
    [article] = cleaned(path)
    markdown = str(article["markdown"])
    # Zero-width characters and the right-to-left override (which can make published
    # text read differently from what it says) go; no character of the text is lost.
    assert not set("\u200b\u200d\ufeff\u202e") & set(markdown)
    assert "零宽字符和连接符都不该留下。反转字符不改变文字。这是正文。" in markdown


# --- check: every kind of broken timeline -----------------------------------------


def check(tmp_path: Path, timeline: bytes) -> Result:
    """``check timeline.yaml`` in a fresh folder (so nothing can write into the repo)."""
    (tmp_path / "timeline.yaml").write_bytes(timeline)
    return generator("check", "timeline.yaml", "--articles", str(SEEDS), cwd=tmp_path)


def test_the_base_timeline_is_valid(tmp_path: Path) -> None:
    result = check(tmp_path, (BAD / "ok.yaml").read_bytes())
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("timeline.yaml: ok: 1 events, 1 quotes verified")


# Each file is ok.yaml (without its comment line) broken in one way; positions were
# read off the files: the offending key or value, or the mapping missing a key.
CASES = [
    ("unclosed_quote", 4, 12, 'the quote `"` opened here is never closed; end the value with `"`'),
    ("tab_indent", 4, 1, "this line is indented with a tab; YAML indents with spaces"),
    ("sources_int", 5, 14, "`sources` must be a list of {article, quote}, got an integer"),
    ("missing_title", 2, 5, "event is missing `title`"),
    ("unknown_key", 4, 5, "unknown key `titel`; did you mean `title`?"),
    ("impossible_date", 3, 11, "invalid `date` `2020-02-30`: 2020-02 has no day 30"),
    ("end_before_date", 4, 10, "`end` 2020-01-20 is before `date` 2020-01-25"),
    ("duplicate_id", 8, 9, "duplicate event id `alibaba-medical-supplies-fund` (first used"),
    ("unknown_article", 6, 9, "unknown article `000_b4a20cc34cdd8f9a-9`"),
    ("quote_missing", 7, 16, "quote not found in article 000_b4a20cc34cdd8f9a-1; the closest"),
    ("empty", 1, 1, "empty timeline: expected a mapping with an `events:` list"),
    ("alias_bomb", 6, 4, "this value expands to more than 1000000 YAML nodes"),
    ("python_object", 4, 12, "unsupported YAML tag `!!python/object/apply:os.system`"),
    ("override_javascript", 10, 10, "`url` must be an http:// or https:// address"),
    ("title_crlf", 4, 12, "`title` must be one line; expected text without line breaks"),
    ("control_escape", 4, 12, "`title` holds the control character U+001B"),
]


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Result]]:
    """``check`` of every case at once, each in its own folder."""
    folders = [tmp_path_factory.mktemp(name) for name, *_ in CASES]

    def run(job: tuple[str, Path]) -> tuple[Path, Result]:
        name, folder = job
        return folder, check(folder, (BAD / f"{name}.yaml").read_bytes())

    jobs = [(name, folder) for (name, *_), folder in zip(CASES, folders, strict=True)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip([name for name, _ in jobs], pool.map(run, jobs), strict=True))


@pytest.mark.parametrize(("name", "line", "col", "message"), CASES)
def test_check_reports_each_mistake_where_it_is(
    checks: dict[str, tuple[Path, Result]], name: str, line: int, col: int, message: str
) -> None:
    _, result = checks[name]
    [(got_line, got_col, text)] = errors(result, "timeline.yaml")
    assert (got_line, got_col) == (line, col)
    assert text.startswith(message)


def test_python_tags_are_never_run(checks: dict[str, tuple[Path, Result]]) -> None:
    folder, _ = checks["python_object"]
    assert not (folder / "pwned.txt").exists()
    assert sorted(p.name for p in folder.iterdir()) == ["timeline.yaml"]


def test_check_refuses_a_timeline_that_is_not_utf8(tmp_path: Path) -> None:
    text = (BAD / "ok.yaml").read_text(encoding="utf-8")
    result = check(tmp_path, text.encode("gb18030"))
    # Line 5 is the title: `    title: ` then the first GB18030 byte, 0xB0 (阿).
    assert errors(result, "timeline.yaml") == [
        (
            5,
            12,
            "file is not UTF-8 (byte 0xB0); expected UTF-8 text, save the file as UTF-8",
        )
    ]


def test_check_refuses_ten_thousand_nested_lists(tmp_path: Path) -> None:
    result = check(tmp_path, b"events: " + b"[" * 10_000 + b"]" * 10_000 + b"\n")
    [(line, col, text)] = errors(result, "timeline.yaml")
    assert (line, col) == (1, 72)
    assert text.startswith("YAML nested more than 64 levels deep")


def test_check_refuses_a_20_mb_timeline_quickly(tmp_path: Path) -> None:
    body = (BAD / "ok.yaml").read_text(encoding="utf-8").split("events:\n", 1)[1]
    events = [body.replace("alibaba-medical-supplies-fund", f"event-{n}") for n in range(40_000)]
    data = ("events:\n" + "".join(events)).encode("utf-8")
    data += b"#" * (20 * 1024 * 1024 - len(data))
    result = check(tmp_path, data)
    assert errors(result, "timeline.yaml") == [
        (
            1,
            1,
            f"file is {len(data)} bytes; expected a timeline of at most 16777216 bytes "
            "(16 MiB, about 20,000 events)",
        )
    ]


# --- mkdocs build: broken inputs fail the build, with the line, without a site ----------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # The site's language is Chinese (theme.language: zh): so are its messages.
        ("unclosed_quote", 'timeline.yaml:4:12: error: 这里开头的引号 `"` 没有闭合'),
        ("unknown_key", "timeline.yaml:4:5: error: 没有 `titel` 这个键；是不是 `title`？"),
        ("quote_missing", "timeline.yaml:7:16: error: 文章 000_b4a20cc34cdd8f9a-1 中找不到"),
    ],
)
def test_mkdocs_build_aborts_on_a_broken_timeline(tmp_path: Path, name: str, expected: str) -> None:
    project = copy_project(tmp_path)
    (project / "timeline.yaml").write_bytes((BAD / f"{name}.yaml").read_bytes())
    result = mkdocs(project, "build", "--site-dir", "site")  # not --strict: an error, not a warning
    assert result.returncode != 0
    assert expected in result.stderr
    assert result.stderr.count(expected) == 1
    assert "Aborted with a BuildError!" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (project / "site" / "index.html").exists()


def test_mkdocs_build_aborts_on_an_undecodable_seed(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "seeds" / "999_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + random_bytes(500))
    result = mkdocs(project, "build", "--site-dir", "site")
    assert result.returncode != 0
    shown = "seeds/999_binary.txt"
    # In the site's language (theme.language: zh).
    assert f"{shown}:1:1: error: 无法解码 {shown}：字节 0x89 不是 UTF-8" in result.stderr
    assert "Aborted with a BuildError!" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


# --- mkdocs serve: the console names the line of a broken save ---------------------


def test_serve_console_shows_the_error_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    log_path = tmp_path / "serve.log"
    timeline = project / "timeline.yaml"
    original = timeline.read_text(encoding="utf-8")
    lines = original.splitlines()
    at = next(i for i, text in enumerate(lines) if text.strip().startswith("title:"))
    col = lines[at].index("title") + 1
    with serving(project, log_path) as (proc, base):
        assert wait_for(lambda: "时间线" in fetch(base + "timeline/")), "server did not start"
        lines[at] = lines[at].replace("title:", "titel:", 1)
        timeline.write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert wait_for(lambda: "输入有错误" in fetch(base + "timeline/"))
        expected = f"timeline.yaml:{at + 1}:{col}: error: 没有 `titel` 这个键"
        assert wait_for(lambda: expected in log_path.read_text(encoding="utf-8"))
        assert proc.poll() is None
    assert "Traceback" not in log_path.read_text(encoding="utf-8")
