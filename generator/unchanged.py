"""Under ``mkdocs serve --dirty`` (what ``make serve`` runs), a save builds only the
pages and files it changed; the site folder stays exactly what a clean build makes.

MkDocs's dirty mode keeps the site folder between builds and skips every file whose
``File.is_modified()`` is false. Its own answer is wrong both ways for this site: a
generated file always counts as modified (so nothing is saved), and a hand-written
page is skipped even when the navigation it shows has changed. So every file answers
for itself here:

- a hand-written page is always built;
- a generated page or file is skipped only when its content is the last build's, the
  last build wrote it without a warning, its output is still on disk, and (for a page)
  it is not in the navigation and nothing around it changed: the settings, theme,
  hand-written pages, titles the navigation takes from pages, the error banner and
  the build date;
- a file the last build wrote and this one does not is removed.

Emptying the site folder and writing thousands of unchanged pages back was most of
what a save cost a big site; see benchmarks/serve.py for the measurement.
"""

from __future__ import annotations

import logging
import os
import types
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files
from mkdocs.utils import get_build_date

from .cache import digest

# MkDocs warns on every dirty build that links may be stale; with this module in
# charge they are not, and a warning on every save would teach curators to ignore
# warnings.
_DIRTY_WARNING = "A 'dirty' build is being performed"


class _DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(_DIRTY_WARNING)


_FILTER = _DropDirtyWarning()
_BUILD_LOG = logging.getLogger("mkdocs.commands.build")


def _content(data: str | bytes) -> str:
    return digest(data)


def titled_in_nav(nav: object) -> set[str]:
    """Paths the ``nav`` setting gives a title (``- 时间线: timeline.md``): their
    navigation entry does not change with the page."""
    found: set[str] = set()
    if isinstance(nav, list):
        for item in nav:
            found |= titled_in_nav(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            found |= {value} if isinstance(value, str) else titled_in_nav(value)
    return found


class Unchanged:
    """What the last build wrote, and which of this build's files can stay as they are."""

    def __init__(self, skip: bool) -> None:
        self.skip = skip  # False with `cache: false`: every save builds every page
        self.around = ""  # everything a page shows besides its own content, this build
        self.last_around = ""
        self.built: dict[str, str] = {}  # src_uri -> content digest, as last built cleanly
        self.now: dict[str, str] = {}  # src_uri -> content digest, this build
        self.digested: dict[str, tuple[str | bytes, str]] = {}  # src_uri -> (content, digest)
        self.warned: set[str] = set()  # pages that warned this build
        self.in_nav: set[str] = set()
        self.handwritten: set[str] = set()
        self.written: set[str] = set()  # every file's output path, last build
        _BUILD_LOG.addFilter(_FILTER)

    def close(self) -> None:
        _BUILD_LOG.removeFilter(_FILTER)

    def track(self, files: Files, generated: Mapping[str, str | bytes]) -> None:
        """``on_files``: every file answers ``is_modified`` for itself."""
        # Content the last save made is often the very same object (pages kept by the
        # render memo, raw copies of unchanged files): its digest is known.
        known = self.digested
        self.digested = {
            path: kept if (kept := known.get(path)) and kept[0] is data else (data, _content(data))
            for path, data in generated.items()
        }
        self.now = {path: pair[1] for path, pair in self.digested.items()}
        self.warned, self.in_nav, self.around = set(), set(), ""
        self.handwritten = set()
        for file in files:
            if file.src_uri in self.now and file.generated_by:
                _answer(file, self._generated_modified)
            elif file.is_documentation_page():
                self.handwritten.add(file.src_uri)
                _answer(file, lambda _file: True)

    def surroundings(self, parts: Iterable[str | bytes], nav: Any, config_nav: object) -> None:
        """``on_nav``: what every page shows besides its own content. Of the other
        pages, that is which hand-written pages exist (links to them resolve) and the
        titles the navigation takes from pages the ``nav`` setting gives none."""
        pages = list(nav.pages) if nav is not None else []
        self.in_nav = {page.file.src_uri for page in pages}
        titled = titled_in_nav(config_nav)
        shown: list[str | bytes] = [*parts, get_build_date()]
        shown += sorted(uri for uri in self.handwritten)
        for page in pages:
            uri = page.file.src_uri
            if uri not in titled:
                shown += [uri, self.now.get(uri) or _read(page.file)]
        self.around = digest(*shown)

    def _generated_modified(self, file: File) -> bool:
        uri = file.src_uri
        same = self.built.get(uri) == self.now.get(uri) and os.path.isfile(file.abs_dest_path)
        if not (self.skip and same):
            return True
        if not file.is_documentation_page():
            return False  # an export or raw copy: its bytes are its output
        return uri in self.in_nav or self.around != self.last_around or not self.around

    def page_warned(self, src_uri: str) -> None:
        self.warned.add(src_uri)

    def end(self, files: Files, site_dir: str) -> None:
        """``on_post_build``: remember what was built; remove what is no longer built."""
        written = {file.abs_dest_path for file in files}
        for path in sorted(self.written - written):
            _remove(Path(path), Path(site_dir))
        self.written = written
        self.built = {uri: d for uri, d in self.now.items() if uri not in self.warned}
        self.last_around = self.around


def _answer(file: File, answer: Any) -> None:
    file.is_modified = types.MethodType(answer, file)  # type: ignore[method-assign]


def _read(file: File) -> bytes:
    try:
        return file.content_bytes
    except OSError:
        return b""


def _remove(path: Path, site_dir: Path) -> None:
    """A file of the last build, and the folders it leaves empty (up to the site's)."""
    path.unlink(missing_ok=True)
    parent = path.parent
    while parent != site_dir and site_dir in parent.parents:
        try:
            parent.rmdir()
        except OSError:
            return  # not empty
        parent = parent.parent
