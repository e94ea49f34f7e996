"""`vifte serve`: build, serve on a local address, and rebuild on every save until stopped."""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from vifte.preview.builds import Builder, Site
from vifte.preview.server import PreviewServer
from vifte.preview.session import Session
from vifte.source.diagnostics import ProjectError
from vifte.source.project import Project
from vifte.source.validate import require_catalogue


def serve(
    project: Project,
    builder: Builder,
    address: str,
    files: tuple[Path, ...] = (),
    started: Callable[[str], None] | None = None,
) -> int:
    """Serve the site at `address` (HOST:PORT) until Ctrl-C; 1 if it cannot start.

    `files` are input files outside the project's folders (the generator's configuration);
    `started` is told the site's address once it is served (`vifte rediger` links to it).
    """
    host, _, port = address.rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    if not port.isdigit() or int(port) > 65535:
        say(f"fejl: '{address}' er ikke en adresse med en port; skriv fx -a 127.0.0.1:8001")
        return 1
    work = Path(tempfile.mkdtemp(prefix="vifte-serve-"))
    site = Site(work / "site", work, say)
    session = Session(project, builder, site, files=files)
    try:
        site.root.mkdir()
        if not session.rebuild():
            say("Forhåndsvisningen kunne ikke starte; ret fejlene ovenfor.")
            return 1
        try:
            server = PreviewServer(host, int(port), site.root, _mount(project))
        except OSError as exc:  # the port is taken or not ours to use
            reason = exc.strerror or exc
            say(
                f"fejl: forhåndsvisningen kan ikke bruge {host}:{port} ({reason}); "
                "vælg en anden port med -a, fx -a 127.0.0.1:8001"
            )
            return 1
        threading.Thread(target=server.serve_forever, daemon=True).start()
        say(f"Forhåndsvisningen kører på {server.url} (stop med Ctrl-C)")
        if started is not None:
            started(server.url)

        def built() -> None:
            server.problems = site.problems
            server.reload()

        try:
            session.watch(built)
        finally:
            session.stopping = True
            server.shutdown()
            server.server_close()
    finally:
        site.stop_child()
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _mount(project: Project) -> str:
    """The path the site lives under: its address's path in settings.yaml (/ when it has none)."""
    try:
        catalogue, _ = require_catalogue(project)
    except ProjectError:
        return "/"  # the first build read it; a file broken since is the next build's to show
    return urlsplit(catalogue.settings.municipality.url).path or "/"


def say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
