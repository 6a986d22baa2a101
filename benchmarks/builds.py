"""Whole ``mkdocs build`` runs: our project against plain Material on the same pages.

"Plain Material" is what a site of the same pages costs without the timeline
plugin: the Markdown our generator renders (and the exports and raw copies the
pages link to), written to ``docs/`` as static files,
built with ``theme: material``, ``language: zh`` and Material's own ``search``
plugin, with the same nav, ``not_in_nav`` and Markdown extensions as ours. Every
build runs in its own process with ``SOURCE_DATE_EPOCH`` pinned.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

PLUGIN_CACHE = ".cache/timeline"  # the plugin's default cache folder, in the project
EPOCH = "1586217600"  # 2020-04-07, the timeline's last day
SECTIONS = ("articles", "events", "tags", "entities")
_PLUGINS = re.compile(r"^plugins:\n(?:(?:[ \t]+.*)?\n)*?(?=\S)", re.M)


def build_env() -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}


def plain_project(project: Path, dest: Path) -> Path:
    """A plain-Material project in ``dest`` holding the pages our plugin would generate."""
    from mkdocs.config import load_config

    from generator.pipeline import load_corpus, site_files
    from generator.plugin import TimelinePlugin

    # The plugin's own on_config makes the Inputs, so the pages match ours exactly.
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["timeline"]
    assert isinstance(plugin, TimelinePlugin)
    plugin.on_config(config)
    assert plugin.inputs is not None
    corpus, raws = load_corpus(plugin.inputs)
    pages, other = site_files(corpus, raws, plugin.inputs)
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(project / "docs", dest / "docs")
    # The exports and raw copies too: pages link to them, and ours publishes them.
    contents = {**{p: t.encode("utf-8") for p, t in pages.items()}, **other}
    for path, data in sorted(contents.items()):
        target = dest / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    yml = (project / "mkdocs.yml").read_text(encoding="utf-8")
    yml, replaced = _PLUGINS.subn("plugins:\n  - search\n\n", yml)
    if replaced != 1:
        raise RuntimeError("mkdocs.yml: expected one `plugins:` block to replace")
    (dest / "mkdocs.yml").write_text(yml, encoding="utf-8")
    return dest


def build(
    project: Path, site: Path, python: str = sys.executable, profile: Path | None = None
) -> dict[str, Any]:
    """One ``mkdocs build`` in a subprocess: wall seconds and what it wrote."""
    command = [python]
    if profile is not None:
        command += ["-m", "cProfile", "-o", str(profile)]
    command += ["-m", "mkdocs", "build", "--site-dir", str(site)]
    start = time.perf_counter()
    done = subprocess.run(
        command, cwd=project, env=build_env(), capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    log = done.stderr + done.stdout
    result: dict[str, Any] = {
        "seconds": seconds,
        "ok": done.returncode == 0,
        "warnings": len(re.findall(r"^WARNING", log, re.M)),
        "jieba_warning": "jieba" in log.lower(),
    }
    if done.returncode != 0:
        result["log"] = log.strip()[-2000:]
        return result
    result.update(site_sizes(site))
    return result


def site_sizes(site: Path) -> dict[str, Any]:
    """Output size, generated-page HTML sizes, timeline page and search index sizes.

    Every generated page counts: each section's pages, its index (``articles/index.html``)
    and the further pages of long lists (``tags/NAME/2/index.html``); the timeline is
    ``timeline/index.html`` plus, when split, its month pages, and ``timeline_kb`` is
    its largest page. The home page counts too.
    """
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    sections = {
        section: sorted(p.stat().st_size / 1024 for p in (site / section).rglob("index.html"))
        for section in (*SECTIONS, "timeline")
    }
    home = site / "index.html"
    sections["home"] = [home.stat().st_size / 1024] if home.is_file() else []
    pages = [kb for section_kb in sections.values() for kb in section_kb]
    material_index = site / "search" / "search_index.json"
    pagefind = site / "pagefind"
    return {
        "site_mb": total / 1e6,
        "generated_pages": len(pages),
        "page_kb_median": statistics.median(pages) if pages else 0.0,
        "page_kb_max": max(pages, default=0.0),
        "by_section_kb": {
            name: {"pages": len(kb), "median": statistics.median(kb), "max": max(kb)}
            for name, kb in sections.items()
            if kb
        },
        "timeline_kb": max(sections["timeline"], default=0.0),
        "material_index_kb": (
            material_index.stat().st_size / 1024 if material_index.is_file() else None
        ),
        "pagefind_mb": (
            sum(p.stat().st_size for p in pagefind.rglob("*") if p.is_file()) / 1e6
            if pagefind.is_dir()
            else None
        ),
    }


def has_jieba(python: str = sys.executable) -> bool:
    probe = "import importlib.util, sys; sys.exit(importlib.util.find_spec('jieba') is None)"
    return subprocess.run([python, "-c", probe], check=False).returncode == 0


def jieba_python(where: Path) -> str:
    """A throwaway venv with jieba that also sees the project's packages (for a baseline).

    The project's venv stays untouched: the new venv reaches it through a ``.pth``.
    """
    python = where / "bin" / "python"
    if not python.exists():
        base = getattr(sys, "_base_executable", sys.executable)
        subprocess.run([base, "-m", "venv", str(where)], check=True)
    if not has_jieba(str(python)):  # also after an install that failed half-way
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "jieba"], check=True, timeout=600
        )
        site_dir = _site_packages(str(python))
        ours = _site_packages(sys.executable)
        Path(site_dir, "project-venv.pth").write_text(
            f"import site; site.addsitedir({ours!r})\n", encoding="utf-8"
        )
    return str(python)


def _site_packages(python: str) -> str:
    probe = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    done = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def same_tree(a: Path, b: Path) -> bool:
    """Whether two built sites hold the same files, byte for byte."""

    def files(root: Path) -> dict[str, bytes]:
        return {
            p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()
        }

    return a.is_dir() and b.is_dir() and files(a) == files(b)
