"""One build's search index: indexed while the pages are written, or reused whole.

Pagefind gets each page's search document as MkDocs writes the page
(:class:`generator.search_stream.StreamingIndex`), so indexing runs beside rendering.
A build whose documents are exactly the previous build's, in the same order, does not
index at all: the bundle that build wrote is copied from the cache. Pagefind cannot
update a bundle in place, so a build that changes one document indexes them all, on
the other core while the pages render.

Under ``mkdocs serve`` the bundle is finished in the background, so a save reaches the
browser without waiting for it; the next save stops a run still going. ``mkdocs build``
waits for it, once the caches are saved.
"""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

from .cache import digest
from .search_stream import StreamingIndex, StreamingIndexError

BUNDLE = "pagefind"  # the bundle's folder in the site (PagefindUI's bundlePath)
_MANIFEST = "manifest.json"  # the kept bundle's documents: one digest a page, in order


class SiteSearch:
    def __init__(self, keep: Path | None, serving: bool) -> None:
        self.keep = keep  # the folder holding the last bundle written, or None: no reuse
        self.serving = serving
        self.kept: list[str] | None = None  # that bundle's manifest, once read
        self.index: StreamingIndex | None = None
        self.waiting: list[tuple[str, str]] = []  # documents not sent: they may be the kept ones
        self.seen: list[str] = []
        self.finisher: threading.Thread | None = None
        self.problem: str | None = None

    def begin(self) -> str | None:
        """Start a build's index; returns the previous background run's error, if any."""
        problem = self.stop()
        self.index, self.waiting, self.seen = None, [], []
        if self.kept is None and self.keep is not None:
            self.kept = _read_manifest(self.keep)
        return problem

    def add(self, url: str, document: str) -> None:
        self.seen.append(digest(url, document))
        if self.index is None and self._still_kept():
            self.waiting.append((url, document))
            return
        if self.index is None:  # the first change: index everything from here on
            self.index = StreamingIndex()
            for waiting in self.waiting:
                self.index.add(*waiting)
            self.waiting = []
        self.index.add(url, document)

    def _still_kept(self) -> bool:
        kept, at = self.kept or [], len(self.seen) - 1
        return at < len(kept) and kept[at] == self.seen[at]

    def finish(self, site_dir: Path) -> None:
        """Write ``site_dir/pagefind``: the kept bundle if nothing changed, else the new one."""
        target = site_dir / BUNDLE
        if self.index is None and self._unchanged():
            assert self.keep is not None
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(self.keep / BUNDLE, target)
            return
        if self.index is None:  # no cache, or a site that shrank to a prefix of the last
            self.index = StreamingIndex()
            for waiting in self.waiting:
                self.index.add(*waiting)
            self.waiting = []
        index, seen = self.index, list(self.seen)
        # In the background: Pagefind writes the bundle while Python saves the caches
        # (``mkdocs build`` then waits for it), or serves the page (``mkdocs serve``).
        self.finisher = threading.Thread(
            target=self._background, args=(index, target, seen), daemon=True
        )
        self.finisher.start()

    def _unchanged(self) -> bool:
        """Whether this build's documents are the kept bundle's, every one."""
        kept, keep = self.kept, self.keep
        same = kept is not None and len(self.seen) == len(kept) and bool(self.seen)
        return same and keep is not None and (keep / BUNDLE).is_dir()

    def _background(self, index: StreamingIndex, target: Path, seen: list[str]) -> None:
        try:
            self._write(index, target, seen)
        except (OSError, StreamingIndexError) as err:
            if self.index is index:  # not stopped by a newer save
                self.problem = str(err)

    def _write(self, index: StreamingIndex, target: Path, seen: list[str]) -> None:
        shutil.rmtree(target, ignore_errors=True)
        index.finish(target)
        if self.keep is None or not index.pages:
            return
        kept = self.keep / BUNDLE
        (self.keep / _MANIFEST).unlink(missing_ok=True)  # no manifest over a half-copied bundle
        shutil.rmtree(kept, ignore_errors=True)
        shutil.copytree(target, kept)
        (self.keep / _MANIFEST).write_text(json.dumps(seen), encoding="utf-8")
        self.kept = seen

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


def _read_manifest(folder: Path) -> list[str] | None:
    try:
        data = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return [str(d) for d in data] if isinstance(data, list) else None
