"""The editor's local HTTP server on 127.0.0.1: the page, its files, Decap's API and vifte's own.

    GET  /                      the editor page (page.py), with its Content-Security-Policy
    GET  /config.yml            Decap's configuration for this project (config.py), local mode
    GET  /static/<path>         plugins/vifte/editor/static/ (Decap and vifte's scripts)
    POST /api/v1                Decap's local-backend actions (proxy.py)
    GET  /vifte/translations    ?collection=&slug= an item's translations (translations_view.py)
    GET  /vifte/preview         ?collection=&slug= {"url": the item's page in the live preview,
                                "shown": false for a draft or a missing file, which has no page}

It answers only under its own name (127.0.0.1 or localhost and its port), so a page of another
site that points its name at 127.0.0.1 (DNS rebinding) gets nothing; a POST must come from the
editor's own page (Origin) as JSON, which a form on another site cannot send.
"""

from __future__ import annotations

import json
import mimetypes
import posixpath
import re
import sys
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

from vifte.domain.entries import Collection
from vifte.editor import config, page, translations_view
from vifte.editor.paths import PathRefused, item_path
from vifte.editor.proxy import Proxy
from vifte.source.diagnostics import Report
from vifte.source.item_file import read_item
from vifte.source.lifecycle import is_draft
from vifte.source.project import Project, folder_of

STATIC = Path(__file__).resolve().parent / "static"
API = "/api/v1"
NAMES = ("127.0.0.1", "localhost")
MAX_BODY = 16_000_000
"""Bytes a POST may carry: a picture of media.MAX_BYTES in base64 and its JSON around it."""
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
FALLBACK_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' blob: data:; connect-src 'self'; worker-src 'self' blob:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'; object-src 'none'"
)
"""Until page.py states the policy the editor page needs (page.editor_csp), this one."""
TYPES = {
    ".js": "application/javascript",
    ".wasm": "application/wasm",
    ".mjs": "application/javascript",
}
WRONG_HOST = "Editoren svarer kun på sin egen adresse (som 'vifte rediger' skriver)."
NOT_FOUND = "Siden findes ikke."


def _csp() -> str:
    """The page part's policy for the editor page (page.editor_csp), else FALLBACK_CSP."""
    policy = getattr(page, "editor_csp", None)
    return str(policy()) if callable(policy) else FALLBACK_CSP


class EditorServer(ThreadingHTTPServer):
    """The editor of `project` on 127.0.0.1:`port` (0: a free port)."""

    daemon_threads = True

    def __init__(
        self,
        project: Project,
        host: str = "127.0.0.1",
        port: int = 0,
        preview: Callable[[str, str], str | None] | None = None,
    ):
        self.project = project
        self.proxy = Proxy(project)
        self.preview = preview
        """The live preview's address of an item's page (collection, id), or None."""
        super().__init__((host, port), Handler)

    def server_close(self) -> None:
        super().server_close()
        self.proxy.close()

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def our_host(self, header: str | None) -> str | None:
        """The name a request's Host header gives this server, or None when it names another."""
        if not header:
            return None
        try:
            asked = urlsplit(f"//{header}")
            name, port = asked.hostname, asked.port
        except ValueError:
            return None
        if name not in NAMES or (port or 80) != self.port:
            return None
        return name


def _shown(project: Project, col: Collection, slug: str) -> bool:
    """Whether the site shows the item's page: its file is there and is no draft."""
    try:
        item = item_path(project, f"{folder_of(col)}/{slug}{col.suffixes[0]}")
        doc = read_item(item.file, col, project.root, Report(project.root))
    except PathRefused:
        return False
    return doc is not None and not is_draft(doc, col.model)


class Handler(BaseHTTPRequestHandler):
    server: EditorServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        name = self.server.our_host(self.headers.get("Host"))
        if name is None:
            return self._text(421, WRONG_HOST)
        split = urlsplit(self.path)
        path = unquote(split.path)
        query = {k: v[0] for k, v in parse_qs(split.query).items()}
        if CONTROL.search(path):
            return self._text(400, NOT_FOUND)
        if path == "/":
            html = page.editor_page("config.yml")
            return self._send(200, html.encode(), "text/html", {"Content-Security-Policy": _csp()})
        if path == "/config.yml":
            local = f"http://{name}:{self.server.port}{API}"
            settings = config.decap_config(self.server.project, backend="local", local_url=local)
            text = yaml.safe_dump(settings, allow_unicode=True, sort_keys=False)
            return self._send(200, text.encode(), "text/yaml")
        if path.startswith("/static/"):
            return self._static(path[len("/static/") :])
        if path == "/vifte/translations":
            return self._json(200, self._translations(query))
        if path == "/vifte/preview":
            return self._json(200, self._preview(query))
        self._text(404, NOT_FOUND)

    def do_POST(self) -> None:
        name = self.server.our_host(self.headers.get("Host"))
        if name is None:
            return self._text(421, WRONG_HOST)
        origin = self.headers.get("Origin")
        if origin is not None and origin not in (f"http://{n}:{self.server.port}" for n in NAMES):
            return self._json(403, {"error": "Kun editorens egen side kan gemme."})
        if urlsplit(self.path).path != API:
            return self._text(404, NOT_FOUND)
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind != "application/json":
            return self._json(415, {"error": "Forespørgslen skal være JSON."})
        try:
            length = int(self.headers.get("Content-Length") or "")
        except ValueError:
            return self._json(411, {"error": "Forespørgslen mangler sin længde."})
        if length < 0 or length > MAX_BODY:
            self.close_connection = True
            return self._json(413, {"error": "Forespørgslen er for stor (højst 16 MB)."})
        try:
            body = json.loads(self.rfile.read(length))
        except (ValueError, UnicodeDecodeError):
            return self._json(400, {"error": "Forespørgslen er ikke gyldig JSON."})
        try:
            status, answer = self.server.proxy.handle(body)
        except Exception as exc:  # noqa: BLE001 (one line in the terminal, never a traceback)
            print(
                f"vifte rediger: fejl ved {str(body.get('action'))[:40]}: {exc!r}", file=sys.stderr
            )
            status, answer = 500, {"error": "Der skete en fejl i vifte; intet er gemt."}
        self._json(status, answer)

    def _static(self, rel: str) -> None:
        clean = posixpath.normpath("/" + rel).lstrip("/")
        if clean != rel or any(part.startswith(".") for part in clean.split("/")):
            return self._text(404, NOT_FOUND)
        file = STATIC / clean
        if not file.resolve().is_relative_to(STATIC) or not file.is_file():
            return self._text(404, NOT_FOUND)
        kind = TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0]
        self._send(200, file.read_bytes(), kind or "application/octet-stream")

    def _translations(self, query: dict[str, str]) -> Any:
        collection, slug = query.get("collection", ""), query.get("slug", "")
        if collection not in self.server.project.table.collections:
            return {"languages": [], "fields": {}}
        return translations_view.translations_of(self.server.project, collection, slug)

    def _preview(self, query: dict[str, str]) -> Any:
        collection, slug = query.get("collection", ""), query.get("slug", "")
        col = self.server.project.table.collections.get(collection)
        if col is None or self.server.preview is None:
            return {"url": None, "shown": False}
        return {
            "url": self.server.preview(collection, slug),
            "shown": _shown(self.server.project, col, slug),
        }

    def _json(self, status: int, answer: Any) -> None:
        self._send(status, json.dumps(answer, ensure_ascii=False).encode(), "application/json")

    def _text(self, status: int, text: str) -> None:
        self._send(status, (text + "\n").encode(), "text/plain")

    def _send(
        self, status: int, content: bytes, kind: str, headers: dict[str, str] | None = None
    ) -> None:
        if kind.startswith("text/") or kind.endswith(("javascript", "json", "yaml")):
            kind += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(content)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(content)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal is for what was saved and what went wrong."""
