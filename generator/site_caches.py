"""The caches of one project, kept for the life of the plugin (all of ``serve``)."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from .cache import JsonCache
from .page_cache import PageCache, config_fingerprint
from .page_output import PageOutput

log = logging.getLogger("mkdocs.plugins.timeline")


class Caches:
    """Cleaned files, converted pages, the theme's pages and the last search bundle."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.articles = JsonCache(folder / "articles.json")
        self.pages = PageCache(JsonCache(folder / "pages.json"), "")
        # One file for the rest (the theme's pages, the pages' Markdown and the exports):
        # every build that reuses any of it reads all of it.
        self.output = PageOutput(self.pages.store)
        self.site = self.pages.store
        # The last search bundle, in a file of its own: a cold build writes the big
        # file above while Pagefind is still making the bundle.
        self.bundles = JsonCache(folder / "search.json")

    def begin(self, config: MkDocsConfig, carry: bool = False) -> None:
        """A new build; ``carry``: keep what earlier builds used (see JsonCache.begin)."""
        self.articles.begin(carry)
        self.pages.store.begin(carry)
        self.bundles.begin(carry)
        self.pages.fingerprint = config_fingerprint(config)
        self.pages.ahead, self.pages.taken = {}, 0
        self.output.begin(config)

    def end(self, save: bool = True) -> None:
        files, views = self.articles.counts, self.pages.store.counts
        themed = self.output.store.counts
        log.info(
            f"timeline cache: {files['articles', True]} article files and "
            f"{views['page', True]} pages reused; {files['articles', False]} files cleaned, "
            f"{views['page', False]} pages converted ({self.pages.taken} of them ahead, "
            f"on every core); {themed['output', True]} pages "
            f"not rendered again, {self.output.given} rendered ahead on every core"
        )
        # With ``save`` the search bundle's file is left out: the bundle may still be
        # in the making, and :meth:`save` writes it once it is made.
        if save:
            self.articles.save()
            self.pages.store.save()
        else:
            for store in self._stores():
                store.prune()

    def save(self) -> None:
        for store in self._stores():
            store.save()

    def _stores(self) -> tuple[JsonCache, ...]:
        return (self.articles, self.pages.store, self.bundles)
