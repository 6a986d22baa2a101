"""What the plugin reads from, and adds to, the MkDocs configuration."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from . import render

THEME_DIR = Path(__file__).parent / "theme"


def add_theme(config: MkDocsConfig) -> None:
    """The generator's theme additions (feed links, page kinds, 404 page) go right after
    the site's own ``custom_dir``, so they override Material and the site overrides them;
    its stylesheet goes first, so the site's own ``extra_css`` can restyle it."""
    dirs = config.theme.dirs
    if str(THEME_DIR) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
    if render.STYLESHEET not in config.extra_css:
        config.extra_css.insert(0, render.STYLESHEET)


def repository_prefix(edit_uri: str, docs_dir: str, root: Path) -> str:
    """``edit/main/docs/`` -> ``blob/main/``: where repository-root files are viewed.

    MkDocs' ``edit_uri`` points into the docs folder; timeline lines are linked on
    the file view, which (unlike the editor) can jump to a line.
    """
    prefix = edit_uri
    try:
        docs = Path(docs_dir).resolve().relative_to(root).as_posix().strip("/") + "/"
    except ValueError:
        docs = ""
    if docs and prefix.rstrip("/").endswith(docs.rstrip("/")):
        prefix = prefix.rstrip("/")[: -len(docs.rstrip("/"))]
    if prefix.startswith("edit/"):
        prefix = "blob/" + prefix[len("edit/") :]
    return prefix
