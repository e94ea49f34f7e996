"""The site behind a host that sends `_headers` (as Netlify or Cloudflare Pages do): the header
policy lets every page's own scripts run, and would stop a hostile SVG's script by itself."""

from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

from .conftest import _QuietHandler, _QuietServer, key_pages
from .test_svg_browser import HOSTILE


class _HeadersHandler(_QuietHandler):
    """A static server that adds the headers of the site's `_headers` file to every answer."""

    def end_headers(self) -> None:
        lines = (Path(self.directory) / "_headers").read_text(encoding="utf-8").splitlines()
        assert lines[0] == "/*"
        for line in lines[1:]:
            name, value = line.strip().split(": ", 1)
            self.send_header(name, value)
        super().end_headers()


def _serve(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(_HeadersHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def test_the_header_policy_lets_every_page_run_its_own_scripts(example_site, page, watched):
    server, url = _serve(example_site)
    try:
        for path in [*key_pages(), "strategi/", "nyt/", "404.html"]:
            response = page.goto(url + path, wait_until="networkidle")
            assert response is not None
            assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
            assert response.headers["x-content-type-options"] == "nosniff"
            assert page.evaluate("typeof __md_get") == "function", path  # the theme's script ran
            assert page.evaluate("window.__csp || []") == [], path
        assert watched.csp == [] and watched.errors == [] and watched.foreign == []
    finally:
        server.shutdown()


def test_the_header_policy_alone_would_stop_a_hostile_svg(example_site, tmp_path, page, watched):
    """The second wall: even if a hostile SVG got onto the host, the header blocks its script."""
    (tmp_path / "_headers").write_bytes((example_site / "_headers").read_bytes())
    (tmp_path / "ond.svg").write_text(HOSTILE, encoding="utf-8")
    server, url = _serve(tmp_path)
    try:
        page.goto(url, wait_until="networkidle")  # the origin, for its storage
        page.evaluate("localStorage.setItem('vifte.plan', '{}')")
        page.goto(url + "ond.svg", wait_until="networkidle")
        ran = page.evaluate(
            "window.__ran || document.documentElement.getAttribute('data-ran') || null"
        )
        assert ran is None
        assert watched.foreign == []  # neither the script's fetch nor the <image> asked
        assert any("Content Security Policy" in line for line in watched.csp)
    finally:
        server.shutdown()
