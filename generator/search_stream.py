"""Pagefind fed from Python while the site is rendered, on the machine's other core.

Running the Pagefind command over the finished site made a build wait for the whole
index after every page was written, with one core idle while Python rendered and
the other idle while Pagefind indexed. Pagefind's service mode (what the ``pagefind``
Python API drives: ``pagefind --service``, base64 JSON messages each closed by a
comma) takes pages as messages on its input, so every search document goes to it as
soon as the pages are converted, and Rust indexes while Python renders the pages.

The messages are written here rather than through the API's asyncio client: that
client reads one answer per tenth of a second, which for a 2,000-page site is
minutes. A thread reads the answers as they come, so the service never blocks on a
full pipe. The bundle is the one the command writes for the same documents, put in
the same order by :func:`generator.search_index.canonical`.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import subprocess
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from pagefind.service import get_executable

from . import search_index

LANGUAGE = "zh"  # every document is indexed as Chinese: one Han character a word
_WRITE_TIMEOUT = 600  # seconds for Pagefind to finish the bundle of a huge site
_PIECE = 1 << 18  # bytes a write: a newer save's stop waits for at most one piece


class StreamingIndexError(Exception):
    pass


class StreamingIndex:
    """One Pagefind index, fed with :meth:`add` and written by :meth:`finish`."""

    def __init__(self) -> None:
        binary = get_executable()
        if binary is None:
            raise StreamingIndexError("no Pagefind binary")
        self.process = subprocess.Popen(
            [str(binary), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.answers: dict[int, dict[str, Any]] = {}
        self.arrived = threading.Condition()
        self.ended = False  # Pagefind's output has ended: no answer will come any more
        self.sent = 0
        self.pages = 0
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        config = {"force_language": LANGUAGE}
        answer = self._wait(self._send({"type": "NewIndex", "config": config}))
        self.index_id = int(answer["index_id"])

    def add_all(self, documents: Iterable[tuple[str, str]]) -> None:
        """Queue every page's (url, search document); their answers are checked in
        :meth:`finish`. The messages are made first and written in big pieces: sent one
        by one from a thread while the build renders, each write waited for the
        interpreter's lock and Pagefind sat idle for most of the build."""
        added = [
            self._message(
                {"type": "AddFile", "index_id": self.index_id, "url": u, "file_contents": d}
            )
            for u, d in documents
        ]
        self.pages += len(added)
        messages = b"".join(added)
        view = memoryview(messages)
        for start in range(0, len(view), _PIECE):
            self._write(view[start : start + _PIECE])

    def finish(self, bundle: Path) -> None:
        """Write the bundle to ``bundle`` once every page is indexed, then stop Pagefind."""
        try:
            if self.pages:
                # The files come back in the answer and are written here: Pagefind's own
                # WriteFiles answers before its last file is on disk.
                request = {"type": "GetFiles", "index_id": self.index_id}
                answer = self._wait(self._send(request), _WRITE_TIMEOUT)
                for message_id in range(1, self.sent + 1):
                    self._wait(message_id)  # an AddFile that failed says so here
                files = answer.get("files") or []
                write_bundle(bundle, {f["path"]: base64.b64decode(f["content"]) for f in files})
        finally:
            self.close(_WRITE_TIMEOUT)
        if self.pages:
            search_index.canonical(bundle)

    def close(self, grace: float = 0) -> None:
        """Stop Pagefind: at the end of its input, given ``grace`` seconds to finish
        writing (it answers before the last file is on disk), else at once."""
        stdin = self.process.stdin
        if stdin is not None and not stdin.closed:
            with contextlib.suppress(OSError):  # Pagefind already gone
                stdin.close()
        try:
            self.process.wait(grace)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            self.process.wait()
        self.reader.join()
        if self.process.stdout is not None:
            self.process.stdout.close()

    def _send(self, payload: dict[str, Any]) -> int:
        self._write(self._message(payload))
        return self.sent

    def _message(self, payload: dict[str, Any]) -> bytes:
        self.sent += 1
        message = json.dumps({"message_id": self.sent, "payload": payload})
        return base64.b64encode(message.encode("utf-8")) + b","

    def _write(self, data: bytes | memoryview) -> None:
        stdin = self.process.stdin
        assert stdin is not None
        try:
            stdin.write(data)
            stdin.flush()
        except (OSError, ValueError) as err:  # ValueError: closed by a newer save's stop
            raise StreamingIndexError(f"Pagefind stopped: {err}") from None

    def _read(self) -> None:
        stdout = self.process.stdout
        assert isinstance(stdout, io.BufferedReader)
        # A message can be megabytes (the bundle's files, in one answer): keep the
        # pieces of the one being read in a list, and join them once it is whole;
        # adding each piece to one buffer copied the whole message every time.
        pieces: list[bytes] = []
        while chunk := stdout.read1(1 << 16):
            *ends, rest = chunk.split(b",")
            for end in ends:
                pieces.append(end)
                self._arrive(json.loads(base64.b64decode(b"".join(pieces))))
                pieces = []
            pieces.append(rest)
        with self.arrived:
            # Said under the lock, not read from ``is_alive()``: a waiter woken by this
            # call could still see the thread alive and then wait for good.
            self.ended = True
            self.arrived.notify_all()

    def _arrive(self, answer: dict[str, Any]) -> None:
        message_id = answer.get("message_id")
        if message_id is None:  # a message Pagefind could not read gives its own back
            original = answer.get("payload", {}).get("original_message") or "{}"
            message_id = json.loads(original).get("message_id")
        with self.arrived:
            self.answers[int(message_id or 0)] = answer.get("payload", {})
            self.arrived.notify_all()

    def _wait(self, message_id: int, timeout: float = _WRITE_TIMEOUT) -> dict[str, Any]:
        with self.arrived:
            self.arrived.wait_for(lambda: message_id in self.answers or self.ended, timeout)
            answer = self.answers.get(message_id)
        if answer is None:
            raise StreamingIndexError("Pagefind gave no answer")
        if answer.get("type") == "Error":
            raise StreamingIndexError(str(answer.get("message", "Pagefind failed")))
        return answer


def write_bundle(bundle: Path, files: Mapping[str, bytes]) -> None:
    """Write a bundle's files (path inside the bundle -> bytes), none outside it.

    Paths are checked by their parts, not resolved one by one: resolving asks the file
    system about every folder of every path, which for a big site's thousands of
    fragments cost more than writing them.
    """
    root = bundle.resolve()
    targets: list[tuple[Path, bytes]] = []
    for path, data in sorted(files.items()):
        parts = PurePosixPath(path).parts
        if not parts or path.startswith("/") or "\\" in path or ".." in parts:
            raise StreamingIndexError(f"Pagefind gave a file outside the bundle: {path}")
        targets.append((root.joinpath(*parts), data))
    made: set[Path] = set()
    for target, data in targets:
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(data)
