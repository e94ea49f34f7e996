"""Search, Find tilbud and Min plan on a site in two languages (decision 54), in a real browser: a
`vifte init` project with `languages: [en]`, one offer translated and one not, laid out as the
contract says (Danish at the root, English under /en/) with one Pagefind index for both."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from ..languages_site import project_in_two_languages, side_by_side
from ..test_html_validity import vnu_errors
from .conftest import serve
from .test_phone import all_pages

PAGES = ("soeg", "tilbud", "plan")

RECORD_PRINT = "window.print = () => { window.__printed = (window.__printed || 0) + 1; };"
"""The browser's print dialog, replaced by a count: the test reads the page it would print."""


@pytest.fixture(scope="module")
def two_site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("to-sprog")
    return side_by_side(project_in_two_languages(work / "kommune"), work)


@pytest.fixture(scope="module")
def two(two_site) -> Iterator[str]:
    server, url = serve(two_site)
    yield url
    server.shutdown()


def test_the_pages_in_both_languages_are_valid_html(two_site):
    """The search, filter and plan pages as each language writes them (the plan's way to the
    other language included) pass the Nu Html Checker."""
    pages = [two_site / f"{lang}{p}/index.html" for lang in ("", "en/") for p in PAGES]
    assert vnu_errors(*pages) == []


def found(page, url: str) -> list[tuple[str, str]]:
    """The search page's results for the query in `url`: (title, path of the page); a title
    shown in Danish without the note beside it."""
    page.goto(url)
    # The status names the query in the language's own quotation marks (» « in Danish, “ ” in English).
    quoted = re.compile("[»“]")
    page.locator("[data-vifte-search-status]", has_text=quoted).wait_for()
    links = page.locator("[data-vifte-search-results] .vifte-card__title a")
    title = "a => (a.querySelector('[lang=\"da\"]') || a).textContent"
    return [(a.evaluate(title), urlparse(a.evaluate("a => a.href")).path) for a in links.all()]


def test_each_language_searches_its_own_pages(page, watched, two):
    english = found(page, two + "en/soeg/?q=placement")  # the enterprise's "Work placement" too
    assert ("Work placement", "/en/tilbud/virksomhedspraktik/") in english
    assert all(path.startswith("/en/") for _, path in english)
    assert found(page, two + "soeg/?q=placement") == []  # the Danish pages say it nowhere
    danish = found(page, two + "soeg/?q=virksomhedspraktik")
    assert ("Virksomhedspraktik", "/tilbud/virksomhedspraktik/") in danish
    assert not any(path.startswith("/en/") for _, path in danish)
    assert watched.errors == [] and watched.foreign == [] and watched.csp == []


@pytest.mark.parametrize("query", ["gældshjælp", "hjælp", "gaeld"])
def test_a_danish_fallback_text_is_found_in_the_english_search(page, two, query):
    """Gældshjælp has no English translation: its English page shows the Danish text, which
    the English search finds, by its compound parts and without æ too (Danish words); the
    result marks its title and summary as Danish, as the page does."""
    titles = found(page, two + "en/soeg/?q=" + query)
    assert ("Gældshjælp", "/en/tilbud/gaeldshjaelp/") in titles
    card = page.locator("[data-vifte-search-results] .vifte-card", has_text="Gældshjælp")
    assert card.locator('.vifte-card__title [lang="da"]').text_content() == "Gældshjælp"
    assert card.locator(".vifte-card__title .vifte-da-note").count() == 1
    summary = card.locator('.vifte-card__summary [lang="da"]')
    assert summary.text_content() == "Få styr på din økonomi."
    found(page, two + "en/soeg/?q=placement")
    translated = page.locator(
        "[data-vifte-search-results] .vifte-card", has_text="Try a job at a real workplace"
    )
    assert translated.count() == 1
    assert translated.locator(".vifte-card__title [lang='da']").count() == 0


def test_only_the_danish_search_corrects_typos_to_danish_words(page, two):
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    found(page, two + "en/soeg/?q=placemnt")
    assert "findes ikke" not in page.locator("[data-vifte-search-status]").text_content()
    assert not [u for u in asked if "vifte-ord" in u]
    # The Danish search still does: "gældshjælb" is one letter from the site's word.
    assert ("Gældshjælp", "/tilbud/gaeldshjaelp/") in found(page, two + "soeg/?q=gældshjælb")
    assert [u for u in asked if "vifte-ord" in u]


def test_find_tilbud_marks_the_offers_shown_in_danish(page, watched, two):
    page.goto(two + "en/tilbud/")
    page.locator("[data-vifte-filter][data-vifte-ready]").wait_for(state="attached")
    cards = page.locator("[data-vifte-cards] .vifte-card")
    danish = cards.filter(has_text="Gældshjælp")
    assert danish.locator('.vifte-card__title [lang="da"]').text_content() == "Gældshjælp"
    assert danish.locator('.vifte-card__summary [lang="da"]').text_content() == (
        "Få styr på din økonomi."
    )
    assert danish.locator(".vifte-card__title .vifte-da-note").count() == 1
    english = cards.filter(has_text="Try a job at a real workplace")
    # its own texts are English; its badges (the terms, untranslated here) say they are Danish
    assert english.locator('.vifte-card__title [lang="da"]').count() == 0
    assert english.locator('.vifte-card__summary [lang="da"]').count() == 0
    assert english.locator(".vifte-card__title .vifte-da-note").count() == 0
    assert watched.errors == []


def test_one_plan_for_every_language_printed_in_the_one_it_was_made_in(page, watched, two):
    page.context.add_init_script(RECORD_PRINT)
    page.goto(two + "en/tilbud/virksomhedspraktik/")
    page.locator(".vifte-add [data-vifte-add]").click()
    plan = page.evaluate("JSON.parse(localStorage.getItem('vifte.plan'))")
    assert plan["language"] == "en"
    # The same plan on the Danish plan page, its offer by its Danish title.
    page.goto(two + "plan/")
    page.locator("select[data-vifte-ready]").wait_for(state="attached")
    heading = page.locator("[data-vifte-plan-list] h3 a")
    assert heading.text_content() == "Virksomhedspraktik"
    note = page.locator("[data-vifte-plan-elsewhere]")
    assert note.is_visible()
    assert note.get_by_role("link").all_text_contents() == ["English"]
    assert note.get_by_role("link").get_attribute("lang") == "en"
    assert note.get_by_role("link").get_attribute("hreflang") == "en"
    # Printing goes to the English plan page, which prints on arrival.
    page.locator("[data-vifte-plan-print-button]").click()
    page.wait_for_url("**/en/plan/")
    page.wait_for_function("window.__printed === 1")
    row = page.locator("[data-vifte-plan-print] tbody th")
    assert row.text_content().startswith("Work placement")
    assert row.locator('.vifte-plan-print-danish [lang="da"]').text_content() == (
        "Virksomhedspraktik"
    )
    # Its printed address (and QR code) is the English page's.
    assert (
        row.locator(".vifte-plan-print-link span")
        .text_content()
        .endswith("/en/tilbud/virksomhedspraktik/")
    )
    assert page.locator("[data-vifte-plan-elsewhere]").is_hidden()
    assert watched.errors == [] and watched.foreign == []


def test_an_untranslated_offer_on_the_plan_is_marked_danish(page, two):
    page.context.add_init_script(RECORD_PRINT)
    page.goto(two + "en/plan/")
    page.locator("select[data-vifte-ready]").wait_for(state="attached")
    page.locator("#vifte-plan-picker").select_option("gaeldshjaelp")
    page.locator("[data-vifte-plan-add]").click()
    assert page.locator('[data-vifte-plan-list] h3 a [lang="da"]').text_content() == "Gældshjælp"
    printed = page.locator("[data-vifte-plan-print] tbody th")
    assert printed.locator('[lang="da"]').first.text_content() == "Gældshjælp"
    # Untranslated, its title is the Danish one: nothing to say twice beside it.
    assert printed.locator(".vifte-plan-print-danish").count() == 0
    page.locator("[data-vifte-plan-print-button]").click()
    assert page.evaluate("window.__printed") == 1


def test_the_plan_can_take_the_language_it_is_used_in(page, two):
    page.context.add_init_script(RECORD_PRINT)
    page.goto(two + "en/plan/")
    page.locator("#vifte-plan-goal").fill("Get a job")
    page.goto(two + "plan/")
    note = page.locator("[data-vifte-plan-elsewhere]")
    assert note.is_visible()
    note.locator("[data-vifte-plan-here]").click()
    assert note.is_hidden()
    assert page.evaluate("JSON.parse(localStorage.getItem('vifte.plan')).language") == "da"
    page.locator("[data-vifte-plan-print-button]").click()
    assert page.evaluate("window.__printed") == 1
    assert urlparse(page.url).path == "/plan/"


def test_no_page_of_a_new_projects_english_site_scrolls_sideways_at_320_px(browser, two_site, two):
    """A new municipality's terms have no translations: their badges carry the note too, and
    still fit a phone (the filter page was 334 px wide)."""
    context = browser.new_context(viewport={"width": 320, "height": 900})
    page = context.new_page()
    wide = []
    for path in all_pages(two_site / "en"):
        page.goto(f"{two}en/{path}", wait_until="load")
        if (width := page.evaluate("document.documentElement.scrollWidth")) > 320:
            wide.append(f"/en/{path}: {width} px")
    context.close()
    assert wide == []
