"""Real-browser fixtures: Debian's Chromium driven by Playwright against a site on 127.0.0.1.

Every request to another host is aborted and recorded, which makes each browser test a privacy
test as well.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.shared import PATIENCE
from vifte.domain.registry import TABLE
from vifte.domain.routes import page_url

CHROMIUM = "/usr/bin/chromium"


def key_pages() -> list[str]:
    """The pages every browser check covers: front, filter, an offer, index pages, mentors, plan."""
    from vifte.source.validate import require_catalogue

    from ..conftest import REPO

    catalogue, _ = require_catalogue(REPO)
    first = page_url(TABLE, catalogue.offers[0])
    return [
        "",
        "tilbud/",
        first,
        "temaer/",
        "mentorer/",
        "virksomheder/",
        "plan/",
        "soeg/?q=praktik",
        "om-sitet/",
    ]


FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the browser closing a connection early is not a test failure


def serve(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve a folder on a free port of 127.0.0.1 from a background thread."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url(example_site: Path) -> Iterator[str]:
    server, url = serve(example_site)
    yield url
    server.shutdown()


class Chromium:
    """The launched browser as tests use it: a new context blocks the offline service worker unless
    the test asks for it (`service_workers="allow"`, test_offline_browser.py); otherwise each
    context would fetch the whole offline store in the background (14 MB at the example), which
    took 44 % of the CPU of a 320 px sweep over 40 pages and tests nothing."""

    def __init__(self, browser):
        self._browser = browser

    def new_context(self, **options):
        options.setdefault("service_workers", "block")
        context = self._browser.new_context(**options)
        # Waits on the page (navigation, clicks, `wait_for`) end when their condition holds; the
        # ceiling is only against a hang, so a loaded machine is slower, not red.
        context.set_default_timeout(PATIENCE * 1000)
        return context

    def __getattr__(self, name: str):
        return getattr(self._browser, name)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright  # installed by the README's test command

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing; run: bash .ci/install --test")
    from playwright.sync_api import expect

    expect.set_options(timeout=PATIENCE * 1000)  # `expect` passes when it holds, as above
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield Chromium(browser)
        browser.close()


@dataclass
class Watched:
    """What a page did that a test should see: foreign requests, CSP violations, script errors."""

    foreign: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def watched() -> Watched:
    return Watched()


@pytest.fixture
def page(browser, watched: Watched):
    """A fresh page (phone-sized when a test asks) that blocks and records foreign requests."""
    # No service worker (the browser fixture's default): test_offline_browser.py tests it.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")

    def route(route):
        if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            watched.foreign.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    context.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "(window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    page = context.new_page()
    page.on("pageerror", lambda exc: watched.errors.append(str(exc)))
    page.on(
        "console",
        lambda msg: watched.csp.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    yield page
    context.close()


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe  # installed by the README's test command

    return Axe()


def axe_findings(axe, page, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """axe-core's WCAG 2.1 AA and best-practice violations on the page, at these impacts."""
    # Every rule runs and every violating node is reported; `resultTypes` only spares axe the
    # selectors of every passing node (half the time of a page kind sweep, same violations).
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = axe.run(page, options=options)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in impacts
    ]
