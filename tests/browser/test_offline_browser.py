"""The site without a network after one visit (decision 61), in Chromium: a `vifte init` project
in Danish and English, with PDFs, its public edition at the root of one host and its internal
edition under /intern/ of the same host, so that the two stores meet in one browser."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from vifte.domain.edition import INTERNAL
from vifte.mkdocs.build import build_site

from ..languages_site import project_in_two_languages
from .conftest import serve

SECRET = "Intern pris 4711 kr."
"""An internal field of the offer: in the internal edition's pages only."""
OFFER = "tilbud/gaeldshjaelp/"
"""The offer page the test never visits with a network."""


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("uden-net")
    project = project_in_two_languages(work / "kommune")
    offer = project / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text(offer.read_text(encoding="utf-8") + f"price: {SECRET}\n", encoding="utf-8")
    public = build_site(project / "mkdocs.yml", work / "site", pdf=True)
    internal = build_site(project / "mkdocs.yml", work / "site-intern", edition=INTERNAL)
    host = work / "vaert"
    shutil.copytree(public, host)
    shutil.copytree(internal, host / "intern")
    return host


@pytest.fixture(scope="module")
def url(served) -> Iterator[str]:
    server, address = serve(served)
    yield address
    server.shutdown()


@pytest.fixture
def context(browser):
    """A context of its own (the shared page fixture's routing would stand between the service
    worker and the network): requests to other hosts are aborted and recorded."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="da-DK", service_workers="allow"
    )
    context.foreign = []

    def route(route):
        if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            context.foreign.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    yield context
    context.close()


def stored_once(context, url: str):
    """Visit the front page on the network and wait until the worker is active: its store is
    whole (a worker becomes active only once every file is stored)."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.errors = errors
    return page


def test_after_one_visit_the_pages_search_and_plan_work_without_a_network(context, url):
    page = stored_once(context, url)
    context.set_offline(True)

    # An offer page never opened, from the store, saying so.
    page.goto(url + OFFER)
    assert page.locator("h1").text_content().strip() == "Gældshjælp"
    notice = page.locator("[data-vifte-offline-notice]")
    assert notice.is_visible()
    assert "Gemt kopi fra" in notice.text_content()
    assert "der er gemt på denne enhed" in notice.text_content()

    # Find tilbud: its cards from the stored data.
    page.goto(url + "tilbud/")
    page.locator("form[data-vifte-ready]").wait_for()
    titles = page.locator("[data-vifte-cards] .vifte-card__title").all_text_contents()
    assert any("Gældshjælp" in t for t in titles), titles

    # Search: Pagefind's script, worker, WebAssembly and index from the store.
    page.goto(url + "soeg/?q=gæld")
    page.locator("[data-vifte-search-results] .vifte-card__title").first.wait_for()
    found = page.locator("[data-vifte-search-results] .vifte-card__title").all_text_contents()
    assert any("Gældshjælp" in t for t in found), found

    # Min plan: an offer put on the plan from its stored page is on the stored plan page.
    page.goto(url + OFFER)
    page.locator("button[data-vifte-add]").first.click()
    page.goto(url + "plan/")
    page.locator(".vifte-plan-activity").first.wait_for()
    assert "Gældshjælp" in page.locator(".vifte-plan-activity").first.text_content()
    assert page.locator("[data-vifte-offline-notice]").is_visible()

    # Every language: the English pages were stored with the Danish ones.
    page.goto(url + "en/tilbud/virksomhedspraktik/")
    assert page.locator("h1").text_content().strip() == "Work placement"
    assert page.locator("[data-vifte-offline-notice]").is_visible()
    assert context.foreign == [] and page.errors == []


def test_a_page_from_the_network_is_never_marked_as_stored(context, url):
    page = stored_once(context, url)
    page.goto(url + OFFER)
    assert page.locator("h1").text_content().strip() == "Gældshjælp"
    assert page.locator("[data-vifte-offline-notice]").count() == 0
    assert page.evaluate("document.documentElement.hasAttribute('data-vifte-stored')") is False


def test_a_pdf_is_stored_only_when_asked(context, url, served):
    page = stored_once(context, url)
    page.goto(url + OFFER)
    button = page.locator("[data-vifte-offline-pdf]").first
    button.wait_for()
    assert button.text_content() == "Gem til brug uden net"
    pdf = page.locator(".vifte-download a[href$='.pdf']").first.evaluate("a => a.href")
    stored = "u => caches.keys().then(ns => Promise.all(ns.map(n => caches.open(n).then(c => c.match(u))))).then(r => r.some(Boolean))"
    assert page.evaluate(stored, pdf) is False
    button.click()
    status = page.locator("[data-vifte-offline-status]").first
    status.filter(has_text="Gemt på denne enhed.").wait_for()
    assert page.evaluate(stored, pdf) is True
    context.set_offline(True)
    opened = "u => fetch(u).then(r => r.headers.get('Content-Type') + ' ' + r.ok, e => 'failed')"
    assert page.evaluate(opened, pdf) == "application/pdf true"
    assert page.evaluate(opened, url + "pdf/katalog.pdf") == "failed"  # never asked for


def test_each_edition_has_its_own_store_and_the_public_one_holds_nothing_internal(context, url):
    page = stored_once(context, url)
    internal = context.new_page()
    internal.goto(url + "intern/")
    internal.wait_for_function(
        "() => navigator.serviceWorker.controller"
        " && navigator.serviceWorker.controller.scriptURL.includes('/intern/')"
    )
    names = page.evaluate("caches.keys()")
    public = [n for n in names if n.startswith("vifte-public-/-")]
    inner = [n for n in names if n.startswith("vifte-internal-/intern/-")]
    assert len(public) == 1 and len(inner) == 1, names
    kept = page.evaluate(
        """name => caches.open(name).then(c => c.keys()).then(rs =>
             Promise.all(rs.map(r => caches.open(name).then(c => c.match(r)).then(x => x.text())
               .then(text => [r.url, text.includes(arguments[1])]))))""".replace(
            "arguments[1]", repr(SECRET)
        ),
        public[0],
    )
    assert kept and not any("/intern/" in u for u, _ in kept)
    assert not any(secret for _, secret in kept)
    inside = internal.evaluate(
        f"caches.open({inner[0]!r}).then(c => c.match('{url}intern/tilbud/virksomhedspraktik/')).then(r => r.text())"
    )
    assert SECRET in inside


def test_the_notice_and_the_pdf_buttons_pass_axe(browser, url, axe):
    from .conftest import axe_findings

    context = browser.new_context(
        viewport={"width": 320, "height": 800}, bypass_csp=True, service_workers="allow"
    )
    try:
        page = stored_once(context, url)
        context.set_offline(True)
        page.goto(url + OFFER)
        page.locator("[data-vifte-offline-pdf]").first.wait_for()
        assert page.locator("[data-vifte-offline-notice]").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        assert axe_findings(axe, page) == []
    finally:
        context.close()
