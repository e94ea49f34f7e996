"""Hostile hand-written pages, nav labels and site name in Chromium: nothing runs, nothing redirects.

The project comes from tests/test_page_safety.py. Every page the site's own scripts run on
(the theme's inline scripts define __md_get) reports no CSP violation; a script that a careless
theme lets through is blocked by the policy and reported as a violation.
"""

from __future__ import annotations

import pytest

from vifte.mkdocs.build import build_site

from ..test_page_safety import LEAKY_PARTIAL, hostile_project
from .conftest import serve

PAGES = ("", "titel/", "beskrivelse/", "overskrift/", "tilbud/fjendtlig/", "tilbud/", "404.html")


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("fjendtlig-browser")
    config = hostile_project(root / "kommune")
    partial = root / "kommune/theme/partials/integrations/analytics.html"
    partial.parent.mkdir(parents=True)
    partial.write_text(LEAKY_PARTIAL, encoding="utf-8")
    (root / "kommune/site_src/motto.md").write_text(
        "---\nmotto: \"<script>window.__pwned='leak'</script>\"\n---\n# Motto\n", encoding="utf-8"
    )
    server, url = serve(build_site(config, root / "site"))
    yield url
    server.shutdown()


def test_hostile_pages_run_nothing_and_stay_on_the_site(page, watched, hostile_url):
    visited: list[str] = []
    page.on("framenavigated", lambda frame: visited.append(frame.url))
    for path in PAGES:
        page.goto(hostile_url + path)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)  # a refresh with delay 0 would have left by now
        assert page.evaluate("window.__pwned") is None, path
        assert page.evaluate("typeof __md_get") == "function", path  # the theme's own script ran
        assert page.evaluate("window.__csp || []") == [], path
        assert page.url == hostile_url + path
    assert all(url.startswith(hostile_url) for url in visited), visited
    assert watched.foreign == [] and watched.csp == [] and watched.errors == []


def test_json_ld_is_read_as_data_without_a_csp_violation(page, watched, hostile_url):
    page.goto(hostile_url + "tilbud/fjendtlig/")
    page.wait_for_load_state("networkidle")
    read = "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').text)"
    data = page.evaluate(read)
    assert data["@type"] == "GovernmentService"
    assert data["description"] == "Kort & godt <script>window.__pwned='summary'</script>"
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("window.__csp || []") == [] and watched.csp == [] and watched.errors == []


def test_script_a_theme_lets_through_is_blocked(page, watched, hostile_url):
    page.goto(hostile_url + "motto/")
    page.wait_for_load_state("networkidle")
    leaked = "[...document.scripts].filter(s => s.text === \"window.__pwned='leak'\").length"
    assert page.evaluate(leaked) == 1  # the theme really put it into the page
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("typeof __md_get") == "function"
    violations = page.evaluate("window.__csp || []")
    assert len(violations) == 1 and violations[0].startswith("script-src"), violations
    assert watched.foreign == []
