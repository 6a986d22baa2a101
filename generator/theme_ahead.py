"""A cold build's pages put through the theme on every core before MkDocs writes them.

Once the pages are converted, Material's templates are the biggest part of a cold
build: a few milliseconds a page, one page after another in one process. Every page
is converted by ``on_env``, so forked workers run what MkDocs runs for a page (its
context, ``on_page_context``, the template, ``on_post_page``) on their copy of the
site and hand back what the template made. The build then gives each page that HTML
the way it gives a page kept from the last build (:class:`PageOutput`): the page
still goes through its own events in the build's process, so every plugin sees every
page once there. A page that warned or failed in a worker is rendered by the build as
usual, so what it says is said once, in the build's log.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .cores import can_fork, fork_calls
from .page_cache import only_count_warnings, warning_count
from .page_output import PageOutput

MIN_PAGES = 64  # fewer pages render faster than workers start
PAGES_A_PIECE = 8  # a few at a time: one slow piece must not leave a worker alone at the end


def before_theme(
    output: PageOutput,
    env: Any,
    files: Files,
    config: MkDocsConfig,
    nav: Any,
    workers: int,
    meanwhile: Callable[[], None] | None,
) -> int:
    """``on_env``: the theme's environment gets the template of kept pages, each page
    its kept HTML if it has some, and the generated pages the theme must render are
    rendered on ``workers`` processes where that is safe, with ``meanwhile`` run in
    this process as they work; returns how many pages were sent."""
    output.install(env)
    built = files.documentation_pages(inclusion=InclusionLevel.is_included)
    # Pages a `serve --dirty` save skips were not read: nothing to plan for them.
    output.plan([f.page for f in built if f.page and f.page.markdown], nav)
    todo = [f for f in built if f.generated_by and f.src_uri in output.made and f.page]
    if workers < 2 or len(todo) < MIN_PAGES or not can_fork():
        if meanwhile is not None:
            meanwhile()
        return 0
    calls = [functools.partial(_render, config, built, nav, env, f) for f in todo]
    for made in fork_calls(
        calls, workers, PAGES_A_PIECE, meanwhile, "pages put through the theme ahead"
    ):
        for src_uri, html in made:
            page = files.get_file_from_path(src_uri)
            assert page is not None and page.page is not None
            output.give(page.page, html)
    return len(todo)


def _render(
    config: MkDocsConfig, built: Sequence[File], nav: Any, env: Any, file: File
) -> list[tuple[str, str]]:
    """In a worker: what the theme makes of one page, as ``mkdocs build`` runs it
    (``_build_page``); nothing if the page warned or failed."""
    only_count_warnings()
    page = file.page
    assert isinstance(page, Page)
    before = warning_count()
    config._current_page = page
    page.active = True
    try:
        context = get_context(nav, built, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        html = template.render(context)
        # What follows a page in the build, for whatever state plugins keep per page.
        config.plugins.on_post_page(html, page=page, config=config)
    except Exception:  # the build renders it again and says what went wrong
        return []
    finally:
        page.active = False
        config._current_page = None
    return [] if warning_count() != before else [(file.src_uri, html)]
