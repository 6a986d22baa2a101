"""Under ``mkdocs serve``: keep Python's garbage collector off the long-lived heap.

A server for a big site holds hundreds of thousands of objects between saves (the
caches, the last build's pages). CPython's full collections walk all of them, several
times a save: parsing a 1,000-event timeline took twice as long as with collection
off. So once a save's pages are written and the server has been quiet for a moment,
the last save's garbage is collected and whatever survives is frozen (``gc.freeze``:
never walked again); the next save pays only for the objects it makes. A save that
starts first cancels the pending collection, so it never runs in the middle of one.
"""

from __future__ import annotations

import gc
import threading

QUIET_SECONDS = 1.0  # after a build, before collecting: the browser fetches the page first


def _settle() -> None:
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class Heap:
    def __init__(self) -> None:
        self.pending: threading.Timer | None = None

    def settle_later(self) -> None:
        self.cancel()
        self.pending = threading.Timer(QUIET_SECONDS, _settle)
        self.pending.daemon = True
        self.pending.start()

    def cancel(self) -> None:
        if self.pending is not None:
            self.pending.cancel()
            self.pending = None
