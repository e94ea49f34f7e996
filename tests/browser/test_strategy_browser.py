"""The strategy pages in a real browser: axe-clean, and no sideways scrolling at 320 px."""

from __future__ import annotations

import pytest

PAGES = [
    "strategi/",
    "strategi/status/",
    "strategi/beskaeftigelsesplan-2026/",
    "strategi/veteranstrategi/",
    "strategi/beskaeftigelsesplan-2025/",
]


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe  # installed by the README's test command

    return Axe()


@pytest.mark.parametrize("path", PAGES)
def test_strategy_pages_are_axe_clean_and_fit_320_px(page, site_url, axe, path):
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
    found = [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical", "moderate")
    ]
    assert found == []
    page.set_viewport_size({"width": 320, "height": 800})
    page.wait_for_timeout(100)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"{path} is {width} px wide at 320 px"
