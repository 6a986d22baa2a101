"""MkDocs side of the cache: a generated page whose Markdown did not change is not
converted again; its HTML, table of contents, title and anchors come from the cache.

Converting Markdown is most of the cost of a page, and a big timeline has thousands
of generated pages of which an edit changes a handful. The entry for a page is keyed
by its final Markdown, its path, the site configuration and the versions of the code
that converts it; restoring sets exactly what ``Page.render`` sets (MkDocs 1.6), so
anchor validation of ``--strict`` builds still sees every page's anchors and links.
"""

from __future__ import annotations

import json
import logging
import types
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from .cache import JsonCache, code_fingerprint, digest

_CONVERTERS = ("mkdocs", "markdown", "pymdown-extensions")
Document = Callable[[str, str, object], "str | None"]  # (HTML, page path, tags) -> document


def config_fingerprint(config: MkDocsConfig) -> str:
    """Everything besides a page's own Markdown that shapes its HTML."""
    path = Path(config.config_file_path or "")
    source = path.read_bytes() if path.is_file() else repr(sorted(config.items())).encode()
    versions = [f"{name}=={_version(name)}" for name in _CONVERTERS]
    return digest(code_fingerprint(), source, *versions)


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


class _Warnings(logging.Handler):
    """Counts warnings, so a page that warned while converting is not cached: the next
    build converts it again and says the same thing."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


_WARNINGS = _Warnings()


def warning_count() -> int:
    """MkDocs warnings so far (a page that warned is not kept)."""
    return _WARNINGS.count


def only_count_warnings() -> None:
    """In a worker process: count MkDocs' warnings and print none."""
    logging.getLogger("mkdocs").handlers = [_WARNINGS]


class PageCache:
    def __init__(self, store: JsonCache, fingerprint: str) -> None:
        self.store = store
        self.fingerprint = fingerprint
        self.warnings = _WARNINGS
        # key -> entry made by worker processes ahead of the build (generator.page_ahead),
        # taken when the build asks for it; counted as converted, which it was.
        self.ahead: dict[str, Any] = {}
        self.taken = 0  # pages this build took from ``ahead``
        logger = logging.getLogger("mkdocs")
        if _WARNINGS not in logger.handlers:
            logger.addHandler(_WARNINGS)

    def attach(self, page: Page) -> None:
        """Route this page's ``render`` through the cache (for this build only)."""
        cache = self

        def render(self: Page, config: MkDocsConfig, files: Files) -> None:
            cache.render(self, config, files)

        page.render = types.MethodType(render, page)  # type: ignore[method-assign]

    def page_key(self, src_uri: str, markdown: str) -> str:
        return digest(self.fingerprint, src_uri, markdown)

    def document_key(self, html: str, src_uri: str, tags: object) -> str:
        shown_tags = json.dumps(tags, ensure_ascii=False, sort_keys=True, default=str)
        return digest(self.fingerprint, "search", src_uri, html, shown_tags)

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        assert page.markdown is not None
        key = self.page_key(page.file.src_uri, page.markdown)
        entry = self._get(key, "page")
        if entry is not None and _restore(page, entry, files):
            return
        before = self.warnings.count
        Page.render(page, config, files)
        if self.warnings.count == before:
            self.store.put(key, page_entry(page))

    def document(self, html: str, src_uri: str, tags: object, make: Document) -> str | None:
        """The page's search document, made again only when its HTML or tags changed
        (reading a page's HTML back into text is most of what search costs a build)."""
        key = self.document_key(html, src_uri, tags)
        found = self._get(key, "search")
        if isinstance(found, list) and len(found) == 1:
            return None if found[0] is None else str(found[0])
        made = make(html, src_uri, tags)
        self.store.put(key, [made])
        return made

    def _get(self, key: str, kind: str) -> Any | None:
        """The kept entry, else the one a worker made ahead (then kept: it is this
        build's, and counted as converted, which it was)."""
        found = self.store.get(key, kind)
        if found is None and key in self.ahead:
            found = self.ahead.pop(key)
            self.store.put(key, found)
            self.taken += kind == "page"
        return found


def page_entry(page: Page) -> dict[str, Any]:
    links = page.links_to_anchors or {}
    return {
        "content": page.content,
        "toc": [_token(link) for link in page.toc],
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": {
            f.src_uri: dict(sorted(a.items()))
            for f, a in sorted(links.items(), key=lambda item: item[0].src_uri)
        },
    }


def _restore(page: Page, entry: dict[str, Any], files: Files) -> bool:
    """Set what ``Page.render`` sets; ``False`` if a page it links to is gone."""
    links = {}
    for src_uri, anchors in entry["links"].items():
        target = files.get_file_from_path(src_uri)
        if target is None:
            return False
        links[target] = dict(anchors)
    page.content = entry["content"]
    page.toc = get_toc(entry["toc"])
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    page.links_to_anchors = links
    return True


def _token(link: AnchorLink) -> dict[str, Any]:
    return {
        "level": link.level,
        "id": link.id,
        "name": link.title,
        "children": [_token(child) for child in link.children],
    }
