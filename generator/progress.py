"""A line now and then while a long build writes its pages.

MkDocs says "Building documentation..." and then nothing until the build is done: for
a server's first build of 10,000 articles that was two to three minutes without a word,
long enough to wonder whether it hangs. A build that lasts says how far it is every
:data:`PROGRESS_SECONDS`, counting what the workers send back (``cores.fork_calls``) and
MkDocs' own loops over the pages; a short one (a save, a small site) says no more.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

PROGRESS_SECONDS = 20.0  # silence a build may keep before it says how far it is

log = logging.getLogger("mkdocs.plugins.timeline")


class Progress:
    """How far a build is: what the plugin does on every core, then MkDocs' two loops
    over the pages (it converts every page, then writes every page)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.begin()

    def begin(self) -> None:
        """A build starts (its clock too)."""
        self.start = self.said = self.clock()
        self.done, self.total, self.step = 0, 0, ""

    def steps(self, step: str, total: int) -> None:
        """MkDocs is about to take ``total`` pages through ``step``, a past participle
        ("converted"); :meth:`page` counts them."""
        self.done, self.total, self.step = 0, total, step

    def page(self) -> None:
        self.done += 1
        self.count(self.done, self.total, f"pages {self.step}")

    def count(self, done: int, total: int, what: str) -> None:
        """``done`` of ``total`` ``what`` ("pages converted ahead"), said if it is time."""
        now = self.clock()
        if now - self.said >= PROGRESS_SECONDS:
            self.said = now
            took = f"{now - self.start:.0f} s since the build began"
            log.info(f"timeline: {done:,} of {total:,} {what} ({took})")


BUILD = Progress()  # the build this process runs (the plugin begins it)
