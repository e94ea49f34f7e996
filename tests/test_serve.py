"""`vifte serve`: a live preview that rebuilds when a catalogue file changes."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import urllib.request

from .shared import PATIENCE, wait_until


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url: str, text: str) -> str:
    def body_with_text() -> str | None:
        body = _get(url)
        return body if body is not None and text in body else None

    return wait_until(body_with_text, f"{url} containing {text!r}", every=0.3)


def test_serve_rebuilds_after_an_edit(project):
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "vifte", "serve", "-p", str(project), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/tilbud/virksomhedspraktik/"
        _wait_for(url, "<h1>Virksomhedspraktik</h1>")
        offer = project / "catalogue/offers/virksomhedspraktik.yaml"
        offer.write_text(
            offer.read_text(encoding="utf-8").replace(
                "title: Virksomhedspraktik", "title: Praktik i en virksomhed"
            ),
            encoding="utf-8",
        )
        _wait_for(url, "<h1>Praktik i en virksomhed</h1>")
    finally:
        process.send_signal(signal.SIGINT)  # like Ctrl-C, so the preview removes its work folder
        process.wait(timeout=PATIENCE)


def test_a_built_site_carries_nothing_of_the_preview(project, tmp_path):
    """The reload script and the error list exist only under `vifte serve`, never in a build."""
    from vifte.mkdocs.build import build_site
    from vifte.preview.server import FILES, PREFIX

    site = build_site(project / "mkdocs.yml", tmp_path / "site", pdf=False)
    pages = list(site.rglob("*.html"))
    assert pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        for trace in (PREFIX, "livereload", "preview.js", "vifte-preview-errors"):
            assert trace not in html, f"{path}: {trace}"
    names = {p.name for p in site.rglob("*")}
    assert not names & {p.name for p in FILES.iterdir()}


def test_a_port_in_use_is_one_danish_line(project):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "vifte", "serve", "-p", str(project), "-a", f"127.0.0.1:{port}"],
            capture_output=True,
            text=True,
            timeout=PATIENCE,
        )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"fejl: forhåndsvisningen kan ikke bruge 127.0.0.1:{port}")
