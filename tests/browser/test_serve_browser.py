"""`vifte serve` in a real browser: the page reloads itself under the site's CSP, and a bad edit
shows the Danish error list on the page until the file is fixed."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.shared import PATIENCE, wait_until

OFFER = "catalogue/offers/virksomhedspraktik.yaml"
PAGE = "tilbud/virksomhedspraktik/"
WAIT_MS = PATIENCE * 1000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(example_copy: Path, tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    """`vifte serve` on a copy of the example; yields its URL, the project and its terminal log."""
    port = _free_port()
    log = tmp_path / "terminal.txt"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "vifte", "serve", "-p", str(example_copy)]
            + ["-a", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/"

    def answers() -> bool:
        try:
            with urllib.request.urlopen(url + PAGE, timeout=2):
                return True
        except OSError:
            return False

    try:
        wait_until(
            answers, f"answer from {url + PAGE} (the first build)", process, 0.3, log.read_text
        )
        yield url, example_copy, log
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=PATIENCE)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_page_reloads_itself_after_an_edit(served, page, watched):
    url, project, _ = served
    page.goto(url + PAGE)
    assert page.locator("h1").inner_text() == "Virksomhedspraktik"
    page.evaluate("window.__same = 'page before the edit'")
    _edit(project / OFFER, "title: Virksomhedspraktik", "title: Praktik i en virksomhed")
    expect(page.locator("h1")).to_have_text("Praktik i en virksomhed", timeout=WAIT_MS)
    # the browser reloaded; nobody pressed F5
    assert _settled(page, "window.__same") is None
    assert not watched.csp, watched.csp
    assert _settled(page, "window.__csp || []") == []


def _settled(page, script: str):
    """The script's value once a reload has landed: the quick step reloads the page, and the
    complete step that follows it may reload it again while the script runs."""
    for _ in range(20):
        page.wait_for_load_state()
        try:
            return page.evaluate(script)
        except PlaywrightError as exc:
            if "Execution context was destroyed" not in str(exc):
                raise
    raise AssertionError("the page kept reloading")


def test_a_bad_edit_shows_the_errors_on_the_page_until_it_is_fixed(served, page, watched):
    url, project, log = served
    page.goto(url + PAGE)
    offer = project / OFFER
    good = offer.read_text(encoding="utf-8")
    _edit(offer, "area: beskaeftigelse", "area: beskaeftigelse: [")
    alert = page.locator("[role=alert].vifte-preview-errors")
    alert.wait_for(timeout=WAIT_MS)
    text = alert.inner_text()
    assert f"{OFFER}:2" in text
    assert "fejl" in text
    assert page.locator("h1").inner_text() == "Virksomhedspraktik"  # the last good site
    offer.write_text(good.replace("title: Virksomhedspraktik", "title: Praktik nu"), "utf-8")
    expect(page.locator("h1")).to_have_text("Praktik nu", timeout=WAIT_MS)
    expect(alert).to_have_count(0)
    assert not watched.csp, watched.csp
    terminal = log.read_text(encoding="utf-8")
    assert "Aborted with a BuildError" not in terminal
    assert "Traceback" not in terminal
    assert terminal.count(f"{OFFER}:2:") == 1  # the Danish list, once
