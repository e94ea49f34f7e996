"""The preview's local server: the last good site, the reload script as a file, and the errors.

A plain threaded `http.server` serving the built folder. Every page gets the reload script as a
file from the site's own origin (allowed by the CSP's 'self'; it never enters a built site) and,
while the last build failed, the Danish error list at the top (decision 23). It answers only
under its own address, so a page of another site cannot read it by DNS rebinding, and an odd
path is a quiet 400 (decision 35).
"""

from __future__ import annotations

import html
import ipaddress
import mimetypes
import posixpath
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

PREFIX = "/_vifte-preview/"
"""Where the preview's own files are served: outside any site, only by this server."""
FILES = Path(__file__).resolve().parent / "files"
SERVED = {"preview.js": "application/javascript", "preview.css": "text/css"}
RELOAD = "reload"
"""PREFIX + RELOAD + ?seen=N answers with the build number once it is newer than N."""
POLL_SECONDS = 20
DIAGNOSTIC = re.compile(
    r"^(?P<where>[^\s:][^:]*(?::\d+)?)(?::\d+)?: (?:error|warning): (?P<what>.*)$"
)
BODY = re.compile(rb"<body[^>]*>", re.I)
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
WRONG_HOST = (
    "Forhåndsvisningen svarer kun på sin egen adresse (som 'vifte serve' skriver), "
    "ikke på andre navne.\n"
)
BAD_PATH = "Adressen indeholder tegn, som ingen side har.\n"
NOT_FOUND = "Siden findes ikke.\n"


class PreviewServer(ThreadingHTTPServer):
    """Serves the folder `root` under the path `mount` (the site address's path)."""

    daemon_threads = True

    def __init__(self, host: str, port: int, root: Path, mount: str = "/"):
        self.root = root
        self.mount = mount if mount.endswith("/") else mount + "/"
        self.name = host
        self.problems: tuple[str, ...] = ()
        """The failed build's messages, one a line; empty when the last build worked."""
        self.build = 0
        """The number of the last finished build, good or failed: pages reload when it grows."""
        self._built = threading.Condition()
        super().__init__((host, port), Handler)

    @property
    def url(self) -> str:
        host = f"[{self.name}]" if ":" in self.name else self.name
        return f"http://{host}:{self.server_address[1]}{self.mount}"

    def reload(self) -> None:
        """A build has finished: every open page loads itself again."""
        with self._built:
            self.build += 1
            self._built.notify_all()

    def newer_than(self, seen: int) -> int:
        """The build number once it is newer than `seen`, or after POLL_SECONDS."""
        with self._built:
            self._built.wait_for(lambda: self.build > seen, timeout=POLL_SECONDS)
            return self.build

    def our_host(self, header: str | None) -> bool:
        """Whether a request's Host header names this server (a page from another site that
        has pointed its own name at 127.0.0.1, "DNS rebinding", sends its own name)."""
        if header is None:
            return True  # HTTP/1.0 without Host: no browser page can send that
        try:
            asked = urlsplit(f"//{header}")
            name, port = asked.hostname, asked.port
        except ValueError:
            return False
        if not name or (port is not None and port != self.server_address[1]):
            return False
        return name in ("localhost", self.name) or _ip_literal(name)

    def dress(self, page: bytes) -> bytes:
        """A page as the preview shows it: the reload script, and the errors if a build failed."""
        page = _before(page, b"</head>", f'<link rel="stylesheet" href="{PREFIX}preview.css">')
        if self.problems:
            page = _after_body(page, overlay(self.problems).encode())
        script = f'<script src="{PREFIX}preview.js" data-build="{self.build}"></script>'
        end = page.rfind(b"</body>")
        end = len(page) if end < 0 else end
        return page[:end] + script.encode() + page[end:]


class Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def do_HEAD(self) -> None:
        self.do_GET(body=False)

    def do_GET(self, body: bool = True) -> None:
        server = self.server
        if not server.our_host(self.headers.get("Host")):
            return self._send(421, WRONG_HOST.encode(), "text/plain", body)
        split = urlsplit(self.path)
        path = unquote(split.path)
        if CONTROL.search(path):  # a NUL would make open() raise: a 500 and a traceback
            return self._send(400, BAD_PATH.encode(), "text/plain", body)
        if path == PREFIX + RELOAD:
            seen = split.query.removeprefix("seen=")
            build = server.newer_than(int(seen) if seen.isdigit() else -1)
            return self._send(200, str(build).encode(), "text/plain", body)
        if path.startswith(PREFIX) and path[len(PREFIX) :] in SERVED:
            name = path[len(PREFIX) :]
            return self._send(200, (FILES / name).read_bytes(), SERVED[name], body)
        if path == "/" and server.mount != "/":
            return self._redirect(server.mount)
        file = self._file(path)
        if file is None:
            return self._not_found(body)
        if file.is_dir():
            if not path.endswith("/"):
                return self._redirect(split.path + "/")
            file = file / "index.html"
        try:
            content = file.read_bytes()
        except OSError:  # no such file, or the site was swapped meanwhile
            return self._not_found(body)
        self._page_or_file(200, file.name, content, body)

    def _file(self, path: str) -> Path | None:
        """The file a path names inside the served folder; None outside the site's path."""
        mount = self.server.mount
        path = posixpath.normpath("/" + path.lstrip("/")).lstrip("/")  # no way out of the site
        if not f"/{path}/".startswith(mount):
            return None
        rel = f"/{path}"[len(mount) :].lstrip("/")
        return self.server.root / rel if rel not in ("", ".") else self.server.root

    def _not_found(self, body: bool) -> None:
        try:
            page = (self.server.root / "404.html").read_bytes()
        except OSError:
            return self._send(404, NOT_FOUND.encode(), "text/plain", body)
        self._page_or_file(404, "404.html", page, body)

    def _page_or_file(self, status: int, name: str, content: bytes, body: bool) -> None:
        kind, packed = mimetypes.guess_type(name)
        kind = "application/gzip" if packed else kind or "application/octet-stream"
        if kind == "text/html":
            content = self.server.dress(content)
        self._send(status, content, kind, body)

    def _redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, content: bytes, kind: str, body: bool = True) -> None:
        if kind.startswith("text/") or kind.endswith(("javascript", "json", "xml")):
            kind += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(content)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if body:
            self.wfile.write(content)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal is for the builds' news, not for every request."""


def overlay(problems: tuple[str, ...]) -> str:
    """The Danish error list at the top of a page: file:line in bold, then the message."""
    items = []
    for line in problems:
        match = DIAGNOSTIC.match(line)
        if match:
            where, what = html.escape(match["where"]), html.escape(match["what"])
            items.append(f"<li><code>{where}</code>: {what}</li>")
        else:
            items.append(f"<li>{html.escape(line)}</li>")
    count = len(items)
    title = "Der er en fejl" if count == 1 else f"Der er {count} fejl"
    return (
        '<div class="vifte-preview-errors" role="alert">'
        f"<h2>{title} – siden viser den sidste udgave, der virkede</h2>"
        f"<p>Ret {'fejlen' if count == 1 else 'fejlene'} og gem filen. "
        "Så opdateres siden af sig selv.</p>"
        f"<ul>{''.join(items)}</ul></div>"
    )


def _ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _before(content: bytes, marker: bytes, text: str) -> bytes:
    at = content.find(marker)
    return content if at < 0 else content[:at] + text.encode() + content[at:]


def _after_body(content: bytes, text: bytes) -> bytes:
    match = BODY.search(content)
    at = match.end() if match else 0
    return content[:at] + text + content[at:]
