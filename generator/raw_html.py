"""A Python-Markdown extension: whole blocks of HTML set aside unparsed.

The generated pages are mostly HTML blocks (an event's head, its quotes, an article's
cleaning report), and every tag of every block is read twice by a pure-Python HTML
parser — by MkDocs for anchor ids, by Python-Markdown for blocks — only for the block to
pass through unchanged: half of converting a generated page (2,458 pages of a
1,000-article site: 14.5 s on one core, 7.0 s with this extension). A block that is
plainly whole — it stands between blank lines, opens with a block-level tag and closes
that same tag on its last line — is put in the stash here, exactly as the parser would
put it there, and the parser sees only its placeholder. Anything less plain is left to
the parser, and so is the rest of the page once a block that might run on past a blank
line has been seen.

It runs before Python-Markdown's own HTML block step and before MkDocs reads the page's
HTML for anchor ids; the ids of the blocks it set aside are handed to MkDocs' reader
once that has run, so links to ``#source-1`` are checked as before. The HTML that comes
out, and the ids, are the same (held to that in ``tests/test_raw_html.py``).
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

NAME = "generator.raw_html"
# Before MkDocs' anchor reader (21) and Python-Markdown's HTML blocks (20); the ids go
# back to the reader just after it has run.
PRIORITY = 21.5
ANCHORS_PRIORITY = 20.5
ANCHOR_READER = "mkdocs_raw_html"  # MkDocs 1.6's preprocessor that reads the ids
_OPENING = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)[\s>]")
# A line where the parser may start a block of HTML (up to three spaces, as it allows).
_LINE_START = re.compile(r"^ {0,3}<(?:[!?/]|([A-Za-z][A-Za-z0-9-]*))", re.MULTILINE)
# What the parser reads differently from plain tags: comments, declarations, processing
# instructions, raw-text elements, and md_in_html's request to read Markdown inside.
_NOT_PLAIN = re.compile(r"<!|<\?|<script|<style|<textarea|markdown", re.IGNORECASE)
# Anything that starts like markup, and a tag that also ends within the chunk: the parser
# reads on past a blank line for the end of a tag left open (``<a title=``), and reads
# the rest of the page as text after a character reference it cannot finish (``&#``).
_MARKUP = re.compile(r"<[A-Za-z/!?]")
_BROKEN_REFERENCE = re.compile(r"&#(?!(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F])")
_ATTRIBUTE = r"""\s+([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
_TAG = re.compile(rf"</?[A-Za-z][A-Za-z0-9-]*(?:{_ATTRIBUTE})*\s*/?>")
_START_TAG = re.compile(rf"<([A-Za-z][A-Za-z0-9-]*)((?:{_ATTRIBUTE})*)\s*/?>")


class RawHtmlBlocks(Preprocessor):  # type: ignore[misc, unused-ignore]
    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.anchors: set[str] = set()  # the ids in the blocks set aside

    def run(self, lines: list[str]) -> list[str]:
        self.anchors = set()
        text = "\n".join(lines)
        if not _complete(text):
            # Where the parser gives up on a tag or a reference, what it makes of the rest
            # depends on where things stand in the page: nothing is moved.
            return lines
        chunks = text.split("\n\n")
        for n, chunk in enumerate(chunks):
            body = chunk.lstrip("\n")
            elements = self._elements(body)
            if elements:
                # The parser keeps the line break of a block a blank line follows.
                elements[-1] += "\n" if n + 1 < len(chunks) else ""
                stored = [self.md.htmlStash.store(element) for element in elements]
                self.anchors.update(anchor for e in elements for anchor in anchors(e))
                chunks[n] = chunk[: len(chunk) - len(body)] + "\n\n".join(stored)
            elif self._may_open(chunk):
                break  # a block left to the parser may run on: the rest is its to read
        return "\n\n".join(chunks).split("\n")

    def _elements(self, body: str) -> list[str]:
        """``body`` as the block-level elements it is made of, each from the start of a
        line to the end of one, or ``[]`` if it is anything else."""
        if _NOT_PLAIN.search(body) or not _complete(body):
            return []
        elements: list[str] = []
        start = 0
        while start < len(body):
            end = self._element_end(body, start)
            if end is None or (end < len(body) and body[end] != "\n"):
                return []  # text after it on its line is Markdown
            elements.append(body[start:end])
            start = end + 1
        return elements

    def _element_end(self, body: str, start: int) -> int | None:
        """Where the block-level element that opens at ``start`` ends (after its end tag)."""
        found = _OPENING.match(body, start)
        if found is None or not self.md.is_block_level(found.group(1).lower()):
            return None
        depth = 0
        tag = re.compile(rf"<(/?){re.escape(found.group(1))}(?=[\s>])", re.IGNORECASE)
        for mark in tag.finditer(body, start):
            depth += -1 if mark.group(1) else 1
            if depth == 0:
                # ``</div >`` is read with its space; only the plain end tag is taken.
                return mark.end() + 1 if body.startswith(">", mark.end()) else None
        return None

    def _may_open(self, chunk: str) -> bool:
        """Whether the parser could start reading HTML anywhere in ``chunk`` (or read what
        follows as anything but plain tags)."""
        if _NOT_PLAIN.search(chunk):
            return True
        for line in _LINE_START.finditer(chunk):
            tag = line.group(1)
            if tag is None or self.md.is_block_level(tag.lower()):
                return True
        return not _complete(chunk)


def _complete(chunk: str) -> bool:
    """Every tag and character reference in ``chunk`` ends there (a blank line follows)."""
    if _BROKEN_REFERENCE.search(chunk + "\n"):
        return False
    return all(_TAG.match(chunk, m.start()) for m in _MARKUP.finditer(chunk))


def anchors(html: str) -> set[str]:
    """The ids MkDocs' reader finds in ``html``: every tag's ``id``, an ``<a>``'s
    ``name`` (names lowercased and values unescaped, as the HTML parser gives them)."""
    found: set[str] = set()
    for tag in _START_TAG.finditer(html):
        for name, value in re.findall(_ATTRIBUTE, tag.group(2)):
            name = name.lower()
            if not value:
                continue  # no value: the parser gives None, which no link names
            if name == "id" or (name == "name" and tag.group(1).lower() == "a"):
                found.add(unescape(value[1:-1] if value[:1] in "'\"" else value))
    return found


class AnchorsBack(Preprocessor):  # type: ignore[misc, unused-ignore]
    """Adds the ids of the blocks set aside to what MkDocs' reader found in the rest."""

    def __init__(self, md: Markdown, blocks: RawHtmlBlocks) -> None:
        super().__init__(md)
        self.blocks = blocks

    def run(self, lines: list[str]) -> list[str]:
        if ANCHOR_READER in self.md.preprocessors:
            self.md.preprocessors[ANCHOR_READER].present_anchor_ids |= self.blocks.anchors
        return lines


class RawHtmlExtension(Extension):  # type: ignore[misc, unused-ignore]
    def extendMarkdown(self, md: Markdown) -> None:
        blocks = RawHtmlBlocks(md)
        md.preprocessors.register(blocks, "timeline_raw_html", PRIORITY)
        md.preprocessors.register(AnchorsBack(md, blocks), "timeline_anchors", ANCHORS_PRIORITY)


def makeExtension(**kwargs: Any) -> RawHtmlExtension:
    return RawHtmlExtension(**kwargs)
