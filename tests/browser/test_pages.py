"""The built example site in a real browser: no foreign requests, no CSP violations, no errors."""

from __future__ import annotations

import pytest

from .conftest import key_pages


@pytest.mark.parametrize("path", key_pages())
def test_page_loads_cleanly(page, watched, site_url, path):
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").count() == 1
    assert watched.foreign == []
    assert watched.csp == [] and page.evaluate("window.__csp || []") == []
    assert watched.errors == []
