"""The TimelineJS export as TimelineJS3 draws it, in Chromium.

A small page loads the built site's ``timelinejs.json`` into TimelineJS 3.9.11 from
``tests/js/node_modules`` (installed by ``make test``; never a CDN, never committed),
everything served from one local http.server. Without Chromium or the library these
tests skip on a laptop; under CI (``CI=true``) either missing is a failure.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.timeline.dates import parse_date

from .conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DIST = ROOT / "tests" / "js" / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
HEIGHT = 800
# ``script_path`` points TimelineJS at the local copy (by default it loads its zh-cn
# labels from its CDN), and ``font: ""`` keeps its default fonts, from Google, away.
PAGE = f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>TimelineJS</title>
<link rel="stylesheet" href="tl/css/timeline.css">
<script src="tl/js/timeline.js"></script></head>
<body style="margin:0"><div id="timeline" style="width:1280px;height:{HEIGHT}px"></div>
<script>
window.tl = new TL.Timeline("timeline", "timelinejs.json",
  {{language: "zh-cn", font: "", script_path: new URL("tl/js/", location.href).href}});
window.tl.on("ready", () => {{ window.tlReady = true; }});
</script></body></html>
"""


def _require(path: Path, what: str, fix: str) -> None:
    if path.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} not found at {path}: browser tests never skip in CI")
    pytest.skip(f"{what} is not installed ({fix})")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def page_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _require(DIST, "TimelineJS3", "npm ci --prefix tests/js")
    folder = tmp_path_factory.mktemp("timelinejs")
    (folder / "index.html").write_text(PAGE, encoding="utf-8")
    shutil.copyfile(built_site / "timelinejs.json", folder / "timelinejs.json")
    (folder / "tl").symlink_to(DIST, target_is_directory=True)
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()
    server.server_close()


@dataclass
class Shown:
    """The page showing the timeline, the console errors and the requests for elsewhere."""

    tab: Any
    errors: list[str]
    outside: list[str]


@pytest.fixture(scope="module")
def shown(page_url: str, browser: Any) -> Iterator[Shown]:
    """The timeline, loaded once (its checks only read the page)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []

    def route(request: Any) -> None:
        if request.request.url.startswith("http://127.0.0.1:"):
            request.continue_()
        else:  # this machine is offline, and nothing may come from a CDN anyway
            outside.append(request.request.url)
            request.abort()

    context.route("**/*", route)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.goto(page_url)
    tab.wait_for_function("window.tlReady === true", timeout=30000)
    tab.wait_for_timeout(500)  # let the first layout settle
    yield Shown(tab, errors, outside)
    context.close()


@pytest.fixture(scope="module")
def timeline(built_site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((built_site / "timeline.json").read_text(encoding="utf-8"))
    return data


def test_a_slide_per_event_after_the_title_slide_named_for_the_site(
    shown: Shown, timeline: dict[str, Any]
) -> None:
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert shown.tab.locator(".tl-slide").count() == len(timeline["events"]) + 1
    title = shown.tab.locator(".tl-slide-titleslide")
    assert title.locator(".tl-headline").inner_text().strip() == config.site_name
    assert title.locator(".tl-text-content").inner_text().strip() == config.site_description


def test_each_quote_shows_one_pair_of_marks(shown: Shown) -> None:
    quotes = shown.tab.evaluate(
        """() => [...document.querySelectorAll('.tl-slide blockquote')].map(quote => ({
            text: quote.innerText.trim(),
            drawn: [quote, ...quote.querySelectorAll('*')].flatMap(el =>
                ['::before', '::after'].map(at => getComputedStyle(el, at).content)
            ).filter(content => content !== 'none' && content !== 'normal'),
        }))"""
    )
    assert quotes
    for quote in quotes:
        assert quote["drawn"] == [], quote["text"]  # no marks added by the stylesheet
        text = quote["text"]
        assert text.startswith("“") and text.endswith("”"), text  # the text's own pair
        assert not text.startswith("““") and not text.endswith("””"), text


def _day_after(end: str) -> dt.date:
    return parse_date(end).last_day() + dt.timedelta(days=1)


def test_a_range_is_drawn_and_dated_through_its_last_day(
    shown: Shown, timeline: dict[str, Any]
) -> None:
    ranges = [event for event in timeline["events"] if "end" in event]
    precisions = {parse_date(event["end"]).precision for event in ranges}
    assert {"day", "month"} <= precisions  # this timeline has both kinds of range
    for event in ranges:
        start = parse_date(event["date"])
        end = parse_date(event["end"])
        slide = shown.tab.locator(f'[id="{event["id"]}"] .tl-headline-date')
        # The site's one date-range format, written out here: the end's year only when
        # it differs (and every end at its own precision).
        tail = end.zh() if end.year != start.year else end.zh().removeprefix(f"{end.year}年")
        assert slide.inner_text().strip() == f"{start.zh()}—{tail}"
        after = _day_after(event["end"])
        drawn = shown.tab.evaluate(
            """([id, y, m, d]) => {
                const marker = document.getElementById(id + '-marker');
                const scale = window.tl._timenav.timescale;
                const slide = window.tl.config.event_dict[id];
                return {
                    right: parseFloat(marker.style.left) + parseFloat(marker.style.width),
                    dayAfter: scale.getPosition(new Date(y, m - 1, d).getTime()),
                    lastDay: scale.getPosition(new Date(y, m - 1, d - 1).getTime()),
                    endLabel: slide.end_date.getDisplayDate(window.tl.language),
                };
            }""",
            [event["id"], after.year, after.month, after.day],
        )
        # The bar ends where the day after the last begins: the last day is inside it.
        assert abs(drawn["right"] - drawn["dayAfter"]) < 0.5, (event["id"], drawn)
        assert drawn["right"] > drawn["lastDay"] + 1, (event["id"], drawn)
        assert drawn["endLabel"] == end.zh()


def test_the_story_keeps_most_of_the_height(shown: Shown) -> None:
    assert shown.tab.locator(".tl-timegroup").count() == 0
    story = shown.tab.locator(".tl-storyslider").bounding_box()
    assert story["height"] > HEIGHT / 2, story


def test_no_console_errors_and_nothing_from_outside(shown: Shown) -> None:
    assert shown.outside == []
    assert shown.errors == []
