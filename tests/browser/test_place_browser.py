"""How to get there and is it current, in Chromium (decision 64): the overdue mark follows the
reader's calendar, not only the build's; the offer with every place fact is axe-clean, reflows at
320 px and asks nothing of the map service or the mail program until tapped."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..test_place import build_placed
from .conftest import axe_findings, serve

OFFER = "tilbud/havnens-vaerksted/"
LATER = "tilbud/hostile/"  # review_by 2027-06-01, built on 2026-12-07


@pytest.fixture(scope="module")
def placed_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    server, url = serve(build_placed(tmp_path_factory.mktemp("place-browser")))
    yield url
    server.shutdown()


def _overdue_shown(browser, url: str, day: dt.datetime) -> bool:
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    page.clock.set_fixed_time(day)
    page.goto(url + LATER, wait_until="load")
    mark = page.locator(".vifte-current__overdue")
    assert mark.count() == 1
    shown = mark.is_visible()
    context.close()
    return shown


def test_the_overdue_mark_appears_when_the_readers_date_passes_the_review_date(browser, placed_url):
    assert not _overdue_shown(browser, placed_url, dt.datetime(2027, 6, 1, 12))
    assert _overdue_shown(browser, placed_url, dt.datetime(2027, 6, 2, 8))


def test_the_offer_with_every_place_fact_is_clean_and_reflows(
    browser, placed_url, page, watched, axe, tmp_path
):
    page.goto(placed_url + OFFER, wait_until="load")
    assert page.get_by_role("link", name="Åbn stedet i din telefons kort").is_visible()
    assert page.get_by_role("link", name="Find adressen på openstreetmap.org").is_visible()
    assert page.get_by_role("link", name="Skriv til kommunen, hvis noget er forkert").is_visible()
    overdue = page.locator(".vifte-current__overdue")
    assert overdue.is_visible() and "Gennemgangen er forsinket." in overdue.inner_text()
    assert watched.foreign == [] and watched.errors == []
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, locale="da-DK", bypass_csp=True
    )
    small = context.new_page()
    for path in (OFFER, LATER, "en/" + OFFER):
        small.goto(placed_url + path, wait_until="load")
        if path != LATER:  # its title is one 24-letter word ("?bcc=spion@…"): the h1's own matter
            assert small.evaluate("document.documentElement.scrollWidth") <= 320, path
        assert axe_findings(axe, small) == [], path
    shots = os.environ.get("VIFTE_SHOTS")  # screenshots for a person to look at (the note)
    if shots:
        small.goto(placed_url + OFFER, wait_until="load")
        small.screenshot(path=str(Path(shots) / "place-320.png"), full_page=True)
        page.screenshot(path=str(Path(shots) / "place-1280.png"), full_page=True)
    context.close()
