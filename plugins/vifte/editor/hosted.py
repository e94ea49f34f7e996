"""The editor on the municipality's git host: its page, configuration, files and headers.

With settings.yaml's `editor:` the editor works against the project's repository on GitLab or
GitHub, with the host's own login; nothing of vifte's runs there. `vifte build` writes these
files into the site (under routes.EDITOR_FOLDER) only when `editor.publish` is true. The page
is page.py's, with connections allowed to the git host only; `noindex` keeps it out of search.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from vifte.domain.editor_settings import EditorSettings
from vifte.domain.routes import EDITOR_FOLDER
from vifte.domain.settings import Settings
from vifte.editor.config import decap_config
from vifte.editor.page import editor_csp, editor_page

STATIC = Path(__file__).parent / "static"
CONFIG_FILE = "config.yml"
ROBOTS = ("X-Robots-Tag", "noindex, nofollow")
"""The header form of the page's `noindex` (for the scripts and the configuration too)."""


@dataclass(frozen=True)
class EditorFile:
    """One file of the published editor: its path in the site and its text or source file."""

    path: str
    content: str | None = None
    source: Path | None = None


def published(settings: Settings) -> bool:
    """Whether the site gets the editor: only when settings.yaml's `editor:` says `publish: true`."""
    return settings.editor is not None and settings.editor.publish


def hosted_config(project: Any, settings: Settings) -> dict[str, Any]:
    """Decap's configuration for the git host: the local one's collections and fields, with the
    host's backend in place of vifte's local server; "Vis" opens the published site."""
    editor = _editor(settings)
    config = decap_config(project, backend=editor.backend, site_url=settings.municipality.url)
    config.pop("local_backend", None)
    config["backend"] = editor.decap_backend()
    return config


def editor_files(project: Any, settings: Settings) -> Iterator[EditorFile]:
    """The editor's page, its configuration and its scripts, under the editor's folder."""
    editor = _editor(settings)
    page = editor_page(CONFIG_FILE, connect=editor.hosts)
    yield EditorFile(f"{EDITOR_FOLDER}/index.html", content=page)
    text = yaml.safe_dump(
        hosted_config(project, settings), allow_unicode=True, sort_keys=False, width=1000
    )
    yield EditorFile(f"{EDITOR_FOLDER}/{CONFIG_FILE}", content=text)
    for file in sorted(STATIC.rglob("*")):
        if file.is_file() and not file.name.startswith("."):
            path = f"{EDITOR_FOLDER}/static/{file.relative_to(STATIC).as_posix()}"
            yield EditorFile(path, source=file)


def headers(settings: Settings) -> dict[str, list[tuple[str, str]]]:
    """Response headers of the editor's folder (in `_headers` after the site's own, which they
    replace there): its policy with no framing, and no search engine."""
    if not published(settings):
        return {}
    policy = editor_csp(_editor(settings).hosts)
    return {f"/{EDITOR_FOLDER}/*": [("Content-Security-Policy", policy), ROBOTS]}


def _editor(settings: Settings) -> EditorSettings:
    if settings.editor is None:
        raise ValueError("settings.yaml has no editor:")
    return settings.editor
