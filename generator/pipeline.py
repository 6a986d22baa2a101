"""The whole pipeline as plain function calls: read -> clean -> timeline -> validate.

The MkDocs plugin and the command line both come through here, so a site built by
MkDocs and a folder written by ``python -m generator build`` hold the same pages.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import clean, export, render, search, timeline
from .cache import JsonCache
from .messages import Message, say
from .model import Article, Corpus, Diagnostic, InputError, RawText, Timeline
from .read import SUFFIXES, read_dir
from .webpage import is_web_page


@dataclass(frozen=True)
class Inputs:
    """Where the inputs are, and how the published site is addressed."""

    articles: Path
    timeline: Path
    root: Path  # messages show paths relative to this folder
    site_url: str = ""
    repo_url: str = ""
    edit_uri: str = ""  # repository prefix of editable files, e.g. ``edit/main/``
    site_name: str = ""
    site_description: str = ""
    language: str = "zh"  # the site's language: picks the table of labels
    templates: str = ""  # the site owner's page templates, overriding the shipped ones
    labels: tuple[tuple[str, str], ...] = ()  # the site owner's changes to the labels
    workers: int = 1  # processes that clean the files and render the pages (generator.cores)

    def display(self, path: Path) -> str:
        try:
            return str(path.resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)


def read_articles(
    inputs: Inputs, cache: JsonCache | None = None
) -> tuple[list[RawText], list[Article]]:
    if not inputs.articles.is_dir():
        said = say("articles folder not found")
        raise InputError([Diagnostic(inputs.display(inputs.articles), 1, 1, said)])
    raws = read_dir(inputs.articles, inputs.root)
    if not raws:
        # Else every source would be an "unknown article", and the cause never said.
        said = say(
            "no articles: the folder holds no article file ({kinds}); expected the raw "
            "articles, one per file",
            kinds=", ".join(f"`*{suffix}`" for suffix in SUFFIXES),
        )
        raise InputError([Diagnostic(inputs.display(inputs.articles), 1, 1, said)])
    return raws, clean_all(raws, cache, timeline_span(inputs.timeline), inputs.workers)


def timeline_span(path: Path) -> clean.YearSpan | None:
    """The months the timeline covers, for article dates printed without a year.

    A timeline that does not load gives none (its errors are reported when it is
    checked against the articles).
    """
    events = timeline.load_timeline(path)[0].events
    if not events:
        return None
    first = min((e.date.year, e.date.month or 1) for e in events)
    last = max(((e.end or e.date).year, (e.end or e.date).month or 12) for e in events)
    return clean.YearSpan(first, last)


def clean_all(
    raws: Sequence[RawText],
    cache: JsonCache | None = None,
    span: clean.YearSpan | None = None,
    workers: int = 1,
) -> list[Article]:
    """Clean every file; a file that yields no article at all is an error.

    The cleaner reports each line it leaves out on the article it belongs to; a file
    made only of page furniture has no article to carry that report, so it would
    vanish from the site without a word.
    """
    articles = clean.clean_corpus(raws, cache, span, workers)
    files = {article.file for article in articles}
    empty = [raw for raw in raws if raw.name not in files]
    if empty:
        raise InputError([Diagnostic(raw.path, 1, 1, _no_article(raw)) for raw in empty])
    return articles


def _no_article(raw: RawText) -> Message:
    if is_web_page(raw.name):
        return say(
            "no article found in this web page: it holds no article text (a front page, "
            "a list of links or a login wall?); save the article's own page, or copy its "
            "text into a .txt file"
        )
    return say(
        "no article text found: every line was left out as page furniture "
        "(navigation, QR-code prompts, disclaimers, captions); expected an article"
    )


def load_corpus(inputs: Inputs, cache: JsonCache | None = None) -> tuple[Corpus, list[RawText]]:
    """Read, clean and validate everything; raise :class:`InputError` listing every error.

    ``cache`` keeps cleaned files between builds (see :mod:`generator.clean.cached`).
    """
    raws, articles = read_articles(inputs, cache)
    tl, problems = timeline.check(inputs.timeline, articles, inputs.display(inputs.timeline))
    errors = [d for d in problems if d.severity == "error"]
    if errors:
        raise InputError(errors)
    articles = timeline.apply_overrides(articles, tl)
    warnings = tuple(d for d in problems if d.severity == "warning")
    return Corpus(articles=tuple(articles), timeline=tl, warnings=warnings), raws


def build_date() -> dt.datetime | None:
    """The build's timestamp for exports, only when the caller pins it (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)


def skeleton_files(inputs: Inputs, waiting: str) -> tuple[dict[str, str], dict[str, bytes]]:
    """The site with no events nor articles, for a preview started on a broken input:
    every page the navigation offers exists, the timeline saying ``waiting`` (the events
    are there, behind the error) rather than that it has none."""
    empty = Corpus(articles=(), timeline=Timeline(inputs.display(inputs.timeline)))
    changes = (*inputs.labels, ("timeline_empty", waiting))
    return site_files(empty, [], dataclasses.replace(inputs, labels=changes))


def render_options(inputs: Inputs) -> render.Options:
    """What the page templates are given besides the corpus."""
    return render.Options(
        site_url=inputs.site_url,
        repo_url=inputs.repo_url,
        edit_uri=inputs.edit_uri,
        timeline_path=inputs.display(inputs.timeline),
        articles_path=inputs.display(inputs.articles),
        labels=render.Labels(inputs.language, inputs.labels),
        templates=inputs.templates,
        site_name=inputs.site_name,
        site_description=inputs.site_description,
    )


def site_files(
    corpus: Corpus, raws: Sequence[RawText], inputs: Inputs, memo: render.PageMemo | None = None
) -> tuple[dict[str, str], dict[str, bytes]]:
    """Markdown pages (path -> text) and other files (path -> bytes) of the site;
    ``memo`` keeps pages between the builds of one process (``mkdocs serve``)."""
    pages = render.render_pages(corpus, render_options(inputs), memo, inputs.workers)
    files = export.export_all(
        corpus,
        inputs.site_url,
        build_date(),
        title=inputs.site_name or export.DEFAULT_TITLE,
        description=inputs.site_description,
        workers=inputs.workers,
    )
    files.update(search.scripts())
    files.update(render.static_files())
    for raw in raws:
        files[render.raw_path(raw.name)] = raw_bytes(raw)
    return pages, files


@functools.lru_cache(maxsize=20_000)  # a file read again unchanged is the same RawText
def raw_bytes(raw: RawText) -> bytes:
    """The raw article as collected, so readers can check the cleaning: every line as it
    was (the cleaning report's line numbers count these lines), in UTF-8 with a BOM.
    A saved web page is published the same way, as its source text under a ``.txt``
    name (:func:`generator.paths.raw_file`): served as plain text, never as a live page.

    Seeds come in GB18030 or Big5 too, and a ``.txt`` file is served as ``text/plain``
    often without a charset (``mkdocs serve`` among others): browsers then guess, and
    Chinese turns to mojibake. The BOM makes every browser read UTF-8.
    """
    return b"\xef\xbb\xbf" + raw.text.encode("utf-8")


def write_tree(out: Path, pages: dict[str, str], files: dict[str, bytes]) -> list[Path]:
    """Write pages and files below ``out`` (for engines other than MkDocs).

    Every path was made by :mod:`generator.paths`; the check here is a second lock
    so that nothing is ever written outside ``out``.
    """
    root = out.resolve()
    items: list[tuple[str, bytes]] = [(p, t.encode("utf-8")) for p, t in pages.items()]
    items += list(files.items())
    # Every target is checked before the first byte is written, so a bad path never
    # leaves a half-written folder behind.
    targets = [((root / rel).resolve(), rel, data) for rel, data in sorted(items)]
    for target, rel, _ in targets:
        if root not in target.parents:
            said = say("refusing to write outside the output folder")
            raise InputError([Diagnostic(rel, 1, 1, said)])
    written: list[Path] = []
    for target, _, data in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)
    return written
