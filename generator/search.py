"""Chinese search in both scripts: Pagefind over the pages' text, folded to Simplified.

Pagefind (extended build) splits its index into small chunks, so a reader's first
query downloads little. It has no Simplified/Traditional folding, and its Chinese
words are cut differently when indexing and when searching, so Pagefind indexes a
search document made for each page instead of the page (:mod:`generator.search_text`):
its text one Han character a word, folded to Simplified character by character with
a table made here from OpenCC's ``t2s`` data. The search page folds and spaces each
query with the same table and the same rule (``assets/javascripts/timeline-fold.js``),
so a query in either script finds pages in either script, by construction: the fold
of a phrase is always the matching part of the fold of the page. The documents go
straight to Pagefind as each page is written (:mod:`generator.site_search`), so the
pages readers download carry nothing extra.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from . import paths, search_text

FOLD_SCRIPT = "assets/javascripts/timeline-fold.js"  # the query's fold, for the search page
# The search page's Pagefind (PagefindUI's bundlePath points here): generator/search_page.js
SEARCH_MODULE = "assets/javascripts/search/pagefind.js"

# Han characters: radicals, 々〆〇 and the Hangzhou numerals, the CJK Unified Ideographs
# with every extension (A to I) and both blocks of compatibility ideographs. OpenCC's
# t2s changes characters in these blocks only (tests/test_search.py checks it).
HAN_RANGES = (
    (0x2E80, 0x2FDF),
    (0x3005, 0x3007),
    (0x3021, 0x3029),
    (0x3038, 0x303B),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x323AF),
)


@lru_cache(maxsize=2)
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


@lru_cache(maxsize=1)
def t2s_table() -> dict[str, str]:
    """Traditional -> Simplified, character by character, as OpenCC's t2s converts each alone.

    Every Han character OpenCC changes, in and out of the Basic Multilingual Plane
    (Extension B holds Traditional forms such as 𠁞, and some Simplified forms are
    there too: 㑮 -> 𫝈). A character OpenCC would turn into several is left out.
    """
    chars = [chr(c) for lo, hi in HAN_RANGES for c in range(lo, hi + 1)]
    converted = str(_converter("t2s").convert("\n".join(chars))).split("\n")
    if len(converted) != len(chars):  # a conversion that joined lines: keep what lines up
        return {}
    return {a: b for a, b in zip(chars, converted, strict=True) if a != b and len(b) == 1}


@lru_cache(maxsize=1)
def _translation() -> dict[int, str]:
    return {ord(k): v for k, v in t2s_table().items()}


def fold(text: str) -> str:
    """``text`` in Simplified characters, one character at a time (the query's fold)."""
    return text.translate(_translation())


def _js_class(ranges: tuple[tuple[int, int], ...]) -> str:
    return "[" + "".join(f"\\u{{{lo:x}}}-\\u{{{hi:x}}}" for lo, hi in ranges) + "]"


def _class(ranges: tuple[tuple[int, int], ...]) -> str:
    return "[" + "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in ranges) + "]"


# Whitespace: Unicode's White_Space, what Pagefind splits words on; written out so the
# search page's script and this module agree (Python's \s and JavaScript's differ).
WHITESPACE = (
    (0x09, 0x0D),
    (0x20, 0x20),
    (0x85, 0x85),
    (0xA0, 0xA0),
    (0x1680, 0x1680),
    (0x2000, 0x200A),
    (0x2028, 0x2029),
    (0x202F, 0x202F),
    (0x205F, 0x205F),
    (0x3000, 0x3000),
)
_HAN = _class(HAN_RANGES)
_AROUND_HAN = re.compile(f"(?<=[^ ])(?={_HAN})|(?<={_HAN})(?=[^ ])")  # after _SPACES
_SPACES = re.compile(_class(WHITESPACE) + "+")


def spaced(text: str) -> str:
    """Every Han character a word of its own: a space on each side, whitespace collapsed."""
    return _AROUND_HAN.sub(" ", _SPACES.sub(" ", text).strip(" "))


@lru_cache(maxsize=1)
def t2s_script() -> str:
    """The search page's query folding: ``timelineFold``, ``timelineSpace`` and
    ``timelineUnspace``, the fold and spacing of :func:`fold` and :func:`spaced`.

    The table is a JSON object, one Traditional character to one Simplified: a lookup
    by whole characters (``Array.from`` walks code points), so a character outside the
    Basic Multilingual Plane, two UTF-16 units, can never shift the ones after it.
    The script uses no regular-expression lookbehind, which older Safari lacks.
    """
    table = json.dumps(t2s_table(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        "// Made by the timeline generator from OpenCC's t2s data: folds a search query to\n"
        "// Simplified characters, and spaces its Han characters, as the index is kept.\n"
        "(function () {\n"
        f"  var table = {table};\n"
        f'  var han = "{_js_class(HAN_RANGES)}";\n'
        f'  var spaces = new RegExp("{_js_class(WHITESPACE)}+", "gu");\n'
        '  var each = new RegExp(han, "gu");\n'
        '  var before = new RegExp("(" + han + ") (?=[^ ])", "gu");\n'
        '  var after = new RegExp("([^ ]) (?=" + han + ")", "gu");\n'
        "  window.timelineFold = function (q) {\n"
        '    return Array.from(q, function (c) { return table[c] || c; }).join("");\n'
        "  };\n"
        "  window.timelineSpace = function (q) {\n"
        '    return q.replace(each, " $& ").replace(spaces, " ").replace(/^ | $/g, "");\n'
        "  };\n"
        "  // For reading: drops the space beside a Han character, and nothing else.\n"
        "  window.timelineUnspace = function (q) {\n"
        '    return q.replace(before, "$1").replace(after, "$1");\n'
        "  };\n"
        "})();\n"
    )


def scripts() -> dict[str, bytes]:
    """The search page's two scripts, published with the site (path -> bytes)."""
    module = resources.files(__package__).joinpath("search_page.js").read_bytes()
    return {FOLD_SCRIPT: t2s_script().encode("utf-8"), SEARCH_MODULE: module}


# Heading permalinks: their "¶" would end up in every result title. The mark is drawn
# by CSS instead (timeline.css), so the page looks the same.
_PERMALINK = re.compile(r"(<a class=\"headerlink\"[^>]*>)(?:\u00b6|&para;)(</a>)")


def document(page_html: str, src_uri: str, tags: object = None) -> str | None:
    """What Pagefind indexes of an event, article or hand-written page (None for others).

    ``tags`` are the event's tags (its ``timeline_tags`` front matter), offered as a
    filter. The document stands beside the page rather than inside it, so a reader
    never downloads the index's copy of the text.
    """
    kind = paths.page_kind(src_uri)
    if kind not in search_text.READERS:
        return None
    text = search_text.READERS[kind](search_text.tree(page_html))
    names = [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else []
    return search_text.document(text, kind, names, fold, spaced)


def unmarked(page_html: str) -> str:
    """The page's HTML without the "¶" of its heading links."""
    return _PERMALINK.sub(r"\1\2", page_html)


def index_url(src_uri: str) -> str:
    """The URL Pagefind gives a page's results: the page's own, from the site's root."""
    return "/" + paths.url_of(src_uri)
