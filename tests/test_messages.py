"""Every message the code can say has a Chinese wording with the same fields."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest
import yaml

from generator.messages import base_language, catalog, say
from generator.model import Diagnostic

PACKAGE = Path(__file__).resolve().parent.parent / "generator"


def _said() -> dict[str, str]:
    """English wording -> where it is said, for every ``say("…")`` in the package."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "say":
                first = node.args[0] if node.args else None
                where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
                # An f-string or variable here would have no entry in the catalogue.
                assert isinstance(first, ast.Constant), f"{where}: say() needs a literal"
                assert isinstance(first.value, str), where
                found[first.value] = where
    return found


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_code_says_something() -> None:
    assert len(_said()) >= 3


@pytest.mark.parametrize("template", sorted(_said()))
def test_every_message_has_a_chinese_wording_with_the_same_fields(template: str) -> None:
    zh = catalog("zh")
    assert template in zh, f"{_said()[template]}: no entry in labels/messages/zh.yaml"
    assert _fields(zh[template]) == _fields(template)


def test_the_catalogue_holds_nothing_the_code_no_longer_says() -> None:
    assert sorted(set(catalog("zh")) - set(_said())) == []


def test_a_hint_inside_a_message_is_put_into_the_same_language() -> None:
    template = next(t for t in sorted(catalog("zh")) if _fields(t))
    values = {name: say(template, **dict.fromkeys(_fields(template), "x")) for name in ("x",)}
    inner = values["x"]
    outer = say(template, **dict.fromkeys(_fields(template), inner))
    assert inner.text("zh") in outer.text("zh-Hant")
    assert inner.text("en") in str(outer)
    assert outer.text("zh") != str(outer)


def test_language_names_are_read_like_the_site_labels() -> None:
    assert [base_language(x) for x in ("zh", "zh-Hant", "zh_TW", "en-GB", "")] == [
        "zh",
        "zh",
        "zh",
        "en",
        "en",
    ]
    assert catalog("fr") == {}


def test_the_prefix_stays_the_same_in_every_language() -> None:
    template = next(t for t in sorted(catalog("zh")) if _fields(t))
    said = say(template, **dict.fromkeys(_fields(template), "`x`"))
    found = Diagnostic("timeline.yaml", 3, 9, said)
    assert found.render("zh").startswith("timeline.yaml:3:9: error: ")
    assert str(found).startswith("timeline.yaml:3:9: error: ")
    assert found.message == said.text("en") != said.text("zh")


def test_the_catalogue_says_each_message_once() -> None:
    """Two entries for one wording would leave one of them silently unused."""
    path = PACKAGE / "labels" / "messages" / "zh.yaml"
    root = yaml.compose(path.read_text("utf-8"))
    assert isinstance(root, yaml.MappingNode)
    keys = [key.value for key, _ in root.value]
    assert sorted({k for k in keys if keys.count(k) > 1}) == []
