"""The scripts count in the page's language: Ukrainian's whole numbers have only the plural
categories one, few and many (no "other"), and still get their own words, not the Danish ones."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("language", "wanted"), [("uk", "Показано всі послуги:"), ("en", "Showing all")]
)
def test_the_filter_pages_count_is_in_its_language(page, site_url, watched, language, wanted):
    page.goto(f"{site_url}{language}/tilbud/")
    page.locator("[data-vifte-filter][data-vifte-ready]").wait_for(state="attached")
    count = page.locator("[data-vifte-count]").text_content() or ""
    assert count.startswith(wanted), count
    assert "Viser" not in count and "tilbud" not in count
    assert watched.errors == []
