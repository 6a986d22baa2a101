"""YAML mistakes in plain words: each is one exact ``file:line:col: error:`` line, in
English and in Chinese, at the place of the mistake, saying what to type.

Each case is a small timeline broken the way a curator breaks one. ``by`` names the
recogniser of ``yaml_errors.RECOGNISERS`` that must word it (``None``: the YAML is
valid and the schema words it), so every recogniser is tested on its own case and a
reordering of the table that lets another one speak fails here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.timeline import schema
from generator.timeline.load import load_text
from generator.timeline.yaml_errors import RECOGNISERS, explain
from generator.timeline.yaml_outline import Site


def lines(*rows: str) -> str:
    return "\n".join(rows) + "\n"


HEAD = ("events:", "  - id: wuhan-lockdown", "    date: 2020-01-23")
TITLE = "    title: 武汉封城"
SOURCES = ("    sources:", "      - article: art-a", "        quote: 武汉封城")
VALID = lines(*HEAD, TITLE, *SOURCES)


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    at: str  # line:col
    en: str
    zh: str
    by: str | None  # the recogniser that words it; None for the schema


CASES = [
    # --- indentation ---------------------------------------------------------------------
    Case(
        "three spaces, one less than the keys of the event",
        lines(*HEAD, "   title: 武汉封城", *SOURCES),
        "4:4",
        "this line is indented 3 spaces but `date:` above is at 4; "
        "indent it by 4 spaces like the other keys of this event",
        "这一行缩进了 3 个空格，但上面的 `date:` 缩进 4 个；请像这个事件的其他键一样缩进 4 个空格",
        "indentation",
    ),
    Case(
        "two spaces, at the event's `-`",
        lines(*HEAD, "  title: 武汉封城", *SOURCES),
        "4:3",
        "this line is indented 2 spaces but `date:` above is at 4; "
        "indent it by 4 spaces like the other keys of this event",
        "这一行缩进了 2 个空格，但上面的 `date:` 缩进 4 个；请像这个事件的其他键一样缩进 4 个空格",
        "indentation",
    ),
    Case(
        "five spaces: a key indented under a value",
        lines(*HEAD, "     title: 武汉封城", *SOURCES),
        "4:6",
        "this line is indented 5 spaces, under `date:`, which already has a value; "
        "indent it by 4 spaces like the other keys of this event",
        "这一行缩进了 5 个空格，落在已经有值的 `date:` 下面；请像这个事件的其他键一样缩进 4 个空格",
        "indentation",
    ),
    Case(
        "a key under a quoted value",
        lines(*HEAD, '    title: "武汉 #1 封城"', "      summary: 封城", *SOURCES),
        "5:7",
        "this line is indented 6 spaces, under `title:`, which already has a value; "
        "indent it by 4 spaces like the other keys of this event",
        "这一行缩进了 6 个空格，落在已经有值的 `title:` 下面；"
        "请像这个事件的其他键一样缩进 4 个空格",
        "indentation",
    ),
    Case(
        "`quote:` one space short, in a source",
        lines(*HEAD, TITLE, "    sources:", "      - article: art-a", "       quote: 武汉封城"),
        "7:8",
        "this line is indented 7 spaces but `article:` above is at 8; "
        "indent it by 8 spaces like the other keys of this source",
        "这一行缩进了 7 个空格，但上面的 `article:` 缩进 8 个；"
        "请像这条出处的其他键一样缩进 8 个空格",
        "indentation",
    ),
    Case(
        "`quote:` at the source's `-`: a key where a list item goes",
        lines(*HEAD, TITLE, "    sources:", "      - article: art-a", "      quote: 武汉封城"),
        "7:7",
        "this line is indented 6 spaces but `article:` above is at 8; "
        "indent it by 8 spaces like the other keys of this source",
        "这一行缩进了 6 个空格，但上面的 `article:` 缩进 8 个；"
        "请像这条出处的其他键一样缩进 8 个空格",
        "indentation",
    ),
    Case(
        "a second source's `-` one space short",
        lines(*HEAD, TITLE, *SOURCES, "     - article: art-b", "       quote: 封城"),
        "8:6",
        "this list item is indented 5 spaces but the `-` of the item above (line 6) is at 6; "
        "indent it by 6 spaces like the other items of `sources`",
        "这个列表项缩进了 5 个空格，但上面一项（第 6 行）的 `-` 缩进 6 个；"
        "请像`sources`的其他项一样缩进 6 个空格",
        "indentation",
    ),
    Case(
        "a top-level key indented one space",
        lines(*HEAD, TITLE, *SOURCES, " articles: {}"),
        "8:2",
        "this line is indented 1 space but `events:` above is at 0; "
        "start it at the beginning of the line like the other keys of the file",
        "这一行缩进了 1 个空格，但上面的 `events:` 缩进 0 个；"
        "请像文件顶层的其他键一样顶格书写，不要缩进",
        "indentation",
    ),
    Case(
        "an override's key one space short",
        lines(
            *HEAD, TITLE, *SOURCES, "articles:", "  art-a:", "    title: 春天", "   author: 张三"
        ),
        "11:4",
        "this line is indented 3 spaces but `title:` above is at 4; "
        "indent it by 4 spaces like the other keys of `art-a`",
        "这一行缩进了 3 个空格，但上面的 `title:` 缩进 4 个；请像`art-a`的其他键一样缩进 4 个空格",
        "indentation",
    ),
    Case(
        "a `key:` inside a multi-line quote is text, not the key above",
        lines(*HEAD, '    summary: "第一行', '      date: 不是键"', "   title: 武汉封城", *SOURCES),
        "6:4",
        "this line is indented 3 spaces but `summary:` above is at 4; "
        "indent it by 4 spaces like the other keys of this event",
        "这一行缩进了 3 个空格，但上面的 `summary:` 缩进 4 个；"
        "请像这个事件的其他键一样缩进 4 个空格",
        "indentation",
    ),
    Case(
        "a tab inside quotes is fine; the mistake is the indentation after it",
        lines(*HEAD, '    title: "武汉\t封城"', "   summary: 封城", *SOURCES),
        "5:4",
        "this line is indented 3 spaces but `title:` above is at 4; "
        "indent it by 4 spaces like the other keys of this event",
        "这一行缩进了 3 个空格，但上面的 `title:` 缩进 4 个；请像这个事件的其他键一样缩进 4 个空格",
        "indentation",
    ),
    # --- tabs and full-width spaces --------------------------------------------------------
    Case(
        "a tab indents a line",
        lines(*HEAD, "\ttitle: 武汉封城", *SOURCES),
        "4:1",
        "this line is indented with a tab; YAML indents with spaces: replace the tab with spaces",
        "这一行用制表符（Tab）缩进；YAML 只能用空格缩进：请把制表符换成空格",
        "tab",
    ),
    Case(
        "a tab after spaces",
        lines(*HEAD, "  \ttitle: 武汉封城", *SOURCES),
        "4:3",
        "this line is indented with a tab; YAML indents with spaces: replace the tab with spaces",
        "这一行用制表符（Tab）缩进；YAML 只能用空格缩进：请把制表符换成空格",
        "tab",
    ),
    Case(
        "a tab after a `-`",
        lines("events:", "  -\tid: wuhan-lockdown", "    date: 2020-01-23", TITLE, *SOURCES),
        "2:4",
        "a tab here; YAML only accepts tabs inside quotes: replace it with a space",
        "这里有一个制表符（Tab）；YAML 只允许在引号里使用制表符：请换成空格",
        "tab",
    ),
    Case(
        "full-width spaces indent a key",
        lines(*HEAD, TITLE, "  \u3000\u3000summary: 封城", *SOURCES),
        "5:3",
        "this line is indented with a full-width space `\u3000` (U+3000); "
        "YAML indents with ASCII spaces: replace it with spaces",
        "这一行用全角空格 `\u3000`（U+3000）缩进；YAML 只用半角空格缩进：请换成半角空格",
        "fullwidth_indent",
    ),
    Case(
        "full-width spaces before a top-level key (valid YAML: a key named `　　articles`)",
        lines(*HEAD, TITLE, *SOURCES, "\u3000\u3000articles: {}"),
        "8:1",
        "unknown key `\u3000\u3000articles`: it starts with a full-width space `\u3000` (U+3000); "
        "YAML indents with ASCII spaces: replace it with spaces",
        "没有 `\u3000\u3000articles` 这个键：它以全角空格 `\u3000`（U+3000）开头；"
        "YAML 只用半角空格缩进，请换成半角空格",
        None,
    ),
    # --- quotes ----------------------------------------------------------------------------
    Case(
        "an unclosed double quote, reported where it opened, not at the end of the file",
        lines(*HEAD, '    title: "武汉 #1 封城', *SOURCES),
        "4:12",
        'the quote `"` opened here is never closed; end the value with `"`',
        '这里开头的引号 `"` 没有闭合；请在值的末尾加上 `"`',
        "unclosed_quote",
    ),
    Case(
        "an unclosed single quote",
        lines(*HEAD, "    title: '武汉封城", *SOURCES),
        "4:12",
        "the quote `'` opened here is never closed; end the value with `'`",
        "这里开头的引号 `'` 没有闭合；请在值的末尾加上 `'`",
        "unclosed_quote",
    ),
    Case(
        "an open quote runs on to the next quote, two lines down",
        lines(*HEAD, '    title: "武汉封城', "    summary: 封城", '    tags: ["捐赠"]', *SOURCES),
        "4:12",
        'the quote `"` opened here is not closed on its line, so the text runs on to the next '
        '`"`, on line 6; end the value with `"` on this line',
        '这里开头的引号 `"` 没有在本行闭合，文字一直延续到第 6 行的下一个 `"`；'
        '请在本行值的末尾加上 `"`',
        "quote_runs_on",
    ),
    Case(
        "text after the closing double quote",
        lines(*HEAD, '    title: "武汉"封城', *SOURCES),
        "4:16",
        'text follows the closing quote `"`; a value that starts with a quote ends there: '
        "put the whole value in single quotes, `'\"武汉\"封城'`",
        '闭合引号 `"` 后面还有文字；以引号开头的值到闭合引号就结束了：'
        "请把整个值放进单引号，写成 `'\"武汉\"封城'`",
        "after_closing",
    ),
    Case(
        "text after the closing quote of a quote over two lines",
        lines(*HEAD, TITLE, '    summary: "第一行', '      第二行"，完', *SOURCES),
        "6:11",
        'text follows the closing quote `"`; a value that starts with a quote ends there: '
        "put the whole value in single quotes, `'\"第一行 第二行\"，完'`",
        '闭合引号 `"` 后面还有文字；以引号开头的值到闭合引号就结束了：'
        "请把整个值放进单引号，写成 `'\"第一行 第二行\"，完'`",
        "after_closing",
    ),
    Case(
        "an apostrophe inside single quotes",
        lines(*HEAD, "    title: 'Wuhan's lockdown'", *SOURCES),
        "4:19",
        "text follows the closing quote `'`; inside '…' write an apostrophe twice: "
        "`'Wuhan''s lockdown'`",
        "闭合引号 `'` 后面还有文字；在 '…' 里，撇号 ' 要写两遍：`'Wuhan''s lockdown'`",
        "after_closing",
    ),
    Case(
        "a backslash in double quotes",
        lines(*HEAD, '    title: "C:\\新闻"', *SOURCES),
        "4:15",
        "`\\新` is not an escape inside double quotes; write `\\\\` for a backslash, "
        "or put the value in single quotes",
        "双引号里的 `\\新` 不是有效的转义；反斜杠请写成 `\\\\`，或改用单引号",
        "escape",
    ),
    # --- brackets --------------------------------------------------------------------------
    Case(
        "an unclosed `[`, followed by the next key",
        lines(*HEAD, TITLE, "    tags: [捐赠, 医疗", *SOURCES),
        "5:11",
        "the `[` opened here is never closed; add `]` after the last item",
        "这里的 `[` 没有闭合；请在最后一项后面加上 `]`",
        "brackets",
    ),
    Case(
        "an unclosed `{` at the end of the file",
        lines(*HEAD, TITLE, *SOURCES, "    entities: {people: [张三]"),
        "8:15",
        "the `{` opened here is never closed; add `}` after the last item",
        "这里的 `{` 没有闭合；请在最后一项后面加上 `}`",
        "brackets",
    ),
    Case(
        "a `[` closed by `}`",
        lines(*HEAD, TITLE, "    entities: {people: [张三}", *SOURCES),
        "5:27",
        "`}` does not close the `[` opened at 5:24; expected `]`",
        "`}` 与 5:24 处的 `[` 不配对；这里应是 `]`",
        "brackets",
    ),
    Case(
        "a stray `]`",
        lines(*HEAD, TITLE, "    tags: [捐赠]]", *SOURCES),
        "5:15",
        "this `]` closes nothing: there is no `[` before it; remove it, "
        "or add the `[` that should open it",
        "这个 `]` 前面没有对应的 `[`；请删去它，或补上开头的 `[`",
        "stray_close",
    ),
    Case(
        "a list without its brackets (valid YAML: a text)",
        lines(*HEAD, TITLE, "    tags: 捐赠, 医疗]", *SOURCES),
        "5:11",
        "`tags` must be a list of text, got a string; write it in brackets: `tags: [捐赠, 医疗]`",
        "`tags` 应是文本列表，这里是文本；请写在方括号里：`tags: [捐赠, 医疗]`",
        None,
    ),
    # --- colons ----------------------------------------------------------------------------
    Case(
        "a colon missing after `title`",
        lines(*HEAD, "    title 武汉封城", *SOURCES),
        "4:10",
        "a colon is missing after `title`; write `title: 武汉封城`",
        "`title` 后面缺少冒号：写成 `title: 武汉封城`",
        "keyless",
    ),
    Case(
        "a colon missing after `date`, on the event's first line after `- id`",
        lines("events:", "  - id: wuhan-lockdown", "    date 2020-01-23", TITLE, *SOURCES),
        "3:9",
        "a colon is missing after `date`; write `date: 2020-01-23`",
        "`date` 后面缺少冒号：写成 `date: 2020-01-23`",
        "keyless",
    ),
    Case(
        "a colon missing after `article`, the line below deeper",
        lines(*HEAD, TITLE, "    sources:", "      - article art-a", "        quote: 武汉封城"),
        "6:16",
        "a colon is missing after `article`; write `article: art-a`",
        "`article` 后面缺少冒号：写成 `article: art-a`",
        "keyless",
    ),
    Case(
        "no space after the colon",
        lines("events:", "  - id: wuhan-lockdown", "    date:2020-01-23", TITLE, *SOURCES),
        "3:10",
        "`date:` needs a space after the colon; write `date: 2020-01-23`",
        "`date:` 的冒号后面要加一个空格：写成 `date: 2020-01-23`",
        "keyless",
    ),
    Case(
        "a full-width colon",
        lines(*HEAD, "    title：武汉封城", *SOURCES),
        "4:10",
        "`title` is followed by the full-width colon `：`; YAML needs the ASCII colon `:` "
        "and a space: `title: 武汉封城`",
        "`title` 后面是全角冒号 `：`；YAML 要用半角冒号 `:` 加一个空格：`title: 武汉封城`",
        "keyless",
    ),
    Case(
        "a full-width colon in a key that YAML still read as a key",
        lines(*HEAD, TITLE, "    summary：武汉: 封城", *SOURCES),
        "5:5",
        "unknown key `summary：武汉`: it holds the full-width colon `：`; "
        "YAML needs the ASCII colon `:` and a space",
        "没有 `summary：武汉` 这个键：其中有全角冒号 `：`；YAML 要用半角冒号 `:` 加一个空格",
        None,
    ),
    Case(
        "`: ` inside a value",
        lines(*HEAD, "    title: 武汉: 封城", *SOURCES),
        "4:14",
        "`: ` inside the value of `title` starts another key; put the value in quotes: "
        '`title: "武汉: 封城"`',
        '`title` 的值里的 `: ` 会开始另一个键；请把值放进引号：`title: "武汉: 封城"`',
        "colon_in_value",
    ),
    # --- lists and mappings ----------------------------------------------------------------
    Case(
        "`- title:` among the keys of an event",
        lines(*HEAD, "    - title: 武汉封城", *SOURCES),
        "4:5",
        "`- title:` starts a list item, but `title` is a key of this event; remove the `- ` "
        "and indent it by 4 spaces like the other keys",
        "`- title:` 开始了一个列表项，但 `title` 是这个事件的键；"
        "请去掉 `- `，像其他键一样缩进 4 个空格",
        "item_among_keys",
    ),
    Case(
        "`- title:` indented under a value",
        lines(*HEAD, "      - title: 武汉封城", *SOURCES),
        "4:7",
        "`- title:` starts a list item, but `title` is a key of this event; remove the `- ` "
        "and indent it by 4 spaces like the other keys",
        "`- title:` 开始了一个列表项，但 `title` 是这个事件的键；"
        "请去掉 `- `，像其他键一样缩进 4 个空格",
        "item_among_keys",
    ),
    Case(
        "a source among the keys of an event, `sources:` forgotten",
        lines(*HEAD, TITLE, "    - article: art-a", "      quote: 武汉封城"),
        "5:5",
        "an item of `sources` among the keys of this event; put it under `sources:`",
        "这个事件的键之间出现了一个 `sources` 列表项；请把它放到 `sources:` 下面",
        "item_among_keys",
    ),
    Case(
        "an event's `-` at the start of the line, among the top-level keys",
        lines(*HEAD, TITLE, *SOURCES, "- id: second-event", "  date: 2020-01-24"),
        "8:1",
        "this list item is indented 0 spaces but the `-` of the item above (line 2) is at 2; "
        "indent it by 2 spaces like the other items of `events`",
        "这个列表项缩进了 0 个空格，但上面一项（第 2 行）的 `-` 缩进 2 个；"
        "请像`events`的其他项一样缩进 2 个空格",
        "item_among_keys",
    ),
    Case(
        "a second event's `- id:` indented like the keys of the first",
        lines(*HEAD, TITLE, *SOURCES, "    - id: second-event", "      date: 2020-01-24"),
        "8:5",
        "this list item is indented 4 spaces but the `-` of the item above (line 2) is at 2; "
        "indent it by 2 spaces like the other items of `events`",
        "这个列表项缩进了 4 个空格，但上面一项（第 2 行）的 `-` 缩进 2 个；"
        "请像`events`的其他项一样缩进 2 个空格",
        "item_among_keys",
    ),
    Case(
        "some other list item among the keys of an event",
        lines(*HEAD, TITLE, "    - 武汉", *SOURCES),
        "5:5",
        "a list item where a key of this event was expected; write `key: value`, "
        "or put the list under its own `key:` line",
        "这里应是这个事件的键，却是一个列表项；请写成 `键: 值`，或把列表放到它自己的 `键:` 行下面",
        "item_among_keys",
    ),
    Case(
        "a list item without its `- `",
        lines(*HEAD, TITLE, "    tags:", "      - 捐赠", "      医疗", *SOURCES),
        "7:7",
        "expected a list item here, like the one on line 6; write `- 医疗`",
        "这里应是列表项，像第 6 行那样：写成 `- 医疗`",
        "keyless",
    ),
    # --- other PyYAML errors ---------------------------------------------------------------
    Case(
        "a value starting with `@`",
        lines(*HEAD, "    title: @人民日报", *SOURCES),
        "4:12",
        'a YAML value cannot start with @; put the whole value in quotes, e.g. "@…"',
        'YAML 的值不能以 @ 开头；请把整个值放进引号，例如 "@…"',
        "reserved",
    ),
    Case(
        "something no recogniser knows: PyYAML's problem, plainly",
        "%YAML 1.1\n%YAML 1.1\n" + VALID,
        "2:1",
        "this is not valid YAML: found duplicate YAML directive",
        "这里不是有效的 YAML：found duplicate YAML directive",
        "",  # none: the plain rewording
    ),
]


def only_line(text: str, language: str) -> list[str]:
    return [d.render(language) for d in load_text(text, "timeline.yaml").diagnostics]


def test_the_valid_timeline_has_no_error() -> None:
    assert only_line(VALID, "en") == []


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_mistake_is_one_exact_line_in_english_and_in_chinese(case: Case) -> None:
    assert only_line(case.text, "en") == [f"timeline.yaml:{case.at}: error: {case.en}"]
    assert only_line(case.text, "zh") == [f"timeline.yaml:{case.at}: error: {case.zh}"]


def recogniser_of(text: str) -> str | None:
    """The name of the first recogniser that words ``text``'s YAML error ("" for none,
    ``None`` when the YAML is valid)."""
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        site = Site.of(err, text)
        return next((r.__name__ for r in RECOGNISERS if r(site) is not None), "")
    return None


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_mistake_is_worded_by_its_own_recogniser(case: Case) -> None:
    assert recogniser_of(case.text) == case.by


def test_every_recogniser_has_a_case() -> None:
    assert {r.__name__ for r in RECOGNISERS} <= {case.by for case in CASES}


# --- the same mistake, however the file is saved ------------------------------------------

INDENT_3 = CASES[0]


def test_crlf_line_ends_give_the_same_line_and_column() -> None:
    text = INDENT_3.text.replace("\n", "\r\n")
    assert only_line(text, "en") == [f"timeline.yaml:{INDENT_3.at}: error: {INDENT_3.en}"]


def test_a_byte_order_mark_gives_the_same_line_and_column() -> None:
    text = "\ufeff" + INDENT_3.text
    assert only_line(text, "zh") == [f"timeline.yaml:{INDENT_3.at}: error: {INDENT_3.zh}"]


def test_an_unclosed_quote_in_a_crlf_file_points_where_it_opened() -> None:
    text = lines(*HEAD, "    title: '武汉封城", *SOURCES).replace("\n", "\r\n")
    assert [line.split(" error: ")[0] for line in only_line(text, "en")] == ["timeline.yaml:4:12:"]


def test_a_valid_multi_line_quote_with_a_colon_and_a_hash_inside_is_fine() -> None:
    text = lines(*HEAD, TITLE, '    summary: "第一行 #1', '      date: 不是键"', *SOURCES)
    assert only_line(text, "en") == []


# --- the shape of a value, worded by the schema ---------------------------------------------
# events.py says these messages around the schema's words for what was written (type_name).

SOURCES_ZH = "`sources` 应是出处列表（每条含 `article` 和 `quote`），这里是"
ENTITIES_ZH = "`entities` 应是由 `people`、`organizations`、`places` 三个列表组成的映射，这里是"
SHAPES = [
    (
        SOURCES_ZH,
        "sources",
        lines(*HEAD, TITLE, "    sources:", "      article: art-a", "      quote: 武汉封城"),
        "6:7",
        "`sources` must be a list of {article, quote}, got a mapping; "
        "a list item starts with `- ` before its first key: `- article: …`",
        "映射；列表的每一项要在第一个键前加 `- `：`- article: …`",
    ),
    (
        ENTITIES_ZH,
        "entities",
        lines(*HEAD, TITLE, "    entities:", "      - people: [张三]", *SOURCES),
        "6:7",
        "`entities` must be a mapping of `people`, `organizations` and `places` lists, "
        "got a list; `people` is a key, not a list item: write `people: …` without the `- `",
        "列表；`people` 是键而不是列表项：去掉 `- `，写成 `people: …`",
    ),
    (
        ENTITIES_ZH,
        "entities",
        lines(*HEAD, TITLE, "    entities:", "      people:[张三]", *SOURCES),
        "6:7",
        "`entities` must be a mapping of `people`, `organizations` and `places` lists, "
        "got the text `people:[张三]`; put a space after the colon: `people: [张三]`",
        "文本 `people:[张三]`；冒号后面要加一个空格：`people: [张三]`",
    ),
    (
        ENTITIES_ZH,
        "entities",
        lines(*HEAD, TITLE, "    entities:", "      people：[张三]", *SOURCES),
        "6:7",
        "`entities` must be a mapping of `people`, `organizations` and `places` lists, "
        "got the text `people：[张三]`; `people` is followed by the full-width colon `：`, "
        "write the ASCII colon and a space: `people: [张三]`",
        "文本 `people：[张三]`；`people` 后面是全角冒号 `：`，请改用半角冒号加一个空格："
        "`people: [张三]`",
    ),
    (
        ENTITIES_ZH,
        "entities",
        lines(*HEAD, TITLE, "    entities:", "      people [张三]", *SOURCES),
        "6:7",
        "`entities` must be a mapping of `people`, `organizations` and `places` lists, "
        "got the text `people [张三]`; a colon is missing after `people`: `people: [张三]`",
        "文本 `people [张三]`；`people` 后面缺少冒号：`people: [张三]`",
    ),
]


@pytest.mark.parametrize(("zh_said", "key", "text", "at", "en", "zh"), SHAPES)
def test_a_value_of_the_wrong_shape_says_what_to_type(
    zh_said: str, key: str, text: str, at: str, en: str, zh: str
) -> None:
    (found,) = load_text(text, "timeline.yaml").diagnostics
    assert found.render("en") == f"timeline.yaml:{at}: error: {en}"
    assert found.render("zh") == f"timeline.yaml:{at}: error: {zh_said}{zh}"
    root = yaml.compose(text)
    assert root is not None
    event = root.value[0][1].value[0]
    (value,) = [value for name, value in event.value if name.value == key]
    assert schema.type_name(value).text("zh") == zh


# --- anything else: one line, never a traceback, never PyYAML's jargon -------------------------

PIECES = ["\n", " ", "  ", "\t", "\u3000", "-", "- ", ":", ": ", "：", '"', "'", "[", "]", "{", "}"]
PIECES += [",", "#", "title", "quote", "武汉", "|", ">", "&a", "*a", "@", "\\", "\r\n", "?"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(VALID)), st.sampled_from(PIECES), st.integers(0, 3)),
        min_size=1,
        max_size=3,
    )
)
def test_broken_timelines_give_plain_lines(edits: list[tuple[int, str, int]]) -> None:
    text = VALID
    for where, piece, cut in edits:
        where = min(where, len(text))
        text = text[:where] + piece + text[where + cut :]
    loaded = load_text(text, "timeline.yaml")
    rows = text.count("\n") + text.count("\r") + 2
    for found in loaded.diagnostics:
        assert 1 <= found.line <= rows and found.col >= 1
        for language in ("en", "zh"):
            said = found.render(language)
            assert "\n" not in said
            assert not any(word in said for word in ("<block", "<stream", "<scalar>", "while "))


def test_explain_words_every_pyyaml_error_of_a_mutated_file() -> None:
    """The recognisers themselves, run on PyYAML's error, never raise."""
    text = lines(*HEAD, '    title: "武汉', "   - : [", "\t}")
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        line, col, said = explain(err, text)
        assert line >= 1 and col >= 1 and said.text("zh")
    else:
        pytest.fail("the text is valid YAML")
