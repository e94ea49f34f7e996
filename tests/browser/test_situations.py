"""The front page's situation tiles in Chromium: each leads to the filter page with its situation
ticked, and the filter page then shows as many offers as the tile said (decision 65)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from vifte.mkdocs.build import build_site

from ..test_situations import PARAM, count_words, situations_project
from .conftest import axe_findings, serve
from .test_filter_feedback import ready

TILES = f'.vifte-tiles a[href*="?{PARAM}="]'


@pytest.fixture(scope="module")
def new_site(tmp_path_factory):
    """A `vifte init` project in Danish and English with a situation without offers and a paused,
    a closed and a draft offer (tests/test_situations.py), built without PDFs."""
    root = situations_project(tmp_path_factory.mktemp("situations") / "kommune")
    server, url = serve(build_site(root / "mkdocs.yml", root.parent / "site"))
    yield url
    server.shutdown()


def follow_every_tile(page, front: str, language: str) -> dict[str, int]:
    """Open each situation tile of a front page; check the filter page ticks that situation alone
    and shows the number of offers the tile said. Returns the numbers by situation."""
    page.goto(front)
    tiles = page.locator(TILES)
    assert tiles.count() > 0
    shown = {}
    for i in range(tiles.count()):
        page.goto(front)
        tile = page.locator(TILES).nth(i)
        said = tile.locator(".vifte-tile__count").inner_text()
        group = parse_qs(urlsplit(tile.get_attribute("href")).query)[PARAM][0]
        tile.click()
        ready(page)
        assert page.locator(f'input[name="{PARAM}"]:checked').evaluate_all(
            "boxes => boxes.map(b => b.value)"
        ) == [group]
        assert page.locator("form[data-vifte-filter] input:checked").count() == 1
        cards = page.locator("[data-vifte-results] .vifte-card")
        assert page.locator("[data-vifte-more]").is_hidden()  # every matching card is drawn
        n = cards.count()
        assert said == f"({count_words(language, n)})", (group, said, n)
        shown[group] = n
    return shown


def test_each_tile_of_a_new_municipality_opens_the_filter_with_as_many_offers_as_it_says(
    new_site, page, watched
):
    danish = follow_every_tile(page, new_site, "da")
    assert danish == {"jobparat": 1, "aktivitetsparat": 2}
    assert follow_every_tile(page, new_site + "en/", "en") == danish
    assert page.url.startswith(new_site + "en/tilbud/")
    assert watched.errors == [] and watched.foreign == [] and watched.csp == []


def test_a_tile_is_followed_with_the_keyboard_and_the_front_page_fits_a_phone(
    new_site, page, watched, axe
):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(new_site)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert axe_findings(axe, page) == []
    first = page.locator(TILES).first
    first.focus()
    page.keyboard.press("Enter")
    ready(page)
    assert page.locator(f'input[name="{PARAM}"][value="jobparat"]').is_checked()
    assert page.locator("[data-vifte-count]").inner_text() == "Viser 1 af 2 tilbud."
    assert watched.errors == [] and watched.foreign == []


@pytest.mark.parametrize(("prefix", "language"), [("", "da"), ("ar/", "ar")])
def test_the_examples_tiles_count_what_the_filter_page_shows(
    site_url, page, watched, prefix, language
):
    shown = follow_every_tile(page, site_url + prefix, language)
    assert len(shown) >= 5 and all(shown.values())
    assert watched.errors == [] and watched.foreign == []
