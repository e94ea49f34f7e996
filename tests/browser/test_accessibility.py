"""WCAG 2.1 AA: axe-core in a real browser finds no serious or critical problem on the key pages."""

from __future__ import annotations

import pytest

from .conftest import key_pages


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe  # installed by the README's test command

    return Axe()


@pytest.mark.parametrize("path", key_pages())
@pytest.mark.parametrize("view", ["borger", "fagperson"])
def test_no_serious_axe_violations(page, site_url, axe, path, view):
    page.goto(site_url)
    page.evaluate(f"localStorage.setItem('vifte.view', '{view}')")
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    results = axe.run(
        page,
        options={
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
            }
        },
    )
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
