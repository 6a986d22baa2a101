"""Read timeline.yaml into a :class:`Timeline`, reporting every problem with its position.

Nothing here raises on bad content: an unreadable file, bad bytes, broken YAML
and wrong values all become :class:`Diagnostic` lines, and every event that is
valid is still returned so a live preview keeps working while the curator types.
"""

from __future__ import annotations

import functools
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import collector
from ..messages import Message, os_reason, say
from ..model import ArticleOverride, Correction, Diagnostic, Event, Timeline
from . import one_event, schema
from .events import parse_event, parse_events
from .schema import Report
from .yamlpos import MAX_BYTES, YamlProblem, compose, position

EMPTY = say("empty timeline: expected a mapping with an `events:` list")
# The YAML composer is pure Python (it keeps positions): about 0.7 s per MB, so a file
# near the composer's own 32 MiB cap (MAX_BYTES, checked first, with its own message)
# would block `check`, `build` and every `serve` rebuild for half a minute. A timeline
# takes 500-800 bytes an event once curators write summaries of their own (the real one
# is ~17 KB for 28 events), so 16 MiB holds about 20,000 events, twice the archive the
# tool is built for, and loads in about 12 s.
MAX_FILE_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class Loaded:
    timeline: Timeline
    diagnostics: list[Diagnostic]
    events_line: int = 1  # where `events:` is, for warnings about the file as a whole


def display_path(path: Path) -> str:
    """``path`` relative to the working folder when it is inside it, as editors expect."""
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_file(path: Path, display: str | None = None) -> Loaded:
    shown = display if display is not None else display_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            said = say(
                "file is {size} bytes; expected at most {limit} bytes (32 MiB)",
                size=size,
                limit=MAX_BYTES,
            )
            return _fail(shown, 1, 1, said)
        if size > MAX_FILE_BYTES:
            said = say(
                "file is {size} bytes; expected a timeline of at most {limit} "
                "bytes (16 MiB, about 20,000 events)",
                size=size,
                limit=MAX_FILE_BYTES,
            )
            return _fail(shown, 1, 1, said)
        data = path.read_bytes()
    except OSError as err:
        reason = os_reason(err)
        said = say("cannot read the timeline: {reason}; expected a YAML file", reason=reason)
        return _fail(shown, 1, 1, said)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        line_start = data.rfind(b"\n", 0, err.start) + 1
        col = len(data[line_start : err.start].decode("utf-8", "replace")) + 1
        said = say(
            "file is not UTF-8 (byte 0x{byte}); expected UTF-8 text, save the file as UTF-8",
            byte=f"{data[err.start]:02X}",
        )
        return _fail(shown, line, col, said)
    return load_text(text, shown)


def load_text(text: str, display: str) -> Loaded:
    loaded = _load_text(text, display)
    return Loaded(loaded.timeline, list(loaded.diagnostics), loaded.events_line)


# A build reads the timeline twice (its span for the cleaner, then the check): the
# second read of the same text is free. Events and timelines are frozen.
@functools.lru_cache(maxsize=2)
@collector.paused()
def _load_text(text: str, display: str) -> Loaded:
    text = text.removeprefix("\ufeff")
    last = _LAST_READ.pop(display, None)
    again = one_event.read_again(last, text, parse_event) if last is not None else None
    if again is not None:
        _LAST_READ[display] = again
        return Loaded(again.timeline, [], again.events_line)
    try:
        root = compose(text)
    except YamlProblem as err:
        found = [Diagnostic(display, p.line, p.col, p.message) for p in err.problems]
        return Loaded(Timeline(display), found)
    if root is None:
        return _fail(display, 1, 1, EMPTY)
    report = Report(display)
    events, overrides, events_line = _document(root, report, text)
    ordered = tuple(sorted(events, key=Event.sort_key))
    timeline = Timeline(path=display, events=ordered, overrides=tuple(overrides))
    found = sorted(report.diagnostics, key=lambda d: (d.line, d.col))
    if not found:
        _keep(text, display, root, timeline, events_line)
    return Loaded(timeline, found, events_line)


# The last clean read of each file shown, for a save that changed one event (.one_event).
_LAST_READ: dict[str, one_event.Read] = {}


def _keep(text: str, display: str, root: yaml.Node, timeline: Timeline, events_line: int) -> None:
    events = next((v for k, v in root.value if k.value == "events"), None)
    items = one_event.items_of(text, events) if events is not None else None
    if items is not None and len(items) == len(timeline.events):
        _LAST_READ.clear()  # one file at a time: a long serve reads the same one again
        _LAST_READ[display] = one_event.Read(text, display, timeline, events_line, items)


def _fail(display: str, line: int, col: int, message: Message) -> Loaded:
    return Loaded(Timeline(display), [Diagnostic(display, line, col, message)])


def _document(
    root: yaml.Node, report: Report, text: str
) -> tuple[list[Event], list[ArticleOverride], int]:
    if not isinstance(root, yaml.MappingNode):
        report.at(
            root,
            say(
                "a timeline must be a mapping with an `events:` list, got {type}",
                type=schema.type_name(root),
            ),
        )
        return [], [], 1
    found = schema.entries(root, schema.TOP_KEYS, report)
    events: list[Event] = []
    events_line = 1
    if "events" in found:
        events_line = position(found["events"].key)[0]
        events = parse_events(found["events"].value, report, text)
    elif root.value:
        report.at(root, say("timeline is missing `events`; expected an `events:` list of events"))
    else:
        report.at(root, EMPTY)
    overrides = parse_overrides(found["articles"].value, report) if "articles" in found else []
    return events, overrides, events_line


def parse_overrides(node: yaml.Node, report: Report) -> list[ArticleOverride]:
    """``articles:``: corrections to articles (metadata, kept and dropped text) by id."""
    if not isinstance(node, yaml.MappingNode):
        said = say(
            "`articles` must be a mapping of article id -> {{{keys}}}, got {type}",
            keys=", ".join(schema.OVERRIDE_KEYS),
            type=schema.type_name(node),
        )
        report.at(node, said)
        return []
    overrides: list[ArticleOverride] = []
    for article_id, entry in schema.entries(node, None, report).items():
        override = parse_override(article_id, entry, report)
        if override is not None:
            overrides.append(override)
    return overrides


def parse_override(article_id: str, entry: schema.Entry, report: Report) -> ArticleOverride | None:
    node = entry.value
    if not isinstance(node, yaml.MappingNode):
        said = say(
            "the override for `{id}` must be a mapping of {keys}, got {type}",
            id=article_id,
            keys=", ".join(schema.OVERRIDE_KEYS),
            type=schema.type_name(node),
        )
        report.at(node, said)
        return None
    errors_before = report.errors
    found = schema.entries(node, schema.OVERRIDE_KEYS, report)
    values: dict[str, str | None] = {}
    for key in ("title", "author", "publication", "url"):
        values[key] = schema.text(found[key].value, key, report) if key in found else None
    url = values["url"]
    if url is not None and not is_web_url(url):
        said = say("`url` must be an http:// or https:// address, got `{url}`", url=url)
        report.at(found["url"].value, said)
    date = schema.date(found["date"].value, "date", report) if "date" in found else None
    keep = corrections(found["keep"].value, "keep", report) if "keep" in found else ()
    drop = corrections(found["drop"].value, "drop", report) if "drop" in found else ()
    if report.errors > errors_before:
        return None
    return ArticleOverride(
        id=article_id,
        title=values["title"],
        author=values["author"],
        publication=values["publication"],
        date=date,
        url=url,
        line=position(entry.key)[0],
        keep=keep,
        drop=drop,
    )


def corrections(node: yaml.Node, key: str, report: Report) -> tuple[Correction, ...]:
    """``keep:`` or ``drop:`` texts, each with its own position: the validator's
    messages about one item (not found in the article) point at that item."""
    items = schema.text_items(node, key, report)
    return tuple(Correction(value, *position(item)) for value, item in items or ())


def is_web_url(url: str) -> bool:
    """Only absolute http(s) URLs reach the site: ``javascript:`` and ``data:`` never do."""
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return False
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
