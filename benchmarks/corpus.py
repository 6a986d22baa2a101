"""A synthetic corpus of any size, built from the seeds' real text, as a MkDocs project.

Deterministic: article ``i`` uses ``random.Random(f"{seed}:{i}")`` only, so the same
``count`` and ``seed`` give byte-identical files. Article ``i`` is one file,
``{i:05d}_{style}.txt``, in one of four noisy styles (:mod:`.styles`), holding
paragraphs walked from the cleaned seeds' text (:mod:`.chain` says why not verbatim)
plus a sentence with a unique token (``观察记录{i:05d}``) so no two pages are alike.
The timeline has one event per file, ``ev-00001``..., dated in file order over
2020-01-23..2020-04-07, citing every article the real cleaner finds in that file
with a verbatim 15-40 character quote taken from the cleaned text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import re
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.clean import clean_corpus
from generator.model import Article
from generator.read import read_dir

from .chain import Chain, paragraph_pool
from .styles import STYLES, Parts

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "bench"
SEED = 2020
FIRST_DAY = dt.date(2020, 1, 23)
LAST_DAY = dt.date(2020, 4, 7)
TARGET_CHARS = 950  # about 3 KB of UTF-8 per article
STAMP = ".bench-stamp"

_ORGS = (
    "阿里巴巴", "钉钉", "淘宝", "支付宝", "阿里云", "盒马", "菜鸟", "网商银行", "快手", "滴滴",
    "字节跳动", "飞书", "美团", "京东", "腾讯", "拼多多", "饿了么", "优酷", "达摩院", "高德",
)  # fmt: skip
_PHRASES = (
    "数字化抗疫", "助力复工复产", "保障民生供应", "在线课堂开课", "远程办公提速", "直播助农",
    "扶持中小企业", "无接触配送", "智慧防疫", "医疗物资驰援", "数字政务上线", "共享员工",
)  # fmt: skip
_REPORTERS = ("黄鑫", "喻剑", "韩叙", "王轶辰", "朱银玲", "孙冰", "何畅", "李强", "陈航", "张楠")
_PLACES = ("武汉", "湖北", "杭州", "浙江", "郑州", "河南", "江西", "海南", "北京", "上海")
_TAGS = (
    "数字防疫", "数字政务", "民生保障", "医护保障", "医疗物资", "在线教育",
    "远程办公", "复工复产", "中小企业扶持", "金融支持", "直播电商", "助农",
)  # fmt: skip


@dataclass(frozen=True)
class Project:
    root: Path
    articles: int  # generated files
    cleaned: int  # articles the cleaner found in them
    events: int


def article_files(count: int, chain: Chain, seed: int = SEED) -> dict[str, str]:
    """``count`` raw article files: file name -> text."""
    files: dict[str, str] = {}
    for i in range(count):
        rng = random.Random(f"{seed}:{i}")
        name, style = STYLES[i % len(STYLES)]
        files[f"{i:05d}_{name}.txt"] = style(_parts(i, chain, rng), rng)
    return files


def _parts(i: int, chain: Chain, rng: random.Random) -> Parts:
    org, phrase = rng.choice(_ORGS), rng.choice(_PHRASES)
    chosen: list[str] = []
    while sum(map(len, chosen)) < TARGET_CHARS:
        chosen.append(chain.paragraph(rng, rng.randint(60, 220)))
    token = f"据观察记录{i:05d}，{org}在{rng.choice(_PLACES)}的{phrase}工作持续推进。"
    at = rng.randrange(len(chosen))
    chosen[at] = token + chosen[at]
    return Parts(
        headline=f"{org}：{phrase}第{i + 1}期",
        subtitle=f"{org}{phrase}行动概览之{i + 1}",
        reporter=rng.choice(_REPORTERS),
        paragraphs=tuple(chosen),
    )


def timeline_yaml(
    articles: Sequence[Article], files: Iterable[str], seed: int = SEED
) -> tuple[str, int]:
    """One event per file, citing each of that file's cleaned articles with a real quote.

    Returns the file's text and the number of events in it.
    """
    by_file: dict[str, list[Article]] = {}
    for article in articles:
        by_file.setdefault(article.file, []).append(article)
    names = [name for name in files if name in by_file]
    span = (LAST_DAY - FIRST_DAY).days
    events: list[dict[str, Any]] = []
    for number, name in enumerate(names):
        rng = random.Random(f"{seed}:event:{number}")
        sources = [
            {"article": a.id, "quote": q} for a in by_file[name] if (q := quote(a, rng)) is not None
        ]
        if sources:
            day = FIRST_DAY + dt.timedelta(days=number * span // max(1, len(names) - 1))
            events.append(_event(len(events) + 1, day, sources, rng))
    body = yaml.safe_dump(
        {"events": events}, allow_unicode=True, sort_keys=False, width=1000, indent=2
    )
    return "# yaml-language-server: $schema=schema/timeline.schema.json\n" + body, len(events)


def quote(article: Article, rng: random.Random) -> str | None:
    """A 15-40 character piece of one paragraph of the cleaned article, verbatim."""
    blocks = [b.text for b in article.blocks if b.kind != "heading" and len(b.text.strip()) >= 15]
    if not blocks:
        return None
    text = rng.choice(blocks)
    size = rng.randint(15, min(40, len(text)))
    start = rng.randrange(len(text) - size + 1)
    piece = text[start : start + size].strip()
    return piece if len(piece) >= 10 else text.strip()[:40]


def _event(
    number: int, day: dt.date, sources: list[dict[str, str]], rng: random.Random
) -> dict[str, Any]:
    orgs = rng.sample(_ORGS, rng.randint(1, 2))
    entities: dict[str, list[str]] = {"organizations": orgs}
    if rng.random() < 0.5:
        entities["places"] = [rng.choice(_PLACES)]
    if rng.random() < 0.3:
        entities["people"] = [rng.choice(_REPORTERS)]
    phrase = rng.choice(_PHRASES)
    return {
        "id": f"ev-{number:05d}",
        "date": day.isoformat(),
        "title": f"{orgs[0]}{phrase}进展（{number}）",
        "summary": _summary(number, day, orgs[0], phrase),
        "tags": rng.sample(_TAGS, rng.randint(1, 2)),
        "entities": entities,
        "sources": sources,
    }


def _summary(number: int, day: dt.date, org: str, phrase: str) -> str:
    """A summary of its own for each event, as a curator writes one: plain prose mostly,
    now and then with emphasis or a link (so the bench renders both kinds)."""
    text = f"{day.month}月{day.day}日，{org}推进{phrase}相关工作（第{number}项），详见所引原文。"
    if number % 10 == 3:
        return text.replace(org, f"**{org}**", 1)
    if number % 20 == 7:
        return f"{text}另见[第{number - 1}项](https://example.org/events/{number - 1})。"
    return text


def write_project(dest: Path, count: int, seed: int = SEED) -> Project:
    """A complete MkDocs project in ``dest`` (reused when its inputs have not changed)."""
    stamp = f"{count}:{seed}:{inputs_digest()}"
    if (dest / STAMP).is_file() and (dest / STAMP).read_text().startswith(stamp + "\n"):
        counts = (dest / STAMP).read_text().split("\n")[1].split()
        return Project(dest, int(counts[0]), int(counts[1]), int(counts[2]))
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name in ("docs", "schema", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    files = article_files(count, Chain(paragraph_pool(ROOT / "seeds")), seed)
    (dest / "seeds").mkdir()
    for name, text in files.items():
        (dest / "seeds" / name).write_text(text, encoding="utf-8")
    articles = clean_corpus(read_dir(dest / "seeds", dest))
    timeline, events = timeline_yaml(articles, files, seed)
    (dest / "timeline.yaml").write_text(timeline, encoding="utf-8")
    (dest / STAMP).write_text(f"{stamp}\n{count} {len(articles)} {events}\n")
    return Project(dest, count, len(articles), events)


def site_url(project: Path) -> str:
    """``site_url`` of the project's mkdocs.yml (read as text: it holds a Python tag),
    taken from ``SITE_URL`` when it says ``!ENV [SITE_URL, "default"]``, as MkDocs does."""
    text = (project / "mkdocs.yml").read_text()
    env = re.search(r'^site_url:\s*!ENV\s*\[\s*(\w+)\s*,\s*"?([^"\]]*)"?\s*\]', text, re.M)
    if env:
        return os.environ.get(env.group(1)) or env.group(2)
    found = re.search(r"^site_url:\s*(\S+)", text, re.M)
    return found.group(1) if found else ""


def inputs_digest() -> str:
    """Changes when anything that shapes the corpus changes (the cleaner included)."""
    digest = hashlib.sha256()
    sources = [*sorted((ROOT / "generator").rglob("*.py")), *sorted((ROOT / "seeds").iterdir())]
    here = Path(__file__).parent
    sources += [here / "corpus.py", here / "chain.py", here / "styles.py", ROOT / "mkdocs.yml"]
    sources += sorted(p for p in (ROOT / "docs").rglob("*") if p.is_file())
    sources += sorted(p for p in (ROOT / "overrides").rglob("*") if p.is_file())
    for path in sources:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
