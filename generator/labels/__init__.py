"""The words of the generated pages, one table per language, and dates in those words.

The tables are YAML files shipped with the package (``generator/labels/zh.yaml``,
``en.yaml``), chosen by the site's language (``theme.language``); a site owner can
change any entry from ``mkdocs.yml``. Dates are written here and only here, so every
page says ``2020年1月23日—3月2日`` (or ``23 January – 2 March 2020``) the same way.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from ..messages import say
from ..model import PartialDate

DEFAULT_LANGUAGE = "zh"


def table_language(language: str) -> str:
    """``zh``, ``zh-Hant``, ``zh_TW`` -> ``zh``; a language without a table -> English."""
    base = language.replace("_", "-").split("-")[0].lower()
    return base if base in available() else "en"


@functools.lru_cache(maxsize=1)
def available() -> frozenset[str]:
    folder = resources.files("generator") / "labels"
    return frozenset(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


@functools.lru_cache(maxsize=8)
def _table(language: str) -> dict[str, Any]:
    text = (resources.files("generator") / "labels" / f"{language}.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict), f"labels/{language}.yaml is not a mapping"
    return data


class UnknownLabels(KeyError):
    """Changes to labels the table does not have; ``said`` in any language."""

    def __init__(self, names: list[str]) -> None:
        self.said = say("no such label: {names} (see generator/labels/)", names=", ".join(names))
        super().__init__(str(self.said))


@dataclass(frozen=True)
class Labels:
    """One language's table, with the site owner's changes on top."""

    language: str = DEFAULT_LANGUAGE
    changes: tuple[tuple[str, Any], ...] = ()
    table: Mapping[str, Any] = field(init=False, repr=False, compare=False)
    # Dates written so far: a site writes the same few hundred days on thousands of pages.
    _written: dict[tuple[PartialDate, bool], str] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        base = _table(table_language(self.language))
        unknown = sorted(k for k, _ in self.changes if k not in base)
        if unknown:
            raise UnknownLabels(unknown)
        object.__setattr__(self, "table", {**base, **dict(self.changes)})

    def __call__(self, key: str, **values: object) -> str:
        """The label ``key``, its ``{name}`` fields filled from ``values``."""
        text = self.table[key]
        return str(text).format(**values) if values else str(text)

    def reason(self, reason: str) -> str:
        """Why the cleaner left a line out, in words (``reasons:`` in the table)."""
        return str(self.table["reasons"].get(reason, reason))

    def list(self, key: str) -> list[str]:
        return [str(x) for x in self.table[key]]

    # Dates -------------------------------------------------------------------------

    def _fields(self, date: PartialDate) -> dict[str, object]:
        names = self.list("month_names")
        month = date.month or 0
        name = names[month - 1] if names and month else str(month)
        return {"year": date.year, "month": month, "day": date.day or 0, "month_name": name}

    def date(self, date: PartialDate, *, short: bool = False) -> str:
        """A date at its own precision; ``short`` leaves out the year (day and month)."""
        found = self._written.get((date, short))
        if found is None:
            found = self._written[date, short] = self._date(date, short)
        return found

    def _date(self, date: PartialDate, short: bool) -> str:
        key = {"day": "date_day", "month": "date_month", "year": "date_year"}[date.precision]
        if short and date.precision != "year":
            key += "_short"
        text = self(key, **self._fields(date))
        return self("date_approximate", date=text) if date.approximate else text

    def date_range(self, start: PartialDate, end: PartialDate | None) -> str:
        """``2020年1月23日—3月2日``: each end at its own precision, the year said once."""
        if end is None or end == start:
            return self.date(start)
        ends = {"start": self.date(start), "end": self.date(end)}
        if end.year != start.year or end.approximate or start.precision == "year":
            return self("date_range", **ends)
        short = {
            "start_short": self.date(start, short=True),
            "end_short": self.date(end, short=True),
        }
        return self("date_range_same_year", **ends, **short)

    def month(self, year: int, month: int) -> str:
        """A month heading; month 0 holds the year's events without a month."""
        if not month:
            return self("month_unknown", year=year)
        return self.date(PartialDate(year, month))
