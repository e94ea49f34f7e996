"""Arabic, right to left, in Chromium: axe clean and no sideways scrolling at 320 px on every page
kind, and a layout that mirrors (stripes, badges, the count bar, the plan, numbers that keep their
order, Danish fallback text left to right)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from vifte.mkdocs.build import build_site
from vifte.scaffold import init_project

from .conftest import axe_findings, serve
from .test_phone import all_pages

ARABIC = "ar"

PAGE_KINDS = [
    "",
    "tilbud/",
    "tilbud/budgetkursus/",
    "temaer/",
    "temaer/oekonomi/",
    "omraader/",
    "maalgrupper/",
    "mentorer/",
    "mentorer/samira-nasser/",
    "virksomheder/",
    "plan/",
    "soeg/?q=praktik",
    "nyt/",
    "nyt/aabningstider-i-julen-2026/",
    "nyt-og-aendret/",
    "strategi/",
    "strategi/beskaeftigelsesplan-2026/",
    "strategi/status/",
    "om-sitet/",
    "404.html",
]


@pytest.fixture(scope="module")
def arabic_example(example_site: Path, site_url: str) -> tuple[Path, str]:
    """The example municipality in Arabic: its `ar/` folder, as the example ships it (built once
    for the whole run, served on 127.0.0.1)."""
    return example_site / ARABIC, f"{site_url}{ARABIC}/"


@pytest.fixture(scope="module")
def arabic_new_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A project made by `vifte init`, with `languages: [ar]`, no translations and a moved offer,
    built in Arabic and served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("arabic-new") / "kommune"
    init_project(root, "Prøveby Kommune")
    offer = root / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text(offer.read_text("utf-8") + "schedule:\n  duration: 4 uger\n", "utf-8")
    settings = root / "catalogue/settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\nlanguages: [ar]\n", "utf-8")
    (root / "catalogue/moved.yaml").write_text(
        "offers:\n  praktik: virksomhedspraktik\n", encoding="utf-8"
    )
    site = root / "site"
    build_site(root / "mkdocs.yml", site, language=ARABIC)
    server, url = serve(site)
    yield url
    server.shutdown()


def _arabic_page(browser, width: int = 1280):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="ar")
    return context, context.new_page()


@pytest.mark.parametrize("path", PAGE_KINDS)
def test_no_serious_axe_violations_on_arabic_pages(browser, axe, arabic_example, path):
    _, url = arabic_example
    context, page = _arabic_page(browser)
    page.goto(url + path)
    page.wait_for_load_state("networkidle")
    serious = axe_findings(axe, page, ("serious", "critical"))
    context.close()
    assert serious == []


def test_caseworker_view_and_moved_page_are_axe_clean_in_arabic(
    browser, axe, arabic_example, arabic_new_project
):
    _, url = arabic_example
    context, page = _arabic_page(browser)
    page.goto(url)
    page.evaluate("localStorage.setItem('vifte.view', 'fagperson')")
    found = []
    for address in (url + "tilbud/budgetkursus/", arabic_new_project + "tilbud/praktik/"):
        page.goto(address)
        page.wait_for_load_state("networkidle")
        found += axe_findings(axe, page, ("serious", "critical"))
    context.close()
    assert found == []


def test_no_arabic_page_scrolls_sideways_at_320_px(browser, arabic_example):
    site, url = arabic_example
    pages = all_pages(site)
    assert len(pages) > 40
    context, page = _arabic_page(browser, 320)
    wide = []
    for path in pages:
        page.goto(url + path, wait_until="load")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            wide.append(f"/{path}: {width} px")
    context.close()
    assert wide == []


def _box(page, selector: str) -> dict:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box


def _style(page, selector: str, prop: str) -> str:
    return page.locator(selector).first.evaluate(f"e => getComputedStyle(e)['{prop}']")


def _px(page, selector: str, prop: str) -> float:
    return float(_style(page, selector, prop).removesuffix("px"))


def test_the_filter_page_mirrors(browser, arabic_example):
    """The area stripe on the card's right edge, the first badge rightmost, the count at the bar's
    right and its button at the left, each box right of its label."""
    _, url = arabic_example
    context, page = _arabic_page(browser)
    page.goto(url + "tilbud/", wait_until="networkidle")
    card = ".vifte-card:visible"
    assert _px(page, card, "borderRightWidth") > 5 * _px(page, card, "borderLeftWidth") > 0
    badges = page.locator(".vifte-card:visible").first.locator(".vifte-badge")
    assert badges.count() >= 2
    first, second = badges.nth(0).bounding_box(), badges.nth(1).bounding_box()
    assert first["x"] > second["x"]
    bar = page.locator(".vifte-filter-bar")
    count, button = bar.locator(".vifte-count").bounding_box(), bar.locator("button, a").first
    assert count["x"] > button.bounding_box()["x"]
    check = page.locator(".vifte-check").first
    box, label = check.locator("input").bounding_box(), check.bounding_box()
    assert box["x"] > label["x"] + label["width"] / 2  # the box at the label's right end
    context.close()


DIGIT_GROUPS = """selector => {
  const text = document.querySelector(selector).firstChild, out = [];
  const re = /\\d+/g; let m;
  while ((m = re.exec(text.data))) {
    const r = document.createRange();
    r.setStart(text, m.index); r.setEnd(text, m.index + m[0].length);
    out.push(r.getBoundingClientRect().x);
  }
  return out;
}"""


TEXT_BOXES = """value => {
  const dd = [...document.querySelectorAll('.vifte-facts dd')].find(d => d.textContent.includes(value));
  const box = node => { const r = document.createRange(); r.selectNodeContents(node); return r.getBoundingClientRect(); };
  const text = [...dd.querySelectorAll('*'), dd].flatMap(e => [...e.childNodes]).find(n => n.nodeType === 3 && n.data.includes(value));
  const part = (from, to) => { const r = document.createRange(); r.setStart(text, from); r.setEnd(text, to); return r.getBoundingClientRect().x; };
  const at = text.data.indexOf(value);
  return [{right: box(dd.previousElementSibling).right},
          {right: box(dd).right, four: part(at, at + 1), weeks: part(at + 2, at + 6)}];
}"""


def _digit_groups(page, selector: str) -> list[float]:
    """The x of each run of digits in the element's first text, in the text's order."""
    return page.evaluate(DIGIT_GROUPS, selector)


def test_an_offer_mirrors_and_keeps_numbers_and_danish_in_their_order(browser, arabic_new_project):
    """On an untranslated offer of a new project: the Danish description is set left to right
    (its note right to left), the phone number's digit groups stay in reading order, a fact's
    Danish value reads left to right yet lines up under its label at the right, and "how to
    start" has its bar at the right."""
    context, page = _arabic_page(browser)
    page.goto(arabic_new_project + "tilbud/virksomhedspraktik/", wait_until="networkidle")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    danish = page.locator('.vifte-da[lang="da"]').first
    assert danish.evaluate("e => getComputedStyle(e).direction") == "ltr"
    note = danish.locator(".vifte-da-note")
    assert note.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert note.inner_text() == "بالدنماركية فقط"
    groups = _digit_groups(page, 'a[href^="tel:"]')
    assert len(groups) >= 3
    assert groups == sorted(groups)  # "70 00 00 01" reads left to right, not "01 00 00 70"
    assert _style(page, ".vifte-start", "borderRightWidth") != "0px"
    assert _style(page, ".vifte-start", "borderLeftWidth") == "0px"
    label, value = page.evaluate(TEXT_BOXES, "4 uger")  # "المدة" over "4 uger"
    assert abs(label["right"] - value["right"]) < 2  # the value lines up under its label
    assert value["four"] < value["weeks"]  # and reads "4 uger", not "uger 4"
    context.close()


def test_the_moved_page_arrow_points_the_reading_way(browser, arabic_new_project):
    context, page = _arabic_page(browser)
    page.goto(arabic_new_project + "tilbud/praktik/", wait_until="networkidle")
    arrow = page.locator('.vifte-moved > [aria-hidden="true"]')
    assert arrow.inner_text() == "→"
    assert arrow.evaluate("e => getComputedStyle(e).transform").startswith("matrix(-1, 0, 0, 1")
    context.close()


def test_the_plan_mirrors_with_an_activity(browser, arabic_example):
    """Min plan in Arabic: the list of activities indents from the right, the privacy note has
    its bar at the right, and the words are Arabic."""
    _, url = arabic_example
    context, page = _arabic_page(browser)
    page.goto(url + "tilbud/budgetkursus/", wait_until="networkidle")
    page.locator("[data-vifte-add]:visible").first.click()
    page.goto(url + "plan/", wait_until="networkidle")
    activity = page.locator(".vifte-plan-activity").first
    activity.wait_for()
    heading = _box(page, "h1")
    box = activity.bounding_box()
    assert abs(box["x"] - heading["x"]) < 2  # the list indents on the right, where lines start
    assert box["x"] + box["width"] < heading["x"] + heading["width"] - 10
    assert _style(page, ".vifte-privacy", "borderRightWidth") != "0px"
    assert _style(page, ".vifte-privacy", "borderLeftWidth") == "0px"
    assert "خطتي" in page.locator("h1").inner_text()
    groups = _digit_groups(page, ".vifte-plan-contact")  # "التواصل: 70 11 22 30. العنوان: …"
    assert len(groups) >= 4
    assert groups[:4] == sorted(groups[:4])
    address = page.locator(".vifte-plan-print-link > span").first  # on paper: the offer's address
    assert address.evaluate("e => getComputedStyle(e).direction") == "ltr"
    context.close()


def test_the_status_chart_reads_from_the_right(browser, arabic_example):
    """The goals' status chart: each label ends at the chart's right edge and its bar grows from
    there to the left; the table beside it has one row per status (status, number of goals)."""
    _, url = arabic_example
    context, page = _arabic_page(browser)
    page.goto(url + "strategi/status/", wait_until="networkidle")
    chart = page.locator("#diagram-status-caption").locator("xpath=..")
    svg = chart.locator("svg").bounding_box()
    right = svg["x"] + svg["width"]
    label, bar = chart.locator("svg text").first.bounding_box(), chart.locator("svg rect").first
    assert right - (label["x"] + label["width"]) < 6
    assert label["x"] > svg["x"] + svg["width"] / 2
    box = bar.bounding_box()
    assert right - (box["x"] + box["width"]) < 3
    assert box["x"] > svg["x"] + 3
    headers = chart.locator("table thead th")
    assert headers.count() == 2
    assert headers.nth(1).inner_text() == "عدد الأهداف"
    context.close()
