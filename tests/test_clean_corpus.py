"""Cleaning in company: other files may take away short furniture lines, nothing else.

The promise (``generator/clean/corpus.py``): a file cleaned inside any corpus gives the
same articles as cleaned alone — same ids, titles, authors, dates, publications, and the
same blocks in the same order — except for whole blocks that are one short line with no
sentence end, at the edge of the article, reported as dropped with reason ``repeated``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.clean import clean_corpus, clean_text
from generator.clean.chars import ends_sentence, width
from generator.clean.corpus import SHORT_FURNITURE
from generator.model import Article, RawText
from generator.read import read_dir

from .conftest import ROOT, SEEDS

FIXTURES = ROOT / "tests" / "fixtures"
POOL = [*read_dir(SEEDS, ROOT), *read_dir(FIXTURES / "articles", ROOT)]
# Short lines several sites print; the last two stay paragraphs even amid the text
# (a note is never taken for a heading), so they test that only edges are judged.
FURNITURE = (
    *("江南日报全媒体中心出品", "扫码下载客户端", "更多资讯请关注本网", "江城新闻网融媒体工作室"),
    *("※ 本网特稿", "注：本文有删节"),
)


def raw(text: str, stem: str) -> RawText:
    return RawText(f"{stem}.txt", f"{stem}.txt", stem, text, "utf-8", "")


def by_file(articles: Sequence[Article], name: str) -> list[Article]:
    return [a for a in articles if a.file == name]


def assert_alone_up_to_furniture(alone: list[Article], together: list[Article]) -> None:
    assert len(alone) == len(together)
    for one, other in zip(alone, together, strict=True):
        same = ("id", "title", "author", "publication", "date", "url", "script", "index")
        assert [getattr(one, k) for k in same] == [getattr(other, k) for k in same]
        kept = iter(other.blocks)
        removed, where = [], []
        current = next(kept, None)
        for n, block in enumerate(one.blocks):
            if current is not None and (block.kind, block.text) == (current.kind, current.text):
                current = next(kept, None)
            else:
                removed.append(block)
                where.append(n)
        assert current is None, "a block appeared that cleaning alone did not make"
        # Only from the edges: the removed blocks open or close the article.
        head = [n for k, n in enumerate(where) if n == k]
        tail = [n for k, n in enumerate(reversed(where)) if n == len(one.blocks) - 1 - k]
        assert len(head) + len(tail) >= len(where)
        for block in removed:
            assert len(block.lines) == 1 and width(block.text) <= SHORT_FURNITURE
            assert not ends_sentence(block.text)
        repeated = [d.line for d in other.dropped if d.reason == "repeated"]
        assert sorted(repeated) == sorted(b.lines[0] for b in removed)
        assert [b.anchor for b in other.blocks if b.kind != "heading"] == [
            f"p{n}" for n in range(1, 1 + sum(b.kind != "heading" for b in other.blocks))
        ]


def _companion(draw: st.DrawFn, target: RawText, n: int, furniture: str) -> RawText:
    """Another file: lines of the target (a reprint), of other files and furniture, mixed."""
    sources = [target.text.split("\n"), *(r.text.split("\n") for r in POOL)]
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        source = draw(st.sampled_from(sources))
        start = draw(st.integers(0, max(0, len(source) - 1)))
        lines += source[start : start + draw(st.integers(1, 12))]
        if draw(st.booleans()):
            lines += ["", furniture, ""]
    return raw("\n".join(lines), f"other{n}")


@st.composite
def corpora(draw: st.DrawFn) -> tuple[RawText, list[RawText]]:
    target = draw(st.sampled_from(POOL))
    furniture = draw(st.sampled_from(FURNITURE))  # what this corpus's sites print
    others = [_companion(draw, target, n, furniture) for n in range(draw(st.integers(1, 4)))]
    text = target.text
    if draw(st.booleans()):  # the target's own site furniture, after its text
        text = f"{text}\n\n{furniture}\n"
    if draw(st.booleans()):  # a one-line paragraph amid the text that others print too
        breaks = [i for i in range(len(text) - 1) if text[i : i + 2] == "\n\n"]
        if breaks:
            at = draw(st.sampled_from(breaks))
            text = f"{text[:at]}\n\n{furniture}{text[at:]}"
    return dataclasses.replace(target, text=text), others


@settings(max_examples=40, deadline=None)
@given(corpora())
def test_cleaning_in_any_corpus_equals_cleaning_alone_up_to_furniture(
    case: tuple[RawText, list[RawText]],
) -> None:
    target, others = case
    alone = clean_text(target)
    order = [*others[:1], target, *others[1:]]
    together = by_file(clean_corpus(order), target.name)
    assert_alone_up_to_furniture(alone, together)


STORY = (
    "新华社北京2月10日电（记者 周文涛）记者从国家卫生健康委获悉，"
    "全国已有二十多个省份上线健康码。\n\n"
    "多地表示，健康码将与交通、社区等场景的通行管理结合，减少人工登记。\n\n"
    "业内人士认为，数字化工具为复工复产提供了便利，但也要注意保护个人信息。\n"
)


def test_reprints_of_one_story_keep_all_their_text() -> None:
    """Two outlets carrying the same wire story, each with its own furniture."""
    first = raw(f"多地上线健康码\n\n{STORY}\n责任编辑：王青\n", "first")
    second = raw(f"多地上线健康码\n来源：新华社\n\n{STORY}\n江城新闻网融媒体工作室\n", "second")
    third = raw("暴雨过后道路通行\n\n主干道今晨恢复通行。\n\n江城新闻网融媒体工作室\n", "third")
    together = clean_corpus([first, second, third])
    for file in (first, second):
        (alone,) = clean_text(file)
        (got,) = by_file(together, file.name)
        assert got.title == alone.title == "多地上线健康码"
        assert [b.text for b in got.blocks][:3] == [b.text for b in alone.blocks][:3]
        assert "业内人士认为" in got.blocks[2].text
    # "江城新闻网融媒体工作室" closes two different stories: furniture. In the reprint pair
    # it is no evidence of anything, but the third file tells a different story, so it goes.
    (second_art,) = by_file(together, "second.txt")
    assert [d.reason for d in second_art.dropped if d.text == "江城新闻网融媒体工作室"] == [
        "repeated"
    ]


def test_a_salutation_quoted_by_two_pages_stays_in_both() -> None:
    letter = "尊敬的各位用户："
    one = raw(
        f"致用户的一封信\n\n{letter}\n\n感谢大家一直以来的支持。我们将继续免费开放在线课程。\n",
        "one",
    )
    two = raw(f"平台发布公开信\n\n{letter}\n\n疫情期间，我们决定延长会员有效期一个月。\n", "two")
    for art in clean_corpus([one, two]):
        assert art.blocks[0].text == letter


def test_wrapped_lines_shared_by_another_file_are_never_dropped() -> None:
    """A newspaper page and a file that reuses some of its hard-wrapped lines (``助。滴滴在
    第一时间就组建了医护车`` …) in another story: the page is cleaned exactly as alone."""
    page = next(r for r in POOL if r.name.startswith("000_"))
    lines = page.text.split("\n")
    other = raw("出行平台在行动\n\n" + "\n".join(lines[315:330]) + "\n\n责任编辑：王青\n", "other")
    together = clean_corpus([page, other])
    alone = clean_text(page)
    assert by_file(together, page.name) == alone
    assert any(
        "滴滴在第一时间就组建了医护车队，并承诺提供免费服务" in b.text
        for a in alone
        for b in a.blocks
    )


def test_headline_shared_by_two_different_stories_is_kept() -> None:
    """A column name used as a one-line paragraph inside the text stays: only edges go."""
    one = raw("防疫一线\n\n社区工作者挨家挨户登记。\n\n图文快讯\n\n志愿者为老人送菜上门。\n", "one")
    two = raw("复工复产\n\n企业分批返岗。\n\n图文快讯\n\n园区为员工提供班车。\n", "two")
    for art in clean_corpus([one, two]):
        assert "图文快讯" in [b.text for b in art.blocks]
