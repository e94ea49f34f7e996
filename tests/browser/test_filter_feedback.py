"""The filter page on a 390 px phone: the count stays in view, counts per option, empty state,
keyboard use, printing the list and sharing it as a QR code."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from vifte.source.validate import require_catalogue

from ..conftest import REPO

PHONE = {"width": 390, "height": 844}
FIELDS = {
    "tema": "themes",
    "maalgruppe": "target_groups",
    "omraade": "area",
    "adgang": "access",
}


@pytest.fixture(scope="module")
def catalogue():
    return require_catalogue(REPO)[0]


def _has(offer, name: str, value: str) -> bool:
    got = getattr(offer, FIELDS[name])
    return value in got if isinstance(got, list) else got == value


def _matching(catalogue, picked: dict[str, list[str]]) -> list:
    return [
        o
        for o in catalogue.offers
        if all(not vs or any(_has(o, n, v) for v in vs) for n, vs in picked.items())
    ]


def _in_viewport(locator) -> bool:
    return locator.evaluate(
        "el => { const r = el.getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= innerHeight && r.height > 0; }"
    )


def ready(page) -> None:
    """Wait until the filter page has drawn its cards from the offers' data file."""
    page.locator("[data-vifte-filter][data-vifte-ready]").wait_for(state="attached")


def _phone(page, site_url, query=""):
    page.set_viewport_size(PHONE)
    page.goto(site_url + "tilbud/" + query)
    ready(page)


def _box(page, label: str):
    return page.locator(f'input[data-label="{label}"]')


def test_after_one_tick_the_count_is_on_screen(page, watched, site_url, catalogue):
    _phone(page, site_url)
    theme = list(catalogue.themes.values())[-1]  # the last theme's box is far down the form
    box = _box(page, theme.label)
    box.scroll_into_view_if_needed()
    box.check()
    count = page.locator("[data-vifte-count]")
    expected = len(_matching(catalogue, {"tema": [theme.id]}))
    assert count.text_content() == f"Viser {expected} af {len(catalogue.offers)} tilbud."
    assert _in_viewport(count)
    assert _in_viewport(page.get_by_role("link", name="Vis tilbuddene"))
    page.get_by_role("link", name="Vis tilbuddene").click()
    assert _in_viewport(page.locator("#resultater"))
    assert watched.foreign == [] and watched.errors == []


def test_each_option_shows_how_many_offers_it_would_show(page, site_url, catalogue):
    _phone(page, site_url)
    group = next(iter(catalogue.target_groups.values()))
    _box(page, group.label).check()
    picked = {"maalgruppe": [group.id]}
    for name, terms in (("tema", catalogue.themes), ("omraade", catalogue.areas)):
        for term in terms.values():
            shown = _box(page, term.label).locator("..").locator("[data-vifte-option-count]")
            expected = len(_matching(catalogue, {**picked, name: [term.id]}))
            assert shown.text_content() == f"({expected})", term.label
    theme = next(
        t for t in catalogue.themes.values() if _matching(catalogue, {**picked, "tema": [t.id]})
    )
    label = _box(page, theme.label).locator("..")
    promised = label.locator("[data-vifte-option-count]").text_content()
    _box(page, theme.label).check()
    visible = page.locator("[data-vifte-results] .vifte-card:visible").count()
    assert promised == f"({visible})"


def _listed(page, catalogue) -> int:
    text = page.locator("[data-vifte-count]").text_content()
    return len(catalogue.offers) if text.startswith("Viser alle") else int(text.split()[1])


def _picked(page) -> dict[str, list[str]]:
    return page.evaluate(
        """() => { const p = {}; for (const b of document.querySelectorAll('[data-vifte-filter] input:checked'))
             (p[b.name] = p[b.name] || []).push(b.value); return p; }"""
    )


def test_every_number_beside_an_option_is_what_the_list_shows_after_clicking_it(
    page, site_url, catalogue
):
    """Issue 22, 2.1: from ticks in several groups and several in one group, each option's number
    is the count the list shows once that box is ticked (or, for a ticked box, unticked)."""
    _phone(
        page, site_url, "?tema=oekonomi&tema=krop-og-motion&tema=trivsel&maalgruppe=aktivitetsparat"
    )
    start = _listed(page, catalogue)
    boxes = page.locator("[data-vifte-filter] input[type=checkbox]")
    assert boxes.count() == sum(
        len(t)
        for t in (catalogue.themes, catalogue.target_groups, catalogue.areas, catalogue.access)
    )
    wrong = []
    for i in range(boxes.count()):
        box = boxes.nth(i)
        was = box.is_checked()
        shown = box.locator("xpath=..").locator("[data-vifte-option-count]").text_content()
        promised = int(shown.strip("()").removeprefix("uden: "))
        if shown.startswith("(uden: ") != was:  # a ticked box says what you get without it
            wrong.append(f"{box.get_attribute('data-label')}: {shown} beside a box ticked={was}")
        box.click()
        got = _listed(page, catalogue)
        drawn = page.locator("[data-vifte-results] .vifte-card").count()
        expected = len(_matching(catalogue, _picked(page)))  # the catalogue's own answer
        if not promised == got == expected or drawn != min(got, 50):
            wrong.append(f"{box.get_attribute('data-label')}: {shown} -> {got} ({expected})")
        box.click()
        assert _listed(page, catalogue) == start
    assert wrong == []


def test_each_group_says_in_words_that_its_ticks_add_offers(page, site_url):
    _phone(page, site_url)
    lead = page.locator("[data-vifte-filter-lead]")
    assert "flere grupper, ser du kun de tilbud, der passer til dem alle" in lead.inner_text()
    for group in page.locator("[data-vifte-filter] fieldset").all():
        rule = page.locator("#" + group.get_attribute("aria-describedby"))
        assert rule.is_visible() and rule.inner_text().startswith("Vælger du flere ")
        assert group.locator(".vifte-filter-rule").count() == 1


def _empty_choice(catalogue) -> tuple[str, str]:
    """A theme and an area that no offer has together."""
    for t in catalogue.themes.values():
        for a in catalogue.areas.values():
            if not _matching(catalogue, {"tema": [t.id], "omraade": [a.id]}):
                return t.label, a.label
    pytest.skip("every theme meets every area in the example")


def test_empty_state_offers_to_remove_each_choice(page, site_url, catalogue):
    _phone(page, site_url)
    theme, area = _empty_choice(catalogue)
    _box(page, theme).check()
    _box(page, area).check()
    empty = page.locator("[data-vifte-empty]")
    assert empty.is_visible()
    assert "Ingen tilbud passer til alle dine valg – fjern et flueben" in empty.text_content()
    buttons = empty.get_by_role("button")
    assert buttons.all_text_contents() == [f"Fjern {theme}", f"Fjern {area}"]
    empty.get_by_role("button", name=f"Fjern {area}").click()
    assert not _box(page, area).is_checked()
    assert not empty.is_visible()
    assert page.locator("[data-vifte-results] .vifte-card:visible").count() > 0


def test_keyboard_only(page, site_url, catalogue):
    _phone(page, site_url)
    first = next(iter(catalogue.themes.values()))
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "tema":
            break
    assert page.evaluate("document.activeElement.dataset.label") == first.label
    page.keyboard.press("Space")
    expected = len(_matching(catalogue, {"tema": [first.id]}))
    count = page.locator("[data-vifte-count]")
    assert count.text_content() == f"Viser {expected} af {len(catalogue.offers)} tilbud."
    assert _in_viewport(count)
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Vis tilbuddene":
            break
    page.keyboard.press("Enter")
    assert page.url.endswith("#resultater")
    assert _in_viewport(page.locator("#resultater"))


def test_count_is_announced_once_per_change(page, site_url, catalogue):
    _phone(page, site_url)
    page.evaluate(
        "window.__said = []; new MutationObserver(() => window.__said.push("
        "document.querySelector('[role=status][data-vifte-count]').textContent))"
        ".observe(document.querySelector('[data-vifte-count]'), {childList: true, characterData: true, subtree: true})"
    )
    assert page.locator("[role=status]").count() == 1
    theme = next(iter(catalogue.themes.values()))
    _box(page, theme.label).check()
    page.evaluate("document.querySelector('[data-vifte-filter]').requestSubmit()")  # no change
    _box(page, theme.label).uncheck()
    assert len(page.evaluate("window.__said")) == 2


def test_no_javascript_says_what_to_do(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "tilbud/")
    text = page.locator("article").inner_text()
    assert "Sæt flueben" not in text
    assert "Vælg et af dem herunder" in text
    for href in ("temaer/", "maalgrupper/", "omraader/"):
        assert page.locator(f'[data-vifte-nojs] a[href$="{href}"]').is_visible()
        assert page.locator(f'[data-vifte-grouped] a[href$="/{href}"]').is_visible()
    context.close()


def test_print_lists_filters_titles_and_phones(page, site_url, catalogue, tmp_path: Path):
    theme = next(iter(catalogue.themes.values()))
    _phone(page, site_url, f"?tema={theme.id}")
    page.wait_for_selector("[data-vifte-qr] svg")
    pdf = tmp_path / "liste.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert f"Dine valg: Tema: {theme.label}." in flat
    chosen = _matching(catalogue, {"tema": [theme.id]})
    for o in chosen:
        assert " ".join(o.title.split()) in flat, o.title
        if o.contact.phone:
            assert o.contact.phone in flat, o.title
    others = [o for o in catalogue.offers if o not in chosen]
    assert not any(" ".join(o.title.split()) in flat for o in others if len(o.title) > 12)
    assert "Fjern alle flueben" not in flat
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages <= 1 + len(chosen) // 8, pages


def test_qr_code_opens_the_same_list(page, site_url, catalogue, tmp_path: Path):
    import zxingcpp
    from PIL import Image

    _phone(page, site_url)
    theme = next(iter(catalogue.themes.values()))
    _box(page, theme.label).check()
    qr = page.locator("[data-vifte-qr] svg")
    qr.wait_for()
    shot = tmp_path / "qr.png"
    qr.screenshot(path=str(shot))
    found = zxingcpp.read_barcodes(Image.open(shot))
    assert [r.text for r in found] == [page.url]
    assert page.url.endswith(f"?tema={theme.id}")


def test_filter_page_is_axe_clean_after_ticking(page, site_url, catalogue):
    from axe_playwright_python.sync_playwright import Axe

    _phone(page, site_url)
    _box(page, next(iter(catalogue.themes.values())).label).check()
    page.wait_for_selector("[data-vifte-qr] svg")
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": tags}})
    found = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result.response["violations"]
    ]
    assert found == []


def offers_reached_without_javascript(page) -> set[str]:
    """The ids of the offers listed on the area pages the filter page links (every offer has an
    area), followed from the page as it is, without JavaScript."""
    base = page.url
    areas = page.locator('[data-vifte-grouped] a[href*="omraader/"]').evaluate_all(
        "links => links.map(a => a.href).filter(h => !h.endsWith('/omraader/'))"
    )
    assert areas, "the filter page links no area page"
    reached: set[str] = set()
    for href in areas:
        page.goto(href)
        reached |= set(
            page.locator(".vifte-card").evaluate_all("cards => cards.map(c => c.dataset.id)")
        )
    page.goto(base)
    return reached
