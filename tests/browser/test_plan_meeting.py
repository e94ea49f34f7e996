"""Min plan in a meeting: names and date, an offer, a mentor and an own activity with contacts."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from playwright.sync_api import expect

from vifte.domain.registry import TABLE
from vifte.domain.routes import page_url
from vifte.source.validate import require_catalogue

from ..conftest import REPO
from .conftest import axe_findings

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
    page.goto(site_url + page_url(TABLE, offer))
    page.get_by_role("button", name="Læg på min plan", exact=True).click()
    page.goto(site_url + page_url(TABLE, mentor))
    page.get_by_role("button", name="Læg på min plan", exact=True).click()
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
    site = catalogue.settings.municipality.url
    assert (site.split("//", 1)[1] + page_url(TABLE, offer)) in text.replace(" ", "")
    assert watched.foreign == [] and watched.errors == []


def test_each_printed_offer_has_a_qr_code_to_its_page(page, site_url, watched, catalogue, tmp_path):
    import zxingcpp
    from PIL import Image

    offer, mentor = build_plan(page, site_url, catalogue)
    page.wait_for_function(
        "[...document.querySelectorAll('.vifte-plan-print img')]"
        ".every(img => img.complete && img.naturalWidth > 0)"
    )
    assert page.locator(".vifte-plan-print img").count() == 2  # not the own activity
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), format="A4")
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(tmp_path / "p")], check=True)
    found = {
        code.text
        for png in sorted(tmp_path.glob("p-*.png"))
        for code in zxingcpp.read_barcodes(Image.open(png))
    }
    site = catalogue.settings.municipality.url
    assert found == {site + page_url(TABLE, offer), site + page_url(TABLE, mentor)}
    assert watched.foreign == [] and watched.errors == []


FILE_ERROR = "Filen kunne ikke læses som en plan."


def test_the_plan_goes_home_as_a_file_and_comes_back(page, site_url, watched, catalogue, tmp_path):
    offer, mentor = build_plan(page, site_url, catalogue)
    with page.expect_download() as info:
        page.get_by_role("button", name="Gem planen som fil").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.name == "min-plan-2027-02-15.json"
    assert json.loads(saved.read_text(encoding="utf-8"))["citizen"] == "Sara Holm"
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Slet planen").click()
    assert page.locator(".vifte-plan-activity").count() == 0
    assert page.get_by_label("Dit navn").input_value() == ""
    page.get_by_label("Åbn en gemt plan").set_input_files(str(saved))
    expect(page.locator(".vifte-plan-activity")).to_have_count(3)
    assert page.get_by_label("Dit navn").input_value() == "Sara Holm"
    assert page.get_by_label("Næste møde").input_value() == "2027-02-15"
    assert mentor.name in page.locator(".vifte-plan-activity").nth(1).text_content()
    page.reload()
    assert page.locator(".vifte-plan-activity").count() == 3
    assert not page.locator("[data-vifte-plan-file-error]").is_visible()
    assert watched.foreign == [] and watched.errors == []


@pytest.mark.parametrize(
    "content",
    [
        b"{ikke json",
        b"[1, 2, 3]",
        b'{"goal": 5, "activities": []}',
        b"\xff\xfe\x00garbage",
        b'{"goal": "", "activities": [{"id": "x", "url": "javascript:alert(1)"}]}',
    ],
    ids=["ikke-json", "liste", "forkerte-typer", "binaer", "javascript-link"],
)
def test_a_garbage_file_gives_a_danish_message(
    page, site_url, watched, catalogue, tmp_path, content
):
    build_plan(page, site_url, catalogue)
    bad = tmp_path / "plan.json"
    bad.write_bytes(content)
    page.get_by_label("Åbn en gemt plan").set_input_files(str(bad))
    message = page.locator("[data-vifte-plan-file-error]")
    expect(message).to_be_visible()
    assert FILE_ERROR in message.text_content()
    assert page.locator(".vifte-plan-activity").count() == 3  # the plan in the browser is kept
    assert watched.errors == [] and page.evaluate("window.__pwned") is None


NOTE = "Planen slettes automatisk efter 8 timer uden brug"
HOUR_MS = 3_600_000


@pytest.mark.parametrize(
    ("used", "kept"),
    [("Date.now() - 7 * H", True), ("Date.now() - 9 * H", False), ("'i går'", False)],
    ids=["7-timer", "9-timer", "ødelagt-tid"],
)
def test_an_idle_plan_clears_itself_with_a_note(page, site_url, watched, catalogue, used, kept):
    build_plan(page, site_url, catalogue)
    assert NOTE in page.locator("[data-vifte-plan-clear-note]").text_content()
    page.evaluate(f"H => localStorage.setItem('vifte.plan.used', String({used}))", HOUR_MS)
    page.reload()
    expired = page.locator("[data-vifte-plan-expired]")
    if kept:
        assert page.locator(".vifte-plan-activity").count() == 3
        assert not expired.is_visible()
    else:
        assert page.locator(".vifte-plan-activity").count() == 0
        assert page.get_by_label("Dit navn").input_value() == ""
        assert page.evaluate("localStorage.getItem('vifte.plan')") is None
        assert expired.is_visible() and "ikke var brugt i 8 timer" in expired.text_content()
        page.reload()
        assert not expired.is_visible()  # said once
    assert page.locator("[data-vifte-plan-clear-note]").is_visible()
    assert watched.errors == []


def test_an_idle_plan_is_not_added_to_from_an_offer_page(page, site_url, watched, catalogue):
    offer, _ = build_plan(page, site_url, catalogue)
    page.evaluate(
        "H => localStorage.setItem('vifte.plan.used', String(Date.now() - 9 * H))", HOUR_MS
    )
    other = next(o for o in catalogue.offers if o.id != offer.id)
    page.goto(site_url + page_url(TABLE, other))
    page.get_by_role("button", name="Læg på min plan", exact=True).click()
    page.goto(site_url + "plan/")
    assert page.locator(".vifte-plan-activity").count() == 1
    assert page.get_by_label("Dit navn").input_value() == ""
    assert watched.errors == []


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_a_full_plan_is_axe_clean_and_never_scrolls_sideways(
    page, site_url, watched, catalogue, width, tmp_path, axe
):
    page.set_viewport_size({"width": width, "height": 900})
    build_plan(page, site_url, catalogue)
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe_findings(axe, page, impacts=("minor", "moderate", "serious", "critical")) == []
    page.screenshot(path=str(tmp_path / f"plan-{width}.png"), full_page=True)
    assert watched.foreign == [] and watched.errors == [] and watched.csp == []
