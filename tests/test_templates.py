"""Pages from templates: a site owner's copy wins, labels follow the site's language,
and every generated page says what it is and where to edit it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator import paths, render
from generator.labels import Labels, available

from .test_render import _corpus

FIXTURES = Path(__file__).parent / "fixtures" / "templates"
OPTIONS = render.Options(repo_url="https://example.org/repo", edit_uri="blob/main/")


def _meta(page: str) -> dict[str, object]:
    head = re.match(r"---\n(.*?)\n---\n", page, re.S)
    assert head is not None, page[:200]
    data = yaml.safe_load(head.group(1))
    assert isinstance(data, dict)
    return data


def test_an_owners_event_template_replaces_only_the_event_pages() -> None:
    shipped = render.render_pages(_corpus(), OPTIONS)
    owned = render.render_pages(
        _corpus(), render.Options(**{**OPTIONS.__dict__, "templates": str(FIXTURES)})
    )
    event = owned[paths.event_page("fund")]
    assert '<ol class="owner-quotes">' in event and "<figure" not in event
    assert "<q>阿里巴巴宣布设立10亿元专项基金</q>" in event
    # The rest of the shipped page (its head, its neighbours) is still there.
    assert 'class="tl-event-head' in event and 'rel="next"' in event
    assert '<ol class="owner-quotes">' not in shipped[paths.event_page("fund")]
    others = [p for p in shipped if paths.page_kind(p) != "event"]
    assert others and all(owned[p] == shipped[p] for p in others)


def test_a_missing_template_folder_entry_falls_back_to_the_shipped_one(tmp_path: Path) -> None:
    options = render.Options(**{**OPTIONS.__dict__, "templates": str(tmp_path)})
    assert render.render_pages(_corpus(), options) == render.render_pages(_corpus(), OPTIONS)


@pytest.mark.parametrize("serving", [False, True])
def test_an_owners_template_edited_while_the_process_runs_shows_at_the_next_render(
    tmp_path: Path, serving: bool
) -> None:
    # Under `mkdocs serve` one process renders every save, and compiled templates are
    # not checked against their files: the edit must still reach the next save.
    options = render.Options(**{**OPTIONS.__dict__, "templates": str(tmp_path)})
    memo = render.PageMemo() if serving else None
    template = tmp_path / "event.md"
    page = paths.event_page("fund")
    for word in ("第一版", "第二版", "第一版"):
        template.write_text(
            f'{{% extends "base/event.md" %}}{{% block sources %}}{word}{{% endblock %}}'
        )
        shown = render.render_pages(_corpus(), options, memo)[page]
        assert word in shown and "<figure" not in shown
        assert ({"第一版", "第二版"} - {word}).pop() not in shown
    template.unlink()
    assert "<figure" in render.render_pages(_corpus(), options, memo)[page]


def test_every_generated_page_says_its_kind_and_events_and_articles_where_to_edit() -> None:
    corpus = _corpus()
    pages = render.render_pages(corpus, OPTIONS)
    for path, text in pages.items():
        assert _meta(text)["timeline_kind"] == paths.page_kind(path), path
    event = corpus.events[0]
    meta = _meta(pages[paths.event_page(event.id)])
    assert (
        meta["timeline_edit_url"]
        == f"https://example.org/repo/blob/main/timeline.yaml#L{event.line}"
    )
    assert meta["timeline_tags"] == list(event.tags)
    article = corpus.articles[0]
    meta = _meta(pages[paths.article_page(article.id)])
    assert meta["timeline_edit_url"] == f"https://example.org/repo/blob/main/seeds/{article.file}"


def test_front_matter_holds_hostile_tags_as_plain_strings() -> None:
    from generator.render.templating import front_matter

    tags = ['a"\n---\nx: 1', "\u2028line", "{{ config }}"]
    meta = yaml.safe_load(str(front_matter("event", tags=tags)).strip("-\n"))
    assert meta["timeline_tags"] == tags and "x" not in meta


def test_label_tables_have_the_same_entries() -> None:
    tables = {lang: set(Labels(lang).table) for lang in available()}
    assert {"zh", "en"} <= set(tables)
    assert all(keys == tables["zh"] for keys in tables.values())


@pytest.mark.parametrize(("language", "expected"), [("en", "en"), ("zh-Hant", "zh"), ("fr", "en")])
def test_the_site_language_picks_the_table(language: str, expected: str) -> None:
    assert Labels(language).table == Labels(expected).table


def test_an_english_site_has_no_chinese_in_its_page_skeletons() -> None:
    options = render.Options(**{**OPTIONS.__dict__, "labels": Labels("en")})
    pages = render.render_pages(_corpus(), options)
    timeline = pages[paths.TIMELINE]
    assert "# Timeline" in timeline and "Subscribe and download" in timeline
    event = pages[paths.event_page("fund")]
    assert "See in the timeline" in event and "Source 1" in event
    # Chinese here comes only from the corpus (titles, summaries, quotes), never a label.
    text = re.sub(r"<[^>]+>", " ", event)
    for label in ("在时间线中查看", "来源", "订阅", "标签"):
        assert label not in text


def test_an_owner_can_change_one_label_and_not_invent_one() -> None:
    assert Labels("zh", (("timeline", "大事记"),))("timeline") == "大事记"
    with pytest.raises(KeyError, match="no_such"):
        Labels("zh", (("no_such", "x"),))


def test_an_owners_template_may_read_a_row_by_key_as_well_as_by_name(tmp_path: Path) -> None:
    # The report's rows, the citing events, an event's quotes and the rows of the table
    # of articles are records; a template written for dicts (``r['line']``) reads the
    # same values as the shipped one (``r.line``).
    shipped = Path(render.__file__).parent.parent / "templates"
    (tmp_path / "partials").mkdir()
    for name, fields in (
        ("partials/report.html", "report|r"),
        ("article.md", "c"),
        ("event.md", "q"),
        ("articles.md", "r"),
    ):
        text = (shipped / name).read_text(encoding="utf-8")
        keyed = re.sub(rf"\b({fields})\.(\w+)\b", r"\1['\2']", text)
        assert keyed != text
        (tmp_path / name).write_text(keyed, encoding="utf-8")
    options = render.Options(**{**OPTIONS.__dict__, "templates": str(tmp_path)})
    owned, plain = render.render_pages(_corpus(), options), render.render_pages(_corpus(), OPTIONS)
    assert owned == plain
    articles = [p for p in plain if paths.page_kind(p) == "article"]
    assert any("<td data-label=" in plain[p] and "#p" in plain[p] for p in articles)
    events = [p for p in plain if paths.page_kind(p) == "event"]
    assert any('<figure class="tl-quote"' in plain[p] for p in events)
