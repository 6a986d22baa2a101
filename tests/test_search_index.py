"""Pagefind's filter index comes out byte for byte the same on every build."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import search_index
from generator.site_search import SiteSearch

pytestmark = pytest.mark.slow  # runs Pagefind

PAGE = """<!doctype html><html lang="zh"><body><main data-pagefind-body>
<h1>{title}</h1><p>{text}</p>{filters}</main></body></html>"""


def documents() -> list[tuple[str, str]]:
    """Six pages' search documents, each with its kind and tags as Pagefind filters."""
    kinds = ["事件", "文章", "说明", "事件", "文章", "事件"]
    tags = [["医护保障", "出行"], ["数字防疫"], [], ["出行", "助农"], ["金融支持"], ["助农"]]
    docs = []
    for i, (kind, names) in enumerate(zip(kinds, tags, strict=True)):
        filters = f'<span data-pagefind-filter="类型:{kind}"></span>' + "".join(
            f'<span data-pagefind-filter="标签:{t}"></span>' for t in names
        )
        text = f"健 康 码 第 {i} 页 " * (i + 1)
        docs.append((f"/p{i}/", PAGE.format(title=f"页 {i}", text=text, filters=filters)))
    return docs


def build_index(folder: Path) -> None:
    """The bundle of :func:`documents` in ``folder``, fed to Pagefind as a build feeds it."""
    index = SiteSearch(None)
    index.begin()
    index.index_all(folder, documents())
    assert index.wait() is None


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_the_same_pages_give_the_same_bundle(tmp_path: Path) -> None:
    first = tmp_path / "a"
    build_index(first)
    for n in range(4):  # Pagefind alone gives a different filter order most runs
        again = tmp_path / f"b{n}"
        build_index(again)
        assert files(again / "pagefind") == files(first / "pagefind")
    assert len(list((first / "pagefind" / "filter").iterdir())) == 2  # one file a filter


def test_a_bundle_of_another_shape_is_left_as_it_is(tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    bundle.mkdir()
    (bundle / "pagefind-entry.json").write_text('{"languages": {"zh": {"hash": "zh_1"}}}')
    (bundle / "pagefind.zh_1.pf_meta").write_bytes(b"not gzip")
    before = files(bundle)
    search_index.canonical(bundle)
    assert files(bundle) == before
    search_index.canonical(tmp_path / "missing")  # no bundle at all: nothing to do
