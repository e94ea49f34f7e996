"""On a phone: the front page's main action on the first screen, readable chart labels, filter
boxes that keep their size when their label wraps."""

from __future__ import annotations

import pytest


@pytest.fixture
def phone(browser):
    contexts = []

    def open_at(width: int):
        context = browser.new_context(viewport={"width": width, "height": 800}, locale="da-DK")
        contexts.append(context)
        return context.new_page()

    yield open_at
    for context in contexts:
        context.close()


def test_the_main_action_is_on_the_first_screen_of_a_phone(phone, site_url):
    page = phone(390)
    page.goto(site_url)
    action = page.locator("a.md-button--primary[href='tilbud/']")
    assert action.count() == 1
    box = action.bounding_box()
    assert box and box["y"] + box["height"] <= 800
    # The colour legend is folded to one line, not a screenful.
    assert page.locator("details.vifte-legend-toggle:not([open])").count() == 1
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 4000  # 4,584 px before the tiles were made compact and the legend folded


@pytest.mark.parametrize("width", [320, 390])
def test_chart_labels_are_readable_on_a_phone(phone, site_url, width):
    """Every text in the goal charts is drawn at 12 CSS px or more (it was about 8 px at 320)."""
    page = phone(width)
    page.goto(site_url + "strategi/status/")
    sizes = page.evaluate(
        """[...document.querySelectorAll('svg.vifte-chart__svg')].map(svg => {
             const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
             return Math.min(...[...svg.querySelectorAll('text')].map(
               t => parseFloat(getComputedStyle(t).fontSize) * scale));
           })"""
    )
    assert len(sizes) >= 3
    assert min(sizes) >= 12, sizes


def test_a_filter_box_keeps_its_size_when_its_label_wraps(phone, site_url):
    page = phone(320)
    page.goto(site_url + "tilbud/")
    page.wait_for_selector("form[data-vifte-filter]:not([hidden])")
    widths = page.evaluate(
        "[...document.querySelectorAll('.vifte-check input')]"
        ".map(i => Math.round(i.getBoundingClientRect().width))"
    )
    assert len(widths) > 10
    assert min(widths) == max(widths) >= 18, widths
