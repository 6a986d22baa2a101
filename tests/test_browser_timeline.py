"""The timeline as a reader sees it: an axis with dates before cards, months that stay
in view, filters that work in place (and are links without JavaScript), a home-page
calendar that fits a phone, and the section's tab lit on generated pages."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .conftest import offline

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _tab(browser: Any, width: int, **options: Any) -> Any:
    context = offline(browser.new_context(viewport={"width": width, "height": 800}, **options))
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.errors = errors
    return tab


def _box(tab: Any, selector: str) -> dict[str, float]:
    box: dict[str, float] = tab.locator(selector).first.bounding_box()
    return box


@pytest.mark.parametrize("width", [375, 1280])
def test_each_event_has_its_date_before_its_card_on_one_axis(
    browser: Any,
    site_url: str,
    width: int,
) -> None:
    tab = _tab(browser, width)
    tab.goto(site_url + "timeline/")
    events = tab.locator("li.tl-event")
    assert events.count() == 29
    for i in (0, 13, 27):
        when = events.nth(i).locator(".tl-event__when").bounding_box()
        card = events.nth(i).locator(".tl-card").bounding_box()
        assert when["x"] + when["width"] <= card["x"], (width, i)  # date column first
        assert abs(when["y"] - card["y"]) < 20  # on the same row
        assert card["x"] + card["width"] <= width  # nothing off screen
    # The axis mark: drawn for every event, a bar for a range, a dot for a day.
    shapes = tab.eval_on_selector_all(
        "li.tl-event",
        "els => els.map(e => [e.className, getComputedStyle(e, '::before').height])",
    )
    heights = {cls.split()[1]: float(h.removesuffix("px")) for cls, h in shapes}
    assert heights["tl-event--range"] > 3 * heights["tl-event--day"]
    assert tab.errors == []


def test_the_month_heading_stays_in_view_while_its_events_scroll(
    browser: Any,
    site_url: str,
) -> None:
    tab = _tab(browser, 1280)
    tab.goto(site_url + "timeline/")
    march = tab.locator("h2.tl-month", has_text="2020年3月")
    events = tab.locator("h2.tl-month#m2020-03 + ol li.tl-event")
    assert events.count() >= 2
    events.nth(events.count() - 1).scroll_into_view_if_needed()
    top = march.bounding_box()["y"]
    header = _box(tab, ".md-header")["height"]
    assert abs(top - header) < 4, (top, header)  # stuck under the header


def test_a_tag_filters_the_timeline_in_place_and_the_address_keeps_it(
    browser: Any,
    site_url: str,
) -> None:
    tab = _tab(browser, 1280)
    tab.goto(site_url + "timeline/")
    chip = tab.locator("[data-filter-tag]").first
    tag = chip.get_attribute("data-filter-tag")
    count = int(chip.locator(".tl-chip__count").inner_text())
    chip.click()
    visible = tab.locator("li.tl-event:visible")
    assert visible.count() == count
    for i in range(count):
        assert tag in visible.nth(i).get_attribute("data-tags").split("\n")
    assert f"{count} / 29" in tab.locator(".tl-filter__status").inner_text()
    assert re.search(r"[?&]tag=", tab.url)
    tab.reload()  # the choice survives a reload
    assert tab.locator("li.tl-event:visible").count() == count
    tab.locator("[data-filter-all]").click()
    assert tab.locator("li.tl-event:visible").count() == 29
    assert tab.errors == []


def test_without_javascript_a_filter_is_a_link_to_the_tag_page(
    browser: Any,
    site_url: str,
) -> None:
    tab = _tab(browser, 1280, java_script_enabled=False)
    tab.goto(site_url + "timeline/")
    tab.locator(".tl-filter__tags summary").click()  # folded until opened
    chip = tab.locator("[data-filter-tag]").first
    tag = chip.get_attribute("data-filter-tag")
    chip.click()
    tab.wait_for_url("**/tags/**")
    assert tag in tab.locator("h1").inner_text()
    assert tab.locator("li.tl-event").count() >= 1


def test_the_home_calendar_fits_a_phone_and_every_mark_is_a_named_link(
    browser: Any,
    site_url: str,
) -> None:
    tab = _tab(browser, 375, is_mobile=True)
    tab.goto(site_url)
    months = tab.locator(".tl-cal")
    assert months.count() == 4
    for i in range(months.count()):
        box = months.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375, i  # no month hidden sideways
    names = tab.eval_on_selector_all(".tl-overview a", "els => els.map(a => a.textContent.trim())")
    assert len(names) >= 20 and all(re.search(r"\d+ 个事件|\d{4}年\d+月", n) for n in names)
    # Following a day lands on its event in the timeline.
    first = tab.locator(".tl-cal__mark a").first
    target = first.get_attribute("href").split("#", 1)[1]
    first.click()
    tab.wait_for_url(f"**#{target}")
    assert tab.locator(f"li.tl-event#{target}").count() == 1


@pytest.mark.parametrize(
    ("path", "tab_label"),
    [
        ("events/spring-thunder-plan-2020/", "时间线"),
        ("articles/002_948af0d9428fe7ba/", "文章"),
        ("tags/", "标签"),
    ],
)
def test_generated_pages_light_up_their_sections_tab(
    browser: Any,
    site_url: str,
    path: str,
    tab_label: str,
) -> None:
    tab = _tab(browser, 1280)
    tab.goto(site_url + path)
    assert tab.locator(".md-tabs__item--active").inner_text().strip() == tab_label
    assert tab.locator("[data-page-kind]").count() == 1


def test_a_raw_file_reads_as_chinese_when_served_without_a_charset(
    browser: Any,
    site_url: str,
) -> None:
    """The preview (and this test's server) send raw files as text/plain with no charset;
    the browser must still show the Chinese, not mojibake."""
    tab = _tab(browser, 1280)
    response = tab.goto(site_url + "raw/002_948af0d9428fe7ba.txt")
    assert "charset" not in response.headers.get("content-type", "")
    assert "從危機到曙光" in tab.inner_text("body")
