"""The filter page, Min plan and the search's typo words at 300 offers, from compact data."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from vifte.domain.registry import TABLE
from vifte.domain.routes import offer_list_path
from vifte.mkdocs.build import build_site

from ..test_filter_page import many_offers
from .conftest import serve
from .test_filter_feedback import offers_reached_without_javascript, ready

N = 300


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> tuple[str, list[dict]]:
    root = tmp_path_factory.mktemp("big")
    site = build_site(many_offers(root / "p", N) / "mkdocs.yml", root / "site", pdf=False)
    server, url = serve(site)
    yield url, json.loads((site / offer_list_path(TABLE)).read_text(encoding="utf-8"))
    server.shutdown()


def _cards(page) -> list[str]:
    return page.locator("[data-vifte-results] .vifte-card").evaluate_all(
        "cards => cards.map(c => c.dataset.id)"
    )


def test_the_filter_page_works_from_the_offer_data(page, watched, big):
    url, data = big
    page.goto(url + "tilbud/")
    ready(page)
    count = page.locator("[data-vifte-count]")
    assert count.text_content() == f"Viser alle {len(data)} tilbud."
    assert len(_cards(page)) == 50  # a page of cards at a time
    more = page.locator("[data-vifte-more]")
    assert more.text_content() == "Vis 50 tilbud mere"
    page.locator('input[data-label="Trivsel"]').check()
    chosen = [o for o in data if "trivsel" in o.get("th", [])]
    assert count.text_content() == f"Viser {len(chosen)} af {len(data)} tilbud."
    assert parse_qs(urlparse(page.url).query) == {"tema": ["trivsel"]}
    for area in ("beskaeftigelse", "social", "sundhed"):
        box = page.locator(f'input[name="omraade"][value="{area}"]').locator("..")
        n = sum(1 for o in chosen if o["a"] == area)
        assert box.locator("[data-vifte-option-count]").text_content() == f"({n})"
    for _ in range(len(chosen) // 50 + 1):  # "Vis flere" until the button goes
        if more.is_visible():
            more.click()
    assert not more.is_visible()
    assert _cards(page) == [o["i"] for o in chosen]  # every chosen offer, in the data's order
    assert page.evaluate("document.activeElement.closest('.vifte-card').dataset.id") in _cards(page)
    first = page.locator("[data-vifte-results] .vifte-card").first
    assert first.locator(".vifte-badge--area").count() == 1
    assert first.locator(".vifte-badge--access").count() == 1
    page.goto(page.url)  # the address restores the choice
    ready(page)
    assert count.text_content() == f"Viser {len(chosen)} af {len(data)} tilbud."
    page.goto(url + "plan/")
    options = page.locator("#vifte-plan-picker optgroup[label=Tilbud] option")
    options.last.wait_for(state="attached")
    assert options.count() == len(data)
    assert watched.foreign == [] and watched.errors == []


def test_without_javascript_every_offer_is_reached_from_the_filter_page(browser, big):
    url, data = big
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url + "tilbud/")
    assert offers_reached_without_javascript(page) == {o["i"] for o in data}
    context.close()


def test_a_wrong_first_letter_is_corrected_from_two_small_word_files(page, big):
    url, _ = big
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if "vifte-ord" in r.url else None)
    page.goto(url + "soeg/?q=nolig")
    status = page.locator("[data-vifte-search-status]")
    status.filter(has_text="Viser i stedet").wait_for()
    assert status.text_content().startswith("Ordet »nolig« findes ikke. Viser i stedet")
    assert status.text_content().endswith("for »bolig«.")
    assert sorted(Path(u).name for u in fetched) == [f"f-{ord('n')}.json", f"l-{ord('g')}.json"]


def test_the_mail_link_cuts_a_long_list_and_keeps_its_address(page, big):
    """300 titles do not fit in a mailto: link that mail programs accept: the first ones do, then
    "… og N tilbud mere", and the list's address, which holds them all."""
    url, data = big
    page.goto(url + "tilbud/")
    ready(page)
    href = page.locator("[data-vifte-mail]").get_attribute("href")
    assert href.startswith("mailto:?") and len(href) <= 1800
    body = parse_qs(urlparse(href).query)["body"][0]
    listed = [line[2:] for line in body.splitlines() if line.startswith("- ")]
    shown, rest = listed[:-1], listed[-1]
    assert shown == [o["t"] for o in data[: len(shown)]] and len(shown) >= 10
    assert rest == f"… og {len(data) - len(shown)} tilbud mere"
    assert body.endswith("Se hele listen her: " + page.url)
