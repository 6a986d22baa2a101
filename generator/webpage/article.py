"""A saved web page through the text cleaner, into the same :class:`Article` as a file.

The extracted pieces are written as the Markdown-like lines the cleaner reads (one per
block, blank lines between), the page's headline where the page prints it (else first),
and cleaned with the furniture rules of raw text: editor credits, QR prompts and share
lines that extraction kept are still dropped, with their reason. Then line numbers are
turned into the page's source lines, the figures go back in place, what extraction left
out joins the cleaning report, and the page's own metadata is laid over what the text
said (:mod:`.metadata`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .. import mdwrite
from ..clean import classify
from ..clean.build import build
from ..clean.dates import YearSpan
from ..clean.files import finish_file
from ..clean.lines import parse_lines
from ..clean.reflow import measure
from ..clean.segment import Segment
from ..clean.split import segments
from ..model import Article, Block, Dropped, RawText, numbered
from . import header, metadata, visible
from .extract import Piece, extract

EXTRACTION = "web-extraction"  # the report's reason for what extraction left out
_TOP = 8  # pieces a page's top (masthead, menu, date) may take before its headline
MAX_SIGNATURE = 40  # characters in one closing line (an issuing body's full name)


@dataclass(frozen=True)
class _Draft:
    text: str  # the lines the cleaner reads
    title: int  # the number of the headline's line in ``text``
    source: dict[int, int]  # cleaner line -> page source line
    figures: dict[int, Piece]  # cleaner line left blank -> the figure there
    plain: dict[int, str]  # cleaner line -> its text as the page shows it (no Markdown)


def clean_page(raw: RawText, span: YearSpan | None = None) -> list[Article]:
    """One saved page -> its article (none when the page holds no article text)."""
    tree = visible.parse(raw.text)
    if tree is None:
        return []
    page = visible.blocks(tree)  # before extraction, which prunes the tree it is given
    got = extract(tree)
    if got is None:
        return []
    title = metadata.headline(got, page)
    pieces, closing = _closing(list(got.pieces), page)
    draft = _draft(pieces, title, page)
    article = _relocate(_clean(raw, draft, span), draft)
    dropped = (*article.dropped, *closing)
    kept = visible.squash(article.title + "".join(b.text for b in article.blocks))
    missed = visible.left_out(page, kept + visible.squash("".join(d.text for d in dropped)))
    head = header.zone(missed, article)
    rows = [Dropped(b.line, b.text, header.reason(b) if b in head else EXTRACTION) for b in missed]
    # A byline the page shows above the text is the text's own: it comes before the
    # author the markup declares (which metadata.apply takes only when none is found).
    named = (header.byline(b.text) for b in head)
    author = article.author or next((n for n in named if n), None)
    article = replace(article, author=author, dropped=tuple(sorted((*dropped, *rows), key=_line)))
    return [metadata.apply(article, got, title, raw.text)]


def _line(row: Dropped) -> int:
    return row.line


def _clean(raw: RawText, draft: _Draft, span: YearSpan | None) -> Article:
    """The text cleaner on the draft, with the page's headline as the article's head."""
    lines = parse_lines(draft.text)
    classify.mark(lines, measure(lines))
    layout = measure(lines)
    head = lines[draft.title - 1]
    head.reason = None  # the page says it is the headline, whatever its shape
    # One page, one article: the byline the splitter finds first is the article's (a
    # second "headline" in the text is a subheading or a teaser).
    first = segments(lines, layout)[0]
    built = build(Segment(lines, [head], first.byline, first.byline_line), layout)
    return finish_file(raw, [built], span)[0]


def _draft(pieces: list[Piece], title: str, page: list[visible.TextBlock]) -> _Draft:
    """The pieces as cleaner lines, a blank line between blocks. The headline stands
    where the page prints it (after a masthead or menu that extraction kept, which the
    cleaner then drops as the top of a page), else first."""
    finder = _Finder(page)
    key = visible.squash(title)
    at = next((k for k, p in enumerate(pieces[:_TOP]) if visible.squash(p.text) == key), None)
    if at is None:
        pieces = [Piece("paragraph", title), *pieces]
        at = 0
    out: list[str] = []
    shown: list[str] = []
    source: dict[int, int] = {}
    figures: dict[int, Piece] = {}
    for k, piece in enumerate(pieces):
        if out:
            out.append("")
            shown.append("")
        no = len(out) + 1
        source[no] = finder.line(piece.text)
        if k == at:
            title_no = no
            out.append(mdwrite.escape(title))  # a plain line, even from an <h1>
            shown.append(title)
        elif piece.kind == "figure":
            figures[no] = piece
            out.append("")
            shown.append("")
        else:
            block = Block(piece.kind, piece.text, "", piece.strong, piece.level)
            out.append(mdwrite.block(block))
            shown.append(piece.text)
    plain = {no: text for no, text in enumerate(shown, start=1) if text}
    return _Draft("\n".join(out), title_no, source, figures, plain)


def _closing(
    pieces: list[Piece], page: list[visible.TextBlock]
) -> tuple[list[Piece], list[Dropped]]:
    """A release's closing lines set flush right (the issuing body, the date): the
    signature, which restates the metadata. Only short lines, only at the very end."""
    right = {visible.squash(b.text): b.line for b in page if b.right}
    out: list[Dropped] = []
    while pieces and len(pieces[-1].text) <= MAX_SIGNATURE:
        line = right.get(visible.squash(pieces[-1].text))
        if line is None:
            break
        out.insert(0, Dropped(line, pieces.pop().text, "signature"))
    return pieces, out


class _Finder:
    """The source line of each extracted text, searched in page order from the last
    one found, so a sentence printed twice (a teaser above the article) maps to the
    copy in the article."""

    def __init__(self, page: list[visible.TextBlock]) -> None:
        self.page = [(b.line, visible.squash(b.text)) for b in page]
        self.at = 0

    def line(self, text: str) -> int:
        key = visible.squash(text)[:16]
        for k in range(self.at, len(self.page)):
            if key and key in self.page[k][1]:
                self.at = k
                return self.page[k][0]
        return self.page[self.at][0] if self.page else 1


def _relocate(article: Article, draft: _Draft) -> Article:
    """Cleaner line numbers -> page source lines, and the figures put back in order."""

    def where(no: int) -> int:
        return draft.source.get(no, draft.source.get(no - 1, 1))

    keyed: list[tuple[int, Block]] = []
    for block in article.blocks:
        first = min(block.lines, default=0)
        keyed.append((first, replace(block, lines=tuple(sorted({where(n) for n in block.lines})))))
    for no, fig in draft.figures.items():
        keyed.append((no, Block("figure", fig.text, "", (), 2, (where(no),))))
    blocks = numbered([b for _, b in sorted(keyed, key=lambda kb: kb[0])])
    # A dropped line is reported as the page shows it, not as the Markdown fed to the
    # cleaner (``**往期推荐**``).
    dropped = tuple(
        replace(d, line=where(d.line), text=draft.plain.get(d.line, d.text))
        for d in article.dropped
    )
    return replace(article, blocks=blocks, dropped=dropped)
