"""The gold-labelled fixtures of ``tests/fixtures/gold``: loading them, and checking that a
gold file says only what its raw file holds (``python -m benchmarks.cleaning --check``).
See ``tests/fixtures/README.md`` for the format."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.clean.lines import parse_line
from generator.read import read_file
from generator.webpage import is_web_page, visible

GOLD = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "gold"
FIELDS = ("title", "author", "date", "publication")
_SENTENCE = re.compile(r"[^。！？!?；;…]*(?:[。！？!?；;…]+[”’」』）)]*|$)")
_SPACE = re.compile(r"\s+")
_HYPHEN = re.compile(r"(?<=[A-Za-z])-\n(?=[a-z])")


@dataclass(frozen=True)
class Gold:
    name: str
    raw: Path
    kind: str
    articles: tuple[dict[str, Any], ...]
    furniture: tuple[str, ...]

    @property
    def group(self) -> str:
        return self.name.split("_", 1)[0]


def squash(text: str) -> str:
    return _SPACE.sub("", text)


def sentences(text: str) -> list[str]:
    return [s for s in (m.group(0).strip() for m in _SENTENCE.finditer(text)) if s]


def load(path: Path) -> Gold:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    name = path.name.removesuffix(".gold.yaml")
    raws = [p for p in path.parent.glob(f"{name}.*") if not p.name.endswith(".gold.yaml")]
    if len(raws) != 1:
        raise SystemExit(f"{path}: expected one raw file {name}.*, found {len(raws)}")
    articles = tuple(data.get("articles") or ())
    for art in articles:
        missing = [k for k in (*FIELDS, "body") if k not in art]
        if missing:
            raise SystemExit(f"{path}: an article lacks {', '.join(missing)}")
    furniture = tuple(str(x).strip() for x in data.get("furniture") or ())
    return Gold(name, raws[0], str(data.get("kind", "")), articles, furniture)


def all_gold(paths: Sequence[str]) -> list[Gold]:
    if paths:
        return [load(_gold_path(Path(p))) for p in paths]
    return [load(p) for p in sorted(GOLD.glob("*.gold.yaml"))]


def _gold_path(path: Path) -> Path:
    if path.name.endswith(".gold.yaml"):
        return path
    return path.with_name(path.name.split(".", 1)[0] + ".gold.yaml")


def check(gold: Gold) -> list[str]:
    """Problems of a gold file: text that is not in its raw file, lines left unlabelled."""
    raw = read_file(gold.raw)
    if is_web_page(raw.name):
        return check_page(gold, raw.text)
    # ``inter-`` / ``national`` is one word, ``e-`` / ``commerce`` keeps its hyphen.
    # A furniture mark may also stand inside a sentence (an OCR'd ``A04``).
    bare = raw.text
    for mark in gold.furniture:
        bare = bare.replace(mark, "")
    flat = "\n".join(squash(t) for t in (raw.text, _HYPHEN.sub("", raw.text), bare))
    lines = {squash(ln) for ln in raw.text.split("\n")}
    # A line counts as body also as the cleaner reads it: bullet gone, markup decoded.
    read = [squash(parse_line(no, ln).text) for no, ln in enumerate(raw.text.split("\n"), 1)]
    problems = []
    body = [squash(str(p)) for a in gold.articles for p in a["body"]]
    for para in body:
        problems += [
            f"body sentence not in the raw file: {s}" for s in sentences(para) if s not in flat
        ]
    problems += [
        f"furniture not a line of the raw file: {f}"
        for f in gold.furniture
        if squash(f) not in lines
    ]
    labelled = {squash(f) for f in gold.furniture} | {
        squash(str(a["title"])) for a in gold.articles
    }
    joined = "\n".join(body)
    titles = "\n".join(squash(str(a["title"])) for a in gold.articles)
    for no, line in enumerate(raw.text.split("\n"), start=1):
        key = squash(line)
        keys = (key, read[no - 1], key.rstrip("-"))
        covered = (k in labelled or k in joined or k in titles for k in keys)
        if key and not any(covered):
            problems.append(f"line {no} is neither body, title nor furniture: {line.strip()}")
    return problems


def page_blocks(source: str) -> list[str]:
    """The visible text blocks of a saved page, squashed: a web page's "lines"."""
    root = visible.parse(source)
    return [] if root is None else [squash(b.text) for b in visible.blocks(root)]


def check_page(gold: Gold, source: str) -> list[str]:
    """:func:`check` for a saved web page: its visible text blocks stand for lines."""
    shown = page_blocks(source)
    flat = "\n".join(shown)
    body = [squash(str(p)) for a in gold.articles for p in a["body"]]
    problems = [
        f"body sentence not in the page's text: {s}"
        for para in body
        for s in sentences(para)
        if s not in flat
    ]
    furniture = {squash(f) for f in gold.furniture}
    problems += [f"furniture not a text block of the page: {f}" for f in furniture - set(shown)]
    joined = "\n".join(body)
    titles = {squash(str(a["title"])) for a in gold.articles}
    problems += [
        f"text block is neither body, title nor furniture: {block}"
        for block in shown
        if block not in furniture and block not in titles and block not in joined
    ]
    return problems
