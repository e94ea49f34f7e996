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
    page.locator("[data-vifte-search-status]", has_text="for »").wait_for()
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
    page.locator("[data-vifte-search-status]", has_text="for »truck«").wait_for()
    assert page.url.endswith("soeg/?q=truck")
    assert (
        page.locator("[data-vifte-search-results] .vifte-card__title").first.text_content()
        == "Truckkursus"
    )


def _titles(page, url, query):
    page.goto(url + "soeg/?q=" + query)
    page.locator("[data-vifte-search-status]", has_text="for »").wait_for()
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
    first = page.locator("[data-vifte-search-results] .vifte-card").first
    # found in its summary: the word is marked there, and not said again below it
    assert first.locator(".vifte-card__summary mark").first.text_content().lower() == "budget"
    assert first.locator(".vifte-card__match").count() == 0
    match = page.locator("[data-vifte-search-results] .vifte-card__match").first
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


def _cards(page):
    """(title, summary, "Her står ordet" text or None) of each result card."""
    out = []
    for card in page.locator("[data-vifte-search-results] .vifte-card").all():
        summary = card.locator(".vifte-card__summary")
        match = card.locator(".vifte-card__match")
        out.append(
            (
                card.locator(".vifte-card__title").text_content(),
                summary.text_content() if summary.count() else "",
                match.text_content() if match.count() else None,
            )
        )
    return out


@pytest.mark.parametrize(
    "query, found, not_found",
    [
        # "gælder" (of the verb gælde) shares the stem of gæld; a news item that "gælder ikke
        # længere" and a certificate that "gælder i hele landet" are no pages about debt
        ("gæld", "Gældsrådgivning", ["Truckkursus", "Åbningstider i julen og til nytår"]),
        ("mad", "Sund mad for små penge", ["Lena Madsen"]),  # a name is not a word it begins
    ],
)
def test_a_word_finds_pages_with_that_word_not_words_that_begin_like_it(
    page, site_url, query, found, not_found
):
    titles = _titles(page, site_url, query)
    assert found in titles
    assert [t for t in not_found if t in titles] == []


def test_typing_without_danish_letters_finds_the_same(page, site_url):
    danish = _titles(page, site_url, "gæld")
    ascii_typed = _titles(page, site_url, "gaeld")
    assert sorted(ascii_typed) == sorted(danish) and len(danish) >= 5
    assert (
        page.locator("[data-vifte-search-status]")
        .text_content()
        .startswith(f"{len(danish)} resultater for »gaeld«")
    )


@pytest.mark.parametrize("query", ["gæld", "budget", "praktik"])
def test_a_card_never_says_its_summary_twice(page, site_url, query):
    _titles(page, site_url, query)
    cards = _cards(page)
    assert cards
    for title, summary, match in cards:
        if match is not None:
            assert summary[:40] not in match and title not in match, (title, match)


def test_a_draft_strategy_document_is_not_in_the_search(page, site_url, example_site):
    """The example's veteranstrategi is a draft: on the site, marked, but not found."""
    titles = _titles(page, site_url, "veteraner")
    assert "Veteranernes jobvej" in titles
    assert [t for t in titles if t.startswith("Strategi for veteraner")] == []
    draft = (example_site / "strategi/veteranstrategi/index.html").read_text(encoding="utf-8")
    assert "Udkast" in draft and "data-pagefind-body" not in draft


def test_why_it_matched_never_shows_the_builds_hidden_words(page, site_url):
    """ "gald" matches only the build's extra words (spellings without æ, ø, å), which lie in
    long runs: Pagefind's own excerpt showed "din du en er et fa faa faar …" from them."""
    assert _titles(page, site_url, "gald")
    for _title, _summary, match in _cards(page):
        assert match is None or not {"gaeld", "faa", "faar"} & set(match.split()), match


def test_a_search_fetches_no_theme_script_and_no_worker(page, site_url):
    """What the search page fetches before its first result is kept small (decision 70): it runs
    Pagefind in the page, not in its web worker, and loads no mkdocs-material script, which
    every other page still has."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    titles = _search(page, site_url, "gæld")
    assert titles
    assert any("/pagefind/wasm." in u for u in fetched)  # the search did run
    assert not [u for u in fetched if "pagefind-worker" in u or "/assets/javascripts/" in u]
    page.goto(site_url + "tilbud/")
    theme = page.locator("script[src*='assets/javascripts/bundle.']")
    assert theme.count() == 1
