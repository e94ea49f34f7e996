"""The preview's server: the last good site with the reload script, and a failed build's errors.

MkDocs injects an inline script that the site's Content-Security-Policy blocks, and a failed
rebuild leaves the browser waiting. Here the reload script is a file served from the site's
origin (allowed by 'self'; it never enters a built site), and a failed build is shown in Danish
at the top of every page until a rebuild works (decision 23).
"""

from __future__ import annotations

import html
import ipaddress
import logging
import re
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.livereload import LiveReloadServer, _timestamp

from vifte.mkdocs.build import BuildFailed
from vifte.mkdocs.config_file import ConfigFileError

PREFIX = "/_vifte-preview/"
"""Where the preview's own files are served: outside any site, only by this server."""
FILES = Path(__file__).resolve().parent / "preview"
SERVED = {"preview.js": "application/javascript", "preview.css": "text/css"}
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
SAID = [
    (re.compile(r"Detected file changes$"), "En fil er ændret; siden bygges igen"),
    (re.compile(r"Reloading browsers$"), "Browserne henter siden igen"),
    (re.compile(r"Serving on (\S+)$"), r"Forhåndsvisningen kører på \1 (stop med Ctrl-C)"),
    (re.compile(r"Watching paths for changes: (.*)$"), r"Holder øje med \1"),
    (re.compile(r"Browser connected: (.*)$"), r"En browser viser \1"),
    (re.compile(r"Documentation built in ([\d.]+) seconds$"), r"Bygget på \1 sekunder"),
    (re.compile(r"Cleaning site directory$"), ""),
    (re.compile(r"^A 'dirty' build is being performed"), ""),
]
"""MkDocs' lines while serving, in Danish (an empty text drops the line)."""
LEVELS = {"WARNING": "ADVARSEL", "ERROR": "FEJL", "CRITICAL": "FEJL"}


class PreviewServer(LiveReloadServer):
    """Serves the last good site; pages carry the reload script and, after a failure, the errors."""

    problems: tuple[str, ...] = ()
    """The failed build's messages, one a line; empty when the last build worked."""
    child: subprocess.Popen[str] | None = None
    """The full build running in a process of its own (see `_build_apart`), if any."""

    def stop_child(self) -> None:
        """End the full build's process, so none outlives the server."""
        child = self.child
        if child is not None and child.poll() is None:
            child.kill()
            child.wait()

    def superseded(self) -> bool:
        """Whether a file changed (or the server stops) while the builder runs."""
        with self._rebuild_cond:
            return self._want_rebuild or self._shutdown

    def rebuild_soon(self) -> None:
        """Run the builder again as soon as this run is over (and the browsers have reloaded)."""
        with self._rebuild_cond:
            self._want_rebuild = True
            self._rebuild_cond.notify_all()

    def _serve_request(self, environ, start_response) -> Iterable[bytes] | None:
        if not self.our_host(environ.get("HTTP_HOST")):
            return _refuse(start_response, "421 Misdirected Request", WRONG_HOST)
        path = environ["PATH_INFO"]
        if CONTROL.search(path):  # a NUL would make open() raise: a 500 and a traceback
            return _refuse(start_response, "400 Bad Request", BAD_PATH)
        if path.startswith(PREFIX) and path[len(PREFIX) :] in SERVED:
            name = path[len(PREFIX) :]
            body = (FILES / name).read_bytes()
            start_response(
                "200 OK",
                [
                    ("Content-Type", f"{SERVED[name]}; charset=utf-8"),
                    ("Content-Length", str(len(body))),
                    ("Cache-Control", "no-store"),
                ],
            )
            return [body]
        return super()._serve_request(environ, start_response)

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
        return name in ("localhost", urlsplit(self.url).hostname) or _ip_literal(name)

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        script = (
            f'<script src="{PREFIX}preview.js" data-epoch="{epoch}" '
            f'data-request="{_timestamp()}"></script>'
        ).encode()
        content = _before(
            content, b"</head>", f'<link rel="stylesheet" href="{PREFIX}preview.css">'
        )
        if self.problems:
            content = _after_body(content, overlay(self.problems).encode())
        end = content.rfind(b"</body>")
        end = len(content) if end < 0 else end
        return content[:end] + script + content[end:]


def _refuse(start_response, status: str, text: str) -> list[bytes]:
    body = text.encode()
    start_response(
        status,
        [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))],
    )
    return [body]


def _ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


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


def problem_lines(failure: BuildFailed | ConfigFileError) -> tuple[str, ...]:
    """The failure's messages, one a line, without the count line that heads a report."""
    if isinstance(failure, ConfigFileError):
        return tuple(failure.lines)
    if failure.report is not None:
        return tuple(str(d) for d in failure.report.errors)
    return tuple(line for line in str(failure).splitlines() if line.strip())


def in_danish(record: logging.LogRecord) -> bool:
    record.levelname = LEVELS.get(record.levelname, record.levelname)
    message = record.getMessage()
    for english, danish in SAID:
        if english.search(message):
            if not danish:
                return False
            record.msg, record.args = english.sub(danish, message), ()
            break
    return True


def error_page(root: Path) -> Callable[[int], bytes | None]:
    def page(code: int) -> bytes | None:
        if code in (404, 500) and (root / f"{code}.html").is_file():
            return (root / f"{code}.html").read_bytes()
        return None

    return page


def _before(content: bytes, marker: bytes, text: str) -> bytes:
    at = content.find(marker)
    return content if at < 0 else content[:at] + text.encode() + content[at:]


def _after_body(content: bytes, text: bytes) -> bytes:
    match = BODY.search(content)
    at = match.end() if match else 0
    return content[:at] + text + content[at:]
