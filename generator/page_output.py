"""MkDocs side of the cache, second half: a page whose template inputs did not change
gets the HTML the theme made for it last time, without running the theme again.

After Markdown (:mod:`generator.page_cache`), Material's templates are the biggest
cost of a page. What they show of a page is its converted HTML, table of contents,
title, front matter, address and edit link, its neighbours and parents, the
navigation, the site configuration and the theme's files; the key hashes all of
that, so an entry is found only when the page would come out the same. A page that
warned while being built is not kept, so the next build warns again.
"""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from .cache import JsonCache, code_fingerprint, digest, folder_parts
from .page_cache import config_fingerprint

TEMPLATE = "timeline-reused.html"  # the template of a reused page: its kept HTML
_SLOT = "timeline_reused"
_VERSIONED = ("mkdocs-material",)  # themes shipped in packages: their version stands for them
# Resolved settings the pages show (an ``!ENV`` value is not in the file's bytes).
_SETTINGS = (
    *("site_name", "site_url", "site_description", "site_author", "copyright"),
    *("repo_url", "repo_name", "edit_uri", "extra", "extra_css", "extra_javascript"),
    *("use_directory_urls", "markdown_extensions", "mdx_configs", "nav", "not_in_nav"),
)


def _shown(value: object) -> str:
    """A setting as stable text: a function by its name, never by its address."""
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
    return type(value).__name__


def theme_fingerprint(config: MkDocsConfig) -> str:
    """The files of every theme folder not shipped in a versioned package, and the
    versions of those that are; the theme's own settings."""
    parts: list[str | bytes] = [f"{n}=={metadata.version(n)}" for n in _VERSIONED]
    for folder in map(Path, config.theme.dirs):
        if "site-packages" in folder.parts or "dist-packages" in folder.parts:
            continue
        parts += folder_parts(str(folder))
    settings = {k: config.theme[k] for k in sorted(config.theme) if k != "custom_dir"}
    parts.append(json.dumps(settings, sort_keys=True, default=_shown))
    return digest(*parts)


def site_fingerprint(config: MkDocsConfig) -> str:
    settings = {name: config.get(name) for name in _SETTINGS}
    shown = json.dumps(settings, sort_keys=True, default=_shown, ensure_ascii=False)
    return digest(config_fingerprint(config), theme_fingerprint(config), shown)


def _item(item: Any) -> list[Any]:
    """A navigation entry as the templates see it: kind, title, address, children."""
    children = [_item(child) for child in getattr(item, "children", None) or ()]
    return [type(item).__name__, str(item.title), str(getattr(item, "url", "")), children]


def _neighbour(page: Any) -> list[str] | None:
    return None if page is None else [str(page.title), str(getattr(page, "url", ""))]


def page_inputs(page: Page) -> str:
    """Everything of the page itself that the theme shows."""
    meta = json.dumps(page.meta, sort_keys=True, default=str, ensure_ascii=False)
    toc = json.dumps([_toc(link) for link in page.toc], ensure_ascii=False)
    around = [_neighbour(p) for p in (page.previous_page, page.next_page, *page.ancestors)]
    shown = [page.file.src_uri, page.url, str(page.title), page.edit_url or "", meta, toc]
    return digest(*shown, json.dumps(around, ensure_ascii=False), page.content or "")


def _toc(link: Any) -> list[Any]:
    return [link.level, link.id, link.title, [_toc(child) for child in link.children]]


class _Compiled(jinja2.BytecodeCache):
    """The theme's templates as compiled by the last build, in memory: MkDocs makes a new
    environment for every build, and compiling Material's templates again cost a
    quarter of a second per save. Jinja checks each entry against the template's source."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.kept:
            bucket.bytecode_from_string(self.kept[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


class PageOutput:
    def __init__(self, store: JsonCache) -> None:
        self.store = store
        self.compiled = _Compiled()
        self.site = ""
        self.reused: dict[str, str] = {}  # src_uri -> kept HTML, this build
        self.made: dict[str, str] = {}  # src_uri -> key of a page the theme renders
        self.given = 0  # pages the theme rendered ahead this build, on every core

    def begin(self, config: MkDocsConfig) -> None:
        self.site = site_fingerprint(config)
        self.reused, self.made, self.given = {}, {}, 0

    def install(self, env: jinja2.Environment) -> None:
        """Give the theme's environment the template of a reused page, and the templates
        compiled by the last build."""
        env.bytecode_cache = self.compiled
        loader = env.loader
        if not (isinstance(loader, jinja2.ChoiceLoader) and TEMPLATE in loader.list_templates()):
            kept = jinja2.DictLoader({TEMPLATE: "{{ " + _SLOT + " }}"})
            env.loader = jinja2.ChoiceLoader([kept, *([loader] if loader else [])])

    def plan(self, pages: list[Page], nav: Any) -> None:
        """Once every page is converted: find each page's kept HTML, if it has some."""
        shown = json.dumps([_item(i) for i in nav.items] if nav else [], ensure_ascii=False)
        around = digest(code_fingerprint(), self.site, shown)
        for page in pages:
            key = digest(around, page_inputs(page))
            kept = self.store.get(key, "output")
            if isinstance(kept, str):
                self._reuse(page, kept)
            else:
                self.made[page.file.src_uri] = key

    def give(self, page: Page, html: str) -> None:
        """The theme's HTML for ``page``, made this build by a worker
        (:mod:`generator.theme_ahead`); kept as the theme's own when the page is built."""
        self._reuse(page, html)
        self.given += 1

    def _reuse(self, page: Page, html: str) -> None:
        """The page gets ``html`` as what the theme made of it, through its own events."""
        self.reused[page.file.src_uri] = html
        page.meta["template"] = TEMPLATE

    def context(self, page: Page, context: Any) -> None:
        kept = self.reused.get(page.file.src_uri)
        if kept is not None:
            context[_SLOT] = Markup(kept)  # the theme's own HTML, made before

    def keep(self, page: Page, output: str, warned: bool) -> None:
        """Keep what the theme made of the page, unless it warned (the next build then
        renders it again and says the same)."""
        key = self.made.get(page.file.src_uri)
        if key is not None and not warned:
            self.store.put(key, output)
