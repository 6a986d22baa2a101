"""What the generator tells a curator, in the site's language.

A message is written once in English, in the code where the problem is found:
``say("unknown key `{key}`; {hint}", key=key, hint=...)``. That English text is
the message's key (as with gettext's msgid): the Chinese wording lives in
``generator/labels/messages/zh.yaml`` under the same text, with the same
``{fields}``. A field may hold another message (a hint), which is put into the
same language. A message without a translation is shown in English, and a test
checks that every message the code can say has one.

Only the wording changes with the language; the ``file:line:col: error:`` prefix
stays as it is so editors and CI can jump to the place.
"""

from __future__ import annotations

import errno
import functools
from dataclasses import dataclass
from importlib import resources
from typing import Union

import yaml

ENGLISH = "en"

Value = Union[str, int, "Message"]


@dataclass(frozen=True)
class Message:
    template: str  # the English wording, also the key of its translations
    values: tuple[tuple[str, Value], ...] = ()

    def text(self, language: str = ENGLISH) -> str:
        """The message in ``language`` (``zh``, ``zh-Hant``, ``en``…), English if untranslated."""
        wording = catalog(base_language(language)).get(self.template, self.template)
        fields = {
            name: value.text(language) if isinstance(value, Message) else value
            for name, value in self.values
        }
        return wording.format(**fields) if fields else wording

    def __str__(self) -> str:
        return self.text(ENGLISH)


def say(template: str, **values: Value) -> Message:
    """A message whose English wording is ``template`` with ``values`` in its fields."""
    return Message(template, tuple(values.items()))


def text(message: str | Message, language: str = ENGLISH) -> str:
    return message.text(language) if isinstance(message, Message) else message


def base_language(language: str) -> str:
    """``zh-Hant``, ``zh_TW`` -> ``zh``: one Chinese catalogue serves both scripts' sites."""
    return language.replace("_", "-").split("-")[0].lower() or ENGLISH


@functools.lru_cache(maxsize=4)
def catalog(language: str) -> dict[str, str]:
    """English wording -> wording in ``language`` (empty for English or no catalogue)."""
    if language == ENGLISH:
        return {}
    path = resources.files("generator") / "labels" / "messages" / f"{language}.yaml"
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    assert isinstance(data, dict), f"labels/messages/{language}.yaml is not a mapping"
    return {str(k): str(v) for k, v in data.items()}


def os_reason(err: OSError) -> Value:
    """Why a file could not be read: the common cases in words for every language, the
    system's own wording (English) for the rest."""
    reasons = {
        errno.ENOENT: say("No such file or directory"),
        errno.EACCES: say("Permission denied"),
        errno.EISDIR: say("Is a directory"),
    }
    return reasons.get(err.errno or 0) or err.strerror or type(err).__name__
