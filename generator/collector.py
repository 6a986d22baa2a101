"""Python's cycle collector, paused while a stage makes many objects that all live on.

The collector runs a full pass whenever enough new objects survived its last one, and a
full pass walks every object in the process. Reading a 10,000-event timeline makes
hundreds of thousands of nodes, events and quotes, next to the millions of objects of
10,000 cleaned articles: with the collector on, it took twice as long (6.9 s against
3.0 s at 10,000 events), and more the bigger the site. Nothing is lost while it
pauses: garbage made meanwhile is collected once it runs again.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No cycle collection inside the ``with`` block (or a function it decorates)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
