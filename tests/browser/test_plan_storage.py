"""Min plan with whatever the browser has stored: a malformed plan is discarded, with a message."""

from __future__ import annotations

import json

import pytest

from vifte.domain.registry import TABLE
from vifte.domain.routes import page_url

MESSAGE = "Den plan, der var gemt i denne browser, kunne ikke læses, så den er slettet."


def _activity(offer_id: str, **changes: object) -> dict[str, object]:
    base = {
        "id": offer_id,
        "title": "Tilbud",
        "url": f"tilbud/{offer_id}/",
        "responsible": "",
        "legal": "",
        "subgoal": "",
        "start": "",
        "end": "",
        "hours": "",
    }
    return {**base, **changes}


def _plan(*activities: dict[str, object], goal: object = "") -> str:
    return json.dumps({"goal": goal, "activities": list(activities)})


GARBAGE = {
    "ikke-json": "{ikke json",
    "tal": "42",
    "liste": "[1, 2, 3]",
    "forkerte-typer": '{"goal": 5, "activities": "tilbud"}',
    "tom-aktivitet": _plan(None),  # type: ignore[arg-type]
    "titel-som-objekt": _plan(_activity("a", title={"x": 1})),
    "dato-som-tal": _plan(_activity("a", start=20270104)),
    "ugyldig-dato": _plan(_activity("a", start="i morgen")),
    "javascript-link": _plan(_activity("a", url="javascript:window.__pwned='url'")),
    "fremmed-link": _plan(_activity("a", url="//example.org/")),
    "script-i-tekst": _plan(
        _activity("a", title="<img src=x onerror=\"window.__pwned='title'\">", id="<script>"),
        goal="<script>window.__pwned='goal'</script>",
    ),
    "prototype": '{"__proto__": {"goal": "", "activities": []}}',
    "dubletter": _plan(_activity("a"), _activity("a")),
    "mange": _plan(*(_activity(f"tilbud-{i}") for i in range(5000))),
    "kaempestor": _plan(goal="x" * 3_000_000),
    "dyb": "[" * 100_000 + "]" * 100_000,
}


def _store(page, raw: str) -> None:
    page.evaluate("raw => localStorage.setItem('vifte.plan', raw)", raw)


@pytest.mark.parametrize("raw", GARBAGE.values(), ids=GARBAGE.keys())
def test_a_malformed_plan_is_discarded_with_a_message(page, site_url, watched, raw):
    page.goto(site_url + "plan/")
    _store(page, raw)
    page.goto(site_url + "plan/")
    message = page.locator("[data-vifte-plan-discarded]")
    assert message.is_visible() and MESSAGE in message.text_content()
    assert page.evaluate("localStorage.getItem('vifte.plan')") is None
    assert page.locator(".vifte-plan-activity").count() == 0
    page.get_by_label("Vælg et tilbud").select_option(index=1)
    page.get_by_role("button", name="Læg på planen").click()
    assert page.locator(".vifte-plan-activity").count() == 1
    page.reload()
    assert not message.is_visible() and page.locator(".vifte-plan-activity").count() == 1
    assert watched.errors == [] and page.evaluate("window.__pwned") is None


def test_a_plan_discarded_on_another_page_is_reported_on_the_plan_page(
    page, site_url, watched, catalogue
):
    offer = catalogue.offers[0]
    page.goto(site_url + page_url(TABLE, offer))
    _store(page, GARBAGE["tom-aktivitet"])
    page.goto(site_url + page_url(TABLE, offer))
    page.get_by_role("button", name="Læg på min plan", exact=True).click()
    assert (
        page.locator("[data-vifte-add-status]").text_content() == "Tilbuddet er lagt på din plan."
    )
    page.goto(site_url + "plan/")
    assert page.locator("[data-vifte-plan-discarded]").is_visible()
    assert page.locator(".vifte-plan-activity").count() == 1
    assert watched.errors == []


def test_a_valid_plan_is_kept(page, site_url, watched, catalogue):
    offer = catalogue.offers[0]
    page.goto(site_url + "plan/")
    _store(page, _plan(_activity(offer.id, title=offer.title, start="2027-01-04", hours="10")))
    page.goto(site_url + "plan/")
    assert not page.locator("[data-vifte-plan-discarded]").is_visible()
    assert page.locator("#vifte-plan-0-start").input_value() == "2027-01-04"
    assert watched.errors == []


@pytest.fixture(scope="module")
def catalogue():
    from vifte.source.validate import require_catalogue

    from ..conftest import REPO

    return require_catalogue(REPO)[0]
