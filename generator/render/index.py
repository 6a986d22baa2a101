"""Cross-references computed once per build: who cites what, and what groups where.

Every page renderer reads this instead of scanning the corpus again, so rendering
stays linear in the number of events and articles.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Article, Corpus, Entity, Event, SourceRef
from .layout import TimelineLayout, plan_timeline

# The kinds of names, in the order pages list them (their words are in the labels).
ENTITY_KINDS = ("person", "organization", "place")


@dataclass(frozen=True)
class Citation:
    event: Event
    source: SourceRef
    number: int  # 1-based position of the source within the event


@dataclass
class Index:
    articles: dict[str, Article] = field(default_factory=dict)
    citations: dict[str, list[Citation]] = field(default_factory=dict)  # by article id
    tags: dict[str, list[Event]] = field(default_factory=dict)
    entities: dict[Entity, list[Event]] = field(default_factory=dict)
    neighbours: dict[str, tuple[Event | None, Event | None]] = field(default_factory=dict)
    layout: TimelineLayout = field(default_factory=TimelineLayout)  # which page holds what


def build_index(corpus: Corpus) -> Index:
    cites: dict[str, list[Citation]] = defaultdict(list)
    tags: dict[str, list[Event]] = defaultdict(list)
    entities: dict[Entity, list[Event]] = defaultdict(list)
    events = corpus.events
    for event in events:
        for number, source in enumerate(event.sources, 1):
            cites[source.article].append(Citation(event, source, number))
        for tag in dict.fromkeys(event.tags):
            tags[tag].append(event)
        for entity in dict.fromkeys(event.entities):
            entities[entity].append(event)
    neighbours = {
        ev.id: (events[i - 1] if i else None, events[i + 1] if i + 1 < len(events) else None)
        for i, ev in enumerate(events)
    }
    return Index(
        articles={a.id: a for a in corpus.articles},
        citations=dict(cites),
        tags=dict(sorted(tags.items())),
        entities=dict(sorted(entities.items(), key=lambda kv: (kv[0].kind, kv[0].name))),
        neighbours=neighbours,
        layout=plan_timeline(events),
    )
