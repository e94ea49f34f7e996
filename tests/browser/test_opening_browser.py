"""'I dag: 9.00–15.00 · Åben nu': today's hours and whether it is open now, computed in the browser
in Danish time whatever the device's zone, from the data the build wrote (decision 63)."""

from __future__ import annotations

import datetime as dt

import pytest

from vifte.mkdocs.build import build_site

from ..opening_project import TODAY, opening_project
from .conftest import axe_findings, serve

NEW_YORK = "America/New_York"  # six hours behind Copenhagen: a device clock that would mislead
CET = dt.timezone(dt.timedelta(hours=1))  # Copenhagen's winter time


@pytest.fixture(scope="module")
def opening_site(tmp_path_factory: pytest.TempPathFactory):
    root = opening_project(tmp_path_factory.mktemp("opening-browser") / "p")
    site = build_site(root / "mkdocs.yml", root.parent / "site", today=TODAY)
    server, url = serve(site)
    yield url
    server.shutdown()


def today_line(browser, url: str, moment: dt.datetime, width: int = 1280) -> tuple[str, list[str]]:
    """The offer page's 'I dag' line at `moment` on a device in New York; and foreign requests."""
    foreign: list[str] = []
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="da-DK", timezone_id=NEW_YORK
    )

    def route(r):
        if r.request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            r.continue_()
        else:
            foreign.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.clock.set_fixed_time(moment)
    page.goto(url)
    line = page.locator("[data-vifte-opening]")
    line.wait_for(state="visible")
    text = line.inner_text()
    context.close()
    return text, foreign


@pytest.mark.parametrize(
    "moment, expected",
    [
        (dt.datetime(2026, 12, 8, 10, 0, tzinfo=CET), "I dag: 9.00–15.00 · Åben nu"),
        (dt.datetime(2026, 12, 8, 8, 59, tzinfo=CET), "I dag: 9.00–15.00 · Lukket nu"),
        (dt.datetime(2026, 12, 8, 15, 0, tzinfo=CET), "I dag: 9.00–15.00 · Lukket nu"),
        # 00.30 on Tuesday in Copenhagen is still Monday evening in New York.
        (dt.datetime(2026, 12, 8, 0, 30, tzinfo=CET), "I dag: 9.00–15.00 · Lukket nu"),
        (dt.datetime(2026, 12, 11, 11, 59, tzinfo=CET), "I dag: 9.00–12.00 · Åben nu"),
        (dt.datetime(2026, 12, 12, 10, 0, tzinfo=CET), "I dag: lukket · Lukket nu"),
        (dt.datetime(2026, 12, 24, 10, 0, tzinfo=CET), "I dag: lukket · Lukket nu"),
        (dt.datetime(2026, 12, 31, 11, 0, tzinfo=CET), "I dag: 10.00–12.00 · Åben nu"),
        (dt.datetime(2026, 12, 31, 13, 0, tzinfo=CET), "I dag: 10.00–12.00 · Lukket nu"),
    ],
    ids=lambda v: v.isoformat() if isinstance(v, dt.datetime) else None,
)
def test_today_and_open_now_in_danish_time(browser, opening_site, moment, expected):
    text, foreign = today_line(browser, opening_site + "tilbud/virksomhedspraktik/", moment)
    assert text == expected
    assert foreign == []


def test_summer_time_and_the_english_page(browser, opening_site):
    # 2027-06-04 is a Friday; 11.30 in Copenhagen (UTC+2) is 5.30 in New York.
    moment = dt.datetime(2027, 6, 4, 9, 30, tzinfo=dt.UTC)
    text, _ = today_line(browser, opening_site + "en/tilbud/virksomhedspraktik/", moment)
    assert text == "Today: 9.00–12.00 · Open now"


def test_the_offer_page_with_hours_is_accessible_and_fits_a_phone(browser, opening_site, axe):
    context = browser.new_context(
        viewport={"width": 320, "height": 800}, locale="da-DK", bypass_csp=True
    )
    context.route(
        "**/*",
        lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1") else r.abort(),
    )
    page = context.new_page()
    page.goto(opening_site + "tilbud/virksomhedspraktik/")
    page.locator("[data-vifte-opening]").wait_for(state="visible")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert axe_findings(axe, page) == []
    context.close()


BRING = "Det skal du have med: Sygesikringskort; Dit CV, hvis du har et."


def test_what_to_bring_goes_onto_the_plan_from_the_button_and_from_the_picker(page, opening_site):
    page.goto(opening_site + "tilbud/virksomhedspraktik/")
    page.get_by_role("button", name="Læg på min plan").first.click()
    page.goto(opening_site + "plan/")
    activity = page.locator(".vifte-plan-activity").first
    assert BRING in activity.inner_text()
    assert BRING in page.locator(".vifte-plan-table tbody").inner_text()
    page.evaluate("localStorage.clear()")  # then the picker, from the offers' data
    page.reload()
    page.locator("#vifte-plan-picker").select_option("virksomhedspraktik")
    page.get_by_role("button", name="Læg på planen", exact=True).click()
    assert BRING in page.locator(".vifte-plan-activity").first.inner_text()
