"""Every request a page view makes is answered: nothing the theme asks for is missing."""

from __future__ import annotations

from .conftest import key_pages


def test_page_views_ask_for_nothing_that_is_missing(page, site_url):
    """mkdocs-material fetched `<feed folder>/sitemap.xml` for each feed link (404 on every view)."""
    missing: list[str] = []
    answered: list[str] = []
    page.on("requestfailed", lambda r: missing.append(f"failed {r.url}"))

    def seen(response):
        answered.append(response.url)
        if response.status >= 400:
            missing.append(f"{response.status} {response.url}")

    page.on("response", seen)
    for path in [*key_pages(), "strategi/", "nyt/"]:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    assert any(u.endswith(".js") for u in answered)  # the recording saw the scripts' requests
    assert missing == []


def test_going_back_does_not_reopen_the_menu(browser, site_url):
    """The theme's toggles lost `autocomplete` (invalid HTML on a checkbox); their own form keeps
    a browser from restoring an open menu when the citizen goes back to a page."""
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(site_url)
    page.click(".md-header label[for=__drawer]")
    assert page.evaluate("document.getElementById('__drawer').checked")
    page.click(".md-nav--primary a[href*='temaer']")
    page.wait_for_load_state()
    page.go_back()
    page.wait_for_load_state("networkidle")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    context.close()
