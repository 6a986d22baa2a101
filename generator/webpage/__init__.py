"""Saved web pages (``.html``/``.htm``) as articles.

A page is decoded like any article file (its declared charset first: :mod:`.charset`),
its main text and metadata are taken out with trafilatura (:mod:`.extract`), and the
text goes through the same cleaner as a text file (:mod:`.article`): the same blocks,
anchors, ids and cleaning report. What extraction left out of the page is listed in
the report too, block by block (:mod:`.visible`), so nothing the page showed is lost
without a word.
"""

from __future__ import annotations

from importlib.metadata import version

SUFFIXES = (".html", ".htm")


def is_web_page(name: str) -> bool:
    """A file the reader and cleaner treat as a saved web page, by its suffix."""
    return name.lower().endswith(SUFFIXES)


def extractor_version() -> str:
    """trafilatura's version (read without importing it), for cache keys."""
    return "trafilatura " + version("trafilatura")
