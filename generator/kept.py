"""What one run made, kept for the next run only: under ``mkdocs serve``, one save's
pages, events and quotes for the next save, which changes a few of thousands.

Two generations: what this run used, and what the last run that used anything did.
A run that found nothing to keep (a broken save) leaves the last run's in place, so
the save after it still finds them. Whatever the runs before did not use is gone.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Kept(Generic[K, V]):
    def __init__(self) -> None:
        self.last: dict[K, V] = {}
        self.now: dict[K, V] = {}

    def begin(self) -> None:
        """A new run."""
        self.last, self.now = self.now or self.last, {}

    def empty(self) -> bool:
        return not (self.now or self.last)

    def find(self, key: K) -> tuple[V | None, bool]:
        """The value kept under ``key``, this run's or else the last run's (``None``:
        none), and whether it is the last run's."""
        found = self.now.get(key)
        if found is not None:
            return found, False
        found = self.last.get(key)
        return found, found is not None

    def keep(self, key: K, value: V) -> None:
        """``value`` is this run's, and the next run's to find."""
        self.now[key] = value
