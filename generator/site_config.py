"""What the plugin reads from, and adds to, the MkDocs configuration."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from . import paths, raw_html, render
from .cores import all_cores
from .labels import UnknownLabels
from .messages import say
from .pipeline import Inputs

THEME_DIR = Path(__file__).parent / "theme"
SETTING = "mkdocs.yml: error: plugins.timeline"  # a setting's problem: ``{SETTING}.labels: …``
# The nav entry whose tab a generated page lights up, by page kind.
SECTION_OF = {
    "timeline": paths.TIMELINE,
    "month": paths.TIMELINE,
    "event": paths.TIMELINE,
    "article": paths.ARTICLES_INDEX,
    "tag": paths.TAGS_INDEX,
    "entity": paths.ENTITIES_INDEX,
}


class TimelineError(PluginError):
    """The inputs have errors; the message is one ``file:line:col: error: ...`` per line."""


class TimelineConfig(base.Config):
    articles = opt.Type(str, default="seeds")
    timeline = opt.Type(str, default="timeline.yaml")
    # Cleaned articles and converted pages, reused by the next build (and by every
    # rebuild under `mkdocs serve`). Safe to delete; `cache: false` turns it off.
    cache = opt.Type(bool, default=True)
    cache_dir = opt.Type(str, default=".cache/timeline")
    # A folder of page templates (event.md, timeline.md, ...) that replace the shipped
    # ones of the same name; see docs/curate.md. Relative to mkdocs.yml.
    templates = opt.Type(str, default="")
    # Changes to the labels of the site's language (generator/labels/<language>.yaml).
    labels = opt.Type(dict, default={})


def section_entry(src_uri: str, nav: Any) -> Any:
    """The nav entry whose tab a generated page outside the nav lights up, if any."""
    section = SECTION_OF.get(paths.page_kind(src_uri))
    if not section or nav is None:
        return None
    return next((p for p in nav.pages if p.file.src_uri == section), None)


def add_to_config(config: MkDocsConfig) -> None:
    """The generator's theme additions (feed links, page kinds, 404 page) go right after
    the site's own ``custom_dir``, so they override Material and the site overrides them;
    its stylesheet goes first, so the site's own ``extra_css`` can restyle it. Its
    Markdown extension, which converts the same HTML faster, goes last."""
    dirs = config.theme.dirs
    if str(THEME_DIR) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
    if render.STYLESHEET not in config.extra_css:
        config.extra_css.insert(0, render.STYLESHEET)
    if raw_html.NAME not in config.markdown_extensions:
        config.markdown_extensions.append(raw_html.NAME)


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


def site_labels(config: MkDocsConfig, options: TimelineConfig, root: Path) -> render.Labels:
    """The site's labels: its theme's language with the ``labels:`` it changes. A
    label or a templates folder that does not exist is a :class:`TimelineError`."""
    language = str(config.theme.get("language") or "en")
    changes = tuple(sorted((str(k), str(v)) for k, v in options.labels.items()))
    try:
        labels = render.Labels(language, changes)
    except UnknownLabels as err:
        raise TimelineError(f"{SETTING}.labels: {err.said.text(language)}") from None
    templates = options.templates
    if templates and not (root / templates).is_dir():
        said = say("no folder {name}", name=repr(templates))
        raise TimelineError(f"{SETTING}.templates: {said.text(language)}")
    return labels


def site_inputs(
    config: MkDocsConfig, options: TimelineConfig, root: Path, labels: render.Labels
) -> Inputs:
    """What the pipeline reads and shows, from the MkDocs settings and the plugin's."""
    templates = options.templates
    return Inputs(
        articles=root / options.articles,
        timeline=root / options.timeline,
        root=root,
        site_url=config.site_url or "",
        repo_url=config.repo_url or "",
        edit_uri=repository_prefix(config.edit_uri or "", config.docs_dir, root),
        site_name=config.site_name or "",
        site_description=config.site_description or "",
        language=labels.language,
        templates=str(root / templates) if templates else "",
        labels=labels.changes,
        # Workers are forked only while no other thread runs (``cores.can_fork``): in
        # a build, and in the server's first build, before it starts its threads.
        workers=all_cores(),
    )
