"""The site's pages and files kept between builds: a build whose inputs are the last
build's exactly does not render the pages or write the exports again.

Rendering every page's Markdown and the exports (the calendar above all) is most of
what a warm build of a big timeline still costs. What they come from is the timeline
as read, every article file's text, the site's settings (:class:`~.pipeline.Inputs`), the
site owner's templates, the build date and the generator's own files; the key hashes
all of it, so an entry is found only when the same pages would come out.
"""

from __future__ import annotations

import base64
import dataclasses
from collections.abc import Sequence

from .cache import JsonCache, code_fingerprint, digest, folder_parts
from .model import Corpus, RawText
from .pipeline import Inputs, build_date, render_options, site_files
from .render import PageMemo, render_pages

Files = tuple[dict[str, str], dict[str, bytes]]


def site_key(
    inputs: Inputs, corpus: Corpus, raws: Sequence[RawText], owner: Sequence[str | bytes]
) -> str:
    """The timeline as it was read (not the file again: it may have been saved since);
    ``owner``: the site owner's templates as they were read (:func:`folder_parts`)."""
    settings = repr(dataclasses.replace(inputs, workers=1))  # not what the pages show
    when = build_date()
    texts = [part for raw in raws for part in (raw.name, raw.path, raw.text)]
    timeline = repr(corpus.timeline)  # frozen dataclasses of text, numbers and tuples
    shown_date = when.isoformat() if when else ""
    return digest(code_fingerprint(), settings, timeline, shown_date, *owner, *texts)


def cached_site_files(
    corpus: Corpus,
    raws: Sequence[RawText],
    inputs: Inputs,
    cache: JsonCache | None,
    memo: PageMemo | None = None,
) -> Files:
    """:func:`~.pipeline.site_files`, from ``cache`` when the inputs did not change;
    else ``memo`` gives back the pages of the last build that did not change.

    Under ``serve`` (a ``memo``) the cache is looked in at the first build only: after
    it the memo finds what a save left unchanged, and the site is kept for the next
    start once, when the cache is saved (the server stops), not on every save.
    """
    if cache is None:
        return site_files(corpus, raws, inputs, memo)
    owner = folder_parts(inputs.templates)  # now: they may be edited before the entry is made
    key = None
    if memo is None or memo.empty():
        key = site_key(inputs, corpus, raws, owner)
        found = cache.get(key, "site")
        if isinstance(found, dict):
            other = {path: base64.b64decode(data) for path, data in found["other"].items()}
            pages = dict(found["pages"])
            if memo is not None:
                options = render_options(inputs)
                memo.prime(pages, lambda: render_pages(corpus, options, memo))
            return pages, other
    pages, other = site_files(corpus, raws, inputs, memo)

    def entry() -> tuple[str, dict[str, object]]:
        shown = {path: base64.b64encode(data).decode("ascii") for path, data in other.items()}
        return key or site_key(inputs, corpus, raws, owner), {"pages": pages, "other": shown}

    if memo is None:
        cache.put(*entry())
    else:
        cache.put_later("site", entry)
    return pages, other
