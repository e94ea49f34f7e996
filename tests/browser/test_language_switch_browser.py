"""The language switch in a real browser (decision 51): reached with the keyboard from the top of
any page, it leads to the same page in the chosen language; nothing leaves the host, and the
switch's names are read as their own languages."""

from __future__ import annotations

import pytest

from vifte.mkdocs.build import build_site

from ..test_site_languages import OFFER, make_project
from .conftest import serve


@pytest.fixture(scope="module")
def languages_url(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("sprog") / "kommune")
    server, url = serve(build_site(root / "mkdocs.yml", root / "site"))
    yield url
    server.shutdown()


def _tab_to(page, name: str, presses: int = 25) -> bool:
    """Press Tab from the top of the page until the link named `name` has the focus."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == name:
            return True
    return False


@pytest.mark.parametrize(
    ("start", "name", "arrive"), [("en/", "العربية", "ar/"), ("ar/", "Dansk", "")]
)
def test_the_switch_is_reached_by_keyboard_and_keeps_the_page(
    page, languages_url, watched, start, name, arrive
) -> None:
    path = f"tilbud/{OFFER}/"
    page.goto(languages_url + start + path)
    assert _tab_to(page, name), f"the switch's {name} was not reached with Tab"
    focused = page.evaluate(
        "[document.activeElement.lang, document.activeElement.hreflang,"
        " getComputedStyle(document.activeElement).visibility]"
    )
    assert focused[:2] == [arrive.strip("/") or "da"] * 2 and focused[2] == "visible"
    page.keyboard.press("Enter")
    page.wait_for_url(languages_url + arrive + path)
    lang, direction = page.evaluate("[document.documentElement.lang, document.documentElement.dir]")
    assert lang == (arrive.strip("/") or "da")
    assert direction == ("rtl" if arrive == "ar/" else "ltr")
    assert watched.foreign == [] and watched.errors == [] and watched.csp == []


def test_page_views_in_every_language_ask_for_nothing_that_is_missing(page, languages_url) -> None:
    """mkdocs-material fetches a sitemap.xml beside every link[rel=alternate]: the hreflang links
    must not make it ask for one beside each page (a 404 on every view)."""
    missing: list[str] = []
    page.on("requestfailed", lambda r: missing.append(f"failed {r.url}"))
    page.on("response", lambda r: missing.append(f"{r.status} {r.url}") if r.status >= 400 else 0)
    for folder in ("", "en/", "uk/", "ar/"):
        for path in ("", f"tilbud/{OFFER}/", "tilbud/", "soeg/"):
            page.goto(languages_url + folder + path)
            page.wait_for_load_state("networkidle")
    links = page.evaluate("document.querySelectorAll('link[rel~=alternate][hreflang]').length")
    assert links == 5  # four languages and x-default
    assert missing == []
