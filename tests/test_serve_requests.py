"""`vifte serve` answers odd requests quietly and only under its own address (DNS rebinding)."""

from __future__ import annotations

import http.client
import signal
import subprocess
import sys

from tests.shared import PATIENCE
from tests.test_serve import _free_port, _wait_for


def _ask(port: int, path: str, host: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=True)
        connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def test_a_foreign_host_is_refused_and_a_nul_in_the_path_is_a_quiet_400(project, tmp_path):
    port = _free_port()
    log = tmp_path / "serve.log"
    with open(log, "w", encoding="utf-8") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "vifte", "serve", "-p", str(project), "-a", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        try:
            _wait_for(f"http://127.0.0.1:{port}/", "Prøveby Kommune")
            for own in (f"127.0.0.1:{port}", f"localhost:{port}", "127.0.0.1"):
                assert _ask(port, "/", own)[0] == 200, own
            for foreign in (f"ond.example:{port}", "ond.example", f"127.0.0.1:{port + 1}", "[x"):
                status, body = _ask(port, "/", foreign)
                assert status == 421, foreign
                assert "svarer kun på sin egen adresse" in body
            assert _ask(port, "/plan/", f"ond.example:{port}")[0] == 421
            for odd in ("/%00", "/tilbud/%00.html", "/%0a/"):
                status, body = _ask(port, odd, f"127.0.0.1:{port}")
                assert status == 400, odd
                assert "ingen side har" in body
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=PATIENCE)
    said = log.read_text(encoding="utf-8")
    assert "Traceback" not in said and "Internal Server Error" not in said, said


def test_a_site_in_a_folder_is_served_under_its_own_path(project):
    """A region's municipality lives at https://region.example/katalog/fjordstrand/: the preview
    serves the site under that path, as the host will, so its root-relative links work."""
    settings = project / "catalogue/settings.yaml"
    text = settings.read_text(encoding="utf-8")
    assert "url: https://tilbud.example.dk/" in text
    settings.write_text(
        text.replace(
            "url: https://tilbud.example.dk/", "url: https://region.example/katalog/fjordstrand/"
        ),
        encoding="utf-8",
    )
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "vifte", "serve", "-p", str(project), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/katalog/fjordstrand/"
        _wait_for(base + "tilbud/virksomhedspraktik/", "<h1>Virksomhedspraktik</h1>")
        host = f"127.0.0.1:{port}"
        assert _ask(port, "/tilbud/virksomhedspraktik/", host)[0] == 404
        assert _ask(port, "/katalog/fjordstrand/../../tilbud/virksomhedspraktik/", host)[0] == 404
        status, page = _ask(port, "/katalog/fjordstrand/findes-ikke/", host)
        assert status == 404 and 'href="/katalog/fjordstrand/' in page
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=PATIENCE)
