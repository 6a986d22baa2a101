"""A reader in a real browser: event -> highlighted source passage -> back, search, phones.

Drives Debian's Chromium through Playwright (the fixtures are in conftest.py). On a
laptop without Chromium these tests skip; under CI (``CI=true``) a missing browser is
a failure, never a skip.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from .conftest import offline

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def in_viewport(tab: Any, selector: str) -> bool:
    return bool(
        tab.eval_on_selector(
            selector,
            "el => { const r = el.getBoundingClientRect();"
            " return r.bottom > 0 && r.top < window.innerHeight; }",
        )
    )


def test_event_to_highlighted_source_and_back(page: Any, site_url: str) -> None:
    page.goto(site_url + "timeline/")
    first = page.locator("li.tl-event[id]").first
    event_id = first.get_attribute("id")
    page.locator(f'a[href$="events/{event_id}/"]').first.click()
    page.wait_for_url(f"**/events/{event_id}/")
    source = page.locator('.tl-quote a[href*="/articles/"]').first
    href = source.get_attribute("href")
    assert "#p" in href
    source.click()
    anchor = href.split("#", 1)[1]
    page.wait_for_url(f"**#{anchor}")
    page.wait_for_timeout(300)  # let the browser finish scrolling to the fragment
    mark = f'#{anchor} mark[data-event="{event_id}"]'
    assert page.locator(mark).count() >= 1
    assert in_viewport(page, mark)
    # the backlink placed right after the passage returns to the event
    page.locator(f'#{anchor} a[href$="events/{event_id}/"]').last.click()
    page.wait_for_url(f"**/events/{event_id}/")
    assert page.console_errors == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("实战共享平台", "articles/002_948af0d9428fe7ba/"),
        ("實戰共享平台", "articles/002_948af0d9428fe7ba/"),
        ("在家上課", "events/dingtalk-home-classes/"),
    ],
)
def test_search_finds_pages_in_either_script(
    page: Any, site_url: str, query: str, expected: str
) -> None:
    page.goto(site_url + "search/?q=" + query)
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    links = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.href)")
    assert any(expected in link for link in links), links
    assert page.console_errors == []


@pytest.mark.parametrize(
    "path",
    [
        "",
        "timeline/",
        "events/spring-thunder-plan-2020/",
        "articles/002_948af0d9428fe7ba/",
        "articles/000_b4a20cc34cdd8f9a-1/",
        "tags/",
        "search/",
    ],
)
def test_no_horizontal_overflow_on_a_phone(browser: Any, site_url: str, path: str) -> None:
    context = offline(browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True))
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.goto(site_url + path)
    width = tab.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 375, f"{path or 'home'} is {width}px wide"
    assert errors == []


# A cell's box, rounded to whole pixels: (left, top, right) of each cell, row by row.
_REPORT_CELLS = """() => [...document.querySelectorAll('details.tl-report tbody tr')].map(tr =>
    [...tr.cells].map(td => { const r = td.getBoundingClientRect();
        return [Math.round(r.left), Math.round(r.top), Math.round(r.right)]; }))"""


@pytest.mark.parametrize("width", [375, 1280])
def test_cleaning_report_shows_every_column_without_scrolling(
    browser: Any, site_url: str, width: int
) -> None:
    """The `keep:` line a curator copies is the report's last column: on a phone it must
    not start past the screen's edge (where a table that scrolls sideways put it), and on
    a laptop the report stays a table, one line per row."""
    context = offline(
        browser.new_context(viewport={"width": width, "height": 812}, is_mobile=width < 600)
    )
    tab = context.new_page()
    tab.goto(site_url + "articles/003_e3d7a3b44c33fc91/")
    tab.locator("details.tl-report summary").click()
    rows = tab.evaluate(_REPORT_CELLS)
    labels = tab.eval_on_selector_all(
        "details.tl-report tbody tr:first-child td",
        "tds => tds.map(td => getComputedStyle(td, '::before').content)",
    )
    row = tab.locator("details.tl-report tbody tr").first.aria_snapshot()
    context.close()
    # still a table row to a screen reader, its cells not named twice
    assert re.match(r"- '?row ", row) and len(re.findall(r"^  - '?cell ", row, re.M)) == 4
    assert "恢复" not in row
    assert len(rows) > 10 and all(len(cells) == 4 for cells in rows)
    assert max(right for cells in rows for _, _, right in cells) <= width
    tops = [{top for _, top, _ in cells} for cells in rows]
    if width < 600:  # stacked: each cell below the last, named by its column
        assert all(len(row) == 4 for row in tops)
        assert labels == [f'"{name}" / ""' for name in ("行", "原因", "内容", "恢复")]
    else:
        assert all(len(row) == 1 for row in tops)
        assert labels == ["none"] * 4
