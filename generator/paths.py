"""Where each generated page lives, and safe names for things that come from input.

Pages link to each other by relative ``.md`` paths (MkDocs checks those links and
anchors in ``--strict`` builds); exports need absolute URLs, made by :func:`url_of`.
Every name that reaches a path goes through :func:`safe_name`, so an id from YAML
or a file name cannot climb out of the output folder.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata

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
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return f"{name}-{digest}" if name else digest


def article_page(article_id: str) -> str:
    return f"articles/{safe_name(article_id)}.md"


def event_page(event_id: str) -> str:
    return f"events/{safe_name(event_id)}.md"


def tag_page(tag: str) -> str:
    return f"tags/{safe_name(tag)}.md"


def entity_page(name: str) -> str:
    return f"entities/{safe_name(name)}.md"


def raw_file(name: str) -> str:
    """Where a raw article is published: always as a ``.txt`` file (served as plain text).

    A ``.md`` source published under its own name is a page to MkDocs, rendered with
    raw HTML on: the uncleaned source, any ``<script>`` in it included, as a web page.
    """
    safe = safe_name(name)
    return f"{RAW_DIR}/{safe}" if safe.lower().endswith(".txt") else f"{RAW_DIR}/{safe}.txt"


def link(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """Relative link from one generated page to another (both site-root paths)."""
    rel = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{rel}#{anchor}" if anchor else rel


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
