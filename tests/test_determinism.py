"""Two builds of the same inputs are byte-identical, whatever the machine does differently.

The second build differs from the first in everything that must not matter: the
project's folder, the order and modification times of the seed files, the order the
file system lists folders in (reversed by a ``sitecustomize`` shim), the locale
(``C`` vs ``C.UTF-8``) and the hash seed (0 vs 12345). The whole site is compared,
Pagefind's search bundle included.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PROJECT_DIRS, PROJECT_FILES, ROOT, mkdocs

pytestmark = pytest.mark.slow

# Imported by every Python process started with this folder on PYTHONPATH: folder
# listings come back in reverse name order, unlike any real file system's order.
SHIM = """
import os

_listdir, _scandir = os.listdir, os.scandir


def listdir(path="."):
    return sorted(_listdir(path), reverse=True)


class _Reversed:
    def __init__(self, inner):
        self._inner = inner
        self._entries = iter(sorted(inner, key=lambda entry: entry.name, reverse=True))

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._entries)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._inner.close()

    def close(self):
        self._inner.close()


def scandir(path="."):
    return _Reversed(_scandir(path))


os.listdir, os.scandir = listdir, scandir
"""


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def project(dest: Path, reverse: bool) -> Path:
    """A copy of the inputs; with ``reverse`` the seeds are created last-first, dated apart."""
    dest.mkdir()
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, dest / name)
    for name in PROJECT_DIRS:
        if name != "seeds" and (ROOT / name).exists():
            shutil.copytree(ROOT / name, dest / name)
    (dest / "seeds").mkdir()
    seeds = sorted((ROOT / "seeds").iterdir(), reverse=reverse)
    for n, seed in enumerate(seeds):
        (dest / "seeds" / seed.name).write_bytes(seed.read_bytes())
        if reverse:  # a different, unrelated modification time for each file
            stamp = 1_000_000_000 + 86_400 * (n * 37 % 11)
            os.utime(dest / "seeds" / seed.name, (stamp, stamp))
    return dest


def test_builds_are_identical_across_order_locale_and_hash_seed(tmp_path: Path) -> None:
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(SHIM, encoding="utf-8")
    reversed_env = {"PYTHONPATH": str(shim), "LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "12345"}
    listed = subprocess.run(
        [sys.executable, "-c", "import os; print(os.listdir('seeds'))"],
        cwd=ROOT,
        env={**os.environ, **reversed_env},
        capture_output=True,
        text=True,
        check=True,
    )
    assert listed.stdout.strip() == str(sorted(os.listdir(ROOT / "seeds"), reverse=True))

    first = project(tmp_path / "first", reverse=False)
    second = project(tmp_path / "second", reverse=True)
    one = mkdocs(
        first, "build", "--strict", "--site-dir", "site", env={"LC_ALL": "C", "PYTHONHASHSEED": "0"}
    )
    two = mkdocs(second, "build", "--strict", "--site-dir", "site", env=reversed_env)
    assert one.returncode == 0, one.stderr
    assert two.returncode == 0, two.stderr

    a, b = tree(first / "site"), tree(second / "site")
    assert sorted(set(a) ^ set(b)) == []  # the same files
    differing = sorted(name for name in a if a[name] != b[name])
    assert differing == []
    assert any(name.startswith("pagefind/") for name in a)  # the search bundle was compared
