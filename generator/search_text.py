"""What Pagefind indexes of a page: its text, without page furniture, one Han character a word.

Pagefind segments Chinese into words twice, and differently: jieba when it builds the
index, the browser's own ``Intl.Segmenter`` (a different dictionary in every browser)
when a reader searches. Where the two disagree a query misses the page it quotes
verbatim (``字节跳动`` is 字节|跳动 in the index but 字|节|跳动 in Chromium, and no
word on the page starts with 节). So the index is kept one Han character a word, the
only segmentation both sides make the same way: Pagefind reads, for each page, a
search document of its text with a space around every Han character, folded to
Simplified, instead of the page itself; the search page spaces and folds each query
the same way, and ranks pages holding the query's words as written above pages
holding its characters apart (``assets/javascripts/search/pagefind.js``).

Only events, articles and hand-written pages are searched: the timeline, month, tag,
entity and index pages list what the event pages already say, and a reader wants the
event. Page furniture (dates, links to raw files, the "cited by" box, the cleaning
report, pagers) stays out, so a result's snippet starts at its text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

# What a page is (generator.paths.page_kind) -> the kind a reader filters results by.
KIND_LABELS = {"event": "事件", "article": "文章", "doc": "说明"}
KIND_FILTER = "类型"
TAG_FILTER = "标签"
ORIGINAL_META = "original"  # the page's own text, when folding changed it (for snippets)
TITLE_WEIGHT = "5"  # a title's characters count five times (Pagefind's own h1 weight is 7)
# The editor's guides are for curators: found, but after every event and article.
KIND_WEIGHTS = {"doc": "0.25"}
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "pre"}
_SKIP = {"script", "style", "details", "hr"}
_HEADING = re.compile(r"h[1-6]")


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def elements(self) -> list[Node]:
        return [c for c in self.children if isinstance(c, Node)]


_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area"}


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def tree(fragment: str) -> Node:
    parser = _Tree()
    parser.feed(fragment)
    parser.close()
    return parser.root


def text_of(node: Node | str, keep: Callable[[Node], bool] = lambda n: True) -> str:
    if isinstance(node, str):
        return node
    if node.tag in _SKIP or not keep(node):
        return ""
    return "".join(text_of(c, keep) for c in node.children)


def _inline(node: Node) -> bool:
    """Links that are navigation, not text: heading permalinks and the ↩ after a quote."""
    if node.tag != "a":
        return True
    return "headerlink" not in node.classes() and text_of(node).strip() not in {"↩", "¶", ""}


def blocks(node: Node, keep: Callable[[Node], bool] = _inline) -> Iterable[str]:
    """The text of every block (paragraph, list item, heading, cell), in order."""
    if node.tag in _SKIP:
        return
    if node.tag in _BLOCKS and not any(c.tag in _BLOCKS for c in node.elements()):
        yield text_of(node, keep)
        return
    run: list[str] = []  # loose text between blocks (a div holding text directly)
    for child in node.children:
        if isinstance(child, str) or child.tag not in _BLOCKS | {"div", "ul", "ol", "table"}:
            run.append(text_of(child, keep))
            continue
        if run:
            yield "".join(run)
            run = []
        yield from blocks(child, keep)
    if run:
        yield "".join(run)


@dataclass
class PageText:
    title: str
    body: list[str]


def _title(top: list[Node]) -> tuple[str, list[Node]]:
    for i, node in enumerate(top):
        if node.tag == "h1":
            return text_of(node, _inline), top[i + 1 :]
    return "", top


def event_text(root: Node) -> PageText:
    """Title, summary, people and places, and the quoted sources' words.

    Left out: the date line under the title, the tag chips (tags are a filter), the
    "来源" heading, each quote's citation line, and the previous/next links.
    """
    title, rest = _title(root.elements())
    body: list[str] = []
    for node in rest:
        found = node.classes()
        if "tl-event-head" in found:
            for part in node.elements():
                if part.classes() & {"tl-event-head__summary", "tl-event-head__names"}:
                    body += blocks(part, lambda n: "tl-card__label" not in n.classes())
        elif "tl-quote" in found:
            body += [text_of(q, _inline) for q in node.elements() if q.tag == "blockquote"]
        elif node.tag not in {"nav"} and not _HEADING.fullmatch(node.tag):
            body += blocks(node)
    return PageText(title, body)


def article_text(root: Node) -> PageText:
    """Title, byline (without the link to the raw file) and the cleaned text.

    Left out: the original URL, the "cited by" box (the events are pages of their own),
    the ↩ links after quoted passages and the collapsed cleaning report.
    """
    title, rest = _title(root.elements())
    body: list[str] = []
    for node in rest:
        found = node.classes()
        if "tl-article-meta" in found:  # the byline: who, where, when; not the raw file
            body.append(text_of(node, lambda n: n.tag != "a").strip(" ·"))
        elif not found & {"tl-article-url", "tl-cited", "tl-report"}:
            body += blocks(node)
    return PageText(title, body)


def doc_text(root: Node) -> PageText:
    title, rest = _title(root.elements())
    return PageText(title, [text for node in rest for text in blocks(node)])


READERS: dict[str, Callable[[Node], PageText]] = {
    "event": event_text,
    "article": article_text,
    "doc": doc_text,
}


def document(
    text: PageText,
    kind: str,
    tags: Sequence[str],
    fold: Callable[[str], str],
    spaced: Callable[[str], str],
) -> str:
    """The page's search document: folded, spaced text, its title and filters for Pagefind."""
    title = _clean(text.title)
    blocks = [_sentence(b) for b in [title, *(_clean(t) for t in text.body)] if b]
    written = [spaced(b) for b in blocks]
    folded = [fold(b) for b in written]
    attrs = [
        "data-pagefind-body",
        f'data-pagefind-meta="title:{_attr(fold(spaced(title)))}"',
        f'data-pagefind-filter="{KIND_FILTER}:{_attr(KIND_LABELS[kind])}"',
    ]
    parts = [f'<!doctype html><html lang="zh"><meta charset="utf-8"><main {" ".join(attrs)}>']
    parts += [f'<span data-pagefind-filter="{TAG_FILTER}:{_attr(t)}"></span>' for t in tags]
    if folded != written:  # Traditional text: the search page shows it as written
        original = " ".join(written)
        parts.append(f'<span data-pagefind-meta="{ORIGINAL_META}:{_attr(original)}"></span>')
    for i, block in enumerate(folded):
        weight = KIND_WEIGHTS.get(kind) or (TITLE_WEIGHT if i == 0 and title else "")
        attr = f' data-pagefind-weight="{weight}"' if weight else ""
        parts.append(f"<p{attr}>{_text(block)}</p>")
    parts.append("</main></html>\n")
    return "".join(parts)


_SPACE = re.compile(r"\s+")


def _sentence(text: str) -> str:
    """A block ends with punctuation: a snippet never runs a title into the text after
    it, and a quoted phrase never matches across two blocks (the stop is a word)."""
    return text if unicodedata.category(text[-1]).startswith("P") else text + "。"


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def _text(text: str) -> str:
    return html.escape(text, quote=False)
