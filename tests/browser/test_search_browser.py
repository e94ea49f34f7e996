"""Search in a real browser, the way citizens type: inflections, compound parts, no æøå, synonyms."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from vifte.mkdocs.build import build_site

from ..test_search import GAELD, NATUR, TRUCK
from .conftest import serve


@pytest.fixture
def search_site(project, write, tmp_path):
    write("catalogue/offers/gaeldshjaelp.yaml", GAELD)
    write("catalogue/offers/truckkursus.yaml", TRUCK)
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    server, url = serve(site)
    yield url
    server.shutdown()


def _search(page, url, query):
    page.goto(url + "soeg/")
    page.get_by_label("Søg efter tilbud, mentorer og virksomheder").fill(query)
    page.locator("[data-vifte-search-status]", has_text="for »").wait_for(timeout=20_000)
    return page.locator("[data-vifte-search-results] .vifte-card__title").all_text_contents()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("hjælp", "Gældshjælp"),  # the tail of a compound
        ("gæld", "Gældshjælp"),
        ("gaeld", "Gældshjælp"),  # typed without æ
        ("gald", "Gældshjælp"),
        ("kursus", "Truckkursus"),
        ("praktikker", "Virksomhedspraktik"),  # an inflected form
        ("inkasso", "Gældshjælp"),  # a keyword
        ("erhvervsmentor", "Kim Eksempel"),  # mentors are found too
        ("café", "Café Eksempel"),  # and social-economic businesses
    ],
)
def test_search_finds_what_citizens_type(page, watched, search_site, query, expected):
    titles = _search(page, search_site, query)
    assert expected in titles
    assert parse_qs(urlparse(page.url).query) == {"q": [query]}
    assert watched.foreign == [] and watched.csp == [] and watched.errors == []
    assert page.evaluate("window.__csp || []") == []


def test_results_show_area_and_access_in_words(page, search_site):
    _search(page, search_site, "gældshjælp")
    card = page.locator("[data-vifte-search-results] .vifte-card").first
    assert card.get_attribute("data-area") == "social"
    assert card.locator(".vifte-badge--area").text_content() == "Socialområdet"
    assert card.locator(".vifte-badge--access").text_content().strip() == "Direkte adgang"
    assert card.locator(".vifte-symbol").count() == 1
    assert page.locator("[data-vifte-search-status]").get_attribute("role") == "status"


def test_search_from_any_page_and_share_the_link(page, search_site):
    page.goto(search_site + "tilbud/virksomhedspraktik/")
    page.get_by_label("Søg i tilbud, mentorer og virksomheder").fill("truck")
    page.get_by_label("Søg i tilbud, mentorer og virksomheder").press("Enter")
    page.locator("[data-vifte-search-status]", has_text="for »truck«").wait_for(timeout=20_000)
    assert page.url.endswith("soeg/?q=truck")
    assert (
        page.locator("[data-vifte-search-results] .vifte-card__title").first.text_content()
        == "Truckkursus"
    )


def _titles(page, url, query):
    page.goto(url + "soeg/?q=" + query)
    page.locator("[data-vifte-search-status]", has_text="for »").wait_for(timeout=20_000)
    return page.locator("[data-vifte-search-results] .vifte-card__title").all_text_contents()


@pytest.mark.parametrize(
    "query, first, not_first",
    [
        ("gæld", "Gældsrådgivning", "Truckkursus"),  # not via "gælder" or a caseworker's text
        ("mad", "Sund mad for små penge", "Lena Madsen"),  # the word before a name it begins
        ("budget", "Budget på 4 uger", "Gældsrådgivning"),  # the title before the body
    ],
)
def test_titles_summaries_and_keywords_rank_above_body_text(
    page, site_url, query, first, not_first
):
    titles = _titles(page, site_url, query)
    assert titles[0] == first and not_first != titles[0]


def test_a_compound_part_finds_the_compound_high_up(page, site_url):
    titles = _titles(page, site_url, "støtte")
    assert "Bostøtte i dit hjem" in titles[:10]


def test_a_target_group_finds_its_page_and_its_offers(page, site_url):
    """The example's target groups Jobparat and Aktivitetsparat say "kontanthjælp"."""
    titles = _titles(page, site_url, "kontanthjælp")
    assert set(titles[:2]) == {"Jobparat", "Aktivitetsparat"}
    assert "Truckkursus" in titles  # an offer for those target groups
    assert page.locator("[data-vifte-search-results] [data-kind=target_groups]").count() == 2


@pytest.fixture
def other_site(project, write, tmp_path):
    """A second, small municipality whose words the example never uses."""
    write("catalogue/offers/naturvandring.yaml", NATUR)
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    server, url = serve(site)
    yield url
    server.shutdown()


@pytest.mark.parametrize("query", ["vandring", "natur", "vandringer"])
def test_another_municipality_finds_parts_of_its_own_compounds(page, other_site, query):
    assert _titles(page, other_site, query)[0] == "Naturvandring"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("budjet", "Budget på 4 uger"),
        ("gældsrådgivnig", "Gældsrådgivning"),
        ("bostøtet", "Bostøtte i dit hjem"),
    ],
)
def test_one_letter_wrong_in_a_long_word_still_finds_the_page(page, site_url, query, expected):
    titles = _titles(page, site_url, query)
    assert titles[0] == expected
    status = page.locator("[data-vifte-search-status]").text_content()
    assert f"Ordet »{query}« findes ikke. Viser i stedet" in status
    if query == "budjet":
        assert status.endswith("for »budget«.")  # the most used near word, not "buddet"


def test_short_words_are_not_corrected(page, site_url):
    _titles(page, site_url, "mas")  # "mad" is one letter away, but too short to guess
    assert "i stedet" not in page.locator("[data-vifte-search-status]").text_content()


def test_a_typo_in_another_municipality(page, other_site):
    assert _titles(page, other_site, "naturvandrimg")[0] == "Naturvandring"


def test_each_result_shows_why_it_matched_and_the_page_has_one_search_box(page, site_url):
    _titles(page, site_url, "budget")
    assert page.locator("input[type=search]").count() == 1
    match = page.locator("[data-vifte-search-results] .vifte-card").first.locator(
        ".vifte-card__match"
    )
    assert match.text_content().startswith("Her står ordet: ")
    assert [m.lower() for m in match.locator("mark").all_text_contents()][0].startswith("budget")
    assert "<" not in match.text_content()
    # the build's extra index words (spellings, compound parts) never show as "why"
    texts = " ".join(page.locator(".vifte-card__match").all_text_contents())
    assert "vifteord" not in texts and "budgetlaegning" not in texts


def test_search_page_with_results_and_a_correction_is_axe_clean(page, site_url):
    from axe_playwright_python.sync_playwright import Axe

    _titles(page, site_url, "budjet")
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": tags}})
    serious = [
        v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
