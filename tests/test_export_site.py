"""The site's name and description reach the exports, from mkdocs.yml or the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import feedparser
import icalendar
import pytest

from generator.cli import main

from .conftest import ROOT

SEED = (
    "阿里巴巴设立专项基金\n\n1月25日，阿里巴巴宣布设立10亿元医疗物资供给专项基金，"
    "用于采购医疗物资。\n"
)
TIMELINE = """events:
  - id: fund
    added: 2026-11-23
    date: 2020-01-25
    title: 阿里巴巴设立10亿元专项基金
    sources:
      - article: fund
        quote: 阿里巴巴宣布设立10亿元医疗物资供给专项基金
"""


def names(folder: Path) -> dict[str, Any]:
    """The name and description each export carries."""
    calendar = icalendar.Calendar.from_ical((folder / "timeline.ics").read_bytes())
    feed = feedparser.parse((folder / "feed.xml").read_bytes()).feed
    title = json.loads((folder / "timelinejs.json").read_text(encoding="utf-8"))["title"]
    return {
        "calendar": (str(calendar["X-WR-CALNAME"]), str(calendar.get("DESCRIPTION", ""))),
        "feed": (feed.title, feed.get("subtitle", "")),
        "timelinejs": (title["text"]["headline"], title["text"]["text"]),
    }


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "fund.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "timeline.yaml").write_text(TIMELINE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_build_out_takes_the_site_name_and_description(project: Path) -> None:
    argv = ["build", "--out", "out", "--site-name", "春雷时间线", "--site-description", "一句说明"]
    assert main(argv) == 0
    pair = ("春雷时间线", "一句说明")
    assert names(project / "out") == {"calendar": pair, "feed": pair, "timelinejs": pair}


def test_build_out_without_a_name_calls_it_a_timeline(project: Path) -> None:
    assert main(["build", "--out", "out"]) == 0
    pair = ("时间线", "")
    assert names(project / "out") == {"calendar": pair, "feed": pair, "timelinejs": pair}


@pytest.mark.slow
def test_mkdocs_site_name_and_description_name_the_exports(built_site: Path) -> None:
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    pair = (config.site_name, config.site_description)
    assert pair[0] and pair[1]
    assert names(built_site) == {"calendar": pair, "feed": pair, "timelinejs": pair}
