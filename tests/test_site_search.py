"""The search bundle of a build: Pagefind fed every page's document in the background,
and the last bundle reused whole when every document is the same, in the same order."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.cache import JsonCache
from generator.search_stream import StreamingIndexError, write_bundle
from generator.site_search import BUNDLE, SiteSearch

from .test_determinism import tree

HANG_SECONDS = 120  # for the watchdog fixture: a stop that hangs ends the run

DOCS = [
    ("/events/a/", "<html><body data-pagefind-body><p>阿 里 巴 巴</p></body></html>"),
    ("/events/b/", "<html><body data-pagefind-body><p>钉 钉 复 工</p></body></html>"),
]


def index(keep: JsonCache, site: Path, docs: list[tuple[str, str]]) -> bool:
    """Index ``docs`` into ``site``; whether Pagefind had to run."""
    search = SiteSearch(keep)
    search.begin()
    search.index_all(site, docs)
    started = search.index is not None
    assert search.wait() is None
    return started


def test_same_documents_reuse_the_bundle_and_a_change_indexes_again(tmp_path: Path) -> None:
    keep = JsonCache(tmp_path / "cache.json")
    assert index(keep, tmp_path / "one", DOCS)
    keep.save()
    keep = JsonCache(tmp_path / "cache.json")  # as the next build finds it
    assert (tmp_path / "one" / BUNDLE / "pagefind-entry.json").is_file()

    assert not index(keep, tmp_path / "two", DOCS)  # no Pagefind run at all
    assert tree(tmp_path / "two" / BUNDLE) == tree(tmp_path / "one" / BUNDLE)

    changed = [DOCS[0], (DOCS[1][0], DOCS[1][1].replace("复 工", "复 产"))]
    assert index(keep, tmp_path / "three", changed)
    assert tree(tmp_path / "three" / BUNDLE) != tree(tmp_path / "one" / BUNDLE)
    assert index(JsonCache(tmp_path / "other.json"), tmp_path / "four", changed)
    assert tree(tmp_path / "four" / BUNDLE) == tree(tmp_path / "three" / BUNDLE)


def test_a_site_without_documents_gets_no_bundle(tmp_path: Path) -> None:
    index(JsonCache(tmp_path / "cache.json"), tmp_path / "site", [])
    assert not (tmp_path / "site" / BUNDLE).exists()


@pytest.mark.parametrize("path", ["../x.js", "/etc/x", "fragment/../../x", "a\\..\\x", ""])
def test_a_bundle_file_outside_the_bundle_is_refused_before_anything_is_written(
    tmp_path: Path, path: str
) -> None:
    with pytest.raises(StreamingIndexError):
        write_bundle(tmp_path / "b", {"a.js": b"1", path: b"2"})
    assert not (tmp_path / "b").exists() and not (tmp_path / "x.js").exists()


def test_a_bundle_is_written_with_its_folders(tmp_path: Path) -> None:
    files = {"pagefind.js": b"a", "fragment/zh_1.pf_fragment": b"b", "index/./zh_2.pf_index": b"c"}
    write_bundle(tmp_path / "b", files)
    written = {
        p.relative_to(tmp_path / "b").as_posix(): p.read_bytes()
        for p in (tmp_path / "b").rglob("*")
        if p.is_file()
    }
    assert written == {
        "pagefind.js": b"a",
        "fragment/zh_1.pf_fragment": b"b",
        "index/zh_2.pf_index": b"c",
    }


def _many(count: int, word: str) -> list[tuple[str, str]]:
    body = "<html><body data-pagefind-body><p>{} 第 {} 页 复 工 复 产</p></body></html>"
    return [(f"/events/e{i}/", body.format(word, i)) for i in range(count)]


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.3, 1.0])
def test_a_newer_save_stops_the_background_index_at_any_point_without_hanging(
    tmp_path: Path, delay: float, watchdog: None
) -> None:
    """Under serve a save stops the index the last save started, whether it is still
    being fed, being written, or done; the serve build waits for that stop, so a
    stop that waited for an answer that never comes froze the server."""
    search = SiteSearch(None)
    search.begin()
    search.index_all(tmp_path, _many(400, "旧"))
    time.sleep(delay)
    search.begin()  # the next save: stops the run, however far it got
    assert search.finisher is None and search.index is None
    search.index_all(tmp_path, _many(3, "新"))
    assert search.wait() is None
    fragments = list((tmp_path / BUNDLE / "fragment").iterdir())
    assert len(fragments) == 3  # the newer save's bundle, whole, nothing of the old one
