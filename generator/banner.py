"""The error banner over every page of ``mkdocs serve`` while the input is broken."""

from __future__ import annotations

from . import render
from .mdwrite import escape
from .model import Diagnostic


def error_banner(
    errors: tuple[Diagnostic, ...], labels: render.Labels, *, shown_is_last_good: bool = True
) -> str:
    """The admonition over every page while the input is broken: each problem in the
    site's language, and whether the pages below are the last good version."""
    lines = "\n".join(_banner_entry(d.render(labels.language)) for d in errors)
    title = labels("banner_last_good" if shown_is_last_good else "banner_no_good_version")
    heading = labels("banner_title", state=title).replace('"', "&quot;")
    return f'!!! failure "{heading}"\n\n{lines}\n\n    {labels("banner_fix")}\n\n'


def _banner_entry(message: str) -> str:
    """A problem's first line as text, any lines under it (a quote, a caret under its
    difference) as a code block: monospace, so the caret stands under its character."""
    first, *more = message.split("\n")
    entry = f"    {escape(first)}  "
    return entry + "".join(f"\n        {line}" for line in ["", *more, ""]) if more else entry
