"""WCAG 2.1 AA: axe-core in a real browser finds no serious or critical problem on the key pages."""

from __future__ import annotations

import pytest

from .conftest import axe_findings, key_pages


@pytest.mark.parametrize("path", key_pages())
@pytest.mark.parametrize("view", ["borger", "fagperson"])
def test_no_serious_axe_violations(page, site_url, axe, path, view):
    page.goto(site_url)
    page.evaluate(f"localStorage.setItem('vifte.view', '{view}')")
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    serious = axe_findings(axe, page, ("serious", "critical"))
    assert serious == []


def test_the_axe_check_reports_every_violating_node(page, axe):
    """The check the browser tests share can fail: on a page with two low-contrast paragraphs and
    an image without alt it names both paragraphs and the image (only passing nodes go unlisted)."""
    page.set_content(
        '<html lang="da"><head><title>Prøve</title></head><body><main><h1>Prøve</h1>'
        '<p style="color:#bbb;background:#fff">Lys tekst</p>'
        '<p style="color:#bbb;background:#fff">Mere lys tekst</p><img src="data:,"></main></body></html>'
    )
    found = axe_findings(axe, page)
    assert sorted(f.split(" ")[0] for f in found) == ["color-contrast", "image-alt"], found
    found.sort()
    assert "p:nth-child(2)" in found[0] and "p:nth-child(3)" in found[0]
