"""A reader's first search: what the browser downloads from Pagefind for one query.

The built site is served by a local ``http.server`` (127.0.0.1 only) and opened in
Debian's Chromium through Playwright at ``/search/?q=WORD``; once the first result
link shows, every finished request is summed by response body size.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
RESULT = ".pagefind-ui__result-link"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def first_search(site: Path, word: str, timeout: float = 60) -> dict[str, Any]:
    """Bytes downloaded for the first query: under ``/pagefind/`` and in total."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            context = browser.new_context()
            # No internet here: third-party requests (the repository badge) get an empty answer.
            context.route("**/*", functools.partial(_local_only, base))
            page = context.new_page()
            finished: list[Any] = []
            page.on("requestfinished", lambda request: finished.append(request))
            start = time.perf_counter()
            page.goto(base + "search/?q=" + urllib.parse.quote(word))
            page.wait_for_selector(RESULT, timeout=timeout * 1000)
            seconds = time.perf_counter() - start
            page.wait_for_load_state("networkidle")
            results = page.locator(RESULT).count()
            sizes = [(r.url, r.sizes()["responseBodySize"]) for r in finished]
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    local = [(url, size) for url, size in sizes if url.startswith(base)]
    pagefind = [
        size for url, size in local if urllib.parse.urlsplit(url).path.startswith("/pagefind/")
    ]
    kinds: dict[str, float] = {}
    for url, size in local:
        path = urllib.parse.urlsplit(url).path
        if path.startswith("/pagefind/"):
            kind = _kind(path)
            kinds[kind] = kinds.get(kind, 0.0) + size / 1024
    return {
        "word": word,
        "results_shown": results,
        "seconds_to_results": seconds,
        "pagefind_kb": sum(pagefind) / 1024,
        "pagefind_requests": len(pagefind),
        "pagefind_by_kind_kb": {k: round(v, 1) for k, v in sorted(kinds.items())},
        "total_kb": sum(size for _, size in local) / 1024,
        "requests": len(local),
    }


def _kind(path: str) -> str:
    """``pf_fragment``, ``pf_index``, ``wasm``, ``js``... from a Pagefind file path."""
    name = path.rsplit("/", 1)[-1]
    if name.endswith(".pf_fragment") or "/fragment/" in path:
        return "fragment"
    if "/index/" in path:
        return "index"
    if name.endswith(".pagefind"):
        return "wasm"
    return name.rsplit(".", 1)[-1] if "." in name else name


def _local_only(base: str, route: Any) -> None:
    if route.request.url.startswith(base):
        route.continue_()
    else:
        route.fulfill(status=200, body="{}", content_type="application/json")
