"""Search folding: the index and the query fold to Simplified with one table, OpenCC's.

The table is checked against OpenCC itself, entry by entry; the search page's script
is run in Node on real phrases in both scripts and compared with OpenCC's output and
with the fold the index is made with.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import search

from .conftest import ROOT

NODE = shutil.which("node")

# Phrases from the seeds and the timeline, in both scripts, and characters outside the
# Basic Multilingual Plane on either side of the fold: 𨋢 (a lift, in Hong Kong
# writing) and 𡻕 fold from Extension B, 頫 folds to 𫖯 (Extension E).
PHRASES = (
    "從危機到曙光",
    "从危机到曙光",
    "醫護關愛計劃",
    "医护关爱计划",
    "健康碼",
    "健康码",
    "共享員工",
    "共享员工",
    "實戰共享平台",
    "实战共享平台",
    "全球新冠肺炎實戰共享平台",
    "阿里巴巴集團新冠肺炎抗疫行動概覽",
    "釘釘發起「在家上課計劃」",
    "網商銀行為商家提供免費「0 賬期」服務",
    "Lazada 新鮮雜貨訂單量增長 30%",
    "趙孟頫書法",
    "坐𨋢上樓",
    "一𡻕",
    "國家衛生健康委員會",
)


def opencc_t2s(texts: list[str]) -> list[str]:
    converted = str(search._converter("t2s").convert("\n".join(texts))).split("\n")
    assert len(converted) == len(texts)
    return converted


def run_node(script: str, call: str, values: list[str], tmp_path: Path) -> list[str]:
    """``call`` (a function of ``window``) on each value, in Node, after ``script`` ran."""
    if NODE is None:
        if os.environ.get("CI"):
            pytest.fail("node not found: the search page's script is tested in Node")
        pytest.skip("node is not installed")
    page = tmp_path / "fold.js"
    page.write_text(script, encoding="utf-8")
    code = (
        "globalThis.window = {};"
        f"require({json.dumps(str(page))});"
        "const values = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        f"process.stdout.write(JSON.stringify(values.map({call})));"
    )
    done = subprocess.run(
        [NODE, "-e", code],
        input=json.dumps(values),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result: list[str] = json.loads(done.stdout)
    return result


def test_every_table_entry_is_what_opencc_makes_of_that_character() -> None:
    table = search.t2s_table()
    assert len(table) > 5000
    assert opencc_t2s(list(table)) == list(table.values())


def test_the_table_holds_traditional_characters_outside_the_bmp() -> None:
    table = search.t2s_table()
    beyond = {k: v for k, v in table.items() if ord(k) > 0xFFFF}
    assert len(beyond) > 300  # OpenCC folds Extension B-G Traditional forms too
    assert table["𨋢"] == "䢂" and table["𡻕"] == "岁" and table["頫"] == "𫖯"
    assert table["國"] == "国" and table["實"] == "实"
    assert "实" not in table and "共" not in table  # Simplified and shared forms stay


def test_opencc_changes_no_character_outside_the_han_ranges() -> None:
    # The table is read from the Han blocks only; this guards that choice against a
    # future OpenCC (one scan of every other character up to Extension H).
    han = {c for lo, hi in search.HAN_RANGES for c in range(lo, hi + 1)}
    others = [
        chr(c)
        for c in range(0x20, 0x323B0)
        if c not in han and not 0xD800 <= c <= 0xDFFF and not chr(c).isspace()
    ]
    changed = [a for a, b in zip(others, opencc_t2s(others), strict=True) if a != b]
    assert changed == []


def test_the_search_page_folds_real_phrases_as_opencc_does(tmp_path: Path) -> None:
    folded = run_node(search.t2s_script(), "window.timelineFold", list(PHRASES), tmp_path)
    assert folded == opencc_t2s(list(PHRASES))
    assert folded[PHRASES.index("醫護關愛計劃")] == "医护关爱计划"
    assert folded[PHRASES.index("健康碼")] == "健康码"


def test_the_search_page_folds_every_table_entry(tmp_path: Path) -> None:
    table = search.t2s_table()
    folded = run_node(search.t2s_script(), "window.timelineFold", list(table), tmp_path)
    assert folded == list(table.values())


def test_query_and_index_fold_alike_where_opencc_reads_whole_phrases(tmp_path: Path) -> None:
    # OpenCC's phrase list turns 乾隆 and 鍾繇 differently from their characters; the
    # search folds by character on both sides, so a query still meets the page.
    phrases = ["乾隆年間", "鍾繇", "二噁英", "於是"]
    folded = run_node(search.t2s_script(), "window.timelineFold", phrases, tmp_path)
    assert folded == [search.fold(p) for p in phrases]
    page = "清朝乾隆年間，書法家鍾繇與二噁英無關，於是……"
    assert all(f in search.fold(page) for f in folded)


def test_the_search_page_spaces_queries_as_the_index_is_spaced(tmp_path: Path) -> None:
    article = (ROOT / "seeds" / "002_948af0d9428fe7ba.txt").read_text(encoding="utf-8-sig")
    texts = [*PHRASES, article[:4000], "Lazada 东南亚 C2M（消费者对制造商）2020年", "𠁞𠁞 a"]
    texts += ["\u3000健\u3000康\xa0码\t a\u2003b\ufeff", "\ufeff健康\u200b码 "]
    script = search.t2s_script()
    spaced = run_node(script, "window.timelineSpace", texts, tmp_path)
    assert spaced == [search.spaced(t) for t in texts]
    assert search.spaced("健康碼 C2M") == "健 康 碼 C2M"
    folded = run_node(script, "window.timelineFold", [article], tmp_path)
    assert folded == [search.fold(article)]
    # Reading back drops the spaces again (and any the text had beside a Han character).
    back = run_node(script, "window.timelineUnspace", spaced, tmp_path)
    whole = [i for i, p in enumerate(PHRASES) if " " not in p]
    assert [back[i] for i in whole] == [PHRASES[i] for i in whole]
    assert back[PHRASES.index("網商銀行為商家提供免費「0 賬期」服務")].endswith("「0賬期」服務")


def test_the_search_module_is_published_beside_the_fold() -> None:
    files = search.scripts()
    assert set(files) == {search.FOLD_SCRIPT, search.SEARCH_MODULE}
    module = files[search.SEARCH_MODULE].decode("utf-8")
    assert 'from "../../../pagefind/pagefind.js"' in module  # relative: works under a subpath
    assert search.SEARCH_MODULE.count("/") == 3


def test_heading_permalinks_add_no_text() -> None:
    html = search.unmarked('<h2 id="a">标题<a class="headerlink" href="#a">&para;</a></h2>')
    assert '<a class="headerlink" href="#a"></a>' in html
