"""Search folding: the index speaks Simplified; queries are folded the same way."""

from __future__ import annotations

import json
import re

from generator import search


def test_traditional_pages_get_a_hidden_simplified_copy() -> None:
    html = search.searchable("<p>成立了「全球新冠肺炎實戰共享平台」</p>")
    assert html.startswith("<div data-pagefind-body>") and html.endswith("</div>")
    hidden = re.search(r'<div hidden class="search-fold">(.*?)</div>', html)
    assert hidden is not None and "实战共享平台" in hidden.group(1)


def test_simplified_pages_carry_no_extra_text() -> None:
    html = search.searchable("<p>钉钉发起“在家上课”计划</p>")
    assert "search-fold" not in html


def test_hidden_copy_is_escaped() -> None:
    html = search.searchable("<p>&lt;script&gt;實戰&lt;/script&gt;</p>")
    assert "<script>" not in html and "&lt;script&gt;实战&lt;/script&gt;" in html


def test_query_table_folds_traditional_characters_only() -> None:
    table = search.t2s_table()
    assert table["實"] == "实" and table["戰"] == "战" and table["課"] == "课"
    assert "实" not in table and "共" not in table  # Simplified and shared forms stay
    script = search.t2s_script()
    keys = json.loads(re.search(r"var from = (\".*?\")", script).group(1))  # type: ignore[union-attr]
    assert len(keys) == len(table) and "實" in keys


def test_heading_permalinks_add_no_text_to_the_index() -> None:
    html = search.searchable('<h2 id="a">标题<a class="headerlink" href="#a">&para;</a></h2>')
    assert '<a class="headerlink" href="#a"></a>' in html
    assert search.page_text(html) == "标题"
