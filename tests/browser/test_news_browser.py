"""News pages in a real browser: axe-clean at a phone's width, and no sideways scrolling at 320 px."""

from __future__ import annotations

import pytest

from .conftest import axe_findings

PAGES = [
    "nyt/",
    "nyt/sygedagpenge-stopper-foerst-efter-en-afgoerelse/",
    "nyt/aabningstider-i-julen-2026/",
    "nyt-og-aendret/",
    "tilbud/tilbage-efter-sygdom/",
    "",
]


@pytest.mark.parametrize("path", PAGES)
def test_news_pages_are_axe_clean_at_390_px_and_fit_320_px(page, site_url, axe, path):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    found = axe_findings(axe, page, ("serious", "critical", "moderate"))
    assert found == []
    page.set_viewport_size({"width": 320, "height": 800})
    page.wait_for_timeout(100)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"{path} is {width} px wide at 320 px"
