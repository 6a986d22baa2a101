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

Every failure is a :class:`YamlProblem` carrying a 1-based line and column.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

MAX_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 64  # timeline.yaml needs 6 levels; the composer recurses ~3 frames a level
MAX_NODES = 1_000_000  # values after alias expansion; a 1,000-event timeline has ~30,000

_CORE = "tag:yaml.org,2002:"
# Tags the safe resolver gives plain YAML; anything else was written explicitly.
_PLAIN_TAGS = frozenset(
    _CORE + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge", "value")
)

# PyYAML's message fragment -> what the curator should do about it.
_HINTS = (
    ("'\\t'", "indent with spaces, not tabs"),
    ("mapping values are not allowed", "check the indentation, or quote a value containing `: `"),
    ("could not find expected ':'", "expected `key: value`; check indentation and quotes"),
    ("found undefined alias", "expected an anchor `&name` defined before `*name`"),
    ("but found another document", "expected one YAML document; remove the extra `---`"),
    ("expected ',' or ']'", "expected `]` to close the list"),
    ("expected ',' or '}'", "expected `}` to close the mapping"),
)


@dataclass(frozen=True)
class Problem:
    line: int
    col: int
    message: str


class YamlProblem(Exception):
    """The document cannot be used; ``problems`` says where and why (in file order)."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__("; ".join(p.message for p in problems))
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
                    f"YAML nested more than {MAX_DEPTH} levels deep; "
                    "expected a timeline nested a few levels (events > sources > quote)",
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def compose(text: str) -> yaml.Node | None:
    """The document's root node (``None`` for an empty document), checked and bounded."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise _fail(1, 1, f"file is {size} bytes; expected at most {MAX_BYTES} bytes (32 MiB)")
    root = _compose_fast(text)
    if root is not None:
        return root
    loader: _BoundedLoader | None = None
    try:
        loader = _BoundedLoader(text)  # checks for unprintable characters first
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        raise YamlProblem(_syntax_problem(err)) from None
    except yaml.reader.ReaderError as err:
        line, col = _offset_position(text, err.position)
        raise _fail(
            line, col, f"invalid character U+{err.character:04X} in YAML; expected printable text"
        ) from None
    except yaml.YAMLError as err:  # any other PyYAML failure: still one line, never a traceback
        raise _fail(1, 1, f"invalid YAML: {' '.join(str(err).split())}") from None
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
    if a node is reached twice (an alias: the graph checks are needed).

    The same checks as :func:`_depth` and :func:`_check_graph`, which a tree cannot
    fail otherwise (no recursion, and its size is bounded by the file's), at a third
    of their cost on a 10,000-event timeline.
    """
    bad_tags: list[Problem] = []
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        if id(node) in seen:
            return None
        seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            bad_tags.append(_tag_problem(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend((part, depth + 1) for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
    if bad_tags:
        raise YamlProblem(*sorted(bad_tags, key=lambda p: (p.line, p.col)))
    return True


def _tag_problem(node: yaml.Node) -> Problem:
    return Problem(
        *position(node),
        f"unsupported YAML tag `{show_tag(node.tag)}`; "
        "expected plain YAML (text, numbers, lists and mappings, no `!!` tags)",
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


def _fail(line: int, col: int, message: str) -> YamlProblem:
    return YamlProblem(Problem(line, col, message))


def _mark(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _syntax_problem(err: yaml.MarkedYAMLError) -> Problem:
    problem = " ".join((err.problem or "syntax error").split())
    context = " ".join((err.context or "").split())
    if "quoted scalar" in context and "end of stream" in problem and err.context_mark:
        # The end of the file is useless to the curator: point at the opening quote.
        line, col = _mark(err.context_mark)
        return Problem(line, col, "unclosed quote: expected a closing quote for this string")
    mark = err.problem_mark or err.context_mark
    line, col = _mark(mark) if mark else (1, 1)
    message = f"invalid YAML: {problem}"
    if context and err.context_mark and err.context_mark is not mark:
        where = _mark(err.context_mark)
        message += f" ({context} at {where[0]}:{where[1]})"
    for fragment, hint in _HINTS:
        if fragment in problem:
            message += f"; {hint}"
            break
    return Problem(line, col, message)


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
                    f"this value expands to more than {MAX_NODES} YAML nodes through aliases; "
                    "expected plain data (write the values out instead of nesting `*aliases`)",
                )
            continue
        if key in size:
            continue
        if key in in_progress:
            raise _fail(
                *position(node),
                "recursive YAML alias: a value contains itself; expected plain data",
            )
        if node.tag not in _PLAIN_TAGS:
            bad_tags.append(_tag_problem(node))
        in_progress.add(key)
        stack.append((node, True))
        # Reversed, so nodes are first seen in document order.
        stack.extend((child, False) for child in reversed(_children(node)))
    if bad_tags:
        raise YamlProblem(*bad_tags)
