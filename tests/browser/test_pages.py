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


def test_site_search_runs_under_the_policy(page, watched, site_url):
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").press_sequentially("praktik", delay=40)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert watched.csp == [] and page.evaluate("window.__csp || []") == []
    assert watched.errors == []
