"""Command line: the same stages as the site build, one subcommand each.

    python -m generator clean [--json] FILE...   cleaned Markdown (or JSON) of raw articles
    python -m generator check [TIMELINE]         validate timeline.yaml against the articles
    python -m generator suggest [TIMELINE]       dates in the articles that no event covers
    python -m generator build --out DIR          write the site's pages and exports to DIR

Exit status: 0 success, 1 bad input (one ``file:line:col: error: ...`` line each on
stderr), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import yaml

from . import mdwrite, published, timeline
from .cores import all_cores
from .messages import ENGLISH, say
from .model import Article, Diagnostic, InputError, RawText
from .pipeline import (
    Inputs,
    clean_all,
    load_corpus,
    read_articles,
    site_files,
    timeline_span,
    write_tree,
)
from .read import read_file
from .timeline.suggest import suggest

BUILD_MARKER = ".timeline-build"


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except InputError as err:
        _report(err.diagnostics, _language(args))
        return 1
    except BrokenPipeError:  # e.g. `... | head`
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(required=True, metavar="COMMAND")
    # Every command takes --lang; without it, the site's own language (mkdocs.yml).
    language = argparse.ArgumentParser(add_help=False)
    language.add_argument(
        "--lang",
        default="",
        metavar="LANGUAGE",
        help="language of the messages (zh, en); default: theme.language in mkdocs.yml",
    )

    p = sub.add_parser(
        "clean",
        parents=[language],
        help="print the cleaned articles of raw article files (text or saved web pages)",
    )
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="one JSON object per article")
    p.add_argument(
        "--timeline",
        type=Path,
        default=Path("timeline.yaml"),
        help="dates printed without a year are read within its span (if it exists)",
    )
    p.set_defaults(run=cmd_clean)

    for name, run, text in (
        ("check", cmd_check, "validate the timeline against the articles"),
        ("suggest", cmd_suggest, "list dates in the articles that no event covers"),
        ("build", cmd_build, "write the site's Markdown pages and exports to a folder"),
    ):
        p = sub.add_parser(name, parents=[language], help=text)
        p.add_argument("timeline", nargs="?", type=Path, default=Path("timeline.yaml"))
        p.add_argument("--articles", type=Path, default=Path("seeds"), help="raw articles folder")
        p.set_defaults(run=run)
        if name == "build":
            p.add_argument("--out", type=Path, required=True, help="output folder")
            p.add_argument("--site-url", default="", help="public URL of the site, for exports")
            # MkDocs reads these from mkdocs.yml; this command reads no engine's config.
            p.add_argument(
                "--site-name", default="", help="names the feed, calendar and TimelineJS title"
            )
            p.add_argument(
                "--site-description", default="", help="describes the feed, calendar and TimelineJS"
            )
    p = sub.add_parser(
        "published", parents=[language], help="check a built site's URLs point at this repository"
    )
    p.add_argument("site", type=Path, metavar="SITE_DIR")
    p.add_argument("--site-url", required=True, help="where this repository's site is published")
    p.add_argument("--repo-url", required=True, help="this repository's address")
    p.set_defaults(run=cmd_published)
    return parser


def cmd_published(args: argparse.Namespace) -> int:
    problems = published.check(args.site, args.site_url, args.repo_url)
    _report(problems, _language(args))
    return 1 if problems else 0


def _inputs(args: argparse.Namespace) -> Inputs:
    return Inputs(
        articles=args.articles,
        timeline=args.timeline,
        root=Path.cwd(),
        site_url=getattr(args, "site_url", ""),
        site_name=getattr(args, "site_name", ""),
        site_description=getattr(args, "site_description", ""),
        workers=all_cores(),
    )


def _language(args: argparse.Namespace) -> str:
    return str(getattr(args, "lang", "") or site_language())


def _report(diagnostics: Sequence[Diagnostic], language: str = ENGLISH) -> None:
    for diagnostic in diagnostics:
        print(diagnostic.render(language), file=sys.stderr)


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for one key: its ``!ENV`` and ``!!python/name:`` values are
    left unread (None) rather than run or refused."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_language(config: Path = Path("mkdocs.yml")) -> str:
    """The ``theme.language`` of the MkDocs config in this folder, so the commands speak
    the language of the site's error banner; English without one."""
    try:
        data = yaml.load(config.read_text("utf-8"), Loader=_AnyTagLoader)
        language = data["theme"]["language"]
    except (OSError, UnicodeDecodeError, yaml.YAMLError, TypeError, KeyError):
        return ENGLISH
    return language if isinstance(language, str) and language else ENGLISH


def article_json(article: Article) -> dict[str, object]:
    return {
        "id": article.id,
        "title": article.title,
        "author": article.author,
        "date": article.date.iso() if article.date else None,
        "publication": article.publication,
        "file": article.file,
        "markdown": mdwrite.article(article),
        "dropped": [{"line": d.line, "text": d.text, "reason": d.reason} for d in article.dropped],
    }


def cmd_clean(args: argparse.Namespace) -> int:
    raws: list[RawText] = []
    errors: list[Diagnostic] = []
    for path in args.files:
        try:
            raws.append(read_file(path, str(path)))
        except InputError as err:
            errors += err.diagnostics
    if errors:
        raise InputError(errors)
    span = timeline_span(args.timeline) if args.timeline.is_file() else None
    articles = clean_all(raws, span=span, workers=all_cores())
    if args.json:
        doc = [article_json(a) for a in articles]
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(mdwrite.article(a) for a in articles))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    inputs = _inputs(args)
    _, articles = read_articles(inputs)
    tl, problems = timeline.check(inputs.timeline, articles, inputs.display(inputs.timeline))
    _report(problems, _language(args))
    errors = sum(d.severity == "error" for d in problems)
    if errors:
        return 1
    summary = say(
        "{file}: ok: {events} events, {quotes} quotes verified in {articles} articles, "
        "{warnings} warnings",
        file=inputs.display(inputs.timeline),
        events=len(tl.events),
        quotes=sum(len(e.sources) for e in tl.events),
        articles=len(articles),
        warnings=len(problems),
    )
    print(summary.text(_language(args)))
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    inputs = _inputs(args)
    _, articles = read_articles(inputs)
    tl, problems = timeline.check(inputs.timeline, articles, inputs.display(inputs.timeline))
    _report([d for d in problems if d.severity == "error"], _language(args))
    found = suggest(articles, tl)
    for s in found:
        when = s.date.iso() + (f"..{s.end.iso()}" if s.end else "")
        print(f"{s.article}#{s.anchor}: {when}: {s.mention}: {s.sentence}")
    said = say("{count} date mentions not covered by any event", count=len(found))
    print(said.text(_language(args)), file=sys.stderr)
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    inputs = _inputs(args)
    out: Path = args.out
    previous = _previous_build(out)
    corpus, raws = load_corpus(inputs)
    pages, files = site_files(corpus, raws, inputs)
    # The marker lists what this command wrote, so the next build into the same folder
    # can remove pages that no longer exist (a deleted event must not stay published)
    # without ever touching a file it did not write.
    names = sorted([*pages, *files, BUILD_MARKER])
    files[BUILD_MARKER] = ("\n".join([MARKER_HEADER, *names]) + "\n").encode("utf-8")
    written = write_tree(out, pages, files)
    _remove_stale(out, previous - set(names))
    print(
        say("wrote {count} files to {out}", count=len(written), out=str(out)).text(_language(args))
    )
    return 0


MARKER_HEADER = "# written by python -m generator build; files it wrote:"


def _previous_build(out: Path) -> set[str]:
    """Files the last build wrote into ``out``; refuse a folder this command did not make."""
    if out.exists() and not out.is_dir():
        said = say("output path is a file; expected a folder")
        raise InputError([Diagnostic(str(out), 1, 1, said)])
    marker = out / BUILD_MARKER
    if out.exists() and any(out.iterdir()) and not marker.is_file():
        said = say(
            "output folder is not empty and was not written by this command; "
            "choose a new or empty folder"
        )
        raise InputError([Diagnostic(str(out), 1, 1, said)])
    if not marker.is_file():
        return set()
    lines = marker.read_text(encoding="utf-8", errors="replace").splitlines()
    return {line for line in lines[1:] if line and not line.startswith("#")}


def _remove_stale(out: Path, stale: set[str]) -> None:
    root = out.resolve()
    for rel in sorted(stale):
        target = (root / rel).resolve()
        if root in target.parents and target.is_file():  # a hand-edited marker stays harmless
            target.unlink()
