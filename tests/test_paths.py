"""Names from input files and YAML can never climb out of the output folder."""

from __future__ import annotations

import itertools
import posixpath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator import paths


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "/abs/path", "..", ".hidden", "a/b", "a\\b", "", " ", "C:\\x", "\x00"],
)
def test_unsafe_names_become_single_safe_segments(name: str) -> None:
    safe = paths.safe_name(name)
    assert safe and "/" not in safe and "\\" not in safe and not safe.startswith(".")
    assert ".." not in safe.split("-")
    for page in (paths.article_page(name), paths.tag_page(name), paths.event_page(name)):
        assert page.count("/") == 1 and not page.startswith("/")


def test_safe_names_keep_chinese_and_plain_ids() -> None:
    assert paths.safe_name("医疗物资") == "医疗物资"
    assert paths.safe_name("000_b4a20cc34cdd8f9a-1") == "000_b4a20cc34cdd8f9a-1"
    assert paths.safe_name("AI") == "AI"


def test_names_that_change_never_collide() -> None:
    names = ["a b", "a/b", "a-b", "a  b", "A B"]
    assert len({paths.safe_name(n) for n in names}) == len(names)


def test_links_and_urls() -> None:
    assert paths.link("events/x.md", "articles/y.md", "p3") == "../articles/y.md#p3"
    assert paths.link("timeline.md", "events/x.md") == "events/x.md"
    assert (
        paths.url_of("articles/y.md", "https://e.org/site", "p3")
        == "https://e.org/site/articles/y/#p3"
    )
    assert paths.url_of("articles/index.md") == "articles/"
    assert paths.url_of("index.md", "https://e.org/") == "https://e.org/"


def test_link_agrees_with_relpath_between_any_two_pages() -> None:
    pages = [
        "index.md",
        "timeline.md",
        "articles/a.md",
        "articles/index.md",
        "events/e.md",
        "tags/x/y.md",
        "tags/x/z.md",
        "raw/a.txt",
        "a/b/c/d.md",
    ]
    for source, target in itertools.product(pages, pages):
        expected = posixpath.relpath(target, posixpath.dirname(source) or ".")
        assert paths.link(source, target) == expected, (source, target)
    assert paths.link("events/e.md", "articles/a.md", "p3") == "../articles/a.md#p3"


def test_a_link_through_the_root_reaches_what_href_reaches_from_every_page() -> None:
    pages = [
        "index.md",
        "timeline.md",
        "timeline/2020-03.md",
        "tags/x.md",
        "tags/x/2.md",
        "entities/阿里巴巴.md",
        "events/e.md",
        "articles/index.md",
    ]
    targets = ["events/e.md", "tags/x.md", "entities/阿里巴巴.md", "articles/a.md", "index.md"]
    for source, target in itertools.product(pages, targets):
        up = paths.up_to_root(source)
        through_root = paths.from_root(up, target, "p2")
        assert through_root.endswith(paths.url_of(target) + "#p2")
        here = paths.url_of(source)
        reached = posixpath.normpath(posixpath.join(here, through_root.partition("#")[0]))
        direct = posixpath.normpath(posixpath.join(here, paths.href(source, target)))
        assert reached == direct, (source, target, through_root)
    # The same text from every page as deep: what lets one card serve many lists.
    two_deep = ["timeline/2020-03.md", "tags/x.md", "entities/阿里巴巴.md", "events/e.md"]
    assert {paths.from_root(paths.up_to_root(p), "tags/x.md") for p in two_deep} == {
        "../../tags/x/"
    }
    assert paths.from_root(paths.up_to_root("index.md"), "index.md") == "./"


@pytest.mark.parametrize(
    ("page", "kind"),
    [
        ("index.md", "home"),
        ("timeline.md", "timeline"),
        ("timeline/2020-03.md", "month"),
        ("timeline/2020-03/2.md", "month"),
        ("events/lockdown.md", "event"),
        ("articles/000_x.md", "article"),
        ("articles/index.md", "index"),
        ("tags/index/2.md", "index"),
        ("tags/复工复产/2.md", "tag"),
        ("entities/阿里巴巴.md", "entity"),
        ("curate.md", "doc"),
        ("about/index.md", "doc"),
    ],
)
def test_page_kind_by_where_the_page_lives(page: str, kind: str) -> None:
    assert paths.page_kind(page) == kind
    assert kind in paths.PAGE_KINDS


def test_no_article_id_makes_an_index_kind() -> None:
    assert paths.page_kind(paths.article_page("index")) == "article"
    assert paths.page_kind(paths.tag_page("INDEX")) == "tag"


@given(
    st.lists(st.sampled_from(["a", "b", "events", ".", "..", ""]), max_size=5),
    st.lists(st.sampled_from(["a", "b", "tags", ".", "..", ""]), max_size=5),
)
def test_relative_paths_are_posixpaths(target: list[str], start: list[str]) -> None:
    """The links' own relpath gives what posixpath.relpath gives."""
    to, base = "/".join(target) or ".", "/".join(start) or "."
    assert paths._relpath(to, base) == posixpath.relpath(to, base)
