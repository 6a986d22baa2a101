"""trafilatura on one parsed page: the main text as typed pieces, and the metadata.

The body trafilatura keeps is an XML tree (``p``, ``head``, ``list``/``item``,
``quote``, ``hi`` for bold, ``graphic``, ``table``); it becomes a flat list of
:class:`Piece` in reading order, the shape the cleaner's blocks have. Images are
never fetched or linked: a ``graphic`` becomes a ``figure`` piece holding its caption.
"""

from __future__ import annotations

import re
from configparser import ConfigParser
from dataclasses import dataclass

import trafilatura
from lxml import etree
from trafilatura.settings import Document, use_config

from ..model import BlockKind

# Above this many elements trafilatura runs its own extractor only, without the
# fallback algorithms (jusText, readability) that double its time on a huge page.
FAST_ABOVE = 10_000
# A caption is a line, not a paragraph: text after an image longer than this is the
# article going on (trafilatura leaves a figure's caption as the text after it).
MAX_CAPTION = 80
# ``<meta>`` names that state who published the article (government portals' CMS
# write ``ContentSource``; some portals ``source``), in order of trust. They outrank the
# site's own name: a city portal publishes releases of its bureaus.
SOURCE_META = ("contentsource", "source", "article:source")
# An article has at least this many Han characters outside links (a short news flash
# has some fifty), and at most this share of its text in links.
MIN_ARTICLE_HAN = 30
MAX_LINK_SHARE = 0.5
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
_SOURCE_LABEL = re.compile(r"^\s*(?:来源|來源|稿源|出处|出處)\s*[:：]\s*")  # in the value, too
_BLOCKS = frozenset({"p", "list", "head", "quote", "table", "graphic"})
_SPACE = re.compile(r"[ \t\r\n\u00a0]+")


@dataclass(frozen=True)
class Piece:
    kind: BlockKind
    text: str
    strong: tuple[tuple[int, int], ...] = ()
    level: int = 2


@dataclass(frozen=True)
class Extract:
    pieces: tuple[Piece, ...]
    title: str | None
    author: str | None
    date: str | None  # ISO ``YYYY-MM-DD``
    sitename: str | None
    source: str | None = None  # the outlet a ``<meta>`` names as the article's source
    page_title: str | None = None  # the page's <title>


def _config() -> ConfigParser:
    config = use_config()
    # The page size is bounded by the reader; the timeout uses signals, which only work
    # in the main thread (MkDocs' live reload builds in another).
    config.set("DEFAULT", "MAX_FILE_SIZE", str(64 * 1024 * 1024))
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    # Below this many characters trafilatura distrusts its result and tries its fallback
    # extractors, which glue paragraphs together. Its default (250) is set for
    # alphabetic text; 250 Chinese characters are a whole short news story.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "60")
    return config


_CONFIG = _config()


def extract(tree: etree._Element) -> Extract | None:
    """The article of a page, or None when trafilatura finds none (a front page)."""
    source = declared_source(tree)  # before trafilatura, which prunes the tree
    page_title = _clean(tree.findtext(".//title"))
    links = {_SPACE.sub("", "".join(a.itertext())) for a in tree.iter("a")}
    _caption_images(tree)
    doc = trafilatura.bare_extraction(
        tree,
        fast=sum(1 for _ in tree.iter()) > FAST_ABOVE,
        include_formatting=True,
        include_images=True,
        include_links=True,  # a link's text as a run of its own; the text is kept, not the link
        include_tables=True,
        include_comments=False,
        with_metadata=True,
        # Only what the page declares (meta tags, JSON-LD, <time>), never a guess from
        # dates in the text: those belong to related links as often as to the article.
        date_extraction_params={"extensive_search": False, "original_date": True},
        config=_CONFIG,
    )
    if not isinstance(doc, Document) or doc.body is None or not _is_article(doc.body, links):
        return None
    pieces = tuple(p for p in _pieces(doc.body) if p.text)
    if not pieces:
        return None
    meta = (_clean(doc.title), _clean(doc.author), doc.date, _clean(doc.sitename))
    return Extract(pieces, *meta, source=source, page_title=page_title)


def _caption_images(tree: etree._Element) -> None:
    """Give each image in a ``<figure>`` its ``<figcaption>`` as ``alt``: trafilatura
    keeps an image's ``alt`` but drops a caption it cannot place."""
    for figure in tree.iter("figure"):
        caption = next(figure.iter("figcaption"), None)
        text = _clean("".join(caption.itertext())) if caption is not None else None
        for img in figure.iter("img") if text else ():
            img.set("alt", text)


def declared_source(tree: etree._Element) -> str | None:
    """The article's source as a ``<meta>`` tag names it, first in :data:`SOURCE_META`."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = str(meta.get("name") or meta.get("property") or "").lower()
        value = _clean(_SOURCE_LABEL.sub("", str(meta.get("content") or "")))
        if key in SOURCE_META and value:
            found.setdefault(key, value)
    return next((found[k] for k in SOURCE_META if k in found), None)


def _is_article(body: etree._Element, links: set[str]) -> bool:
    """Text of its own, not a page of links: a front page's teaser lists and a login
    wall's few words are what trafilatura returns when a page holds no article. A run
    of text that is the whole text of one of the page's links counts as link text
    (trafilatura's fallback extractors keep the text of links, not the links)."""
    total = linked = 0
    for chunk in body.itertext():
        for run in chunk.split("\n"):
            han = len(_HAN.findall(run))
            total += han
            linked += han if _SPACE.sub("", run) in links else 0
    return total - linked >= MIN_ARTICLE_HAN and linked <= MAX_LINK_SHARE * total


def _clean(value: object) -> str | None:
    text = _SPACE.sub(" ", value).strip() if isinstance(value, str) else ""
    return text or None


def _pieces(body: etree._Element) -> list[Piece]:
    out: list[Piece] = []
    if body.text and body.text.strip():
        out.append(Piece("paragraph", _flat(body.text)))
    for el in body:
        out.extend(_element(el))
        if el.tail and el.tail.strip():
            out.append(_tail(el, out))
    return out


def _element(el: etree._Element) -> list[Piece]:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "head":
        rend = str(el.get("rend") or "h2")
        level = int(rend[1]) if rend[1:2].isdigit() else 2
        return _lines("heading", el, min(max(level, 2), 6))
    if tag == "list":
        return [p for item in el.iter("item") for p in _lines("item", item) if p.text]
    if tag == "quote":
        return _lines("quote", el)
    if tag == "graphic":
        return [Piece("figure", _flat(el.get("title") or el.get("alt") or ""))]
    if tag == "table":
        return [p for row in el.iter("row") for p in _row(row)]
    return _lines("paragraph", el)


def _row(row: etree._Element) -> list[Piece]:
    """A table row: one paragraph of its cells' text; or, in a layout table (a cell
    that holds paragraphs or lists), each cell's blocks as if the table were not there."""
    if any(c.tag in _BLOCKS for cell in row for c in cell):
        return [p for cell in row for p in _pieces(cell)]
    return [Piece("paragraph", "　".join(_flat("".join(c.itertext())) for c in row))]


def _tail(el: etree._Element, out: list[Piece]) -> Piece:
    """Text left after an element: after an image and short, that image's caption."""
    text = _flat(el.tail or "")
    if el.tag == "graphic" and len(text) <= MAX_CAPTION and out and out[-1].kind == "figure":
        out.pop()
        return Piece("figure", text)
    return Piece("paragraph", text)


def _lines(kind: BlockKind, el: etree._Element, level: int = 2) -> list[Piece]:
    """An element's text as pieces: one per ``<lb/>``-separated line, bold kept."""
    out: list[Piece] = []
    text, strong = "", list[tuple[int, int]]()
    for chunk, bold, is_break in _runs(el):
        if is_break:
            out.append(_piece(kind, text, strong, level))
            text, strong = "", []
            continue
        if bold and chunk:
            strong.append((len(text), len(text) + len(chunk)))
        text += chunk
    out.append(_piece(kind, text, strong, level))
    return [p for p in out if p.text]


def _piece(kind: BlockKind, text: str, strong: list[tuple[int, int]], level: int) -> Piece:
    flat = _SPACE.sub(" ", text)
    lead = len(flat) - len(flat.lstrip())
    stripped = flat.strip()
    ranges = tuple(
        (max(a - lead, 0), min(b - lead, len(stripped)))
        for a, b in strong
        if min(b - lead, len(stripped)) > max(a - lead, 0)
    )
    return Piece(kind, stripped, ranges if len(flat) == len(text) else (), level)


def _runs(el: etree._Element, bold: bool = False) -> list[tuple[str, bool, bool]]:
    """(text, bold, line break) runs of an element, in order."""
    bold = bold or (el.tag == "hi" and "#b" in str(el.get("rend") or ""))
    out: list[tuple[str, bool, bool]] = [(el.text or "", bold, False)]
    for child in el:
        if child.tag == "lb":
            out.append(("", False, True))
        elif child.tag in ("p", "item", "head", "list"):
            out += [("", False, True), *_runs(child, bold), ("", False, True)]
        elif child.tag != "graphic":
            out += _runs(child, bold)
        out.append((child.tail or "", bold, False))
    return out


def _flat(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
