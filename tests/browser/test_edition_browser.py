"""The internal edition in a real browser: the banner is seen and printed, internal data is there."""

from __future__ import annotations

import subprocess

import pytest

from vifte.domain.registry import TABLE
from vifte.domain.routes import page_url

from ..test_edition import example_editions
from .conftest import axe_findings, serve

BANNER = "Intern udgave – må ikke offentliggøres"


@pytest.fixture(scope="module")
def intern_url(tmp_path_factory):
    # The example's internal edition test_edition reads too: one build for both (read-only).
    _, _, site, _ = example_editions(tmp_path_factory)
    server, url = serve(site)
    yield url
    server.shutdown()


def test_internal_edition_shows_banner_and_internal_contact(page, intern_url, watched, tmp_path):
    from vifte.source.validate import require_catalogue

    from ..conftest import REPO

    catalogue, _ = require_catalogue(REPO)
    offer = next(o for o in catalogue.offers if o.internal_contact and o.price)
    page.goto(intern_url + page_url(TABLE, offer))
    assert page.get_by_text(BANNER).is_visible()
    # Behind the caseworker toggle, as on the public site: the screen is shared with the citizen.
    assert not page.get_by_text(offer.price).is_visible()
    page.locator("[data-vifte-view-toggle]").click()
    assert page.get_by_text(offer.price).is_visible()
    assert page.get_by_role("heading", name="Kontakt for fagfolk").is_visible()
    pdf = tmp_path / "tilbud.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert BANNER in text and offer.price in text
    page.goto(intern_url + "plan/")
    assert page.get_by_text(BANNER).is_visible()
    assert watched.errors == [] and watched.csp == [] and watched.foreign == []
    assert page.evaluate("window.__csp || []") == []


def test_internal_edition_banner_passes_axe(page, intern_url, axe):
    page.goto(intern_url)
    page.wait_for_load_state("networkidle")
    found = axe_findings(axe, page, impacts=("minor", "moderate", "serious", "critical"))
    assert [f for f in found if "vifte-edition-banner" in f] == []
