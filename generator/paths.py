"""Where each generated page lives, and safe names for things that come from input.

Pages link to each other by relative ``.md`` paths (MkDocs checks those links and
anchors in ``--strict`` builds); exports need absolute URLs, made by :func:`url_of`.
Every name that reaches a path goes through :func:`safe_name`, so an id from YAML
or a file name cannot climb out of the output folder.
"""

from __future__ import annotations

import functools
import hashlib
import posixpath
import re
import unicodedata

HOME = "index.md"
TIMELINE = "timeline.md"
ARTICLES_INDEX = "articles/index.md"
TAGS_INDEX = "tags/index.md"
ENTITIES_INDEX = "entities/index.md"
RAW_DIR = "raw"

_UNSAFE = re.compile(r"[^\w.-]+", re.UNICODE)


def safe_name(text: str) -> str:
    """A file-name-safe, URL-safe form of ``text``: letters (any script), digits, ``.-_``.

    Never empty, never starting with a dot, so ``..`` and hidden files are impossible.
    Names that had to change get a short hash of the original, so two different
    names (``a/b`` and ``a b``) never share a page.
    """
    name = _UNSAFE.sub("-", unicodedata.normalize("NFC", text).strip()).strip("-.")[:80]
    if name and name == text:
        return name
    return f"{name}-{_digest(text)}" if name else _digest(text)


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


@functools.lru_cache(maxsize=1 << 16)  # a big site asks for the same names again and again
def _page_name(text: str) -> str:
    """:func:`safe_name`, but never ``index`` (in any case): ``articles/index.md`` and
    its siblings are the section indexes, and ``tags/index/2.md`` their further pages."""
    name = safe_name(text)
    if name.lower() != "index":
        return name
    return f"{name}-{_digest(text)}"


def article_page(article_id: str) -> str:
    return f"articles/{_page_name(article_id)}.md"


def event_page(event_id: str) -> str:
    return f"events/{_page_name(event_id)}.md"


def tag_page(tag: str) -> str:
    return f"tags/{_page_name(tag)}.md"


def entity_page(name: str) -> str:
    return f"entities/{_page_name(name)}.md"


def numbered_page(first: str, number: int) -> str:
    """Page ``number`` of a list split over several pages, page 1 being ``first``.

    ``tags/x.md`` -> ``tags/x/2.md``: the folder ``tags/x/`` belongs to that one tag
    (a safe name has no ``/``), and ``tags/index/`` to the index (no page is named
    ``index``), so the further pages of two lists can never share a path.
    """
    if number < 1:
        raise ValueError(f"page numbers start at 1, not {number}")
    return first if number == 1 else f"{first.removesuffix('.md')}/{number}.md"


def timeline_month(year: int, month: int | None) -> str:
    """The first timeline page of a month (``month`` None: the year's undated events)."""
    name = f"{year:04d}-{month:02d}" if month else f"{year:04d}"
    return f"timeline/{safe_name(name)}.md"


def raw_file(name: str) -> str:
    """Where a raw article is published: always as a ``.txt`` file (served as plain text).

    A ``.md`` source published under its own name is a page to MkDocs, rendered with
    raw HTML on: the uncleaned source, any ``<script>`` in it included, as a web page.
    """
    safe = safe_name(name)
    return f"{RAW_DIR}/{safe}" if safe.lower().endswith(".txt") else f"{RAW_DIR}/{safe}.txt"


def link(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """Relative link from one generated page to another (both site-root paths)."""
    rel = _relative(posixpath.dirname(from_page), to_page)
    return f"{rel}#{anchor}" if anchor else rel


@functools.lru_cache(maxsize=4096)
def _up(folder: str, target_folder: str) -> str:
    """The ``../`` prefix and folder path from ``folder`` to ``target_folder``."""
    rel = posixpath.relpath(target_folder or ".", folder or ".")
    return "" if rel == "." else rel + "/"


def _relative(folder: str, to_page: str) -> str:
    # Site-root paths are already normal (no ``..``), and a site has a handful of
    # folders, so only the folder pair goes through ``relpath`` (once, cached):
    # links are made hundreds of thousands of times on a big timeline.
    target_folder, _, name = to_page.rpartition("/")
    return _up(folder, target_folder) + name


@functools.lru_cache(maxsize=1 << 16)
def url_of(page: str, site_url: str = "", anchor: str | None = None) -> str:
    """The public URL of a page with directory URLs: ``articles/x.md`` -> ``articles/x/``."""
    path = page
    if path.endswith(".md"):
        path = path[: -len(".md")]
        if path == "index" or path.endswith("/index"):
            path = path[: -len("index")]
        else:
            path += "/"
    base = site_url if not site_url or site_url.endswith("/") else site_url + "/"
    out = base + path
    return f"{out}#{anchor}" if anchor else out


# What each generated page is, by where it lives. Templates put the kind on the page
# (``data-page-kind``), search weighs results by it, and navigation lights the tab of
# its section. Hand-written pages are "doc".
PAGE_KINDS = ("home", "timeline", "month", "event", "article", "tag", "entity", "index", "doc")
_KIND_BY_FOLDER = {"events": "event", "articles": "article", "tags": "tag", "entities": "entity"}


def page_kind(page: str) -> str:
    """``events/x.md`` -> ``event``; section indexes and their further pages -> ``index``."""
    if page == TIMELINE:
        return "timeline"
    if page == HOME:
        return "home"
    folder, _, rest = page.partition("/")
    if folder == "timeline" and rest:
        return "month"
    kind = _KIND_BY_FOLDER.get(folder)
    if kind is None:
        return "doc"
    if rest == "index.md" or rest.startswith("index/"):
        return "index"
    # Further pages of a tag's or entity's list (``tags/x/2.md``) are the same kind.
    return kind


def href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """Relative URL from one page to another as published (directory URLs), for links
    inside HTML blocks: MkDocs rewrites ``.md`` links only in Markdown, never in HTML.

    ``events/a.md`` -> ``tags/b.md`` is ``../../tags/b/``; a file that is not a page
    (``raw/x.txt``, ``feed.xml``) keeps its name.
    """
    rel = _href(url_of(from_page), url_of(to_page))
    return f"{rel}#{anchor}" if anchor else rel


def up_to_root(page: str) -> str:
    """``tags/x.md`` -> ``../../``: from a page's published URL up to the site's root."""
    return "../" * len(_parts(url_of(page)) or ())


def from_root(up: str, to_page: str, anchor: str | None = None) -> str:
    """The link to ``to_page`` from any page whose way to the root is ``up``
    (:func:`up_to_root`). Longer than :func:`href` between pages of one folder
    (``../../tags/b/``, not ``../b/``), but the same on every page as deep: a card
    drawn once serves every list it is on."""
    rel = up + url_of(to_page) or "./"
    return f"{rel}#{anchor}" if anchor else rel


def _relpath(target: str, start: str) -> str:
    """``posixpath.relpath`` for two relative paths, without asking for the working
    folder twice per link (a big site makes hundreds of thousands of links)."""
    path, base = _parts(target), _parts(start)
    if path is None or base is None:
        return posixpath.relpath(target, start)
    common = 0
    for a, b in zip(path, base, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + list(path[common:])) or "."


# Split once per path: a site of 10,000 events links between more pairs of pages than
# any cache of pairs holds, but it has only tens of thousands of pages.
@functools.lru_cache(maxsize=1 << 16)
def _parts(path: str) -> tuple[str, ...] | None:
    """A relative path's parts; ``None`` for one ``posixpath`` must resolve (``..``, ``/``)."""
    parts = tuple(part for part in path.split("/") if part not in ("", "."))
    return None if ".." in parts or path.startswith("/") else parts


@functools.lru_cache(maxsize=65536)
def _href(source: str, target: str) -> str:
    rel = _relpath(target or ".", source.rstrip("/") or ".")
    if rel == ".":
        return "./"
    return rel + "/" if target.endswith("/") or not target else rel
