"""The text a browser would show, block by block, with the source line of each block.

Extraction keeps the article and leaves the rest of the page out; to say in the
cleaning report *what* it left out, the page's own visible text is listed here and
compared with what was kept (:func:`left_out`). A block is the text of one block-level
element (its inline children included), at the line where the element starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lxml import etree, html

# Never shown: scripts, styles, templates, the head's metadata, form option lists.
_HIDDEN = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "meta",
        "link",
        "option",
        "select",
        "textarea",
        "svg",
        "iframe",
        "object",
        "embed",
        "canvas",
    }
)
# Elements whose text is shown inline, inside the block around them.
_INLINE = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "ins",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
        "wbr",
        "label",
        "big",
        "tt",
        "strike",
        "nobr",
        "img",
    }
)
_SPACE = re.compile(r"\s+")
# Stands for <br> until a block is split at it. A page's own U+2028 (rare, and shown as
# a line break by browsers anyway) splits its block there too.
_BREAK = "\u2028"
_MARKS = re.compile(r"[^\w]")


@dataclass(frozen=True)
class TextBlock:
    line: int  # where the element starts in the page source (1-based)
    text: str  # whitespace runs squeezed to one space
    right: bool = False  # set flush right (``align="right"``, ``text-align: right``)


def squash(text: str) -> str:
    """``text`` without any whitespace, for comparing text across markup."""
    return _SPACE.sub("", text)


def parse(text: str) -> etree._Element | None:
    """The page as an lxml tree (None when it holds no element at all)."""
    # Without huge_tree libxml2 drops a text or attribute over 10 MB (an image inlined
    # as a data: URI, a script's data) and what follows it; the reader's own limits
    # (bytes, tags) bound the page instead. A parser per call: they are not thread-safe.
    try:
        return html.document_fromstring(text, parser=html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        return None


def blocks(root: etree._Element) -> list[TextBlock]:
    """Every visible text block of the page, in document order."""
    # Keyed by the element itself, never id(): lxml makes its Python proxies on demand,
    # and a freed proxy's id is reused by the next one.
    parts: dict[etree._Element, list[str]] = {}
    for owner, piece in _pieces(root):
        parts.setdefault(owner, []).append(piece)
    # A ``<br>`` ends a line as a block's end does: a page that separates its
    # paragraphs with ``<br><br>`` shows them as paragraphs.
    out = [
        TextBlock(owner.sourceline or 1, _SPACE.sub(" ", line).strip(), _right(owner))
        for owner, texts in parts.items()
        for line in "".join(texts).split(_BREAK)
    ]
    return [b for b in out if b.text]


def _right(el: etree._Element) -> bool:
    style = str(el.get("style") or "").replace(" ", "").lower()
    return str(el.get("align") or "").lower() == "right" or "text-align:right" in style


def _pieces(root: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """(block element, text) pairs in document order; an explicit stack, so a deeply
    nested page cannot exhaust Python's recursion limit."""
    stack: list[tuple[etree._Element, etree._Element, bool]] = [(root, root, False)]
    while stack:
        el, owner, tail = stack.pop()
        if tail:
            if el.tail:
                yield owner, el.tail
            continue
        if not isinstance(el.tag, str) or el.tag.lower() in _HIDDEN:
            continue
        block = el if el.tag.lower() not in _INLINE else owner
        if el.tag.lower() == "br":
            yield owner, _BREAK
        if el.text:
            yield block, el.text
        for child in reversed(list(el)):
            stack.append((child, block, True))  # the child's tail belongs to this block
            stack.append((child, block, False))


def left_out(page: Iterable[TextBlock], kept: str) -> list[TextBlock]:
    """The page's blocks whose text is not in ``kept`` (the article, squashed), whole.

    Punctuation is ignored in the comparison: the cleaner repairs doubled and
    mis-spaced marks, and a repaired sentence is still the page's sentence.
    """
    bare = _MARKS.sub("", kept)
    return [b for b in page if squash(b.text) not in kept and _bare(b.text) not in bare]


def _bare(text: str) -> str:
    return _MARKS.sub("", squash(text))
