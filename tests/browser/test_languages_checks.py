"""English and Ukrainian pages of the whole example site (its `/en/` and `/uk/` folders), as a
citizen's browser shows them: axe finds nothing serious on any page kind, and no page scrolls
sideways at 320 px (longer words included). Arabic has its own file, test_arabic_browser.py."""

from __future__ import annotations

import pytest

from .conftest import axe_findings
from .test_arabic_browser import PAGE_KINDS
from .test_phone import all_pages

LANGUAGES = ("en", "uk")


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_axe_violations_on_any_page_kind(browser, axe, site_url, language):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=language)
    page = context.new_page()
    found = []
    for path in PAGE_KINDS:
        page.goto(f"{site_url}{language}/{path}")
        page.wait_for_load_state("networkidle")
        found += [
            f"/{language}/{path}: {f}" for f in axe_findings(axe, page, ("serious", "critical"))
        ]
    context.close()
    assert found == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_scrolls_sideways_at_320_px(browser, example_site, site_url, language):
    pages = all_pages(example_site / language)
    assert len(pages) > 40
    context = browser.new_context(viewport={"width": 320, "height": 900}, locale=language)
    page = context.new_page()
    wide = []
    for path in pages:
        page.goto(f"{site_url}{language}/{path}", wait_until="load")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            wide.append(f"/{language}/{path}: {width} px")
    context.close()
    assert wide == []
