"""Events and their sources, read from composed YAML nodes.

An event with any problem is left out of the timeline, and every problem is
reported, so nothing disappears silently and one run shows every mistake.
"""

from __future__ import annotations

import yaml

from ..messages import say
from ..model import Entity, EntityKind, Event, SourceRef
from . import schema
from .quote_hint import text_start
from .reread import Reread
from .schema import Entry, Report
from .yamlpos import position

_ENTITY_KINDS: dict[str, EntityKind] = {
    "people": "person",
    "organizations": "organization",
    "places": "place",
}


# What the last read of the file parsed (see .reread); reads are one at a time.
_REREAD = Reread()


def parse_events(node: yaml.Node, report: Report, text: str = "") -> list[Event]:
    """Every valid event of the ``events:`` list, in file order; ``text`` is the file's
    text, for finding events the last read parsed."""
    if not isinstance(node, yaml.SequenceNode):
        report.at(
            node, say("`events` must be a list of events, got {type}", type=schema.type_name(node))
        )
        return []
    events: list[Event] = []
    first_line: dict[str, int] = {}
    _REREAD.begin()
    for item in node.value:
        event = _REREAD.event(item, report, text, parse_event)
        id_node = _id_node(item)
        if id_node is None:
            continue
        if id_node.value in first_line:
            # Checked on the raw text, so a duplicate is found even if the first event is broken.
            said = say(
                "duplicate event id `{id}` (first used on line {line}); expected a unique id",
                id=id_node.value,
                line=first_line[id_node.value],
            )
            report.at(id_node, said)
            continue
        first_line[id_node.value] = position(item)[0]
        if event is not None:
            events.append(event)
    return events


def _id_node(item: yaml.Node) -> yaml.ScalarNode | None:
    if not isinstance(item, yaml.MappingNode):
        return None
    for key, value in item.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "id":
            return value if isinstance(value, yaml.ScalarNode) and value.value else None
    return None


def parse_event(node: yaml.Node, report: Report) -> Event | None:
    if not isinstance(node, yaml.MappingNode):
        said = say(
            "each event must be a mapping with `id`, `date`, `title` and `sources`, got {type}",
            type=schema.type_name(node),
        )
        report.at(node, said)
        return None
    errors_before = report.errors
    found = schema.entries(node, schema.EVENT_KEYS, report)
    schema.require(node, found, schema.EVENT_REQUIRED, say("event"), report)

    def value(key: str) -> yaml.Node | None:
        entry = found.get(key)
        return entry.value if entry else None

    approx_node = value("approximate")
    approximate = schema.boolean(approx_node, "approximate", report) if approx_node else False
    id_node, date_node, title_node = value("id"), value("date"), value("title")
    event_id = schema.slug(id_node, report) if id_node else None
    date = schema.date(date_node, "date", report, bool(approximate)) if date_node else None
    title = schema.text(title_node, "title", report) if title_node else None
    added_node = value("added")
    added = schema.day(added_node, "added", report) if added_node else None
    end_node = value("end")
    end = schema.date(end_node, "end", report) if end_node else None
    if date and end and end.last_day() < date.first_day():
        assert end_node is not None
        said = say(
            "`end` {end} is before `date` {date}; expected `end` on or after `date`",
            end=end.iso(),
            date=date.iso(),
        )
        report.at(end_node, said)
    summary_node, tags_node, entities_node = value("summary"), value("tags"), value("entities")
    summary = schema.text(summary_node, "summary", report) if summary_node else ""
    tags = schema.text_list(tags_node, "tags", report) if tags_node else ()
    entities = parse_entities(entities_node, report) if entities_node else ()
    sources_node = value("sources")
    sources = parse_sources(sources_node, report) if sources_node else None
    if report.errors > errors_before:
        return None
    assert event_id and date and title and sources is not None and tags is not None
    return Event(
        id=event_id,
        date=date,
        title=title,
        sources=sources,
        end=end,
        summary=summary or "",
        tags=tags,
        entities=entities or (),
        line=position(node)[0],
        added=added,
    )


def parse_sources(node: yaml.Node, report: Report) -> tuple[SourceRef, ...] | None:
    if not isinstance(node, yaml.SequenceNode):
        said = say(
            "`sources` must be a list of {{article, quote}}, got {type}",
            type=schema.type_name(node),
        )
        report.at(node, said)
        return None
    if not node.value:
        said = say(
            "`sources` must list at least one {{article, quote}}, got {type}",
            type=schema.type_name(node),
        )
        report.at(node, said)
        return None
    sources = [parse_source(item, report) for item in node.value]
    if any(source is None for source in sources):
        return None
    return tuple(source for source in sources if source is not None)


def parse_source(node: yaml.Node, report: Report) -> SourceRef | None:
    if not isinstance(node, yaml.MappingNode):
        said = say(
            "each source must be a mapping {{article, quote}}, got {type}",
            type=schema.type_name(node),
        )
        report.at(node, said)
        return None
    found = schema.entries(node, schema.SOURCE_KEYS, report)
    schema.require(node, found, schema.SOURCE_KEYS, say("source"), report)
    values: dict[str, str | None] = {
        key: schema.text(found[key].value, key, report) if key in found else None
        for key in schema.SOURCE_KEYS
    }
    article, quote = values["article"], values["quote"]
    if article is None or quote is None:
        return None
    line, col = position(node)
    quote_line, quote_col = text_start(found["quote"].value)
    return SourceRef(article, quote, line, col, quote_line=quote_line, quote_col=quote_col)


def parse_entities(node: yaml.Node, report: Report) -> tuple[Entity, ...] | None:
    """``people``, ``organizations`` and ``places`` lists, in the order written."""
    if not isinstance(node, yaml.MappingNode):
        said = say(
            "`entities` must be a mapping of `people`, `organizations` and `places` lists, "
            "got {type}",
            type=schema.type_name(node),
        )
        report.at(node, said)
        return None
    found: dict[str, Entry] = schema.entries(node, schema.ENTITY_KEYS, report)
    entities: list[Entity] = []
    ok = True
    for key, entry in found.items():
        names = schema.text_list(entry.value, key, report)
        if names is None:
            ok = False
            continue
        entities.extend(Entity(_ENTITY_KINDS[key], name) for name in names)
    return tuple(entities) if ok else None
