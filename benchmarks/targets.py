"""The target table of issue 17, each row with the issue's "today" figure beside the
one measured in this run.

Every ratio's baseline is plain Material as a user gets it from its package, with its
own default search (``lang: zh``, no extra segmenter), built in the same run.
"""

from __future__ import annotations

from typing import Any

from .report import PAGE_KB_MAX, Row, _at_most, _num, _ratio, render_table

SIZE, BIG = "1000", "10000"
COLUMN = "measured"


def _row(figure: str, today: str, value: float | None, shown: str, limit: float, unit: str) -> Row:
    return Row(
        figure,
        {COLUMN: "—" if value is None else shown},
        today,
        f"≤ {limit:g}{unit}",
        _at_most(value, limit),
    )


def rows(results: dict[str, Any]) -> list[Row]:
    build = results.get("builds", {}).get(SIZE, {})

    def seconds(which: str) -> float | None:
        value = build.get(which, {}).get("seconds")
        return float(value) if value is not None and build[which].get("ok") else None

    plain = seconds("plain")
    cold, warm = _ratio(seconds("ours"), plain), _ratio(seconds("ours_warm"), plain)
    serve = results.get("serve", {}).get("timeline", {}).get("median_s")
    stages = results.get("stages", {}).get(BIG, {}).get("total", {}).get("seconds")
    page = results.get("page_size", {}).get("page_kb_max")
    search = results.get("search", {}).get("pagefind_kb")
    return [
        _row(
            "cold mkdocs build, 1k articles + 1k events, / plain Material",
            "2.82–2.92×",
            cold,
            f"{_num(cold)}× ({_num(seconds('ours'))} s / {_num(plain)} s)",
            1.0,
            "×",
        ),
        _row(
            "warm build (previous build's cache) / plain Material",
            "1.81×",
            warm,
            f"{_num(warm)}× ({_num(seconds('ours_warm'))} s / {_num(plain)} s)",
            0.5,
            "×",
        ),
        _row(
            "mkdocs serve at 1k: save timeline.yaml → page updated",
            "7.6–9.9 s",
            serve,
            f"{_num(serve)} s",
            2,
            " s",
        ),
        _row(
            "generator stages, 10k articles + 10k events, cold",
            "31.6–35.8 s",
            stages,
            f"{_num(stages)} s",
            10,
            " s",
        ),
        _row(
            "largest generated page at 10k events",
            "not measured",
            page,
            f"{_num(page, 1)} KB",
            PAGE_KB_MAX,
            " KB",
        ),
        _row(
            "first search download at 1k", "236–361 KB", search, f"{_num(search, 0)} KB", 500, " KB"
        ),
    ]


def table(results: dict[str, Any]) -> str:
    """The issue's rows: figure, measured now, the issue's "today", target, ✓/✗."""
    head = ["issue 17 target", "measured", "today (issue)", "target", "✓/✗"]
    return render_table(rows(results), [COLUMN], head)
