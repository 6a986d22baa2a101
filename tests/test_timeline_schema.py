"""schema/timeline.schema.json (for editors) stays in step with the validator.

jsonschema is not a dependency, so the test compares key sets and runs a small
checker for the handful of JSON Schema keywords the file uses.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.timeline import schema

ROOT = Path(__file__).parent.parent
SCHEMA: dict[str, Any] = json.loads((ROOT / "schema" / "timeline.schema.json").read_text("utf-8"))
DEFS: dict[str, Any] = SCHEMA["$defs"]
FIXTURES = Path(__file__).parent / "fixtures" / "timelines"


def test_schema_is_draft_2020_12() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_key_sets_match_the_validator() -> None:
    assert list(SCHEMA["properties"]) == list(schema.TOP_KEYS)
    assert list(DEFS["event"]["properties"]) == list(schema.EVENT_KEYS)
    assert DEFS["event"]["required"] == list(schema.EVENT_REQUIRED)
    assert list(DEFS["event"]["properties"]["entities"]["properties"]) == list(schema.ENTITY_KEYS)
    assert list(DEFS["source"]["properties"]) == list(schema.SOURCE_KEYS)
    assert DEFS["source"]["required"] == list(schema.SOURCE_KEYS)
    assert list(DEFS["override"]["properties"]) == list(schema.OVERRIDE_KEYS)
    for obj in (SCHEMA, DEFS["event"], DEFS["source"], DEFS["override"]):
        assert obj["additionalProperties"] is False


def test_id_rule_matches_the_validator() -> None:
    id_schema = DEFS["event"]["properties"]["id"]
    assert id_schema["pattern"] == "^" + schema.ID_PATTERN.pattern + "$"
    assert id_schema["maxLength"] == schema.MAX_ID_LENGTH


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if ref is None:
        return node
    assert ref.startswith("#/$defs/")
    return {
        **resolve(DEFS[ref.removeprefix("#/$defs/")]),
        **{k: v for k, v in node.items() if k != "$ref"},
    }


TYPES = {"object": dict, "array": list, "string": str, "boolean": bool}


def problems(value: Any, node: dict[str, Any], where: str = "") -> list[str]:
    """The subset of JSON Schema used by timeline.schema.json, enough to catch drift."""
    node = resolve(node)
    if "anyOf" in node:
        options = [problems(value, option, where) for option in node["anyOf"]]
        return [] if any(not found for found in options) else [f"{where}: no anyOf matched"]
    kind = node.get("type")
    if kind == "integer":
        ok = isinstance(value, int) and not isinstance(value, bool)
        ok = ok and node.get("minimum", value) <= value <= node.get("maximum", value)
        return [] if ok else [f"{where}: not an integer in range"]
    if kind is not None and not isinstance(value, TYPES[kind]):
        return [f"{where}: not {kind}"]
    found: list[str] = []
    if isinstance(value, str):
        if "pattern" in node and not re.search(node["pattern"], value):
            found.append(f"{where}: does not match {node['pattern']}")
        if len(value) < node.get("minLength", 0) or len(value) > node.get("maxLength", len(value)):
            found.append(f"{where}: wrong length")
    if isinstance(value, list):
        if len(value) < node.get("minItems", 0):
            found.append(f"{where}: too few items")
        for n, item in enumerate(value):
            found += problems(item, node.get("items", {}), f"{where}[{n}]")
    if isinstance(value, dict):
        props = node.get("properties", {})
        found += [f"{where}: missing {key}" for key in node.get("required", []) if key not in value]
        for key, item in value.items():
            if key in props:
                found += problems(item, props[key], f"{where}.{key}")
            elif node.get("additionalProperties") is False:
                found.append(f"{where}: unknown {key}")
            elif isinstance(node.get("additionalProperties"), dict):
                found += problems(item, node["additionalProperties"], f"{where}.{key}")
    return found


def as_editor_reads(path: Path) -> Any:
    """The file as YAML 1.2 editors see it: an unquoted 2020-01-23 is a string."""

    def plain(value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        return value

    return plain(yaml.safe_load(path.read_text("utf-8")))


def test_valid_fixture_passes_the_schema() -> None:
    assert problems(as_editor_reads(FIXTURES / "valid.yaml"), SCHEMA) == []


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("unknown_key.yaml", [".events[0]: missing title", ".events[0]: unknown titel"]),
        ("missing_title.yaml", [".events[0]: missing title"]),
        ("wrong_type_sources.yaml", [".events[0].sources: not array"]),
        ("bad_slug.yaml", [".events[0].id: does not match ^[a-z0-9][a-z0-9-]*$"]),
        ("bad_date_format.yaml", [".events[0].date: no anyOf matched"]),
        (
            "bad_url.yaml",
            [
                ".articles.art-a.url: does not match ^[hH][tT][tT][pP][sS]?://[^\\s/]+",
                ".articles.art-b.url: does not match ^[hH][tT][tT][pP][sS]?://[^\\s/]+",
            ],
        ),
    ],
)
def test_schema_flags_the_same_mistakes(fixture: str, expected: list[str]) -> None:
    assert problems(as_editor_reads(FIXTURES / fixture), SCHEMA) == expected


def test_keep_and_drop_are_lists_of_text_for_editors_too() -> None:
    doc = {"events": [], "articles": {"a": {"keep": "（资料图片）", "drop": ["扫码", ""]}}}
    assert problems(doc, SCHEMA) == [
        ".articles.a.keep: not array",
        ".articles.a.drop[1]: wrong length",
    ]
