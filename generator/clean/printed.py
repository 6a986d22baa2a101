"""Bylines and leads as a printed page sets them.

Beside the shapes :func:`meta.parse_byline` reads, a page prints bylines with what
they credit after the name (``本报记者 卢晓彤 文/图``, ``記者 梁嘉欣 報導``) or with
a second role (``本报记者 邓凯 实习生 林可馨``), often behind an ornament (``■``).

A *lead* opens the text of an article: the paper's own (``本报讯``, ``【本報訊】``,
``香港文匯報訊``) or a dateline (``新华社北京2月10日电``, ``本报北京3月5日电``),
usually with the reporters in brackets. Nothing but the first line of an article
starts so, which makes it the surest mark of where an article begins.
"""

from __future__ import annotations

import re

from . import dates
from .chars import balanced
from .lines import Line
from .meta import Byline, could_be_byline, dateline_credit, parse_byline
from .names import surnamed_names
from .publication import LOCAL_PAPER, publication_name

ORNAMENTS = frozenset("■◆●□◇▪★☆")
# What the byline credits after the name: the text and pictures, or "reported".
_TRAILER = re.compile(r"\s*(?:文\s*[/／、]\s*(?:图|圖|摄|攝)|(?:报道|報導|报导|報道))$")
# A second role on the same line: ``实习生 林可馨``, ``通讯员 王五``.
_SECOND_ROLE = re.compile(r"\s+(?:实习生|實習生|通讯员|通訊員|见习记者|見習記者)\s*[:：]?\s*")
_AGENCY = re.compile(r"^[【\[]?(?P<pub>[\u4e00-\u9fff]{2,8}?(?:社|报|報|网|網|台))")
_LOCAL = re.compile(r"^[【\[]?(?:本报|本報|本刊|本台|本网|本網)")
_CREDIT_SPAN = 3  # a lead's bracketed credit closes within its first lines


def ornamented(line: Line) -> bool:
    """Printed behind a box or diamond (``■ 健康码…``): bold type, OCR'd."""
    return line.raw.lstrip(" \t\u3000")[:1] in ORNAMENTS


def byline_of(line: Line) -> Byline | None:
    """The byline a whole line is, as printed (ornament, trailer, second role)."""
    if not line.live or line.kind not in ("text", "item"):
        return None
    if line.kind == "item" and not ornamented(line):
        return None
    text = line.text
    if not could_be_byline(text):
        return None  # nor could any part of it
    if is_lead(text) or not balanced(text):
        return None  # ``本报讯（记者 唐文斌 通讯员 鲁``: the lead opening the text
    found = parse_byline(text)
    if found is not None:
        return _local(found)
    text = _TRAILER.sub("", text)
    first, *others = _SECOND_ROLE.split(text)
    found = parse_byline(first)
    if found is None or not found.names:
        return None
    more = tuple(n for part in others for n in part.split())
    if more and not surnamed_names("、".join(more)):
        return None
    return _local(Byline(found.names + more, found.publication, found.local))


def _local(found: Byline) -> Byline:
    """``本报记者 邓凯 实习生 林可馨``: "this paper" names no paper (the masthead does)."""
    if found.publication is None or not LOCAL_PAPER.match(found.publication):
        return found
    return Byline(found.names, None, True)


def is_lead(text: str) -> bool:
    """Does the text open with a lead (``本报讯``, ``新华社北京2月10日电``)?"""
    return dates.lead(text) is not None or dates.dateline(text) is not None


def lead_byline(lines: list[Line]) -> Byline | None:
    """The reporters (and the agency) a lead names: ``新华社北京2月10日电（记者 石磊）``."""
    text = "".join(ln.text for ln in lines[:_CREDIT_SPAN])
    names = dateline_credit(text)
    m = _AGENCY.match(text)
    agency = publication_name(m.group("pub")) if m else None
    local = _LOCAL.match(text) is not None
    if not names and agency is None:
        return None
    return Byline(names, None if local else agency, local)
