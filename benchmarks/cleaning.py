"""``python -m benchmarks.cleaning``: the cleaner measured against hand-labelled fixtures.

Each fixture in ``tests/fixtures/gold/`` is a raw file and a ``NAME.gold.yaml`` that says
what a careful editor would make of it (see ``tests/fixtures/README.md``). All
fixtures are cleaned twice: together, as one corpus (as a site build does), and each
alone. The table gives, per kind of source and in all:

* metadata: the share of articles whose title, author, date and publication are right;
* body: the share of the gold body's sentences found in the cleaned text;
* furniture: the share of labelled furniture lines that reached no article body or title;
* paragraphs: gold paragraphs that came out split or glued to another (text all there);
* corpus ≠ alone: files whose articles differ between the two ways by more than the
  shared furniture lines the corpus may remove (it must be 0).

``--check FILE…`` checks gold files against their raw files instead (every body sentence
and furniture line really is in the file; lines neither body nor furniture are listed).

Saved web pages (``.html``) are scored the same way, with the page's visible text blocks
standing for lines (a furniture entry is one such block); their groups (``html``, and
``htmlho`` for the held-out pages) are rows of their own.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.clean import clean_corpus, clean_text
from generator.model import Article, RawText
from generator.read import read_file
from generator.webpage import is_web_page

from .gold import FIELDS, Gold, all_gold, check, sentences, squash


@dataclass
class Score:
    """Counts for one fixture (or a sum of them) in one mode."""

    files: int = 0
    articles: int = 0
    fields: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    sentences: int = 0
    kept: int = 0
    furniture: int = 0
    furniture_left: int = 0
    paragraphs: int = 0
    broken: int = 0
    differs: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("files", "articles", "sentences", "kept", "furniture", "paragraphs"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("furniture_left", "broken", "differs"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for key in FIELDS:
            self.fields[key] += other.fields[key]
        self.misses += other.misses


def shown(value: Any) -> str | None:
    """A gold or cleaned field as text, for comparing (dates as ``YYYY[-MM[-DD]]``)."""
    if value is None:
        return None
    iso = getattr(value, "iso", None)
    return iso() if callable(iso) else str(value)


def score(gold: Gold, raw: RawText, articles: Sequence[Article]) -> Score:
    out = Score(files=1, articles=len(gold.articles))
    for k, want in enumerate(gold.articles):
        got = articles[k] if k < len(articles) else None
        for key in FIELDS:
            value = shown(getattr(got, key)) if got is not None else "(no article)"
            if value == shown(want[key]):
                out.fields[key] += 1
            else:
                out.misses.append(f"{gold.name}#{k + 1} {key}: want {want[key]!r}, got {value!r}")
    _score_body(gold, articles, out)
    _score_furniture(gold, raw, articles, out)
    return out


def _score_body(gold: Gold, articles: Sequence[Article], out: Score) -> None:
    blocks = [squash(b.text) for a in articles for b in a.blocks]
    text = "\n".join(blocks)
    whole = set(blocks)
    for k, want in enumerate(gold.articles):
        for para in want["body"]:
            para = squash(str(para))
            found = [s for s in sentences(para) if s in text]
            lost = [s for s in sentences(para) if s not in text]
            out.sentences += len(found) + len(lost)
            out.kept += len(found)
            out.misses += [f"{gold.name}#{k + 1} lost: {s}" for s in lost]
            out.paragraphs += 1
            if not lost and para not in whole:
                out.broken += 1
                out.misses.append(f"{gold.name}#{k + 1} split or glued: {para[:40]}…")


def _score_furniture(gold: Gold, raw: RawText, articles: Sequence[Article], out: Score) -> None:
    used = {n for a in articles for b in a.blocks for n in b.lines}
    titles = {squash(a.title) for a in articles}
    numbers = _line_numbers(raw.text)
    page = is_web_page(raw.name)
    blocks = [squash(b.text) for a in articles for b in a.blocks]
    for line in gold.furniture:
        out.furniture += 1
        where = numbers.get(squash(line), [])
        if page:
            # A page's furniture is a text block, not a source line: kept when its
            # text is a block of the article, or stands inside one.
            kept = any(_holds(block, squash(line)) for block in blocks)
        else:
            kept = any(n in used for n in where)
        if kept or squash(line) in titles:
            out.furniture_left += 1
            out.misses.append(f"{gold.name} furniture kept: {line}")


# Shorter furniture (``东湖网``, ``新闻``) is only kept when it is a block on its own: as
# part of a block it is as likely the article's own word.
_FURNITURE_IN_BLOCK = 6


def _holds(block: str, furniture: str) -> bool:
    return block == furniture or (len(furniture) >= _FURNITURE_IN_BLOCK and furniture in block)


def _line_numbers(text: str) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for no, line in enumerate(text.split("\n"), start=1):
        out.setdefault(squash(line), []).append(no)
    return out


def fingerprint(
    articles: Iterable[Article], furniture: AbstractSet[int] = frozenset()
) -> list[Any]:
    """What must not change with the company a file is cleaned in: everything but the
    blocks made of the lines ``furniture`` (those the corpus removed as shared)."""
    return [
        [
            a.id,
            a.title,
            a.author,
            a.publication,
            shown(a.date),
            [b.text for b in a.blocks if not set(b.lines) <= furniture],
        ]
        for a in articles
    ]


def evaluate(golds: Sequence[Gold]) -> dict[str, dict[str, Score]]:
    """``{mode: {group: Score}}`` for the modes ``corpus`` and ``alone``, with ``all``."""
    raws = [read_file(g.raw) for g in golds]
    together = clean_corpus(raws)
    by_file: dict[str, list[Article]] = {}
    for art in together:
        by_file.setdefault(art.file, []).append(art)
    result: dict[str, dict[str, Score]] = {"corpus": {}, "alone": {}}
    for gold, raw in zip(golds, raws, strict=True):
        alone = clean_text(raw)
        corpus = by_file.get(raw.name, [])
        shared = {d.line for a in corpus for d in a.dropped if d.reason == "repeated"}
        differs = int(fingerprint(alone, shared) != fingerprint(corpus))
        for mode, arts in (("corpus", corpus), ("alone", alone)):
            got = score(gold, raw, arts)
            got.differs = differs
            for group in (gold.group, "all"):
                result[mode].setdefault(group, Score()).add(got)
    return result


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}" if whole else "    —"


def table(result: dict[str, dict[str, Score]]) -> str:
    head = "| mode | kind | files | title | author | date | publ. | body kept | furniture gone "
    head += "| broken ¶ | corpus≠alone |"
    rows = [head, "|" + "---|" * 11]
    for mode, groups in result.items():
        for group in sorted(groups, key=lambda g: (g == "all", g)):
            s = groups[group]
            cells = [mode, group, str(s.files)]
            cells += [_pct(s.fields[k], s.articles) for k in FIELDS]
            cells += [_pct(s.kept, s.sentences), _pct(s.furniture - s.furniture_left, s.furniture)]
            cells += [f"{s.broken}/{s.paragraphs}", str(s.differs)]
            rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def as_json(result: dict[str, dict[str, Score]]) -> dict[str, Any]:
    return {m: {g: vars(s) for g, s in groups.items()} for m, groups in result.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.cleaning", description=__doc__)
    parser.add_argument("files", nargs="*", help="fixtures (raw or gold); default: all")
    parser.add_argument("--check", action="store_true", help="check the gold files only")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--json", help="also write the counts to this file")
    args = parser.parse_args(argv)
    golds = all_gold(args.files)
    if args.check:
        bad = 0
        for gold in golds:
            for problem in check(gold):
                bad += 1
                print(f"{gold.raw.name}: {problem}")
        print(f"{len(golds)} gold files checked, {bad} problems")
        return 1 if bad else 0
    result = evaluate(golds)
    print(table(result))
    if args.verbose:
        for miss in result["corpus"]["all"].misses:
            print("  corpus:", miss)
        alone = set(result["alone"]["all"].misses) - set(result["corpus"]["all"].misses)
        for miss in sorted(alone):
            print("  alone: ", miss)
    if args.json:
        text = json.dumps(as_json(result), ensure_ascii=False, indent=1)
        Path(args.json).write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
