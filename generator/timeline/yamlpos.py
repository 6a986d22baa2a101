"""Safe YAML composition that keeps every node's position, with bounded work.

The loader never builds Python objects from YAML: it composes the node graph
(so every value keeps its line and column) and the schema walks the nodes.
Composition itself is cheap even for hostile input, but three things are not:

* deep nesting makes PyYAML's composer recurse (a ``RecursionError`` at ~300
  levels), so composition stops past :data:`MAX_DEPTH` levels;
* aliases let a few hundred bytes stand for a billion values ("billion
  laughs"), so the expanded size of the graph is computed (linear in the
  *distinct* nodes) and refused past :data:`MAX_NODES`;
* tags such as ``!!python/object`` mean nothing to a timeline and are refused.

Every failure is a :class:`YamlProblem` carrying a 1-based line and column; a
syntax error is put in plain words by :mod:`.yaml_errors`.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..messages import Message, say
from .yaml_errors import explain

MAX_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 64  # timeline.yaml needs 6 levels; the composer recurses ~3 frames a level
MAX_NODES = 1_000_000  # values after alias expansion; a 1,000-event timeline has ~30,000

_CORE = "tag:yaml.org,2002:"
# Tags the safe resolver gives plain YAML; anything else was written explicitly.
_PLAIN_TAGS = frozenset(
    _CORE + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge", "value")
)


@dataclass(frozen=True)
class Problem:
    line: int
    col: int
    message: Message


class YamlProblem(Exception):
    """The document cannot be used; ``problems`` says where and why (in file order)."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__("; ".join(str(p.message) for p in problems))
        self.problems = problems


def position(node: yaml.Node) -> tuple[int, int]:
    """1-based (line, column) where ``node`` starts."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def show_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader whose composer refuses to nest deeper than :data:`MAX_DEPTH`."""

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                event = self.peek_event()  # type: ignore[no-untyped-call]
                line, col = _mark(event.start_mark)
                raise _fail(
                    line,
                    col,
                    say(
                        "YAML nested more than {depth} levels deep; "
                        "expected a timeline nested a few levels (events > sources > quote)",
                        depth=MAX_DEPTH,
                    ),
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def compose(text: str) -> yaml.Node | None:
    """The document's root node (``None`` for an empty document), checked and bounded."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise _fail(
            1,
            1,
            say(
                "file is {size} bytes; expected at most {limit} bytes (32 MiB)",
                size=size,
                limit=MAX_BYTES,
            ),
        )
    root = _compose_fast(text)
    if root is not None:
        return root
    loader: _BoundedLoader | None = None
    try:
        loader = _BoundedLoader(text)  # checks for unprintable characters first
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        raise YamlProblem(Problem(*explain(err, text))) from None
    except yaml.reader.ReaderError as err:
        line, col = _offset_position(text, err.position)
        said = say(
            "invalid character {code} in YAML; expected printable text",
            code=f"U+{err.character:04X}",
        )
        raise _fail(line, col, said) from None
    except yaml.YAMLError as err:  # any other PyYAML failure: still one line, never a traceback
        said = say("invalid YAML: {problem}", problem=" ".join(str(err).split()))
        raise _fail(1, 1, said) from None
    finally:
        if loader is not None:
            loader.dispose()
    if root is not None:
        _check_graph(root)
    return root


def _compose_fast(text: str) -> yaml.Node | None:
    """Compose with libyaml (about ten times faster) when the file is plain and shallow.

    Anything unusual (a syntax error, deep nesting, no libyaml) returns ``None`` and the
    pure-Python composer runs instead: it is the one that words each problem for the
    curator and bounds the nesting while it reads.
    """
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is None:
        return None
    try:
        root: yaml.Node | None = yaml.compose(text, Loader=fast)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    if root is None:
        return None
    plain = _check_tree(root)
    if plain is not None:
        return root if plain else None
    if _depth(root) > MAX_DEPTH:
        return None
    _check_graph(root)
    return root


def _check_tree(root: yaml.Node) -> bool | None:
    """One walk over a node tree: refuse explicit tags; ``False`` if too deep, ``None``
    if a collection is reached twice (an alias: the graph checks are needed).

    The same checks as :func:`_depth` and :func:`_check_graph`, which a tree cannot
    fail otherwise (no recursion, and its size is bounded by the file's). Scalars, nine
    nodes in ten, are checked where their collection is met, never stacked: an alias to
    a scalar adds one node, so it cannot blow the graph up.
    """
    bad: dict[int, yaml.Node] = {}  # by identity: an aliased scalar is reported once
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    if root.tag not in _PLAIN_TAGS:
        bad[id(root)] = root
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            return None
        seen.add(id(node))
        children = _children(node)
        if children and depth >= MAX_DEPTH:
            return False
        for child in children:
            if child.tag not in _PLAIN_TAGS:
                bad[id(child)] = child
            if type(child) is not yaml.ScalarNode:
                stack.append((child, depth + 1))
    if bad:
        problems = (_tag_problem(node) for node in bad.values())
        raise YamlProblem(*sorted(problems, key=lambda p: (p.line, p.col)))
    return True


def _tag_problem(node: yaml.Node) -> Problem:
    return Problem(
        *position(node),
        say(
            "unsupported YAML tag `{tag}`; "
            "expected plain YAML (text, numbers, lists and mappings, no `!!` tags)",
            tag=show_tag(node.tag),
        ),
    )


def _depth(root: yaml.Node) -> int:
    deepest, seen = 0, set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if id(node) in seen or deepest > MAX_DEPTH:
            continue
        seen.add(id(node))
        stack.extend((child, depth + 1) for child in _children(node))
    return deepest


def _fail(line: int, col: int, message: Message) -> YamlProblem:
    return YamlProblem(Problem(line, col, message))


def _mark(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _check_graph(root: yaml.Node) -> None:
    """Refuse explicit tags, recursive aliases and graphs too big once aliases expand.

    An iterative post-order walk over distinct nodes: the expanded size of a node
    is one plus its children's, so a billion-laughs document is measured (and
    refused) after visiting its hundred or so distinct nodes.
    """
    size: dict[int, int] = {}
    in_progress: set[int] = set()
    bad_tags: list[Problem] = []
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            in_progress.discard(key)
            size[key] = 1 + sum(size[id(child)] for child in _children(node))
            if size[key] > MAX_NODES:
                raise _fail(
                    *position(node),
                    say(
                        "this value expands to more than {limit} YAML nodes through aliases; "
                        "expected plain data (write the values out instead of nesting "
                        "`*aliases`)",
                        limit=MAX_NODES,
                    ),
                )
            continue
        if key in size:
            continue
        if key in in_progress:
            raise _fail(
                *position(node),
                say("recursive YAML alias: a value contains itself; expected plain data"),
            )
        if node.tag not in _PLAIN_TAGS:
            bad_tags.append(_tag_problem(node))
        in_progress.add(key)
        stack.append((node, True))
        # Reversed, so nodes are first seen in document order.
        stack.extend((child, False) for child in reversed(_children(node)))
    if bad_tags:
        raise YamlProblem(*bad_tags)
