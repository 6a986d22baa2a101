"""Page skeletons as Jinja templates a site owner can override, one per page kind.

Python builds each page's content (events as cards, links, dates in the site's
language: :mod:`.cards`); the templates in ``generator/templates/`` lay it out. A
site owner copies one of them into their own folder (the plugin's ``templates:``
option) and changes it; their copy wins, every other page keeps the shipped one.

Templates write Markdown pages whose generated parts are HTML blocks, escaped by
Jinja's autoescaping: every string from the input (titles, tags, quotes) becomes
inert text. Where a template writes Markdown itself (the page heading, which MkDocs
reads for the page title and table of contents), ``|md`` escapes for Markdown.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .. import paths
from ..cache import digest, folder_parts
from ..labels import Labels
from ..mdwrite import escape
from ..summary import summary_html
from .memo import PageMemo

TEMPLATE_SUFFIX = ".md"


def md(text: str) -> Markup:
    """Text escaped for a Markdown heading or paragraph (already inert as HTML)."""
    return Markup(escape(str(text)))


@functools.lru_cache(maxsize=8)
def environment(owner_dir: str, labels: Labels, owner_version: str = "") -> jinja2.Environment:
    """Templates from ``owner_dir`` (when set) first, then the shipped ones.

    Compiled templates are not checked against their files on every use (that is a
    ``stat`` a page for each template it includes): an edit to the owner's folder
    gives a new ``owner_version``, so a new environment; the shipped ones change only
    with the code.
    """
    shipped = jinja2.PackageLoader("generator", "templates")
    loaders: list[jinja2.BaseLoader] = []
    if owner_dir:
        loaders.append(jinja2.FileSystemLoader(owner_dir))
    # ``base/event.md`` is always the shipped template, so an owner's ``event.md`` can
    # extend it and change one block instead of copying the whole page.
    loaders += [shipped, jinja2.PrefixLoader({"base": shipped})]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["md"] = md
    env.filters["summary"] = lambda text: Markup(summary_html(text))
    env.globals["t"] = labels
    env.globals["link"] = paths.href
    env.globals["once"] = Once()
    return env


class Once:
    """``once(macro, *args)`` in a template: the macro's output, drawn once for the same
    arguments. A card is the same on every list as deep (:mod:`.cards`), and an event is
    on several lists; its HTML was most of what a list page cost. A macro depends only on
    its arguments and the environment's globals and filters, and each environment (one
    per language and owner's templates) has its own ``Once``. Bounded: emptied when full,
    so a long ``mkdocs serve`` session does not keep every card it ever drew."""

    LIMIT = 50_000  # a 10,000-event site draws about 10,300 (card, depth) pairs

    def __init__(self) -> None:
        self.drawn: dict[tuple[Any, ...], Any] = {}

    def __call__(self, macro: Any, *args: Any) -> Any:
        key = (macro, *args)
        found = self.drawn.get(key)
        if found is None:
            if len(self.drawn) >= self.LIMIT:
                self.drawn.clear()
            found = self.drawn[key] = macro(*args)
        return found


def front_matter(kind: str, *, edit_url: str | None = None, tags: Iterable[str] = ()) -> Markup:
    """The page's YAML front matter: what it is, where to edit it, what it is tagged.

    Values are JSON (a subset of YAML) with non-ASCII escaped, so no tag can break
    out of its string or be read as a line break by the YAML reader.
    """
    meta: dict[str, Any] = {"timeline_kind": kind, "hide": ["navigation"]}
    if edit_url:
        meta["timeline_edit_url"] = edit_url
    tags = list(tags)
    if tags:
        meta["timeline_tags"] = tags
    lines = [f"{key}: {json.dumps(value)}" for key, value in meta.items()]
    return Markup("---\n" + "\n".join(lines) + "\n---\n")


class Renderer:
    """Renders page templates for one site: its language, its owner's templates."""

    def __init__(
        self, labels: Labels, owner_dir: str | Path | None = None, memo: PageMemo | None = None
    ) -> None:
        self.labels = labels
        owner = str(owner_dir or "")
        version = digest(*folder_parts(owner))
        self.env = environment(owner, labels, version)
        self.memo = memo
        if memo is not None:
            memo.begin(labels, version)

    def partial(self, template: str, **context: Any) -> str:
        """A piece of a page (``partials/...``), rendered on its own."""
        return self.env.get_template(template).render(**context)

    def page(self, template: str, path: str, **context: Any) -> str:
        """``template`` (a page kind's file name) rendered for the page at ``path``."""
        if self.memo is not None:
            known = self.memo.known.get(path)
            return self.memo.page(
                (template, path, context),
                lambda: known if known is not None else self._page(template, path, context),
            )
        return self._page(template, path, context)

    def _page(self, template: str, path: str, context: dict[str, Any]) -> str:
        out = self.env.get_template(template + TEMPLATE_SUFFIX).render(page=path, **context)
        return out if out.endswith("\n") else out + "\n"
