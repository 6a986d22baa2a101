"""Every kind of page passes axe-core: no serious or critical accessibility violation.

Each kind of page a reader meets (home, timeline, a month of a split timeline, an event,
an article, a tag, an entity, search with results showing, the 404 page) is checked in
the light and the dark scheme, on a laptop (1280 px) and on a phone (375 px). The
concrete pages are found by following links, as a reader would, not by their ids.

axe-core comes from npm (``tests/js``, installed by ``make test``), never from a CDN.
Without it these tests skip on a laptop; under CI (``CI=true``) they fail.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.corpus import site_url as mkdocs_site_url
from benchmarks.corpus import write_project
from generator.render.layout import TIMELINE_ONE_PAGE_MAX

from .conftest import ROOT, QuietHandler, mkdocs, offline

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
SCHEMES = ("light", "dark")
WIDTHS = (1280, 375)
KINDS = ("home", "timeline", "month", "event", "article", "tag", "entity", "search", "404")
BLOCKING = ("serious", "critical")


@pytest.fixture(scope="module")
def axe_source() -> str:
    if AXE.is_file():
        return AXE.read_text(encoding="utf-8")
    if os.environ.get("CI"):
        pytest.fail(f"{AXE} is missing: run `npm ci --prefix tests/js` (make test does)")
    pytest.skip("axe-core is not installed (npm ci --prefix tests/js)")


class MountedHandler(QuietHandler):
    """Serves the site where ``site_url`` puts it, and answers a missing page with the
    site's own 404 page, as GitHub Pages does."""

    mount = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.mount):
            return super().translate_path("/outside-the-site/missing")
        return super().translate_path("/" + path.removeprefix(self.mount))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(site: Path, mount: str) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = type("Handler", (MountedHandler,), {"mount": mount})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{mount}"


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark corpus just long enough for the timeline to become a page per month."""
    project = write_project(tmp_path_factory.mktemp("split"), TIMELINE_ONE_PAGE_MAX + 10)
    result = mkdocs(project.root, "build", "--strict", "--site-dir", "site")
    assert result.returncode == 0, result.stderr
    return project.root / "site"


@pytest.fixture(scope="module")
def sites(built_site: Path, split_site: Path) -> Iterator[dict[str, str]]:
    mount = urllib.parse.urlsplit(mkdocs_site_url(ROOT)).path or "/"
    servers = {
        name: serve(site, mount) for name, site in (("seeds", built_site), ("split", split_site))
    }
    yield {name: url for name, (_, url) in servers.items()}
    for server, _ in servers.values():
        server.shutdown()
        server.server_close()


def first_link(tab: Any, site: str, pattern: str) -> str:
    """The first link on the open page to a page of ``site`` whose path, relative to the
    site, matches ``pattern``."""
    hrefs: list[str] = tab.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    for href in hrefs:
        url = urllib.parse.urlsplit(href)
        if href.startswith(site) and re.fullmatch(pattern, href.removeprefix(site).split("#")[0]):
            return url._replace(fragment="", query="").geturl()
    raise AssertionError(f"no link matching {pattern!r} on {tab.url}")


def discover(browser: Any, sites: dict[str, str]) -> dict[str, str]:
    """Kind of page -> the URL it is checked on, following links as a reader would;
    ``query``: a search that finds the event."""
    seeds = sites["seeds"]
    found = {
        "home": seeds,
        "timeline": seeds + "timeline/",
        "search": seeds + "search/",
        "404": seeds + "no-such-page/",
    }
    context = offline(browser.new_context())
    tab = context.new_page()
    tab.goto(found["timeline"])
    found["event"] = first_link(tab, seeds, r"events/[^/]+/")
    tab.goto(found["event"])
    found["article"] = first_link(tab, seeds, r"articles/[^/]+/")
    found["tag"] = first_link(tab, seeds, r"tags/[^/]+/")
    found["entity"] = first_link(tab, seeds, r"entities/[^/]+/")
    # The first words of its title: Pagefind wants every word of a query, punctuation too.
    title = tab.locator("h1").first.inner_text()
    found["query"] = re.findall(r"[\u4e00-\u9fff]+|\w+", title)[0][:4]
    tab.goto(sites["split"] + "timeline/")
    found["month"] = first_link(tab, sites["split"], r"timeline/\d{4}-\d{2}/")
    context.close()
    return found


@pytest.fixture(scope="module")
def pages(browser: Any, sites: dict[str, str]) -> dict[str, str]:
    return discover(browser, sites)


def open_page(tab: Any, kind: str, pages: dict[str, str]) -> None:
    response = tab.goto(pages[kind], wait_until="networkidle")
    assert response.status == (404 if kind == "404" else 200), pages[kind]
    if kind == "article":  # the cleaning report too, which a closed <details> hides from axe
        tab.eval_on_selector_all("details", "els => els.forEach(d => { d.open = true; })")
    if kind == "search":
        tab.locator(".pagefind-ui__search-input").fill(pages["query"])
        tab.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
        tab.wait_for_load_state("networkidle")


def describe(violation: dict[str, Any]) -> str:
    lines = [f"{violation['id']} ({violation['impact']}): {violation['help']}"]
    for node in violation["nodes"]:
        target = " ".join(str(part) for part in node["target"])
        snippet = re.sub(r"\s+", " ", node["html"])
        lines.append(f"    {target}  {snippet[:120]}")
    return "\n".join(lines)


def run_axe(tab: Any, axe_source: str) -> list[dict[str, Any]]:
    tab.add_script_tag(content=axe_source)
    violations: list[dict[str, Any]] = tab.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return violations


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", KINDS)
def test_no_serious_accessibility_violation(
    axe_source: str, browser: Any, pages: dict[str, str], kind: str, scheme: str, width: int
) -> None:
    context = offline(
        browser.new_context(
            viewport={"width": width, "height": 900},
            is_mobile=width < 600,
            color_scheme=scheme,
        )
    )
    try:
        tab = context.new_page()
        open_page(tab, kind, pages)
        violations = run_axe(tab, axe_source)
    finally:
        context.close()
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    if blocking:
        where = f"{kind} page {pages[kind]} ({scheme}, {width} px)"
        pytest.fail(f"{where}:\n" + "\n".join(map(describe, blocking)), pytrace=False)
