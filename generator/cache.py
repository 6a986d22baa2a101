"""A content-addressed cache of JSON values, in memory and in a file of its own.

Rebuilding a big site repeats work whose inputs did not change: cleaning the same
article file, converting the same page's Markdown. Each such result is stored under
a key that hashes *everything* it depends on, including :func:`code_fingerprint`
(the generator's own source), so a stale entry is never found rather than found
and checked. The cache only ever writes the file it is given (through a temporary
file beside it); a damaged or unreadable cache file is a miss, never an error.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

_FORMAT = "timeline-cache-1"


def digest(*parts: str | bytes) -> str:
    """One key from many parts; lengths are hashed too, so parts cannot run together."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@functools.cache
def code_fingerprint() -> str:
    """A hash of the generator package's files (its code, page templates, labels, theme
    and assets): a change to any of them invalidates every entry."""
    package = Path(__file__).resolve().parent
    files = sorted(f for f in package.rglob("*") if f.is_file() and "__pycache__" not in f.parts)
    parts = [(f.relative_to(package).as_posix(), f.read_bytes()) for f in files]
    return digest(*(part for pair in parts for part in pair))


def folder_parts(path: str) -> list[str | bytes]:
    """Every file of a folder (the site owner's templates, a theme folder), by name and
    bytes, in order."""
    if not path or not Path(path).is_dir():
        return []
    root = Path(path)
    files = sorted(p for p in root.rglob("*") if p.is_file())
    return [part for f in files for part in (f.relative_to(root).as_posix(), f.read_bytes())]


class JsonCache:
    """``key -> JSON value``, kept in one file; :meth:`save` keeps only what was used.

    One file rather than one per entry: a big corpus has tens of thousands of
    entries, and creating that many files costs more than the work they save.
    Entries stay in memory too, for the next rebuild of a long ``mkdocs serve``.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.memory: dict[str, Any] | None = None  # loaded on first use
        self.used: set[str] = set()
        self.changed = False
        self.counts: Counter[tuple[str, bool]] = Counter()  # (kind, found) -> lookups
        # key -> the entry as objects (an article), for the rest of this process: under
        # serve an unchanged file then gives back the very same objects, which the
        # page memo recognises without comparing them field by field.
        self.decoded: dict[str, Any] = {}
        # slot -> the entry to make when the cache is saved (see put_later)
        self.later: dict[str, Callable[[], tuple[str, Any]]] = {}

    def begin(self, carry: bool = False) -> None:
        """A new build; with ``carry``, what the builds before it used stays in use (a
        ``serve --dirty`` save uses only the entries of the pages it builds)."""
        if not carry:
            self.used = set()
        self.counts = Counter()

    def get(self, key: str, kind: str = "") -> Any | None:
        value = self._entries().get(key)
        self.counts[kind, value is not None] += 1
        if value is not None:
            self.used.add(key)
        return value

    def has(self, key: str) -> bool:
        """Whether ``key`` has an entry (not counted as a lookup, not marked used)."""
        return key in self._entries()

    def put(self, key: str, value: Any) -> None:
        self._entries()[key] = value
        self.used.add(key)
        self.changed = True

    def put_later(self, slot: str, make: Callable[[], tuple[str, Any]]) -> None:
        """``make()`` gives ``(key, value)`` to :meth:`put` when the cache is saved, if no
        later call for the same ``slot`` replaced it first: under ``serve``, only the
        last save's whole site is worth keeping for the next start, and making its key
        on every save cost more than finding the site again saves."""
        self.later[slot] = make

    def save(self) -> None:
        """Forget entries this build did not use (an edited page's old version, say)
        and write the rest, if anything changed."""
        for make in self.later.values():
            self.put(*make())
        self.later = {}
        self.prune()
        if self.changed:
            self._write(self.memory or {})
        self.changed = False

    def prune(self) -> None:
        """Forget, in memory, the entries this build did not use (a long ``serve``
        would otherwise keep every version of every page)."""
        entries = self._entries()
        self.decoded = {k: v for k, v in self.decoded.items() if k in self.used}
        if len(self.used) < len(entries):
            self.memory = {k: v for k, v in entries.items() if k in self.used}
            self.changed = True

    def _entries(self) -> dict[str, Any]:
        if self.memory is None:
            self.memory = self._read()
        return self.memory

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return {}  # missing or damaged: start afresh
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def _write(self, entries: dict[str, Any]) -> None:
        data = {"format": _FORMAT, "entries": entries}
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        tmp: str | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Write then rename: a build killed half-way never leaves a torn file.
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(tmp, self.path)
            tmp = None
        except OSError:
            pass  # a cache that cannot be written is only slower
        finally:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
