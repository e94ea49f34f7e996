"""The catalogue as a citizen and a caseworker use it: filters, the view switch and Min plan."""

from __future__ import annotations

import re
import subprocess
from urllib.parse import parse_qs, urlparse

import pytest

from vifte.domain.registry import TABLE
from vifte.domain.routes import page_url
from vifte.source.validate import require_catalogue

from ..conftest import REPO
from .test_filter_feedback import offers_reached_without_javascript, ready


@pytest.fixture(scope="module")
def catalogue():
    return require_catalogue(REPO)[0]


def _count(catalogue, theme=None, group=None):
    return sum(
        1
        for o in catalogue.offers
        if (theme is None or theme in o.themes) and (group is None or group in o.target_groups)
    )


@pytest.mark.parametrize(
    "viewport",
    [{"width": 390, "height": 844}, {"width": 1280, "height": 900}],
    ids=["phone", "desktop"],
)
def test_ticking_filters_narrows_the_list_and_the_url(page, watched, site_url, catalogue, viewport):
    page.set_viewport_size(viewport)
    page.goto(site_url + "tilbud/")
    ready(page)
    count = page.locator("[data-vifte-count]")
    assert count.text_content() == f"Viser alle {len(catalogue.offers)} tilbud."
    assert count.get_attribute("role") == "status"
    theme = next(iter(catalogue.themes.values()))
    page.locator(f'input[data-label="{theme.label}"]').check()
    expected = _count(catalogue, theme=theme.id)
    assert count.text_content() == f"Viser {expected} af {len(catalogue.offers)} tilbud."
    assert page.locator("[data-vifte-results] .vifte-card:visible").count() == expected
    group = next(
        g
        for g in catalogue.target_groups.values()
        if 0 < _count(catalogue, theme.id, g.id) < expected
    )
    page.locator(f'input[data-label="{group.label}"]').check()
    both = _count(catalogue, theme.id, group.id)
    assert page.locator("[data-vifte-results] .vifte-card:visible").count() == both
    query = parse_qs(urlparse(page.url).query)
    assert query == {"tema": [theme.id], "maalgruppe": [group.id]}
    page.goto(page.url)  # a bookmarked or e-mailed link restores the choice
    ready(page)
    assert page.locator(f'input[data-label="{theme.label}"]').is_checked()
    assert page.locator("[data-vifte-results] .vifte-card:visible").count() == both
    assert watched.foreign == [] and watched.errors == []


def test_without_javascript_every_offer_is_one_click_from_the_filter_page(
    browser, site_url, catalogue
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "tilbud/")
    assert not page.locator("[data-vifte-filter]").is_visible()
    assert offers_reached_without_javascript(page) == {o.id for o in catalogue.offers}
    assert page.locator("[data-vifte-grouped] h2").count() == 3  # themes, situations, areas
    context.close()


def test_caseworker_view_is_a_remembered_toggle(page, site_url, catalogue):
    offer = next(
        o for o in catalogue.offers if o.professional and o.internal_contact and o.legal_basis
    )
    page.goto(site_url + page_url(TABLE, offer))
    professional = page.locator(".vifte-professional")
    toggle = page.locator("[data-vifte-view-toggle]")
    assert not professional.is_visible()
    assert not page.get_by_text(offer.legal_basis[0]).is_visible()
    assert not page.get_by_role("heading", name="Kontakt for fagfolk").is_visible()
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert professional.is_visible() and toggle.get_attribute("aria-pressed") == "true"
    assert page.get_by_text(offer.legal_basis[0]).is_visible()
    # internal fields are not in the public edition at all, toggle or not (tests/test_edition.py)
    assert page.get_by_role("heading", name="Kontakt for fagfolk").count() == 0
    page.goto(site_url + page_url(TABLE, offer))
    assert page.locator(".vifte-professional").is_visible()
    page.locator("[data-vifte-view-toggle]").click()
    assert not page.locator(".vifte-professional").is_visible()


def test_plan_is_built_printed_on_one_page_and_cleared(page, site_url, catalogue, tmp_path):
    first, second = catalogue.offers[0], catalogue.offers[1]
    page.goto(site_url + page_url(TABLE, first))
    page.get_by_role("button", name="Læg på min plan", exact=True).click()
    assert (
        page.locator("[data-vifte-add-status]").text_content() == "Tilbuddet er lagt på din plan."
    )
    page.goto(site_url + "plan/")
    page.get_by_label("Vælg et tilbud").select_option(second.id)
    page.get_by_role("button", name="Læg på planen").click()
    page.get_by_label("Hvad vil du gerne opnå?").fill("Komme i job inden sommer")
    page.locator("#vifte-plan-0-subgoal").fill("Prøve kræfter med lagerarbejde")
    page.locator("#vifte-plan-0-start").fill("2027-01-04")
    page.locator("#vifte-plan-1-hours").fill("10")
    page.reload()
    assert page.get_by_label("Hvad vil du gerne opnå?").input_value() == "Komme i job inden sommer"
    assert page.locator(".vifte-plan-activity").count() == 2
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), format="A4")
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in pages
    raw = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = re.sub(r"-\n", "", raw)  # words hyphenated across lines in narrow table cells
    assert "Komme i job inden sommer" in text and "Prøve kræfter" in text and "04.01.2027" in text
    assert first.title.split()[0] in text and second.title.split()[0] in text
    assert (
        "Find tilbud" not in text and "Slet planen" not in text
    )  # no navigation or buttons on paper
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Slet planen").click()
    assert page.locator(".vifte-plan-activity").count() == 0
    assert page.evaluate("localStorage.getItem('vifte.plan')") is None


def test_an_offer_page_prints_without_navigation(page, site_url, catalogue, tmp_path):
    offer = next(o for o in catalogue.offers if o.enterprises and o.professional)
    enterprise = catalogue.enterprise_by_id[offer.enterprises[0]]
    page.goto(site_url + page_url(TABLE, offer))
    page.locator(
        "[data-vifte-view-toggle]"
    ).click()  # the caseworker prints the professional part too
    pdf = tmp_path / "tilbud.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert offer.title in text and offer.summary.split()[0] in text
    assert (
        catalogue.areas[offer.area].label in text and catalogue.access[offer.access].label in text
    )
    assert "Til fagfolk" in text
    assert "Find tilbud" not in text and "Vis oplysninger til sagsbehandlere" not in text
    assert enterprise.name in text


def test_printed_links_show_their_address(page, site_url, catalogue, tmp_path):
    enterprise = next(e for e in catalogue.enterprises if e.url)
    page.goto(site_url + page_url(TABLE, enterprise))
    pdf = tmp_path / "virksomhed.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert f"({enterprise.url})" in text.replace("\n", "")
