"""Reading cleaned Markdown back: the ``# title`` and the byline line under it.

A file whose first line is ``# ...`` declares its structure, as the cleaner's own
output does: ``#`` lines start articles, ``##``/``###`` are headings, ``-`` items,
``>`` quotations, and a blank line (only) ends a paragraph. The line right under
the title is the meta line ``author · publication · date`` when every part of it
reads as one of those (any may be missing); a date is ``2020年4月``,
``约2020年4月13日`` and the like; a part ending in a paper's suffix (``日报``,
``周刊``, ``网``...) is the publication, anything else name-shaped the author. A
line holding only an author must look like names (two to four Han characters, or
a transliterated name with a middle dot, each starting with a common surname,
as every author the cleaner reports does), so a short paragraph under a title
stays text.

Such a file is read as it stands: the furniture rules for raw pages do not apply
(they judge line widths and neighbours, which cleaning changes), so cleaning the
cleaner's own output gives it back unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import PartialDate
from .lines import Line
from .names import surnamed_names
from .publication import publication_name

_DATE = re.compile(r"^(约)?(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?$")
# Alone on the line (no date, no second part), an author must look like names; the
# cleaner only ever writes Han names: 2-4 characters, or with a middle dot.
_NAME = "(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,6})"
_PERSON = re.compile(f"^{_NAME}(?:、{_NAME})*$")
# A name (of people or of a paper): no sentence or clause punctuation, no quotes.
_NAMEISH = re.compile(
    r"^[^\s。，,！？!?；;：:“”「」『』()（）\[\]]+(?: [^\s。，,！？!?；;：:“”「」]+)*$"
)


@dataclass(frozen=True)
class Meta:
    author: str | None = None
    publication: str | None = None
    date: PartialDate | None = None


def is_markdown(lines: Sequence[Line]) -> bool:
    first = next((ln for ln in lines if not ln.blank), None)
    return first is not None and first.kind == "title"


def parse_meta(text: str) -> Meta | None:
    """The meta line under a title, or ``None`` if ``text`` is not one."""
    parts = [p.strip() for p in text.split(" · ")]
    date: PartialDate | None = None
    m = _DATE.match(parts[-1])
    if m:
        try:
            date = PartialDate(
                int(m.group(2)),
                int(m.group(3)) if m.group(3) else None,
                int(m.group(4)) if m.group(4) else None,
                approximate=bool(m.group(1)),
            )
        except ValueError:
            return None
        parts = parts[:-1]
    if len(parts) > 2 or any(len(p) > 40 or not _NAMEISH.match(p) or _DATE.match(p) for p in parts):
        return None
    if len(parts) == 2:
        return Meta(parts[0], parts[1], date)
    if len(parts) == 1:
        if publication_name(parts[0]) == parts[0]:
            return Meta(None, parts[0], date)
        if date is not None or (_PERSON.match(parts[0]) and surnamed_names(parts[0])):
            return Meta(parts[0], None, date)
        return None  # a lone word under the title is text, unless it is clearly a name
    return Meta(None, None, date) if date else None
