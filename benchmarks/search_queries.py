"""``python -m benchmarks.search_queries``: does a reader's query put the page they mean first?

Queries a reader of this timeline would type, each with the page a reader wants at the
top (an event or an article), asked in Simplified and in Traditional characters (the
Traditional form made by OpenCC ``s2tw``) on the site built from this repository's own
``timeline.yaml`` and ``seeds/``. Every query runs through Pagefind's JavaScript API in
headless Chromium exactly as the search page runs it: folded by the page's
``window.timelineFold`` and ranked with the search page's own ranking options
(``window.timelineRanking``, when the page sets them). Prints the share of
queries whose page comes first and in the first three.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .builds import build
from .corpus import CACHE, ROOT

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SITE = CACHE / "seeds-site"
_A = "articles/"
_E = "events/"

# (query, the page a reader wants first). Written from the events' and articles' own
# subjects, as a reader would remember them: names, coined phrases, a word or two.
# A query whose subject is the whole subject of more than one page names them all
# (a tuple): any of them first is right.
QUERIES: tuple[tuple[str, str | tuple[str, ...]], ...] = (
    ("健康码", _E + "health-code-100-cities/"),
    ("电子路条", _E + "health-code-100-cities/"),
    ("共享员工", _E + "hema-shared-employees/"),
    ("盒马", _E + "hema-shared-employees/"),
    ("医护关爱计划", _E + "medical-care-meals-plan/"),
    ("爱心餐", _E + "medical-care-meals-plan/"),
    ("实战共享平台", _A + "002_948af0d9428fe7ba/"),
    ("从危机到曙光", _A + "002_948af0d9428fe7ba/"),
    ("在家上课", _E + "dingtalk-home-classes/"),
    ("在家办公", _E + "dingtalk-free-remote-office/"),
    ("无接触考勤", _E + "dingtalk-contactless-attendance/"),
    ("钉钉复工平台", _E + "dingtalk-return-to-work-platform/"),
    ("春雷计划", _E + "spring-thunder-plan-2020/"),
    ("春天的战役", _E + "spring-thunder-plan-2020/"),
    ("无接触贷款", _E + "mybank-contactless-loans-plan/"),
    ("网商银行 低息贷款", _E + "mybank-loans-300k-merchants/"),
    ("赣服通", _E + "ganfutong-6740-services/"),
    ("岐伯山医院", _E + "zhengzhou-qiboshan-hospital-opens/"),
    ("小汤山", _E + "zhengzhou-qiboshan-hospital-opens/"),
    ("达摩院 基因分析", _E + "damo-ai-genome-analysis/"),
    ("医护车队", _E + "wuhan-lockdown-didi-medical-fleet/"),
    ("王帅", _E + "didi-driver-wang-shuai-joins-fleet/"),
    ("网红村官", _E + "kuaishou-village-officials-livestream/"),
    ("停课不停学", _E + "kuaishou-study-zone/"),
    ("全球寻源平台", _E + "alibaba-global-sourcing-platform/"),
    ("医疗物资专项基金", _E + "alibaba-medical-supplies-fund/"),
    ("AI算力", _E + "aliyun-free-ai-compute/"),
    ("C2M", _E + "taobao-c2m-upgrade/"),
    ("零门槛入驻", _E + "taobao-live-zero-threshold/"),
    ("湖北农产品", _E + "hubei-farm-produce-sale/"),
    ("阿里巴巴国际站", _E + "alibaba-com-domestic-merchants-surge/"),
    ("新鲜杂货", _E + "lazada-fresh-grocery-orders/"),
    ("蚂蚁金服 扶助", _E + "alibaba-ant-merchant-relief/"),
    ("人民日报 署名文章", _E + "zhang-yong-peoples-daily-article/"),
    # The article is ByteDance's own profile; the event is its tally of relief measures.
    ("字节跳动", (_A + "000_b4a20cc34cdd8f9a-2/", _E + "bytedance-relief-measures-tally/")),
    ("多矩阵产品", _A + "000_b4a20cc34cdd8f9a-2/"),
    ("12项扶助措施", _E + "bytedance-relief-measures-tally/"),
    ("快手科技 产业直播", _A + "000_b4a20cc34cdd8f9a-3/"),
    ("数字新基建的机遇", _A + "001_5b3e0821b2624058/"),
    ("科技支撑", _A + "000_b4a20cc34cdd8f9a-5/"),
)


def traditional(query: str) -> str:
    import opencc

    return str(opencc.OpenCC("s2tw").convert(query))


def queries() -> list[tuple[str, str, tuple[str, ...]]]:
    """(script, query, pages any of which is right first) for every query in both scripts."""
    out = []
    for query, page in QUERIES:
        pages = page if isinstance(page, tuple) else (page,)
        out += [("简", query, pages), ("繁", traditional(query), pages)]
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# Runs in the search page, as its PagefindUI does: the page's Pagefind module (its
# bundlePath, or Pagefind's own where the page sets none), fold and ranking.
_SEARCH = """async ([queries, ranking]) => {
  const own = new URL("../assets/javascripts/search/pagefind.js", location.href).href;
  const plain = new URL("../pagefind/pagefind.js", location.href).href;
  const module = (await fetch(own, { method: "HEAD" })).ok ? own : plain;
  const pagefind = await import(module);
  await pagefind.options({ ranking: ranking || window.timelineRanking || {} });
  const fold = window.timelineFold || ((q) => q);
  const out = [];
  for (const query of queries) {
    const found = await pagefind.search(fold(query));
    const top = await Promise.all(found.results.slice(0, 3).map((r) => r.data()));
    out.push({ count: found.results.length, top: top.map((d) => d.url) });
  }
  return out;
}"""


def run(
    site: Path,
    asked: Sequence[tuple[str, str, tuple[str, ...]]],
    ranking: dict[str, Any] | None = None,
    browser: Any = None,
) -> list[dict[str, Any]]:
    """Each query's result count and first three page paths (site-relative, like ``events/x/``).

    ``ranking``: Pagefind ranking options to try instead of the search page's own;
    ``browser``: a Playwright browser to use (else a Chromium of its own).
    """
    with served(site) as base:
        if browser is not None:
            found = _search(browser, base, [query for _, query, _ in asked], ranking)
        else:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as pw:
                own = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                found = _search(own, base, [query for _, query, _ in asked], ranking)
                own.close()
    rows = []
    for (script, query, expected), result in zip(asked, found, strict=True):
        top = [url.removeprefix("/") for url in result["top"]]
        rows.append(
            {
                "script": script,
                "query": query,
                "expected": " or ".join(expected),
                "count": result["count"],
                "top": top,
                "first": bool(top) and top[0] in expected,
                "top3": any(page in top for page in expected),
            }
        )
    return rows


def _search(
    browser: Any, base: str, queries: list[str], ranking: dict[str, Any] | None
) -> list[dict[str, Any]]:
    context = browser.new_context()
    # No internet here: third-party requests (the repository badge) get an empty answer.
    context.route(
        "**/*",
        lambda r: (
            r.continue_() if r.request.url.startswith(base) else r.fulfill(status=200, body="{}")
        ),
    )
    page = context.new_page()
    page.goto(base + "search/")
    found: list[dict[str, Any]] = page.evaluate(_SEARCH, [queries, ranking])
    context.close()
    return found


def summary(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"queries": len(rows)}
    for script in ("简", "繁", None):
        mine = [r for r in rows if script is None or r["script"] == script]
        key = script or "all"
        out[key] = {
            "top1": sum(r["first"] for r in mine) / len(mine),
            "top3": sum(r["top3"] for r in mine) / len(mine),
            "n": len(mine),
        }
    return out


def table(result: dict[str, Any]) -> str:
    lines = ["script  queries  first   top 3"]
    for key, name in (("简", "简体"), ("繁", "繁體"), ("all", "both")):
        s = result[key]
        lines.append(f"{name:<6}  {s['n']:>7}  {s['top1']:>5.0%}  {s['top3']:>6.0%}")
    return "\n".join(lines)


def misses(rows: Sequence[dict[str, Any]]) -> str:
    return "\n".join(
        f"{'·' if r['top3'] else '✗'} {r['query']}: want {r['expected']}, got "
        f"{', '.join(r['top']) or 'nothing'} ({r['count']} results)"
        for r in rows
        if not r["first"]
    )


def build_site(dest: Path = SITE) -> Path:
    """The site of this repository's own timeline.yaml and seeds, built into ``dest``."""
    result = build(ROOT, dest)
    if not result["ok"]:
        raise RuntimeError(f"mkdocs build failed: {result.get('log', '')}")
    return dest


def measure(
    site: Path | None = None, ranking: dict[str, Any] | None = None, browser: Any = None
) -> dict[str, Any]:
    rows = run(site or build_site(), queries(), ranking, browser)
    return {**summary(rows), "rows": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.search_queries", description=__doc__
    )
    parser.add_argument("--site", type=Path, help="a site already built (default: build one)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument(
        "--ranking",
        type=json.loads,
        help="Pagefind ranking options to try, as JSON (e.g. '{\"termFrequency\": 0.5}')",
    )
    args = parser.parse_args(argv)
    result = measure(args.site, args.ranking)
    print(table(result))
    if args.verbose:
        print(misses(result["rows"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
