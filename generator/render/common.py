"""What every page renderer shares: the options, the export links, months, edit links."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from .. import paths
from ..labels import Labels
from ..model import Event


@dataclass(frozen=True)
class Options:
    site_url: str = ""
    repo_url: str = ""
    edit_uri: str = ""  # repository-root prefix, e.g. ``blob/main/``
    timeline_path: str = "timeline.yaml"
    articles_path: str = "seeds"  # the articles folder, from the repository root
    labels: Labels = field(default_factory=Labels)
    templates: str = ""  # the site owner's template folder (their copies win)
    site_name: str = ""
    site_description: str = ""


EXPORTS = {
    "feed": "feed.xml",
    "calendar": "timeline.ics",
    "json": "timeline.json",
    "timelinejs": "timelinejs.json",
}


def exports(page: str, site_url: str) -> dict[str, str]:
    """Links to the exports from ``page``; ``webcal`` only when the site's address is known
    (a calendar app subscribes to an absolute address)."""
    return dict(_exports(paths.up_to_root(page), site_url))


# The exports sit at the site's root, so the way to them is the way up: the same links
# for every page as deep (every page shows them).
@functools.lru_cache(maxsize=64)
def _exports(up: str, site_url: str) -> dict[str, str]:
    links = {key: paths.from_root(up, name) for key, name in EXPORTS.items()}
    links["webcal"] = webcal_url(site_url)
    return links


def webcal_url(site_url: str) -> str:
    """The calendar as a ``webcal:`` address (what calendar apps subscribe to); "" when
    the site's address is not known."""
    scheme, _, rest = site_url.partition("://")
    if scheme not in ("http", "https") or not rest:
        return ""
    return "webcal://" + rest.rstrip("/") + "/" + EXPORTS["calendar"]


def month_key(event: Event) -> tuple[int, int]:
    return (event.date.year, event.date.month or 0)


def month_anchor(key: tuple[int, int]) -> str:
    year, month = key
    return f"m{year}-{month:02d}" if month else f"m{year}"


def edit_url(options: Options, path: str, line: int = 0) -> str | None:
    """Link to a repository file (an event's line in ``timeline.yaml``, an article's
    seed file) on the repository, when the repository is known."""
    if not options.repo_url or not path:
        return None
    base = options.repo_url.rstrip("/") + "/" + options.edit_uri.lstrip("/")
    if not base.endswith("/"):
        base += "/"
    return f"{base}{path}" + (f"#L{line}" if line else "")
