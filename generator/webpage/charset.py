"""The charset a saved page declares, so it is decoded as its author meant.

Browsers read ``<meta charset>`` or ``<meta http-equiv="Content-Type">`` from the first
bytes of a page; a page saved from a GB2312 or Big5 site keeps that declaration. The
declared name is mapped to the codec that reads it without loss (GB2312 and GBK pages
routinely use characters only GB18030 holds), and the reader's own detector is the
fallback when there is no declaration or the bytes do not decode as declared.
"""

from __future__ import annotations

import re

# Browsers look for the declaration in the first 1024 bytes; saved pages often put a
# long comment or script first, so look a little further.
_PRESCAN = 4096
_META = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
# Declared label -> the codec used to read it (WHATWG maps the GB family to GBK; GB18030
# is its superset and decodes every GBK page).
_CODECS = {
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb18030": "gb18030",
    "cp936": "gb18030",
    "euc-cn": "gb18030",
    "big5": "big5",
    "big5-hkscs": "big5hkscs",
    "cp950": "big5",
    "x-x-big5": "big5",
}


def declared(data: bytes) -> str | None:
    """The codec for the charset the page declares, or None (none, or not one we read)."""
    found = _META.search(data[:_PRESCAN])
    if found is None:
        return None
    return _CODECS.get(found.group(1).decode("ascii", "replace").lower())
