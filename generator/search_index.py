"""Pagefind's filter index, written in the same order on every build.

Pagefind keeps each filter's values in a hash map and writes them, and the list of
filters, in whatever order the map gives, which changes from run to run: the same
pages gave differently named filter files, and so a different ``pf_meta`` and
``pagefind-entry.json``, on every build. This module puts both lists in order,
byte for byte as Pagefind encoded each item, and names the rewritten files by their
content, so the same commit gives the same bytes again.

The files are gzip'd CBOR after a ``pagefind_dcd`` signature; only the order of
array items changes. Anything not shaped as expected is left exactly as Pagefind
wrote it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


class Unexpected(Exception):
    pass


def _head(data: bytes, i: int) -> tuple[int, int, int]:
    """(major type, argument, offset after the head) of the CBOR item at ``i``."""
    if i >= len(data):
        raise Unexpected("truncated")
    major, info = data[i] >> 5, data[i] & 31
    if info < 24:
        return major, info, i + 1
    if info > 27:  # indefinite lengths: Pagefind writes none
        raise Unexpected("indefinite length")
    size = 1 << (info - 24)
    return major, int.from_bytes(data[i + 1 : i + 1 + size], "big"), i + 1 + size


def _end(data: bytes, i: int) -> int:
    """The offset just past the CBOR item at ``i``."""
    major, arg, i = _head(data, i)
    if major in (2, 3):
        return i + arg
    if major in (4, 5):
        for _ in range(arg * (2 if major == 5 else 1)):
            i = _end(data, i)
    elif major == 6:
        i = _end(data, i)
    return i


def _items(data: bytes, i: int) -> tuple[int, list[bytes], int]:
    """The array at ``i``: offset of its first item, its items' bytes, offset past it."""
    major, count, start = _head(data, i)
    if major != 4:
        raise Unexpected("not an array")
    items, at = [], start
    for _ in range(count):
        end = _end(data, at)
        items.append(data[at:end])
        at = end
    return start, items, at


def _sorted_array(data: bytes, i: int) -> bytes:
    """``data`` with the array at ``i`` in byte order of its items."""
    start, items, end = _items(data, i)
    return data[:start] + b"".join(sorted(items)) + data[end:]


def _read(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise Unexpected(f"{path.name}: no Pagefind signature")
    return data[len(SIGNATURE) :]


# A rewrite, planned in full before any file changes: files to remove, files to write.
Plan = tuple[list[Path], dict[Path, bytes]]


def canonical(bundle: Path) -> None:
    """Put the filter values and the filter list of a Pagefind bundle in a fixed order."""
    entry_path = bundle / "pagefind-entry.json"
    plan: Plan = ([], {})
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        for language, index in entry["languages"].items():
            index["hash"] = _language(bundle, str(index["hash"]), language, plan)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, Unexpected):
        return  # not the bundle this was written for: keep Pagefind's files as they are
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    removed, written = plan
    for path in removed:
        path.unlink()
    for path, data in written.items():
        path.write_bytes(data)
    entry_path.write_text(text, encoding="utf-8")


def _language(bundle: Path, meta_hash: str, language: str, plan: Plan) -> str:
    """Plan one language's filters and ``pf_meta``; returns the new ``pf_meta`` hash."""
    meta_path = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = _read(meta_path)
    start, parts, _ = _items(meta, 0)
    if len(parts) < 4:
        raise Unexpected("pf_meta: no filter list")
    # [version, pages, index chunks, filters ([name, file hash] each), sorts, meta fields]
    first, filters, end = _items(meta, start + sum(len(p) for p in parts[:3]))
    prefix = f"{language}_"
    renamed = []
    for item in filters:
        at, pair, _ = _items(item, 0)
        if len(pair) != 2:
            raise Unexpected("pf_meta: a filter is not [name, hash]")
        old = _text(pair[1])
        new = _filter(bundle / "filter", old, prefix, len(old) - len(prefix), plan)
        renamed.append(item[:at] + pair[0] + _text_item(new))
    meta = meta[:first] + b"".join(sorted(renamed)) + meta[end:]
    name = _named(meta, prefix, len(meta_hash) - len(prefix))
    plan[0].append(meta_path)
    plan[1][bundle / f"pagefind.{name}.pf_meta"] = _packed(meta)
    return name


def _filter(folder: Path, name: str, prefix: str, digits: int, plan: Plan) -> str:
    """Plan one filter file with its values in order; returns its new hash."""
    path = folder / f"{name}.pf_filter"
    body = _read(path)
    start, parts, _ = _items(body, 0)
    if len(parts) != 2:
        raise Unexpected(f"{path.name}: not [name, values]")
    body = _sorted_array(body, start + len(parts[0]))
    new = _named(body, prefix, digits)
    plan[0].append(path)
    plan[1][folder / f"{new}.pf_filter"] = _packed(body)
    return new


def _packed(body: bytes) -> bytes:
    return gzip.compress(SIGNATURE + body, mtime=0)


def _named(body: bytes, prefix: str, digits: int) -> str:
    return prefix + hashlib.sha256(body).hexdigest()[:digits]


def _text(item: bytes) -> str:
    major, length, start = _head(item, 0)
    if major != 3 or start + length != len(item):
        raise Unexpected("not a text item")
    return item[start:].decode("utf-8")


def _text_item(text: str) -> bytes:
    data = text.encode("utf-8")
    if len(data) >= 24:
        raise Unexpected("long file name")
    return bytes([0x60 | len(data)]) + data
