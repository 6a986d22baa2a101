"""The banner over every page of the preview while the input is broken.

Markdown (an admonition), so it goes through the page's own Markdown like the rest of
the page; the problems in the site's language.
"""

from __future__ import annotations

from .mdwrite import escape
from .model import Diagnostic
from .render import Labels


def error_banner(
    errors: tuple[Diagnostic, ...], labels: Labels, *, shown_is_last_good: bool = True
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
