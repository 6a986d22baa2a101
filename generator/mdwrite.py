"""Write plain text as Markdown that renders exactly as written.

Both the cleaner (``python -m generator clean``) and the page renderer go through
here, so an article's text is escaped in one place. Text never reaches Markdown or
HTML unescaped: ``&``, ``<`` and ``>`` become entities (inert in every engine) and
Markdown punctuation gets a backslash.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from .model import Article, Block

# Punctuation that starts Markdown syntax anywhere in a line (``|`` for tables,
# ``{}`` for attribute lists). Strike/caret/mark extensions are not enabled.
_INLINE = re.compile(r"([\\`*_{}\[\]|!])")
# MkDocs takes a page's title from its first heading and Material writes it into
# ``<title>`` through Jinja's ``striptags``, which decodes ``&lt;`` back to ``<``: a
# heading reading ``</title><script>...`` would close the element there and the rest
# would be markup. An invisible word joiner (U+2060) after the ``<`` keeps it text;
# the cleaner removes U+2060, so cleaning the output again gives the same text.
_END_TITLE = re.compile(r"&lt;(?=/title)", re.IGNORECASE)
# Line starts that would turn a paragraph into a heading, list, quote or rule.
_LINE_START = re.compile(r"#|[-+*](?:\s|$)|-+$")
_NUMBERED = re.compile(r"\d+(?=[.)](?:\s|$))")
# A list item that prints its own number (``1.``, ``2、``, ``（三）``) is written as it
# was printed, one paragraph each: a Markdown bullet before it would read ``• 1.``.
_OWN_NUMBER = re.compile(
    r"\d{1,3}[.)、]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
)


# Before a figure's caption. The label is in the articles' language (they are Chinese
# text), as a caption printed under a photo would be, whatever the site's language.
FIGURE = "［图］"


def escape(text: str) -> str:
    """Escape ``text`` for use inside a Markdown paragraph, list item or heading."""
    out = _escape_inline(text)
    numbered = _NUMBERED.match(out)
    if numbered:  # "1. text" would start an ordered list
        return numbered.group() + "\\" + out[numbered.end() :]
    return "\\" + out if _LINE_START.match(out) else out


def _escape_inline(text: str) -> str:
    out = _entities(_INLINE.sub(r"\\\1", text))
    return _END_TITLE.sub("&lt;\u2060", out) if "&lt;" in out else out


def escape_attr(text: str) -> str:
    """Escape ``text`` for an HTML attribute value in double quotes."""
    return _entities(text)


def _entities(text: str) -> str:
    # ``&`` first, so no entity is escaped twice. Four ``replace`` calls, not one
    # ``str.translate``: translate looks every character up, which for Chinese text is
    # twenty times slower, and every paragraph of every article goes through here.
    if "&" in text:
        text = text.replace("&", "&amp;")
    return text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


@dataclass(frozen=True)
class Mark:
    """Wrap ``text[start:end]`` of a block in ``<mark>`` (a quoted passage)."""

    start: int
    end: int
    event_id: str
    title: str = ""
    href: str = ""  # a backlink placed right after the passage, e.g. to the event page


def inline(text: str, strong: Sequence[tuple[int, int]] = (), marks: Sequence[Mark] = ()) -> str:
    """``text`` as escaped Markdown, with bold ranges and ``<mark>`` highlights.

    Ranges may overlap; tags are closed and reopened at each boundary so the
    output always nests properly.
    """
    if not strong and not marks:
        return escape(text)  # most paragraphs: one piece, nothing to open or close
    cuts = {0, len(text)}
    for start, end in strong:
        cuts.update((start, end))
    ordered = sorted(marks, key=lambda m: (m.start, -m.end, m.event_id))
    for mark in ordered:
        cuts.update((mark.start, mark.end))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    out: list[str] = []
    open_marks: list[Mark] = []
    bold = False
    for a, b in pairwise(points):
        want = [m for m in ordered if m.start <= a and b <= m.end]
        want_bold = any(s <= a and b <= e for s, e in strong)
        keep = _common_prefix(open_marks, want)
        if bold and (not want_bold or keep < len(open_marks) or keep < len(want)):
            out.append("**")  # bold is innermost: close it before any mark changes
            bold = False
        out.extend("</mark>" for _ in open_marks[keep:])
        out.extend(_open_mark(m) for m in want[keep:])
        open_marks = want
        if want_bold and not bold:
            out.append("**")
            bold = True
        out.append(escape(text[a:b]) if a == 0 else _escape_inline(text[a:b]))
        ending = [m for m in open_marks if m.end == b and m.href]
        if ending:  # close everything so the backlinks sit outside the highlight
            out.append("**" if bold else "")
            out.extend("</mark>" for _ in open_marks)
            out.extend(f'[↩]({m.href} "{escape_attr(m.title)}")' for m in ending)
            bold, open_marks = False, []
    if bold:
        out.append("**")
    out.extend("</mark>" for _ in open_marks)
    return "".join(out)


def _common_prefix(a: list[Mark], b: list[Mark]) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def _open_mark(mark: Mark) -> str:
    title = f' title="{escape_attr(mark.title)}"' if mark.title else ""
    return f'<mark class="cite" data-event="{escape_attr(mark.event_id)}"{title}>'


def block(blk: Block, marks: Sequence[Mark] = (), anchors: bool = False) -> str:
    """One block as Markdown; with ``anchors`` it carries ``{: #pN }`` for deep links."""
    text = inline(blk.text, blk.strong, marks)
    attr = f"{{: #{blk.anchor} }}" if anchors and blk.anchor else ""
    if blk.kind == "heading":
        return "#" * max(2, min(blk.level, 6)) + " " + text
    if blk.kind == "item" and not numbered(blk):
        return f"- {text}" + (f"\n  {attr}" if attr else "")
    if blk.kind == "quote":
        return f"> {text}" + (f"\n> {attr}" if attr else "")
    if blk.kind == "figure":
        # A note in place of the image (never fetched or linked): its caption.
        note = f"{{: .tl-figure #{blk.anchor} }}" if anchors and blk.anchor else ""
        return FIGURE + text + (f"\n{note}" if note else "")
    return text + (f"\n{attr}" if attr else "")


def numbered(blk: Block) -> bool:
    """A list item that carries its own printed number."""
    return blk.kind == "item" and _OWN_NUMBER.match(blk.text) is not None


# Under ``mkdocs serve`` every save writes every article page again; most of their
# paragraphs and marks did not change (blocks and marks are frozen, compared by value).
@functools.lru_cache(maxsize=1 << 16)
def _kept_block(blk: Block, marks: tuple[Mark, ...], anchors: bool) -> str:
    return block(blk, marks, anchors)


def blocks(
    items: Iterable[Block],
    marks: dict[str, list[Mark]] | None = None,
    anchors: bool = False,
) -> str:
    """Blocks joined as Markdown: list items in one list, everything else apart."""
    parts: list[str] = []
    prev_item = False
    for blk in items:
        text = _kept_block(blk, tuple((marks or {}).get(blk.anchor, ())), anchors)
        if parts:
            parts.append("\n" if blk.kind == "item" and prev_item else "\n\n")
        parts.append(text)
        prev_item = blk.kind == "item" and not numbered(blk)
    return "".join(parts) + "\n" if parts else ""


def article(art: Article) -> str:
    """The cleaned article as portable Markdown: headline, byline line, body."""
    head = [f"# {escape(art.title)}"]
    meta = [m for m in (art.author, art.publication, art.date.zh() if art.date else None) if m]
    if meta:
        head.append(escape(" · ".join(meta)))
    return "\n\n".join(head) + "\n\n" + blocks(art.blocks)
