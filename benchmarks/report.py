"""One table of every number, with ratios and targets, from the results dictionary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .stages import STAGES

BIG, MID = "10000", "1000"
# One budget for a generated page's HTML, at every size (issue 17): the home page's
# calendar of a four-month timeline is 31 KB of content inside Material's own ~19 KB,
# and plain Material's largest page of the same 1,000-article site is 51 KB.
PAGE_KB_MAX = 60


@dataclass(frozen=True)
class Row:
    metric: str
    cells: dict[str, str]  # size -> shown value
    ratio: str = ""
    target: str = ""
    ok: bool | None = None


def _num(value: Any, digits: int = 2) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _mark(ok: bool | None) -> str:
    return "" if ok is None else ("✓" if ok else "✗")


def _at_most(value: float | None, limit: float) -> bool | None:
    return None if value is None else value <= limit


def stage_rows(stages: dict[str, dict[str, Any]]) -> list[Row]:
    def cell(size: str, name: str, field: str = "seconds") -> str:
        data = stages[size]
        if "timed_out" in data:
            return f"timed out after {data['timed_out']:.0f} s"
        if "failed" in data:
            return "failed"
        return _num(data[name][field], 1 if field == "rss_mb" else 2)

    def value(size: str, name: str) -> float | None:
        data = stages.get(size, {})
        return data[name]["seconds"] if name in data else None

    rows = []
    for name in (*STAGES, "total"):
        ratio = _ratio(value(BIG, name), value(MID, name))
        ok = _at_most(ratio, 12) if name == "total" else None
        rows.append(
            Row(
                f"stage {name} (s)",
                {s: cell(s, name) for s in stages},
                _num(ratio, 1) if ratio is not None else "",
                "10k/1k ≤ 12" if name == "total" else "",
                ok,
            )
        )
    if all("clean_warm" in stages[s] for s in stages):
        for name in ("clean_warm", "total_warm"):
            rows.append(
                Row(
                    f"stage {name.replace('_warm', '')}, warm cache (s)",
                    {s: cell(s, name) for s in stages},
                )
            )
    rows.append(Row("stages peak RSS (MB)", {s: cell(s, "total", "rss_mb") for s in stages}))
    big = stages.get(BIG, {})
    if big:
        # A timed-out or failed size has no numbers, and misses the target.
        total = big["total"]["seconds"] if "total" in big else float("inf")
        rss = big["total"]["rss_mb"] if "total" in big else None
        rows.append(
            Row("10,000 total ≤ 10 s", {BIG: cell(BIG, "total")}, "", "≤ 10 s", _at_most(total, 10))
        )
        if "total_warm" in big:
            warm = big["total_warm"]["seconds"]
            rows.append(
                Row(
                    "10,000 total, warm ≤ 10 s",
                    {BIG: cell(BIG, "total_warm")},
                    "",
                    "≤ 10 s",
                    _at_most(warm, 10),
                )
            )
        rows.append(
            Row(
                "10,000 peak ≤ 1 GB",
                {BIG: cell(BIG, "total", "rss_mb")},
                "",
                "≤ 1024 MB",
                _at_most(rss, 1024),
            )
        )
    return rows


def build_rows(builds: dict[str, dict[str, Any]]) -> list[Row]:
    sizes = list(builds)
    last = sizes[-1]

    def get(size: str, which: str, field: str) -> Any:
        return builds[size].get(which, {}).get(field)

    def line(metric: str, which: str, field: str, digits: int = 2) -> dict[str, str]:
        return {s: _num(get(s, which, field), digits) for s in sizes}

    # The baseline is plain Material as a Chinese site has it: with jieba installed,
    # which Material's search uses to segment Chinese. Without jieba is shown too.
    base = "plain_jieba" if any("plain_jieba" in builds[s] for s in sizes) else "plain"
    rows = [Row("build: plain Material (s)", line("", "plain", "seconds"))]
    if base == "plain_jieba":
        rows.append(Row("build: plain Material + jieba (s)", line("", "plain_jieba", "seconds")))
    for which, label in (("ours", "cold, no cache"), ("ours_warm", "warm cache")):
        ratio = _ratio(get(last, which, "seconds"), get(last, base, "seconds"))
        bare = _ratio(get(last, which, "seconds"), get(last, "plain", "seconds"))
        shown = f"/{'jieba' if base == 'plain_jieba' else 'plain'} {_num(ratio)}"
        if base == "plain_jieba" and bare is not None:
            shown += f", /plain {_num(bare)}"
        rows.append(
            Row(
                f"build: ours, {label} (s)",
                line("", which, "seconds"),
                shown if ratio else "",
                f"≤ 0.6 at {last}",
                _at_most(ratio, 0.6),
            )
        )
    max_kb = get(last, "ours", "page_kb_max")
    timeline_kb = get(last, "ours", "timeline_kb")
    rows += [
        Row("output: ours (MB)", line("", "ours", "site_mb", 1)),
        Row("output: plain Material (MB)", line("", "plain", "site_mb", 1)),
        Row("generated page HTML median (KB)", line("", "ours", "page_kb_median", 1)),
        Row(
            "generated page HTML max (KB)",
            line("", "ours", "page_kb_max", 1),
            "",
            f"≤ {PAGE_KB_MAX} at {last}",
            _at_most(max_kb, PAGE_KB_MAX),
        ),
        *section_rows(builds, sizes),
        Row("  plain Material page median (KB)", line("", "plain", "page_kb_median", 1)),
        Row(
            "timeline page (KB)",
            line("", "ours", "timeline_kb", 0),
            "",
            f"≤ 600 at {last}",
            _at_most(timeline_kb, 600),
        ),
        Row("Pagefind index on disk (MB)", line("", "ours", "pagefind_mb", 1)),
        Row("Material search_index.json (KB)", line("", "plain", "material_index_kb", 0)),
    ]
    return rows


def section_rows(builds: dict[str, dict[str, Any]], sizes: list[str]) -> list[Row]:
    """Median and max page size of each generated section (articles, events, tags...)."""
    rows = []
    for section in ("articles", "events", "tags", "entities"):
        cells = {}
        for size in sizes:
            data = builds[size].get("ours", {}).get("by_section_kb", {}).get(section)
            if data:
                cells[size] = f"{data['median']:.1f} / {data['max']:.1f}"
        if cells:
            rows.append(Row(f"  {section} pages median / max (KB)", cells))
    return rows


def search_rows(search: dict[str, Any], size: str) -> list[Row]:
    if "failed" in search:
        return [Row("first search", {size: "failed"}, "", "", False)]
    kb = search["pagefind_kb"]
    return [
        Row(
            "first search: from /pagefind/ (KB)",
            {size: _num(kb, 0)},
            f"{search['pagefind_requests']} requests",
            "≤ 500 KB",
            _at_most(kb, 500),
        ),
        Row(
            "  whole page weight (KB)",
            {size: _num(search["total_kb"], 0)},
            f"{search['requests']} requests",
        ),
        Row("  time to first result (s)", {size: _num(search["seconds_to_results"])}),
    ]


def serve_rows(serve: dict[str, Any], size: str) -> list[Row]:
    if "failed" in serve:
        return [Row("mkdocs serve", {size: "failed"}, "", "", False)]

    def median(kind: str) -> float | None:
        value: float | None = serve.get(kind, {}).get("median_s")
        return value

    ratio = _ratio(median("timeline"), median("plain"))
    never = f"not seen in {serve['timeout_s']:.0f} s"
    # The server starts with no cache, so the first save is the one that finds least
    # kept from the build before; the medians below would hide it.
    runs = serve.get("plain", {}).get("runs") or []
    first_save = "—" if not runs else never if runs[0] is None else _num(runs[0])
    rows = [
        Row("serve: first build, no cache (s)", {size: _num(serve.get("first_build_s"))}),
        Row("serve: started again, its cache (s)", {size: _num(serve.get("warm_start_s"))}),
        Row("serve: first save after it, docs/about.md (s)", {size: first_save}),
        Row("serve: idle, % of one core", {size: _num(serve.get("idle_core_percent"), 1)}),
    ]
    for kind, label in (
        ("plain", "docs/about.md"),
        ("timeline", "timeline.yaml"),
        ("article", "seeds/ article"),
    ):
        value = median(kind)
        extra = f"timeline/plain {_num(ratio)}" if kind == "timeline" and ratio else ""
        rows.append(
            Row(
                f"save→visible, {label} (median s)",
                {size: _num(value) if value is not None else never},
                extra,
                "timeline/plain ≤ 1.2" if kind == "timeline" else "",
                _at_most(ratio, 1.2) if kind == "timeline" else None,
            )
        )
    return rows


def render_table(
    rows: Sequence[Row], sizes: Sequence[str], head: Sequence[str] | None = None
) -> str:
    head = list(head or ["metric", *(f"{int(s):,}" for s in sizes), "ratio", "target", "✓/✗"])
    body = [
        [r.metric, *(r.cells.get(s, "") for s in sizes), r.ratio, r.target, _mark(r.ok)]
        for r in rows
    ]
    widths = [max(_width(line[i]) for line in [head, *body]) for i in range(len(head))]
    out = []
    for number, line in enumerate([head, *body]):
        cells = [c + " " * (w - _width(c)) for c, w in zip(line, widths, strict=True)]
        out.append("  ".join(cells).rstrip())
        if number == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def _width(text: str) -> int:
    # Chinese characters take two columns in a terminal.
    return sum(2 if "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else 1 for ch in text)


def table(results: dict[str, Any]) -> str:
    rows: list[Row] = []
    sizes: set[str] = set(results.get("stages", {}))
    if results.get("stages"):
        rows += stage_rows(results["stages"])
    builds = results.get("builds") or {}
    if builds:
        sizes |= set(builds)
        rows += build_rows(builds)
    site_size = str(results.get("site_size", ""))
    if results.get("search"):
        rows += search_rows(results["search"], site_size)
    if results.get("serve"):
        rows += serve_rows(results["serve"], site_size)
    return render_table(rows, sorted(sizes | ({site_size} - {""}), key=int))


def top_functions(stats_file: str, count: int = 10, own: bool = False) -> list[str]:
    """The ``count`` functions with the most cumulative (or, with ``own``, self) time."""
    import pstats

    stats = pstats.Stats(stats_file)
    rows: list[tuple[float, int, str]] = []
    table: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    for (file, line, name), (_, calls, self_time, cumulative, _) in table.items():
        where = file.split("site-packages/")[-1].split("/work/main/")[-1]
        rows.append((self_time if own else cumulative, calls, f"{where}:{line}({name})"))
    rows.sort(key=lambda r: (-r[0], r[2]))
    if not own:  # skip the chain of entry points (runpy, click, main) that spans the whole run
        rows = [r for r in rows if r[0] < 0.9 * rows[0][0]]
    return [f"{cum:8.2f} s  {calls:>9,} calls  {where}" for cum, calls, where in rows[:count]]
