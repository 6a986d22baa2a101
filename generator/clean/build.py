"""Assembling one article from its lines: title, deck, body, sidebar, metadata.

Every non-blank line of the article's part of the file ends up in exactly one
place: in a block (its number in ``Block.lines``), or in ``dropped`` with a
reason. Lines that became metadata are listed there too, as ``headline``,
``byline`` or ``dateline``, so nothing is ever lost silently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Block, Dropped, numbered
from . import dates, header, meta, publication, titles
from .blocks import kinds, make_blocks
from .chars import ends_sentence
from .fixes import fix_text, spaced_style
from .lines import Line
from .markdown import Meta, parse_meta
from .phrases import phrase_reason
from .reflow import Layout, Unit, units
from .split import Segment
from .text import Styled, concat
from .zone import is_label, pick_title, title_joiner, top_matter

Piece = tuple[str, Styled, tuple[int, ...], int]
_URL = re.compile(r"https?://[^\s<>\"'，。）)】]+")
_MASTHEAD_LINES = 3  # a copied page opens with its title bar or the site's name
_TRAILING_LINES = 4  # date and time lines closing a release, and a label after them
_LABEL_WIDTH = 8


@dataclass
class Draft:
    title: str
    blocks: list[Block]
    dropped: list[Dropped]
    author: str | None = None
    publication: str | None = None
    local: bool = False  # the byline says "this paper" without naming it
    evidence: dates.DateEvidence = field(default_factory=dates.DateEvidence)
    meta_line: Meta | None = None  # the meta line of cleaned Markdown, when read back
    page_date: dates.Ymd | None = None  # from a header line: the page's date
    url: str | None = None


def build(seg: Segment, layout: Layout, markdown: bool = False) -> Draft:
    lines = seg.lines
    draft = Draft("", [], [])
    head, sidebar, bylines, found = _top(seg, layout, markdown, draft)
    kicker, main, subtitle = pick_title(head)
    for line in kicker:
        if is_label(line.text):
            line.reason = "column"
    kicker = [line for line in kicker if line.reason is None]
    for part, role in ((kicker, "kicker"), (subtitle, "subtitle")):
        for line in part:
            line.role = role
    pieces: list[Piece] = [_deck(part) for part in (kicker, subtitle) if part]
    body = units(lines, layout, markdown)
    for unit, kind in zip(body, kinds(body, layout, markdown), strict=True):
        if kind == "caption":
            for line in unit.lines:
                line.reason = "caption"
        else:
            pieces.append((kind, unit.styled(), unit.numbers, unit.level))
    credit = _take_credit(pieces, draft) if not markdown else ()
    pieces += [(_plain_kind(u), u.styled(), u.numbers, 2) for u in sidebar]
    title_text = _join_title(main)
    # Decided on the article's own text, so that cleaning the cleaned article again
    # (where the dropped lines are gone) decides the same; the title is left out
    # because a title made from the first sentence exists only the second time.
    keep_mixed = spaced_style([p[1].text for p in pieces])
    draft.blocks = make_blocks(pieces, keep_mixed)
    title = title_text if main else Styled(titles.derive_title(draft.blocks))
    draft.title = fix_text(title, keep_mixed, headline=True).text
    original = titles.original_title([ln.text for ln in lines])
    if original and not markdown:
        draft.title = original  # the display headline was the portal's rewrite
    if not markdown:
        _drop_echo(draft, lines)
    _metadata(draft, bylines, credit, found, lines, layout.wrapped)
    draft.dropped = sorted(_dropped(lines) + draft.dropped, key=lambda d: d.line)
    return draft


def _top(
    seg: Segment, layout: Layout, markdown: bool, draft: Draft
) -> tuple[list[Line], list[Unit], list[meta.Byline], Meta | None]:
    """Headline lines, sidebar units, bylines and (Markdown) meta line of the article."""
    if markdown:
        head, byline = _markdown_top(seg.lines)
        if byline is not None:
            byline.role = "byline"
        return head, [], [], parse_meta(byline.text) if byline else None
    bylines = [seg.byline] if seg.byline else []
    sidebar: list[Unit] = []
    if seg.head:
        head = seg.head
        for line in head:
            line.role = "headline"
        if seg.byline_line is not None:
            seg.byline_line.role = "byline"
        if seg.head_first:
            _drop_before(seg.lines, head[0])
    else:
        top = top_matter(seg.lines, layout)
        head, sidebar = top.head, top.sidebar
        if top.byline is not None:
            top.byline.role = "byline"
            parsed = meta.parse_byline(top.byline.text)
            bylines += [parsed] if parsed else []
    return head, sidebar, bylines + _pull_bylines(seg.lines, draft), None


def _markdown_top(lines: Sequence[Line]) -> tuple[list[Line], Line | None]:
    """The ``# title`` line and the meta line right under it, if there is one."""
    live = [ln for ln in lines if ln.live]
    if not live or live[0].kind != "title":
        return [], None
    title = live[0]
    title.role = "headline"
    if len(live) > 1 and live[1].kind == "text" and parse_meta(live[1].text):
        return [title], live[1]
    return [title], None


def _drop_before(lines: Sequence[Line], first: Line) -> None:
    """Headline first: what stands above the headline is a column label or a teaser
    (but a date or byline line there is metadata, read later)."""
    for line in lines:
        if line is first:
            return
        if line.live and line.role == "" and not _meta_line(line.text):
            line.reason = "column" if line.width <= 16 else "summary"


def _meta_line(text: str) -> bool:
    return header.date_line(text) is not None or meta.parse_byline(text) is not None


def _pull_bylines(lines: Sequence[Line], draft: Draft) -> list[meta.Byline]:
    """Byline and date lines standing on their own among the text become metadata."""
    out: list[meta.Byline] = []
    started = False
    for line in lines:
        if not line.live or line.role not in ("", "body") or line.kind != "text":
            continue
        parsed = meta.parse_byline(line.text)
        if parsed is not None:
            line.role = "byline"
            out.append(parsed)
            continue
        # Only before the text starts: a date line further down is the text's own.
        when = header.date_line(line.text) if not started else None
        if when is not None:
            line.role = "dateline"
            draft.evidence.exact = draft.evidence.exact or when
            continue
        started = True
    _trailing_date(lines, draft)
    return out


def _trailing_date(lines: Sequence[Line], draft: Draft) -> None:
    """A release may close with its date and time (``2020年3月23日（星期一）`` /
    ``香港時間18時30分``): metadata, when printed as header lines are, not as a letter's
    date."""
    tail = [ln for ln in lines if ln.live and ln.role in ("", "body") and ln.kind == "text"]
    for line in reversed(tail[-_TRAILING_LINES:]):
        found = header.parse(line.text)
        if found is None and line.width <= _LABEL_WIDTH and not ends_sentence(line.text):
            continue  # a menu's label after the date (``即日新聞``)
        if found is None or not found.marked:
            return
        line.role = "dateline"
        if found.date is not None and draft.evidence.exact is None:
            draft.evidence.exact = found.date


def _deck(part: Sequence[Line]) -> Piece:
    joined = concat([ln.styled for ln in part])
    return ("paragraph", joined, tuple(ln.no for ln in part), 2)


def _plain_kind(unit: Unit) -> str:
    return {"heading": "heading", "item": "item", "quote": "quote"}.get(unit.kind, "paragraph")


def _join_title(main: Sequence[Line]) -> Styled:
    parts: list[Styled] = []
    for prev, line in zip([None, *main], main, strict=False):
        if prev is not None:
            parts.append(Styled(title_joiner(prev.text, line.text)))
        parts.append(line.styled)
    return concat(parts)


def _take_credit(pieces: list[Piece], draft: Draft) -> tuple[str, ...]:
    """A reporter's credit in brackets closing the text: move it to the byline."""
    for k in range(len(pieces) - 1, -1, -1):
        kind, styled, numbers, level = pieces[k]
        if kind not in ("paragraph", "quote"):
            continue
        found = meta.trailing_credit(styled.text)
        if found is None:
            continue
        names, start = found
        credit = styled.text[start:].strip()
        pieces[k] = (kind, styled.slice(0, start).strip(), numbers, level)
        draft.dropped.append(Dropped(numbers[-1], credit, "byline"))
        return names
    return ()


def _metadata(
    draft: Draft,
    bylines: list[meta.Byline],
    credit: tuple[str, ...],
    found: Meta | None,
    lines: Sequence[Line],
    printed: bool,
) -> None:
    if found is not None:
        draft.author, draft.publication, draft.meta_line = found.author, found.publication, found
        return
    # Header lines that carry a source, a byline or a URL along with the date.
    heads = [ln.text for ln in lines if ln.reason == "source" or ln.role == "dateline"]
    heads += [d.text for d in draft.dropped if d.reason == "source"]
    parsed = [h for h in map(header.parse, heads) if h is not None]
    draft.page_date = next((h.date for h in parsed if h.date), None)
    draft.evidence.exact = draft.page_date or draft.evidence.exact
    embedded = [b for b in map(meta.embedded_byline, heads) if b is not None]
    first = draft.blocks[0].text if draft.blocks else ""
    names = (
        next((b.names for b in [*bylines, *embedded] if b.names), ())
        or next(((h.author,) for h in parsed if h.author), ())
        or credit
        or meta.dateline_credit(first)
    )
    draft.author = meta.join_names(names) if names else None
    draft.local = any(b.local for b in bylines)
    texts = [draft.title, *(b.text for b in draft.blocks)]
    draft.publication = (
        next((h.publication for h in parsed if h.publication), None)
        or next((b.publication for b in [*bylines, *embedded] if b.publication), None)
        or next((p for p in map(publication.source_publication, heads) if p), None)
        or next(
            (ln.text for ln in lines if ln.reason == "source" and publication.bare_name(ln.text)),
            None,
        )
        or publication.source_publication(first)
        or publication.dateline_agency(first)
        or publication.publication_in_text("\n".join(texts))
        or publication.site_name(
            [ln.text for ln in lines[:_MASTHEAD_LINES] if ln.no <= _MASTHEAD_LINES]
        )
        or (None if printed else _masthead(lines))  # a printed page's top is its section
    )
    draft.url = next((m.group(0) for s in heads if (m := _URL.search(s))), None)
    for block in draft.blocks[:2]:
        when = dates.dateline(block.text)
        if when is not None and draft.evidence.exact is None:
            draft.evidence.exact = when
    dates.collect(texts, draft.evidence)


def _drop_echo(draft: Draft, lines: Sequence[Line]) -> None:
    """A page that prints its headline again in brackets (``【标题】`` under the text)."""
    echo = f"【{draft.title}】".replace(" ", "")
    keep = [b for b in draft.blocks if b.text.replace(" ", "") != echo or len(b.lines) != 1]
    if len(keep) == len(draft.blocks):
        return
    for block in draft.blocks:
        if block not in keep:
            lines[block.lines[0] - lines[0].no].role = "headline"  # reported with the title
    draft.blocks = list(numbered(keep))


def _masthead(lines: Sequence[Line]) -> str | None:
    """The first line of the page, when it was left out as the page's furniture by where
    it stands (a menu's first entry, a column above the headline), not by its wording."""
    first = next((ln for ln in lines if not ln.blank), None)
    if first is None or first.no > _MASTHEAD_LINES or first.reason not in ("navigation", "column"):
        return None
    return publication.masthead(first.text) if phrase_reason(first.text) is None else None


def _dropped(lines: Sequence[Line]) -> list[Dropped]:
    out: list[Dropped] = []
    for line in lines:
        if line.blank and line.reason is None:
            continue
        if line.reason is not None:
            out.append(Dropped(line.no, line.raw.strip(), line.reason))
        elif line.role in ("headline", "byline", "dateline"):
            out.append(Dropped(line.no, line.raw.strip(), line.role))
    return out
