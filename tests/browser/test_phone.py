"""The citizen on a phone: reflow at 320 px, the heading first, the skip link, a Danish 404."""

from __future__ import annotations

from pathlib import Path

from vifte.domain import words
from vifte.domain.registry import TABLE
from vifte.domain.routes import page_url

from .conftest import key_pages

NOT_PAGES = ("assets", "pagefind", "data", "pdf")


def all_pages(site: Path) -> list[str]:
    """Every page of the built site in the language of its root, as site-relative URLs: the
    other languages' folders (`en/`, …) are left to their own tests."""
    others = tuple(f"{code}/" for code in words.interface_languages())
    urls = []
    for index in sorted(site.rglob("index.html")):
        rel = index.parent.relative_to(site).as_posix()
        if rel == ".":
            urls.append("")
        elif not rel.startswith(NOT_PAGES) and not f"{rel}/".startswith(others):
            urls.append(rel + "/")
    return urls + ["404.html"]


def test_no_page_scrolls_sideways_at_320_px(browser, example_site, site_url):
    """WCAG 1.4.10: every page reflows to 320 CSS px (400 % zoom) without sideways scrolling.
    Here every Danish page; the English and Ukrainian pages in test_languages_checks.py, the
    Arabic ones in test_arabic_browser.py."""
    pages = all_pages(example_site)
    assert len(pages) > 40
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="da-DK")
    page = context.new_page()
    wide = []
    for path in pages:
        page.goto(site_url + path, wait_until="load")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            wide.append(f"/{path}: {width} px")
    context.close()
    assert wide == []


def test_heading_comes_before_any_button_on_an_offer(browser, site_url):
    """On a 390 px phone the offer's h1 and summary are above every button."""
    offer = key_pages()[2]
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="da-DK")
    page = context.new_page()
    page.goto(site_url + offer, wait_until="networkidle")
    h1 = page.locator("h1").bounding_box()
    lead = page.locator(".vifte-lead").first.bounding_box()
    buttons = page.locator(".md-content button:visible, .md-content .vifte-button:visible")
    assert buttons.count() > 0
    first_button = min(buttons.nth(i).bounding_box()["y"] for i in range(buttons.count()))
    assert h1["y"] < lead["y"] < first_button
    assert lead["y"] + lead["height"] < 844  # the summary is on the first screen
    context.close()


def test_skip_link_is_the_first_tab_stop_and_reaches_main(page, site_url):
    for path in ["", "tilbud/", key_pages()[2], "plan/", "om-sitet/"]:
        page.goto(site_url + path, wait_until="networkidle")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "Gå til indholdet"
        page.keyboard.press("Enter")
        assert page.evaluate("!!document.activeElement.closest('main')"), path


def test_search_is_in_the_header_and_the_view_switch_only_where_it_matters(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    field = page.locator("header form[role=search] input[name=q]")
    assert field.is_visible()
    field.focus()
    assert field.evaluate("e => getComputedStyle(e).outlineStyle") != "none"  # visible focus
    assert page.locator("nav a", has_text="Søg").count() == 0  # "Søg" once, not also a tab
    description = page.locator("meta[name=description]").get_attribute("content")
    assert len(description) > 50
    assert page.locator("[data-vifte-view-toggle]").count() == 0
    with_text, without = _offers_with_and_without_professional_text()
    page.goto(site_url + page_url(TABLE, with_text), wait_until="networkidle")
    assert page.locator("[data-vifte-view-toggle]").is_visible()
    # Where the switch would change nothing but its own label, it is not there.
    for path in ["tilbud/", page_url(TABLE, without)]:
        page.goto(site_url + path, wait_until="networkidle")
        assert page.locator("[data-vifte-view-toggle]").count() == 0, path


def _offers_with_and_without_professional_text():
    from vifte.source.validate import require_catalogue

    from ..conftest import REPO

    offers = require_catalogue(REPO)[0].offers
    return (
        next(o for o in offers if o.professional),
        next(o for o in offers if not o.for_professionals),
    )


def test_the_caseworker_switch_is_modest_on_a_phone_and_after_the_summary(browser, site_url):
    """At 320 and 390 px the switch is one short line of smaller text below the heading and summary,
    not a full-width button in the citizen's reading path."""
    offer = _offers_with_and_without_professional_text()[0]
    for width in (320, 390):
        context = browser.new_context(viewport={"width": width, "height": 800}, locale="da-DK")
        page = context.new_page()
        page.goto(site_url + page_url(TABLE, offer), wait_until="networkidle")
        switch = page.locator("[data-vifte-view-toggle]")
        box = switch.bounding_box()
        lead = page.locator(".vifte-lead").first.bounding_box()
        body = page.locator(".vifte-citizen p").first
        size = "e => parseFloat(getComputedStyle(e).fontSize)"
        assert box["y"] >= lead["y"] + lead["height"], width
        column = page.locator("article.vifte-offer").bounding_box()["width"]
        assert box["width"] < 0.9 * column, (width, column, box)  # not the full width
        assert box["height"] <= 36, (width, box)  # one line
        assert switch.evaluate(size) < body.evaluate(size), width
        context.close()


def test_404_page_is_danish(page, site_url):
    page.goto(site_url + "404.html", wait_until="networkidle")
    assert page.locator("h1").inner_text() == "Siden findes ikke"
    hrefs = page.locator("main a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert any(h.rstrip("/").endswith("tilbud") for h in hrefs)
    assert any("soeg" in h for h in hrefs)
    assert "Not found" not in page.content()


def test_nothing_jumps_while_the_page_loads(browser, site_url):
    """What the scripts show (view switch, plan button, the plan) has its space from the start."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="da-DK")
    page = context.new_page()
    page.add_init_script(
        "window.__shift = 0; new PerformanceObserver(l => l.getEntries().forEach(e => "
        "{ if (!e.hadRecentInput) window.__shift += e.value; }))"
        ".observe({type: 'layout-shift', buffered: true});"
    )
    shifts = {}
    for path in ["", "tilbud/", key_pages()[2], "plan/", "mentorer/"]:
        page.goto(site_url + path, wait_until="networkidle")
        shifts[path] = page.evaluate("window.__shift")
    context.close()
    assert all(s < 0.05 for s in shifts.values()), shifts


def test_an_offer_says_how_to_get_started_and_leads_back_to_the_list(page, site_url):
    """The steps are made from the offer's access, contact and location, not written per offer."""
    from vifte.source.validate import require_catalogue

    from ..conftest import REPO

    catalogue, _ = require_catalogue(REPO)
    offer = next(o for o in catalogue.offers if o.location and o.contact.phone)
    page.goto(site_url + page_url(TABLE, offer), wait_until="networkidle")
    steps = page.locator(".vifte-steps li").all_inner_texts()
    assert steps[0] == catalogue.access[offer.access].description
    assert offer.contact.phone in steps[1]
    assert offer.location.one_line in steps[2]
    page.get_by_role("link", name="Tilbage til listen over tilbud").click()
    assert page.locator("h1").inner_text() == "Find tilbud"


def test_phone_numbers_never_break_across_lines(browser, site_url):
    """A phone number split over two lines ("70 11 22 / 00") is misdialled: each is one line."""
    context = browser.new_context(viewport={"width": 390, "height": 800}, locale="da-DK")
    page = context.new_page()
    broken = []
    for path in ("", "om-sitet/", key_pages()[2]):
        page.goto(site_url + path, wait_until="load")
        numbers = page.evaluate(
            """[...document.querySelectorAll('a[href^="tel:"]')].map(a => {
                const tops = new Set([...a.getClientRects()].map(r => Math.round(r.top)));
                return [a.textContent, tops.size];
            })"""
        )
        assert numbers, f"/{path} shows no phone number"
        broken += [f"/{path}: {text}" for text, lines in numbers if lines > 1]
    context.close()
    assert broken == []
