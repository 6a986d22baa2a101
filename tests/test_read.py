"""The read stage: decoding UTF-8 (with BOM/CRLF), GB18030/GBK and Big5, refusing the rest."""

from __future__ import annotations

import hashlib
import os
import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import generator.read as read_module
from generator.model import InputError
from generator.read import SUFFIXES, odd_ratio, read_dir, read_file, split_name

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "articles"

# A paragraph of Traditional Chinese: its Big5 bytes also "decode" as GB18030.
TRADITIONAL = (
    "颱風過後，市政府動員數百名志工清理街道。「我們會盡快恢復供水供電」，市長表示，"
    "受災家庭可以向區公所申請補助。學校預計下週一恢復上課，家長不必擔心。"
)
SIMPLIFIED = "洪水过后，市政府组织数百名志愿者清理街道。“我们会尽快恢复供水供电”，市长表示。"


def test_utf8_seed_is_read_as_is() -> None:
    path = SEEDS / "001_5b3e0821b2624058.txt"
    raw = read_file(path, "seeds/001_5b3e0821b2624058.txt")
    assert raw.encoding == "utf-8"
    assert raw.path == "seeds/001_5b3e0821b2624058.txt"
    assert raw.name == "001_5b3e0821b2624058.txt"
    assert raw.stem == "001_5b3e0821b2624058"
    assert raw.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert "本报记者 朱银玲" in raw.text.split("\n")


def test_bom_and_crlf_are_removed() -> None:
    raw = read_file(FIXTURES / "bom_crlf_museum.md")
    assert raw.encoding == "utf-8-sig"
    assert "\r" not in raw.text
    assert raw.text.split("\n")[0] == "# 市博物馆推出夜间开放"


def test_lone_carriage_returns_become_newlines(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "old_mac.txt"
    path.write_bytes("第一行\r第二行\r\n第三行".encode())
    assert read_file(path).text == "第一行\n第二行\n第三行"


def test_big5_fixture_is_not_misread_as_gb18030() -> None:
    raw = read_file(FIXTURES / "big5_school.txt")
    assert raw.encoding == "big5"
    assert "全市中小學今日開學" in raw.text
    assert "本報記者 陳 明" in raw.text


def test_big5_bytes_of_a_traditional_paragraph(tmp_path: pathlib.Path) -> None:
    data = TRADITIONAL.encode("big5")
    data.decode("gb18030")  # the trap: these bytes are valid GB18030 too
    path = tmp_path / "typhoon.txt"
    path.write_bytes(data)
    raw = read_file(path)
    assert (raw.encoding, raw.text) == ("big5", TRADITIONAL)
    assert odd_ratio(data.decode("gb18030")) > 0.2  # why GB18030 loses: kana, Greek...


def test_gbk_fixture_and_gbk_bytes(tmp_path: pathlib.Path) -> None:
    raw = read_file(FIXTURES / "gbk_launch.txt")
    assert raw.encoding == "gb18030"
    assert "新能源汽车企业发布新一代电池技术" in raw.text
    path = tmp_path / "flood.txt"
    path.write_bytes(SIMPLIFIED.encode("gbk"))
    assert read_file(path).text == SIMPLIFIED


def test_traditional_text_encoded_as_gb18030_stays_gb18030(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "typhoon_gb.txt"
    path.write_bytes(TRADITIONAL.encode("gb18030"))
    raw = read_file(path)
    assert (raw.encoding, raw.text) == ("gb18030", TRADITIONAL)


def test_binary_input_is_refused_naming_the_file(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError) as caught:
        read_file(path, "articles/photo.txt")
    (diag,) = caught.value.diagnostics
    assert (diag.file, diag.line, diag.col) == ("articles/photo.txt", 1, 1)
    assert "cannot decode articles/photo.txt" in diag.message
    assert "expected UTF-8, GB18030 or Big5 text" in diag.message


def test_undecodable_bytes_without_nul_are_refused(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 4)
    with pytest.raises(InputError, match="cannot decode"):
        read_file(path)


def test_control_characters_are_refused_where_they_stand(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "ctrl.txt"
    path.write_bytes("标题\n正文\x01\x02".encode())
    with pytest.raises(InputError) as caught:
        read_file(path, "ctrl.txt")
    (diag,) = caught.value.diagnostics
    assert (diag.file, diag.line, diag.col) == ("ctrl.txt", 2, 3)
    assert "control character U+0001" in diag.message


def test_empty_file_is_refused(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"\xef\xbb\xbf\r\n  \r\n")
    with pytest.raises(InputError, match="empty"):
        read_file(path)


def test_too_large_file_is_refused(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_module, "MAX_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("一二三四五六七八九十", encoding="utf-8")
    with pytest.raises(InputError, match="too large"):
        read_file(path)


def test_read_dir_sorts_filters_and_names_relative_to_root(tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.txt").write_text("乙", encoding="utf-8")
    (folder / "a.md").write_text("# 甲", encoding="utf-8")
    (folder / "c.json").write_text("{}", encoding="utf-8")
    (folder / "sub.txt").mkdir()  # a folder named like a text file is skipped
    raws = read_dir(folder, tmp_path)
    assert [(r.name, r.path, r.text) for r in raws] == [
        ("a.md", "in/a.md", "# 甲"),
        ("b.txt", "in/b.txt", "乙"),
    ]


def test_read_dir_reports_every_bad_file_at_once(tmp_path: pathlib.Path) -> None:
    (tmp_path / "good.txt").write_text("正文", encoding="utf-8")
    (tmp_path / "bad1.txt").write_bytes(b"\x00\x01")
    (tmp_path / "bad2.txt").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(InputError) as caught:
        read_dir(tmp_path, tmp_path)
    assert [d.file for d in caught.value.diagnostics] == ["bad1.txt", "bad2.txt"]


def test_read_dir_of_the_seeds() -> None:
    raws = read_dir(SEEDS, ROOT)
    assert [r.path for r in raws] == [f"seeds/{p.name}" for p in sorted(SEEDS.glob("*.txt"))]
    assert {r.encoding for r in raws} == {"utf-8"}


def test_a_read_again_sees_every_change_even_within_one_clock_tick(tmp_path: pathlib.Path) -> None:
    """Under serve, an unchanged file is the same RawText as the last read's; a file
    whose bytes changed is read anew, though its size and time stamp are the same."""
    (tmp_path / "a.txt").write_text("第一篇文章的正文。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("第二篇文章的正文。\n", encoding="utf-8")
    first = read_dir(tmp_path, tmp_path)
    stamp = (tmp_path / "b.txt").stat()
    (tmp_path / "b.txt").write_text("第二篇文章的改文。\n", encoding="utf-8")  # same size
    os.utime(tmp_path / "b.txt", ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    second = read_dir(tmp_path, tmp_path)
    assert second[0] is first[0]
    assert second[1].text == "第二篇文章的改文。\n" and second[1] is not first[1]
    # A file that no longer decodes is refused, not served from the last read.
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\x00broken")
    with pytest.raises(InputError):
        read_dir(tmp_path, tmp_path)
    (tmp_path / "b.txt").write_text("第二篇文章的改文。\n", encoding="utf-8")
    again = read_dir(tmp_path, tmp_path)
    assert again[0] is first[0] and again[1].text == second[1].text


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(st.text(alphabet=".a文 _-Tx", min_size=1, max_size=8).filter(lambda n: n not in (".", "..")))
def test_a_file_name_splits_as_pathlib_splits_it(name: str) -> None:
    path = pathlib.PurePath(name)
    assert split_name(name) == (path.stem, path.suffix)


@pytest.mark.parametrize("where", ["root", "below", "outside", "cwd"])
def test_read_dir_shows_each_file_as_pathlib_would(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    root = tmp_path / "project"
    folder = {"root": root, "below": root / "seeds" / "2020", "outside": tmp_path / "elsewhere"}
    made = folder.get(where, root / "seeds")
    made.mkdir(parents=True)
    names = ["b.TXT", "a.md", "甲.html", ".txt", "c.txt.bak", "d.htm", "e.", "f..txt"]
    for name in names:
        (made / name).write_text("正文。", encoding="utf-8")
    (made / "linked.txt").symlink_to(made / "a.md")
    (made / "folder.txt").mkdir()
    (made / "dangling.md").symlink_to(made / "nowhere.md")
    if where == "cwd":  # the folder given as ".", the root elsewhere
        monkeypatch.chdir(made)
        made = pathlib.Path(".")
    files = sorted(
        (p for p in made.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file()),
        key=lambda p: p.name,
    )
    expected = []
    for p in files:
        try:
            shown = p.relative_to(root).as_posix()
        except ValueError:
            shown = p.as_posix()
        expected.append((p.name, p.stem, shown))
    raws = read_dir(made, root)
    assert [(r.name, r.stem, r.path) for r in raws] == expected
    assert [r.name for r in raws] == ["a.md", "b.TXT", "d.htm", "f..txt", "linked.txt", "甲.html"]
