"""The editor on the municipality's git host: Decap's backend, the page's policy and its files.

With settings.yaml's `editor:` the editor works against the project's repository on GitLab or
GitHub, with the host's own login; nothing of vifte's runs there. `vifte build` writes these
files into the site (under routes.EDITOR_FOLDER) only when `editor.publish` is true.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from vifte.domain.edition import NOINDEX
from vifte.domain.editor_settings import GITLAB, EditorSettings
from vifte.domain.routes import EDITOR_FOLDER
from vifte.domain.settings import Settings
from vifte.editor.config import decap_config
from vifte.editor.page import editor_page
from vifte.source.project import Project

STATIC = Path(__file__).parent / "static"
CONFIG_FILE = "config.yml"
API_ROOTS = {"gitlab": "/api/v4", "github": "https://api.github.com"}
"""Decap's API address of each backend: GitLab's under its own address, GitHub's fixed."""


def backend(editor: EditorSettings) -> dict[str, Any]:
    """Decap's `backend:` for the git host: GitLab logs in by itself (PKCE, no server);
    GitHub needs the municipality's OAuth service at `base_url`."""
    out: dict[str, Any] = {"name": editor.backend, "repo": editor.repo, "branch": editor.branch}
    if editor.backend == "gitlab":
        out.update(auth_type="pkce", app_id=editor.app_id)
        if editor.base_url is not None:
            out["base_url"] = editor.base_url
    else:
        out["base_url"] = editor.base_url
    if editor.auth_endpoint is not None:
        out["auth_endpoint"] = editor.auth_endpoint
    out["api_root"] = api_root(editor)
    return out


def api_root(editor: EditorSettings) -> str:
    """The git host's API, which the editor reads and commits through."""
    if editor.api_root is not None:
        return editor.api_root.rstrip("/")
    if editor.backend == "gitlab":
        return (editor.base_url or GITLAB) + API_ROOTS["gitlab"]
    return API_ROOTS["github"]


def hosts(editor: EditorSettings) -> list[str]:
    """The origins the editor may connect to: the git host's API, and GitLab's login (its token
    comes from GitLab's own address). GitHub's login runs in a window of its own."""
    found = [api_root(editor)]
    if editor.backend == "gitlab":
        found.append(editor.base_url or GITLAB)
    origins = [f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in found]
    return list(dict.fromkeys(origins))


def policy(editor: EditorSettings) -> str:
    """The editor page's Content-Security-Policy: the site's own files, and connections to the
    git host only. Decap compiles its form checks with `new Function` ('unsafe-eval') and styles
    itself with inline <style> elements ('unsafe-inline' for styles); both only on this page."""
    return (
        "default-src 'self'; "
        "script-src 'self' 'unsafe-eval'; "
        "style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; "
        "font-src 'self' data:; "
        f"connect-src 'self' {' '.join(hosts(editor))}; "
        "worker-src 'self' blob:; "
        "object-src 'none'; "
        "base-uri 'self'; "
        "form-action 'none'"
    )


def hosted_config(project: Project, settings: Settings) -> dict[str, Any]:
    """Decap's configuration for the git host: the local one's collections and fields, with the
    host's backend in place of vifte's local server."""
    editor = _editor(settings)
    config = decap_config(project, backend=editor.backend)
    config.pop("local_backend", None)
    config["backend"] = backend(editor)
    config["site_url"] = settings.municipality.url
    return config


META_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>', re.I)
CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
HEAD = re.compile(r"<head[^>]*>", re.I)


def hosted_page(settings: Settings) -> str:
    """The editor's page with the hosted policy and `noindex` in its head, before any script."""
    editor = _editor(settings)
    html = META_POLICY.sub("", editor_page(CONFIG_FILE))
    head = CHARSET.search(html) or HEAD.search(html)
    if head is None:
        raise ValueError("the editor page has no <head>")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(editor)}">{NOINDEX}'
    return html[: head.end()] + meta + html[head.end() :]


@dataclass(frozen=True)
class EditorFile:
    """One file of the published editor: its path in the site and its text or source file."""

    path: str
    content: str | None = None
    source: Path | None = None


def editor_files(project: Project, settings: Settings) -> Iterator[EditorFile]:
    """The editor's page, its configuration and its scripts, under the editor's folder."""
    yield EditorFile(f"{EDITOR_FOLDER}/index.html", content=hosted_page(settings))
    text = yaml.safe_dump(
        hosted_config(project, settings), allow_unicode=True, sort_keys=False, width=1000
    )
    yield EditorFile(f"{EDITOR_FOLDER}/{CONFIG_FILE}", content=text)
    for file in sorted(STATIC.rglob("*")):
        if file.is_file() and not file.name.startswith("."):
            yield EditorFile(
                f"{EDITOR_FOLDER}/static/{file.relative_to(STATIC).as_posix()}", source=file
            )


def published(settings: Settings) -> bool:
    """Whether the site gets the editor: only when settings.yaml's `editor:` says `publish: true`."""
    return settings.editor is not None and settings.editor.publish


def headers(settings: Settings) -> dict[str, list[tuple[str, str]]]:
    """Response headers of the editor's folder (in the `_headers` file after the site's own, which
    they replace there): its policy, no framing, and no search engine."""
    if not published(settings):
        return {}
    policy_header = f"{policy(_editor(settings))}; frame-ancestors 'none'"
    return {
        f"/{EDITOR_FOLDER}/*": [
            ("Content-Security-Policy", policy_header),
            ("X-Robots-Tag", "noindex, nofollow"),
        ]
    }


def _editor(settings: Settings) -> EditorSettings:
    if settings.editor is None:
        raise ValueError("settings.yaml has no editor:")
    return settings.editor
