"""Min plan in a meeting: names and date, an offer, a mentor and an own activity with contacts."""

from __future__ import annotations

import re
import subprocess

import pytest

from vifte.source.validate import require_catalogue

from ..conftest import REPO

OWN = "Søg 5 job om ugen"


@pytest.fixture(scope="module")
def catalogue():
    return require_catalogue(REPO)[0]


def _offer_with_address(catalogue):
    return next(
        o for o in catalogue.offers if o.location and o.location.one_line and o.contact.phone
    )


def build_plan(page, site_url, catalogue):
    """An offer and a mentor from their pages, an own activity, names and a date on the plan page."""
    offer = _offer_with_address(catalogue)
    mentor = next(m for m in catalogue.mentors if m.contact.phone)
    page.goto(site_url + offer.page_url)
    page.get_by_role("button", name="Læg på min plan").click()
    page.goto(site_url + mentor.page_url)
    page.get_by_role("button", name="Læg på min plan").click()
    assert page.locator("[data-vifte-add-status]").text_content() == "Mentoren er lagt på din plan."
    page.goto(site_url + "plan/")
    page.get_by_label("Dit navn").fill("Sara Holm")
    page.get_by_label("Sagsbehandlerens navn").fill("Jens Berg")
    page.get_by_label("Næste møde").fill("2027-02-15")
    page.get_by_label("Skriv en aktivitet selv").fill(OWN)
    page.get_by_role("button", name="Læg aktiviteten på planen").click()
    page.locator("#vifte-plan-2-subgoal").fill("Mindst ét svar hver uge")
    return offer, mentor


def test_names_date_and_three_kinds_of_activity_are_kept(page, site_url, watched, catalogue):
    offer, mentor = build_plan(page, site_url, catalogue)
    page.reload()
    assert page.get_by_label("Dit navn").input_value() == "Sara Holm"
    assert page.get_by_label("Sagsbehandlerens navn").input_value() == "Jens Berg"
    assert page.get_by_label("Næste møde").input_value() == "2027-02-15"
    items = page.locator(".vifte-plan-activity")
    assert items.count() == 3
    first, second, third = (items.nth(i).text_content() for i in range(3))
    assert offer.title in first and offer.contact.phone in first
    assert offer.location.one_line in first
    assert mentor.name in second and mentor.contact.phone in second
    assert OWN in third
    subgoal = page.locator("#vifte-plan-2-subgoal")
    assert subgoal.evaluate("el => el.tagName") == "TEXTAREA"
    assert subgoal.input_value() == "Mindst ét svar hver uge"
    assert watched.foreign == [] and watched.errors == []


def test_the_printed_plan_has_names_date_and_contacts(page, site_url, watched, catalogue, tmp_path):
    offer, mentor = build_plan(page, site_url, catalogue)
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), format="A4")
    raw = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = re.sub(r"\s+", " ", re.sub(r"-\n", "", raw))
    assert "Sara Holm" in text and "Jens Berg" in text and "15.02.2027" in text
    assert offer.contact.phone in text and mentor.contact.phone in text
    assert "Søg 5 job" in text  # the cell wraps; pdftotext interleaves it with the next cell
    assert watched.foreign == [] and watched.errors == []
