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
