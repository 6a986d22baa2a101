"""Bad saved web pages end in one ``file:1:1`` error line or a clean article, never a
traceback or a hang: an empty page, a page with no article (a front page, a login
wall), broken markup, a 20 MB page, a page too large or made of too many elements,
and a page nested thousands of levels deep."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.clean import clean_text
from generator.model import InputError
from generator.pipeline import clean_all
from generator.read import MAX_PAGE_BYTES, MAX_PAGE_TAGS, read_file

ROOT = Path(__file__).resolve().parent.parent
# A guard against hangs, not a speed test: a page that made the extractor crawl would
# run for many minutes; this ends the run with every thread's traceback instead.
HANG_SECONDS = 300
PARAGRAPHS = [
    f"第{n}段：疫情期间，平台向公众免费开放在线问诊，医生通过图文和语音解答问题，已服务{n}万人次。"
    for n in range(1, 6)
]
ARTICLE = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def refusal(path: Path) -> str:
    """The one error a page gets, read through the pipeline as a build reads it."""
    with pytest.raises(InputError) as caught:
        clean_all([read_file(path, path.name)])
    (diagnostic,) = caught.value.diagnostics
    assert (diagnostic.file, diagnostic.line, diagnostic.col) == (path.name, 1, 1)
    return diagnostic.message


def page(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("content", ["", "  \n\t\n"])
def test_an_empty_page_is_refused(tmp_path: Path, content: str) -> None:
    assert refusal(page(tmp_path, "empty.html", content)).startswith("file is empty")


@pytest.mark.parametrize(
    "body",
    [
        "",
        "<!-- saved while the page was still loading -->",
        # A portal's front page: lists of links under section names.
        "".join(
            f"<div><h2>栏目{i}</h2><ul>"
            + "".join(
                f'<li><a href="/n/{i}{j}.html">平台推出第{i}{j}项线上服务</a> 02-{j + 1:02d}</li>'
                for j in range(12)
            )
            + "</ul></div>"
            for i in range(8)
        ),
        # A login wall in front of the article.
        '<div class="login"><h2>账号登录</h2><form><input placeholder="手机号">'
        '<input type="password"><button>登录</button></form><p>登录后即可阅读全文</p>'
        "<p><a>忘记密码</a> | <a>注册新用户</a></p></div>",
    ],
    ids=["no-body", "comment-only", "front-page", "login-wall"],
)
def test_a_page_without_an_article_says_so(tmp_path: Path, body: str) -> None:
    path = page(
        tmp_path,
        "front.html",
        f"<html><head><title>云州网</title></head><body>{body}</body></html>",
    )
    message = refusal(path)
    assert message.startswith("no article found in this web page")
    assert "save the article's own page" in message


def test_broken_markup_still_gives_its_text(tmp_path: Path) -> None:
    broken = (
        "<html><body><div class=article><h1>平台开通在线问诊</h1><p>"
        + PARAGRAPHS[0]
        + "<p>"
        + PARAGRAPHS[1]
        + "<b>"
        + PARAGRAPHS[2]
        + "</div></span></table><p>"
        + PARAGRAPHS[3]
        + "<<<>>> &nbsp &foo; <p "
        + PARAGRAPHS[4]
    )
    (article,) = clean_text(read_file(page(tmp_path, "broken.html", broken)))
    text = "".join(b.text for b in article.blocks)
    assert article.title == "平台开通在线问诊"
    for sentence in PARAGRAPHS[:4]:
        assert sentence in text


def test_a_20_mb_page_is_read_and_extracted(tmp_path: Path, watchdog: None) -> None:
    """A page saved with its scripts' data and an image inlined, as browsers do."""
    data = '{"id": 1, "text": "' + "x" * 1000 + '"},'
    image = "QUJD" * (3 * 1024 * 1024)
    text = (
        f"<html><head><title>平台开通在线问诊</title><script>var feed = [{data * 10_000}];"
        f'</script></head><body><h1>平台开通在线问诊</h1><div class="article">{ARTICLE}'
        f'<p><img src="data:image/png;base64,{image}"></p></div>'
        + "".join(f'<li><a href="/x/{i}.html">相关阅读第{i}篇</a></li>' for i in range(5_000))
        + "</body></html>"
    )
    path = page(tmp_path, "big.html", text)
    assert 20 * 1024 * 1024 < path.stat().st_size < MAX_PAGE_BYTES
    (article,) = clean_text(read_file(path))
    assert [b.text for b in article.blocks] == PARAGRAPHS


def test_a_page_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as out:
        out.truncate(MAX_PAGE_BYTES + 1)  # sparse: the size alone must refuse it
    with pytest.raises(InputError) as caught:
        read_file(path, "huge.html")
    (diagnostic,) = caught.value.diagnostics
    assert str(diagnostic).startswith("huge.html:1:1: error: web page is too large")


def test_a_page_of_too_many_elements_is_refused(tmp_path: Path, watchdog: None) -> None:
    cells = "<span>格</span>" * (MAX_PAGE_TAGS + 1)
    path = page(tmp_path, "grid.html", f"<html><body><h1>表</h1>{ARTICLE}{cells}</body></html>")
    with pytest.raises(InputError) as caught:
        read_file(path, "grid.html")
    (diagnostic,) = caught.value.diagnostics
    assert str(diagnostic).startswith("grid.html:1:1: error: web page has too many elements")


def test_a_deeply_nested_page_ends_cleanly(tmp_path: Path, watchdog: None) -> None:
    depth = MAX_PAGE_TAGS // 2 - 100
    nested = "<div>" * depth + ARTICLE + "</div>" * depth
    path = page(
        tmp_path, "deep.html", f"<html><body><h1>平台开通在线问诊</h1>{nested}</body></html>"
    )
    try:
        articles = clean_all([read_file(path, path.name)])
    except InputError as err:
        # The parser gives up on such depth: the page then holds no article to read.
        assert [d.line for d in err.diagnostics] == [1]
    else:
        assert articles and articles[0].file == "deep.html"


def test_the_command_line_prints_one_error_line(tmp_path: Path) -> None:
    path = page(tmp_path, "login.html", "<html><body><p>登录后即可阅读全文</p></body></html>")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "clean", str(path), "--lang", "en"],
        capture_output=True,
        encoding="utf-8",
        timeout=300,
        check=False,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"{path}:1:1: error: no article found in this web page")
