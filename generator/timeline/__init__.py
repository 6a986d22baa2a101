"""timeline.yaml: load it with positions, check it against the articles, suggest events.

Every problem becomes a :class:`~generator.model.Diagnostic` printed as
``timeline.yaml:LINE:COL: error: message``; nothing here raises on bad input.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Diagnostic, Timeline
from .load import load_file, load_text
from .validate import apply_overrides, check, validate

__all__ = ["apply_overrides", "check", "load_timeline", "load_timeline_text", "validate"]


def load_timeline(path: Path, display: str | None = None) -> tuple[Timeline, list[Diagnostic]]:
    """Every valid event of the file plus all diagnostics; ``display`` names it in messages."""
    loaded = load_file(path, display)
    return loaded.timeline, loaded.diagnostics


def load_timeline_text(text: str, display: str) -> tuple[Timeline, list[Diagnostic]]:
    loaded = load_text(text, display)
    return loaded.timeline, loaded.diagnostics
