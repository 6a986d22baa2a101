"""A reader in a real browser: event -> highlighted source passage -> back, search, phones.

Drives Debian's Chromium through Playwright. On a laptop without Chromium these
tests skip; under CI (``CI=true``) a missing browser is a failure, never a skip.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _require_browser() -> None:
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"Chromium not found at {CHROMIUM}: browser tests never skip in CI")
    pytest.skip("Chromium is not installed (apt-get install chromium)")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def offline(context: Any) -> Any:
    """This machine has no internet: answer third-party requests (the repository
    badge asks GitHub for stars) with an empty response instead of a network error."""

    def route(request: Any) -> None:
        if request.request.url.startswith("http://127.0.0.1:"):
            request.continue_()
        else:
            request.fulfill(status=200, body="{}", content_type="application/json")

    context.route("**/*", route)
    return context


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = offline(browser.new_context(viewport={"width": 1280, "height": 900}))
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.console_errors = errors
    yield tab
    context.close()


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
