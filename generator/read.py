"""The ``read`` stage: raw article files in, decoded :class:`RawText` out.

Sources arrive as UTF-8 (with or without a BOM), GB18030/GBK or Big5. Strict UTF-8
is tried first because it almost never decodes anything else by accident. The two
legacy encodings are the hard part: Big5 bytes nearly always *decode* as GB18030
too, into nonsense full of kana, Greek, Cyrillic, box drawing and private-use
characters (Big5's common ideographs land on GB2312's symbol rows). So every
encoding that decodes strictly is scored by how many such out-of-place characters
it produces, and charset-normalizer (restricted to the three encodings) only breaks
ties. Anything that is not text (NUL bytes, control characters, nothing decodes,
or only nonsense decodes), an empty file and a file too big to be one article are
refused with a diagnostic naming the file.
"""

from __future__ import annotations

import hashlib
import os
import pathlib
import re

from charset_normalizer import from_bytes

from .messages import Message, os_reason, say
from .model import Diagnostic, InputError, RawText
from .webpage import SUFFIXES as WEB_SUFFIXES
from .webpage import charset, is_web_page

# One article file. The largest real source is ~16 KB; 8 MiB is 500 times that and
# still cleans in a few seconds, while a 50 MB file took ~30 s and gave an unusable page.
MAX_BYTES = 8 * 1024 * 1024
# A saved page carries its markup, styles and inline scripts: 32 MiB is many times the
# largest real news page (a few MB with inline scripts), and extracts in seconds.
MAX_PAGE_BYTES = 32 * 1024 * 1024
# Tags in one page: a real article page has a few thousand, a heavy portal page some
# fifteen thousand. trafilatura's time grows with them (about 25 s for 100,000 on one
# core), so a page built of hundreds of thousands is refused. Counted on the bytes,
# before parsing (a ``<`` and a letter, inside scripts too: it errs on the safe side).
MAX_PAGE_TAGS = 50_000
SUFFIXES = (".txt", ".md", *WEB_SUFFIXES)
_TAG = re.compile(rb"<[A-Za-z]")

_LEGACY = ("gb18030", "big5", "big5hkscs")
# Characters a wrong legacy decoding produces and Chinese news text hardly uses:
# Greek, Cyrillic, box drawing, kana, bopomofo, CJK extension A, private use,
# compatibility ideographs, vertical/small forms, half-width katakana.
_ODD = re.compile(
    "[\u0370-\u04ff\u2500-\u257f\u3040-\u30ff\u3100-\u312f\u31a0-\u31bf"
    "\u3400-\u4dbf\ue000-\uf8ff\uf900-\ufaff\ufe10-\ufe6f\uff61-\uff9f]"
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CJK = re.compile("[\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e]")
# How much of the sample may be out-of-place before we call it undecodable.
_MAX_ODD_RATIO = 0.15
_SAMPLE = 200_000


# What the last ``read_dir`` read: a file whose bytes are the same is the same RawText
# (not decoded again), so a save under ``mkdocs serve`` finds each unchanged article
# again by identity all the way to its published copy. The bytes are compared, never
# a file's time stamp: a save within the same tick cannot go unseen.
_LAST_READ: dict[tuple[str, str], tuple[bytes, RawText]] = {}


def read_file(path: pathlib.Path, display: str | None = None) -> RawText:
    """Read and decode one file; raise :class:`InputError` naming it if that fails."""
    shown = display if display is not None else str(path)
    return _read(str(path), path.name, shown)[1]


def _read(path: str, name: str, shown: str) -> tuple[bytes, RawText]:
    page = is_web_page(name)
    limit = MAX_PAGE_BYTES if page else MAX_BYTES
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise _error(shown, _too_large(size, page))
            data = handle.read()
    except OSError as exc:
        raise _error(shown, say("cannot read file: {reason}", reason=os_reason(exc))) from None
    if len(data) > limit:
        raise _error(shown, _too_large(len(data), page))
    last = _LAST_READ.get((path, shown))
    if last is not None and last[0] == data:
        return last
    if page:
        _check_tags(data, shown)
    text, encoding = decode(data, shown, charset.declared(data) if page else None)
    raw = RawText(
        path=shown,
        name=name,
        stem=split_name(name)[0],
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
    )
    return data, raw


def read_dir(folder: pathlib.Path, root: pathlib.Path | None = None) -> list[RawText]:
    """Every article file (``*.txt``, ``*.md``, ``*.html``, ``*.htm``) directly in
    ``folder``, sorted by file name.

    Decoding problems are collected over all files and raised as one InputError.
    """
    if not folder.is_dir():
        raise _error(_display(folder, root), say("not a folder"))
    # A directory entry knows if it is a file without a system call; at 10,000 files a
    # path object and two ``stat`` calls per file were a quarter of the reading.
    with os.scandir(folder) as entries:
        names = sorted(
            entry.name
            for entry in entries
            if split_name(entry.name)[1].lower() in SUFFIXES and entry.is_file()
        )
    prefix, shown_prefix = _inside(str(folder)), _inside(_display(folder, root))
    out: list[RawText] = []
    problems: list[Diagnostic] = []
    kept: dict[tuple[str, str], tuple[bytes, RawText]] = {}
    for name in names:
        path, shown = prefix + name, shown_prefix + name
        try:
            kept[(path, shown)] = read = _read(path, name, shown)
            out.append(read[1])
        except InputError as exc:
            problems.extend(exc.diagnostics)
    _LAST_READ.clear()
    _LAST_READ.update(kept)
    if problems:
        raise InputError(problems)
    return out


def _inside(folder: str) -> str:
    """What goes before a file's name in ``folder``, as ``pathlib`` joins them."""
    return "" if folder == "." else folder.rstrip("/") + "/"


def split_name(name: str) -> tuple[str, str]:
    """``(stem, suffix)`` of a file name, as :class:`pathlib.PurePath` reads them."""
    dot = name.rfind(".")
    return (name[:dot], name[dot:]) if 0 < dot < len(name) - 1 else (name, "")


def decode(data: bytes, shown: str, declared: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` with ``\\n`` line ends and no BOM.

    ``declared`` (a web page's own charset) is tried first; a page whose bytes do not
    decode as it declares is read as if it declared nothing.
    """
    if b"\x00" in data:
        said = say(
            "cannot decode {file}: it holds NUL bytes (binary?); "
            "expected UTF-8, GB18030 or Big5 text",
            file=shown,
        )
        raise _error(shown, said)
    encoding = "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        data, encoding = data[3:], "utf-8-sig"
    # A BOM outranks a declaration, as in browsers.
    text = _strict(data, declared) if declared and encoding == "utf-8" else None
    if text is not None and declared is not None:
        encoding = declared
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            text, encoding = _decode_legacy(data, shown, err)
    # The whole text, not a sample: an ESC far down a long file would otherwise reach
    # the cleaned Markdown and the pages (a regex scan of 8 MiB takes milliseconds).
    control = _CONTROL.search(text)
    if control:
        line, col = _position(text, control.start())
        raise InputError(
            [
                Diagnostic(
                    shown,
                    line,
                    col,
                    say(
                        "cannot decode {file}: it holds control character U+{code}; "
                        "expected UTF-8, GB18030 or Big5 text",
                        file=shown,
                        code=f"{ord(control.group()):04X}",
                    ),
                )
            ]
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        # Cleaning nothing would make an article with an empty title and no text.
        raise _error(shown, say("file is empty: expected the text of an article"))
    return text, encoding


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _decode_legacy(data: bytes, shown: str, utf8: UnicodeDecodeError) -> tuple[str, str]:
    decoded: dict[str, str] = {}
    for name in _LEGACY:
        if name == "big5hkscs" and "big5" in decoded:
            continue  # the superset only matters when plain Big5 fails
        try:
            decoded[name] = data.decode(name)
        except UnicodeDecodeError:
            continue
    if not decoded:
        raise _not_utf8(data, shown, utf8)
    scores = {name: odd_ratio(text) for name, text in decoded.items()}
    best = min(scores.values())
    if best > _MAX_ODD_RATIO:
        raise _not_utf8(data, shown, utf8)
    tied = [name for name in decoded if scores[name] - best < 0.002]
    if len(tied) > 1:
        tied.sort(key=lambda name: name != _normalizer_guess(data))
    return decoded[tied[0]], tied[0]


def odd_ratio(text: str) -> float:
    """Share of out-of-place characters among the CJK-ish characters of ``text``."""
    sample = text[:_SAMPLE]
    odd = len(_ODD.findall(sample))
    cjk = len(_CJK.findall(sample))
    return odd / max(1, odd + cjk)


def _normalizer_guess(data: bytes) -> str:
    best = from_bytes(data[:_SAMPLE], cp_isolation=["utf_8", "gb18030", "big5"]).best()
    return best.encoding if best is not None else ""


def _display(path: pathlib.Path, root: pathlib.Path | None) -> str:
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def _not_utf8(data: bytes, shown: str, utf8: UnicodeDecodeError) -> InputError:
    """Nothing decodes: point at the first byte that is not UTF-8, so one stray byte
    in an otherwise UTF-8 file can be found and fixed."""
    before = data[: utf8.start].decode("utf-8", "replace")
    line, col = _position(before, len(before))
    byte = data[utf8.start]
    return InputError(
        [
            Diagnostic(
                shown,
                line,
                col,
                say(
                    "cannot decode {file}: byte 0x{byte} is not UTF-8 and the file "
                    "does not read as GB18030 or Big5 either; expected UTF-8, GB18030 or Big5 text",
                    file=shown,
                    byte=f"{byte:02X}",
                ),
            )
        ]
    )


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``text[offset]``; CRLF and CR end lines too."""
    head = text[:offset].replace("\r\n", "\n").replace("\r", "\n")
    return head.count("\n") + 1, len(head) - (head.rfind("\n") + 1) + 1


def _too_large(size: int, page: bool = False) -> Message:
    if page:
        return say(
            "web page is too large ({size} bytes; the limit for one saved page is 32 MiB): "
            "save the page as HTML only, without its images and scripts",
            size=size,
        )
    return say("file is too large ({size} bytes; the limit for one article is 8 MiB)", size=size)


def _check_tags(data: bytes, shown: str) -> None:
    count = len(_TAG.findall(data))
    if count > MAX_PAGE_TAGS:
        said = say(
            "web page has too many elements ({count}; the limit is {limit}): save the "
            "article's own page, or copy its text into a .txt file",
            count=count,
            limit=MAX_PAGE_TAGS,
        )
        raise _error(shown, said)


def _error(shown: str, message: Message) -> InputError:
    return InputError([Diagnostic(shown, 1, 1, message)])
