"""One build's search index: indexed while the pages are written, or reused whole.

Every page's search document is made when its Markdown is converted, before any page
is written. ``mkdocs build`` hands them all to Pagefind
(:class:`generator.search_stream.StreamingIndex`) then, so the index is built on the
other core while the theme renders the pages, and waits for it at the end. A build
whose documents are exactly the previous build's, in the same order, does not index
at all: the bundle that build wrote comes back from the cache. Pagefind cannot update
a bundle in place, so a build that changes one document indexes them all.

Under ``mkdocs serve`` the documents are handed over once the pages are written, so a
save reaches the browser without waiting for the index; the old bundle answers
searches until the new one replaces it, and the next save stops a run still going.
"""

from __future__ import annotations

import base64
import shutil
import threading
from pathlib import Path

from .cache import JsonCache, digest
from .search import index_url
from .search_stream import StreamingIndex, StreamingIndexError, write_bundle

BUNDLE = "pagefind"  # the bundle's folder in the site (PagefindUI's bundlePath)
_MANIFEST = "search-manifest"  # the kept bundle's documents: one digest a page, in order
_KIND = "search-bundle"


class SiteSearch:
    def __init__(self, store: JsonCache | None) -> None:
        self.store = store  # where the last bundle is kept, or None: no reuse
        self.kept: list[str] = []  # the kept bundle's manifest
        self.index: StreamingIndex | None = None
        self.finisher: threading.Thread | None = None
        self.problem: str | None = None
        self.on_disk: list[str] = []  # the documents of the bundle a serve build wrote

    @classmethod
    def for_build(
        cls, current: SiteSearch | None, store: JsonCache | None
    ) -> tuple[SiteSearch, str | None]:
        """A build's search: ``current`` if it keeps its bundle in ``store``, else a
        new one (``current`` stopped); and the previous background run's error."""
        if current is None or current.store is not store:
            if current is not None:
                current.stop()
            current = cls(store)
        return current, current.begin()

    def begin(self) -> str | None:
        """Start a build's index; returns the previous background run's error, if any."""
        problem = self.stop()
        self.index = None
        found = self.store.get(_MANIFEST, _KIND) if self.store is not None else None
        self.kept = [str(d) for d in found] if isinstance(found, list) else []
        return problem

    def index_all(self, site_dir: Path, documents: list[tuple[str, str]]) -> str | None:
        """Index ``documents`` (url, document), in site order, in the background into
        ``site_dir/pagefind``: the kept bundle if they are its documents, and nothing
        at all when the site folder holds their bundle already (``serve --dirty``
        keeps the folder between saves). Returns why it could not start, if it could not."""
        try:
            self._start(site_dir, documents)
        except (OSError, StreamingIndexError) as err:
            return str(err)
        return None

    def _start(self, site_dir: Path, documents: list[tuple[str, str]]) -> None:
        target = site_dir / BUNDLE
        seen = [digest(url, document) for url, document in documents]
        if seen and seen == self.on_disk and target.is_dir():
            return
        self.on_disk = []
        if not seen or self._write_kept(target, seen):
            return
        self.index = StreamingIndex()
        self.finisher = threading.Thread(
            target=self._index, args=(self.index, documents, target, seen), daemon=True
        )
        self.finisher.start()

    def _write_kept(self, target: Path, seen: list[str]) -> bool:
        """The kept bundle, when its documents are ``seen``; whether there was one."""
        if seen != self.kept or self.store is None:
            return False
        kept = self.store.get(digest(*seen), _KIND)
        if not isinstance(kept, dict):
            return False
        shutil.rmtree(target, ignore_errors=True)
        write_bundle(target, {p: base64.b64decode(d) for p, d in kept.items()})
        self.on_disk = seen
        return True

    def _index(
        self, index: StreamingIndex, documents: list[tuple[str, str]], target: Path, seen: list[str]
    ) -> None:
        """Feed ``documents``, write the bundle beside the old one, keep it, and swap it in."""
        fresh = target.with_name(f".{BUNDLE}-new")
        try:
            index.add_all(documents)
            shutil.rmtree(fresh, ignore_errors=True)
            index.finish(fresh)
            self._keep(fresh, seen)
            _replace(target, fresh)
            self.on_disk = seen
        except (OSError, StreamingIndexError) as err:
            if self.index is index:  # not stopped by a newer save
                self.problem = str(err)
        finally:
            shutil.rmtree(fresh, ignore_errors=True)

    def _keep(self, target: Path, seen: list[str]) -> None:
        if self.store is None:
            return
        files = sorted(p for p in target.rglob("*") if p.is_file())
        shown = {p.relative_to(target).as_posix(): p.read_bytes() for p in files}
        encoded = {path: base64.b64encode(data).decode("ascii") for path, data in shown.items()}
        self.store.put(digest(*seen), encoded)
        self.store.put(_MANIFEST, seen)

    def wait(self) -> str | None:
        """Wait for the bundle being written; returns its error, if it failed."""
        if self.finisher is not None:
            self.finisher.join()
        self.finisher = None
        problem, self.problem = self.problem, None
        return problem

    def stop(self) -> str | None:
        """Stop a run still going (its bundle is outdated); returns a finished run's error."""
        index, finisher, self.index = self.index, self.finisher, None
        if index is not None:
            index.close()
        if finisher is not None:
            finisher.join()
        self.finisher = None
        problem, self.problem = self.problem, None
        return problem


def in_site_order(
    documents: dict[str, str | None], order: list[str]
) -> tuple[dict[str, str | None], list[tuple[str, str]]]:
    """Under serve: each page's document (``src_uri -> document``, from the build that
    last built the page: a ``serve --dirty`` save skips the pages it did not change),
    only the pages in ``order``; and the (url, document) pairs to index, in that order."""
    kept = {uri: documents.get(uri) for uri in order}
    return kept, [(index_url(uri), doc) for uri, doc in kept.items() if doc is not None]


def _replace(target: Path, fresh: Path) -> None:
    """``fresh`` becomes ``target``; searches find the old bundle until then."""
    old = target.with_name(f".{BUNDLE}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)
