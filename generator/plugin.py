"""The MkDocs adapter: turns MkDocs events into calls on the pipeline, nothing more.

Generated pages are virtual files (``File.generated``): nothing is written into
``docs/`` or the articles folder. Bad input fails ``mkdocs build`` with a
``PluginError`` (printed without a traceback); under ``mkdocs serve`` the errors are
shown in the console and on every page, and the last good site stays up until the
next good save.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import paths, render, search, serve_watch
from .banner import error_banner
from .messages import say
from .model import Corpus, Diagnostic, InputError
from .page_ahead import convert_ahead
from .page_cache import warning_count
from .pipeline import Inputs, load_corpus, skeleton_files
from .progress import BUILD
from .serve_heap import Heap
from .site_cache import cached_site_files
from .site_caches import Caches
from .site_config import (
    TimelineConfig,
    TimelineError,
    add_to_config,
    section_entry,
    site_inputs,
    site_labels,
)
from .site_search import SiteSearch, in_site_order
from .theme_ahead import before_theme
from .unchanged import Unchanged

log = logging.getLogger("mkdocs.plugins.timeline")
SEARCH_PAGE = "search.md"


class TimelinePlugin(BasePlugin[TimelineConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.watching: object = None  # the articles folder's file-event watch, under serve
        self.inputs: Inputs | None = None
        # The last good build, kept across serve rebuilds to show while the input is broken.
        self.corpus: Corpus | None = None
        self.last: tuple[dict[str, str], dict[str, bytes]] = ({}, {})
        self.errors: tuple[Diagnostic, ...] = ()
        self.caches: Caches | None = None
        self.search: SiteSearch | None = None
        # src_uri -> search document (None: not searchable); under serve, of every page
        # built since the server started, as last built.
        self.documents: dict[str, str | None] = {}
        self.labels = render.Labels()
        self.nav: Any = None
        self.lit: Any = None  # the nav entry lit up for the page being rendered
        self.first_good = False  # whether ``last`` holds a good version of the input
        # Under serve: the pages of the last rebuild, so a save renders only what changed.
        self.memo: render.PageMemo | None = None
        self.unchanged: Unchanged | None = None  # under `serve --dirty`: what a save skips
        self.heap = Heap()
        self.files: Files | None = None
        self.warnings = 0  # MkDocs warnings when the page's step began (see _warned)
        self.progress = BUILD  # how far the build is, said now and then

    # Defining on_startup makes MkDocs keep this instance across `serve` rebuilds.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.memo = render.PageMemo() if self.serving else None
        self.unchanged = Unchanged(skip=True) if self.serving and dirty else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.heap.cancel()
        self.progress.begin()
        root = Path(config.config_file_path or ".").resolve().parent
        self.labels = site_labels(config, self.config, root)
        self.inputs = site_inputs(config, self.config, root, self.labels)
        add_to_config(config)
        folder = root / self.config.cache_dir
        if self.unchanged is not None:
            self.unchanged.skip = self.config.cache  # `cache: false`: every save builds all
        if not self.config.cache:
            self.caches = self.memo = None  # `cache: false`: every save renders everything
        elif self.caches is None or self.caches.folder != folder:
            self.caches = Caches(folder)
        if self.caches is not None:
            self.caches.begin(config, carry=self.unchanged is not None)
        self._begin_search()
        return config

    def _begin_search(self) -> None:
        store = self.caches.bundles if self.caches else None
        self.search, problem = SiteSearch.for_build(self.search, store)
        if problem:
            log.warning(f"search index failed: {problem}")
        if not self.serving:
            self.documents = {}

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.inputs is not None
        try:
            corpus, raws = load_corpus(self.inputs, self.caches.articles if self.caches else None)
            kept = self.caches.site if self.caches else None
            pages, other = cached_site_files(corpus, raws, self.inputs, kept, self.memo)
        except InputError as err:
            return self._failed(err, files, config)
        self.corpus, self.last, self.errors = corpus, (pages, other), ()
        self.first_good = True
        for warning in corpus.warnings:
            log.info(warning.render(self.labels.language))
        self._add(files, config, pages, other)
        return files

    def _said(self, diagnostics: tuple[Diagnostic, ...]) -> str:
        return "\n".join(d.render(self.labels.language) for d in diagnostics)

    def _failed(self, err: InputError, files: Files, config: MkDocsConfig) -> Files:
        if not self.serving:
            raise TimelineError(self._said(err.diagnostics)) from None
        # Serving: say what is wrong and keep the last good pages (none yet, if the server
        # started on a broken input), so the server stays up until the next good save.
        self.errors = err.diagnostics
        for diagnostic in err.diagnostics:
            log.error(diagnostic.render(self.labels.language))
        if not self.last[0]:
            # Started on a broken input: no good version yet. Serve the site's empty
            # skeleton (home, timeline, section pages) so every tab answers, each with
            # the banner saying what to fix, instead of a 404.
            assert self.inputs is not None
            self.last = skeleton_files(self.inputs, self.labels("timeline_waiting"))
            self.first_good = False
        self._add(files, config, *self.last)
        return files

    def _add(
        self, files: Files, config: MkDocsConfig, pages: dict[str, str], other: dict[str, bytes]
    ) -> None:
        contents: dict[str, str | bytes] = {**pages, **other}
        for path, content in contents.items():  # each path in posix form already
            if path in files.src_uris:
                if path == paths.HOME:
                    continue  # the site's own home page wins over the generated one
                said = say("a hand-written file has the path of a generated page; rename it")
                raise TimelineError(f"docs/{path}: error: {said.text(self.labels.language)}")
            files.append(File.generated(config, path, content=content))
        self.files = files
        if self.unchanged is not None:
            self.unchanged.track(files, contents)

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        edit = page.meta.get("timeline_edit_url") if page.file.generated_by else None
        if isinstance(edit, str):
            page.edit_url = edit  # Material's edit button: the event's line, the article's file
        if self.errors:
            banner = error_banner(self.errors, self.labels, shown_is_last_good=self.first_good)
            markdown = banner + markdown
        return markdown

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        self.warnings = warning_count()
        # While the input is broken every page carries the error banner: nothing to reuse.
        if self.caches is not None and not self.errors and page.file.src_uri in self.last[0]:
            self.caches.pages.attach(page)
        return page

    @event_priority(-100)  # last: pages rendered ahead see the theme's final environment
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        env.globals["timeline_labels"] = self.labels
        env.globals["timeline_webcal"] = render.webcal_url(config.site_url or "")
        self.progress.steps("written", len(files.documentation_pages()))
        # Every page is converted by now: index them while they are written (serve: after).
        index = functools.partial(self._index_all, config) if not self.serving else None
        if self.caches is not None and not self.errors and self.inputs is not None:
            # The titles in the nav are final now too.
            workers = self.inputs.workers
            before_theme(self.caches.output, env, files, config, self.nav, workers, index)
        elif index is not None:
            index()
        return env

    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> Any:
        self.nav = nav
        self.progress.steps("converted", len(files.documentation_pages()))
        if self.caches is not None and not self.errors and self.inputs is not None:
            convert_ahead(self.caches.pages, self.last[0], config, files, self.inputs.workers)
        if self.unchanged is not None:
            site = self.caches.output.site if self.caches else ""
            shown = self._said(self.errors), str(self.first_good)
            self.unchanged.surroundings([site, *shown], nav, config.nav)
        return nav

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        # Generated pages are not in the nav; light up the tab of the section they
        # belong to, so a reader on an event page sees "时间线" selected.
        entry = section_entry(page.file.src_uri, nav)
        if entry is not None and entry is not page and page not in nav.pages:
            entry.active = True
            self.lit = entry
        self.warnings = warning_count()
        if self.caches is not None:
            self.caches.output.context(page, context)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.lit is not None:
            self.lit.active = False
            self.lit = None
        warned = self._warned(page)
        if self.caches is not None and not self.errors:
            self.caches.output.keep(page, output, warned)
        self.progress.page()
        return output

    def _warned(self, page: Page) -> bool:
        """Whether MkDocs warned in this step of the page (then not kept: it warns again)."""
        warned = warning_count() != self.warnings
        if warned and self.unchanged is not None:
            self.unchanged.page_warned(page.file.src_uri)
        return warned

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self._warned(page)
        self.progress.page()
        if page.file.src_uri == SEARCH_PAGE:  # the search page itself is no result
            return html
        html, src_uri = search.unmarked(html), page.file.src_uri
        tags = page.meta.get("timeline_tags")
        if self.caches is not None:
            document = self.caches.pages.document(html, src_uri, tags, search.document)
        else:
            document = search.document(html, src_uri, tags)
        self.documents[page.file.src_uri] = document
        return html

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.search is not None
        caches = self.caches if not self.errors else None
        if not self.serving:
            if caches is not None:
                caches.end()  # written while Pagefind finishes the bundle
            problem = self.search.wait()
            if caches is not None:
                caches.bundles.save()  # the bundle just made
            if problem:
                self._search_failed(problem)
            return
        # Serve: indexed in the background, so the save reaches the browser first. The
        # cache stays in memory until the server stops (writing tens of megabytes held
        # each save back by a second), and is not pruned after a broken save: that would
        # drop the good pages' entries the next save needs.
        self._index_all(config)
        if caches is not None:
            caches.end(save=False)
        if self.unchanged is not None and self.files is not None:
            self.unchanged.end(self.files, config.site_dir)
        self.heap.settle_later()

    def _index_all(self, config: MkDocsConfig) -> None:
        """Every page's search document to Pagefind, in site order, in the background."""
        assert self.search is not None
        served = InclusionLevel.is_in_serve if self.serving else InclusionLevel.is_included
        pages = (self.files or Files([])).documentation_pages(inclusion=served)
        self.documents, shown = in_site_order(self.documents, [f.src_uri for f in pages])
        problem = self.search.index_all(Path(config.site_dir), shown)
        if problem:
            self._search_failed(problem)

    def _search_failed(self, problem: str) -> None:
        if not self.serving:
            raise TimelineError(f"error: search index failed: {problem}")
        log.warning(f"search index failed: {problem}")

    def on_shutdown(self) -> None:
        serve_watch.stop(self.watching)
        if self.search is not None:
            self.search.stop()
        if self.unchanged is not None:
            self.unchanged.close()
        if self.caches is not None and self.serving and not self.errors and self.first_good:
            self.caches.save()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.inputs is not None:
            self.watching = serve_watch.watch_inputs(server, self.inputs)
        return server


__all__ = ["TimelinePlugin", "error_banner"]
