"""What the browser scripts draw comes from the words catalogue: in the pseudo-language build
(every catalogue word wrapped in ⟦ ⟧) the filter page after a tick, Min plan with an offer on it,
and the search results show no untransformed Danish interface word; the catalogue's own texts
(titles, summaries, settings' labels) stay as written (tests/pseudo_leftovers.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from vifte.domain.registry import TABLE
from vifte.domain.routes import page_url
from vifte.source.validate import require_catalogue

from ..conftest import REPO
from ..pseudo_leftovers import OPEN, citizen_texts, leftovers
from .conftest import serve

TEXTS = """el => {
  const out = [];
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let n = el; n; n = walk.nextNode()) {
    if (n.nodeType === 3) { if (n.data.trim()) out.push(n.data); continue; }
    for (const name of ["aria-label", "alt", "title"]) if (n.getAttribute(name)) out.push(n.getAttribute(name));
  }
  return out;
}"""
"""Each text node and each spoken attribute under an element, one by one."""


@pytest.fixture(scope="module")
def pseudo_url(pseudo_site: Path) -> Iterator[str]:
    server, url = serve(pseudo_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def catalogue():
    return require_catalogue(REPO)[0]


@pytest.fixture(scope="module")
def citizen(catalogue) -> list[str]:
    return citizen_texts(catalogue)


def drawn(page, selector: str) -> list[str]:
    """The texts of every element matching `selector` (it must match at least one)."""
    found = page.locator(selector)
    assert found.count(), selector
    return [text for el in found.all() for text in el.evaluate(TEXTS)]


def untransformed(texts: list[str], allowed: list[str]) -> list[tuple[str, list[str]]]:
    return [(text, left) for text in texts if (left := leftovers(text, allowed))]


def test_the_filter_page_draws_only_catalogue_words_after_a_tick(
    page, pseudo_url, catalogue, citizen
):
    page.goto(pseudo_url + "tilbud/")
    page.locator("[data-vifte-filter][data-vifte-ready]").wait_for(state="attached")
    theme = next(iter(catalogue.themes.values()))
    page.locator(f'input[data-label="{theme.label}"]').check()
    page.locator("[data-vifte-qr] svg").wait_for(state="attached")
    # The groups' names are the page's own words (its template's), read from the markup.
    groups = page.locator("[data-vifte-group]").evaluate_all(
        "els => els.map(e => e.getAttribute('data-vifte-group'))"
    )
    allowed = citizen + groups
    texts = drawn(page, "[data-vifte-count]") + drawn(page, "[data-vifte-chosen]")
    texts += drawn(page, "[data-vifte-option-count]") + drawn(page, "[data-vifte-more]")
    texts += drawn(page, "[data-vifte-results] .vifte-card__print")
    texts += drawn(page, "[data-vifte-results] [data-vifte-add]")
    texts += drawn(page, "[data-vifte-qr]")
    mail = page.locator("[data-vifte-mail]").get_attribute("href")
    texts += page.evaluate("h => decodeURIComponent(h.split('&body=')[1]).split('\\n')", mail)
    assert untransformed(texts, allowed) == []
    assert any(OPEN + "(" in t for t in texts), (
        "the ticked box says (uden: N) in the catalogue's words"
    )

    # No offer has both: the empty list offers to remove each choice, in the catalogue's words.
    area = next(
        a
        for a in catalogue.areas.values()
        if not any(o.area == a.id and theme.id in o.themes for o in catalogue.offers if o.listed)
    )
    page.locator(f'input[data-label="{area.label}"]').check()
    assert page.locator("[data-vifte-empty]").is_visible()
    texts = drawn(page, "[data-vifte-remove] button") + drawn(page, "[data-vifte-count]")
    assert untransformed(texts, allowed) == []
    assert all(t.startswith(OPEN) for t in drawn(page, "[data-vifte-remove] button"))


OWN = "Træne til jobsamtalen med en ven"


def test_min_plan_draws_only_catalogue_words(page, pseudo_url, catalogue, citizen):
    offer = next(
        o
        for o in catalogue.offers
        if o.listed and o.location and o.contact.phone and o.professional
    )
    page.goto(pseudo_url + page_url(TABLE, offer))
    page.locator("[data-vifte-add]").first.click()
    texts = drawn(page, "[data-vifte-add]") + drawn(page, "[data-vifte-add-status]")
    texts += drawn(
        page, "[data-vifte-view-toggle]"
    )  # view.js, on an offer with text for caseworkers
    page.goto(pseudo_url + "plan/")
    page.locator("#vifte-plan-own").fill(OWN)
    page.locator("[data-vifte-plan-own]").click()
    texts += drawn(page, "[data-vifte-plan-status]")
    page.locator("#vifte-plan-0-start").fill("2027-03-05")
    page.locator("#vifte-plan-0-subgoal").fill(OWN)
    page.locator("[data-vifte-plan-print] img:not([hidden])").first.wait_for(state="attached")
    with page.expect_download():
        page.locator("[data-vifte-plan-save]").click()
    allowed = [*citizen, OWN]
    texts += drawn(page, "[data-vifte-plan-list]") + drawn(page, "[data-vifte-plan-status]")
    texts += drawn(page, "[data-vifte-plan-print] tbody") + drawn(
        page, "[data-vifte-plan-print-goal]"
    )
    texts += drawn(page, "[data-vifte-plan-print-citizen]")
    left = untransformed(texts, allowed)
    assert left == [], "\n".join(map(str, left))
    headings = page.locator("[data-vifte-plan-list] h3").all_text_contents()
    # The citizen's content stays as written; the offer's title, shown in Danish, says so.
    assert headings[0].startswith(offer.title + " ") and headings[1] == OWN
    danish = page.locator('[data-vifte-plan-list] h3 [lang="da"]').all_text_contents()
    assert danish == [offer.title]
    assert sum(t.count(OPEN) for t in texts) > 20


def test_search_results_are_told_in_catalogue_words(page, pseudo_url, citizen):
    texts = []
    for query in ("budget", "budjet", "xqzzyvw"):
        page.goto(pseudo_url + "soeg/?q=" + query)
        status = page.locator("[data-vifte-search-status]", has_text=query)
        status.wait_for()
        texts += drawn(page, "[data-vifte-search-status]") + drawn(page, "[data-vifte-search-more]")
    allowed = [*citizen, "budget", "budjet", "xqzzyvw"]
    assert untransformed(texts, allowed) == []
    assert all(t.startswith(OPEN) for t in texts if t.strip())
