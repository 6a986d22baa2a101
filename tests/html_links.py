"""Reading generated pages as a reader's browser will: their links, anchors and cards.

A generated page is Markdown with HTML blocks. A Markdown link names a ``.md`` file
(or a published file) relative to the page's source, and MkDocs rewrites it. A link
inside an HTML block is a final directory URL (``../../tags/x/``) relative to the
page's own published URL (:func:`generator.paths.url_of`), and nothing rewrites it: a
``.md`` link there would be broken on the site. :func:`links` reads both kinds and says
which page (``tags/x.md``) or file (``raw/x.txt``) each one reaches, so tests can
follow them.
"""

from __future__ import annotations

import html
import posixpath
import re
import urllib.parse
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from generator import paths

_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
# An element that links somewhere, its attributes (quoted values may hold ``>``).
_LINKING = re.compile(r"""<(a|img|script|link)\b((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.IGNORECASE)
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_END_A = re.compile(r"</a\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
# ``[text](target "title")``, not an image, not an escaped bracket.
_MD_LINK = re.compile(r'(?<![!\\])\[((?:\\.|[^\\\]])*)\]\(<?([^)\s>]*)>?(?:\s+"[^"]*")?\)')
_ID = re.compile(r"""\sid\s*=\s*["']([^"']*)["']""")


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """A page's YAML front matter (read as MkDocs reads it) and the page without it."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    meta = yaml.safe_load(match.group(1))
    assert isinstance(meta, dict), match.group(1)
    return meta, text[match.end() :]


def body(text: str) -> str:
    """The page as MkDocs hands it to Markdown: without its front matter."""
    return split_front_matter(text)[1]


def attributes(attrs: str) -> dict[str, str]:
    """An element's attributes, values entity-decoded (a bare attribute's value is "")."""
    out: dict[str, str] = {}
    for match in _ATTR.finditer(attrs):
        value = next((v for v in match.groups()[1:] if v is not None), "")
        out.setdefault(match.group(1).lower(), html.unescape(value))
    return out


def text_of(fragment: str) -> str:
    """What a reader sees of an HTML fragment: tags removed, entities decoded."""
    return html.unescape(_TAG.sub("", fragment))


@dataclass(frozen=True)
class Link:
    position: int  # where it starts in the page's text
    text: str  # what the reader sees (for an element without text: "")
    href: str  # the target as written, entity-decoded
    target: str | None  # page path ("tags/x.md") or file ("raw/x.txt"); None: another site
    anchor: str | None
    markdown: bool  # a Markdown link (MkDocs rewrites it) rather than an HTML one
    attrs: dict[str, str]  # the HTML element's attributes ({} for a Markdown link)
    tag: str = "a"


def page_of_url(url: str, pages: Collection[str]) -> str:
    """The page published at a site-root URL (``tags/x/`` -> ``tags/x.md``), else ``url``."""
    if url == "":
        candidates = [paths.HOME]
    elif url.endswith("/"):
        candidates = [url[:-1] + ".md", url + "index.md"]
    else:
        return url  # a file (``raw/x.txt``, ``feed.xml``), never a page
    return next((page for page in candidates if page in pages), url)


def resolve(
    page: str, href: str, pages: Collection[str], *, markdown: bool
) -> tuple[str | None, str | None]:
    """Where ``href`` on ``page`` leads: (page or file, anchor); (None, anchor) off-site.

    Markdown links are read as MkDocs reads them, relative to the page's source file;
    HTML links as a browser reads them, relative to the page's directory URL.
    """
    parts = urllib.parse.urlsplit(href)
    anchor = urllib.parse.unquote(parts.fragment) or None
    if parts.scheme or parts.netloc:
        return None, anchor
    path = urllib.parse.unquote(parts.path)
    if not path:
        return page, anchor
    if markdown:
        return posixpath.normpath(posixpath.join(posixpath.dirname(page), path)), anchor
    joined = posixpath.normpath(posixpath.join(paths.url_of(page), path))
    url = "" if joined == "." else joined + "/" if path.endswith("/") else joined
    return page_of_url(url, pages), anchor


def _html_links(page: str, text: str, pages: Collection[str]) -> Iterator[Link]:
    for match in _LINKING.finditer(text):
        tag = match.group(1).lower()
        attrs = attributes(match.group(2))
        href = attrs.get("href" if tag in ("a", "link") else "src")
        if href is None:
            continue
        shown = ""
        if tag == "a":
            end = _END_A.search(text, match.end())
            assert end is not None, (page, match.group(0))
            shown = text_of(text[match.end() : end.start()])
        target, anchor = resolve(page, href, pages, markdown=False)
        yield Link(match.start(), shown, href, target, anchor, False, attrs, tag)


def _markdown_links(page: str, text: str, pages: Collection[str]) -> Iterator[Link]:
    for match in _MD_LINK.finditer(text):
        href = match.group(2)
        target, anchor = resolve(page, href, pages, markdown=True)
        shown = re.sub(r"\\(.)", r"\1", match.group(1))
        yield Link(match.start(), shown, href, target, anchor, True, {})


def links(page: str, text: str, pages: Collection[str]) -> list[Link]:
    """Every link in ``text`` (a page, or part of one, published at ``page``), in order."""
    found = [*_html_links(page, text, pages), *_markdown_links(page, text, pages)]
    return sorted(found, key=lambda link: link.position)


def ids(rendered: str) -> set[str]:
    """The ``id`` attributes of rendered HTML: what an anchor can land on."""
    return set(_ID.findall(rendered))


_CARD = re.compile(r"<li\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")


def event_cards(text: str) -> list[str]:
    """The ids of the event cards (``<li class="tl-event …" id="EVENT_ID">``), in order."""
    found = []
    for match in _CARD.finditer(text):
        attrs = attributes(match.group(1))
        if "tl-event" in attrs.get("class", "").split():
            found.append(attrs.get("id", ""))
    return found
