"""Search words, the offers' data and the ways between languages for a site in several languages
(decision 54): the Danish word list, compound parts and æøå spellings are for Danish texts only,
also on another language's page where a text falls back to Danish."""

from __future__ import annotations

import json

from vifte.domain import words
from vifte.domain.registry import TABLE
from vifte.domain.routes import page_url
from vifte.output.offer_list import offer_list_json
from vifte.output.search import SearchWords
from vifte.output.site_languages import address, other_languages, site_root
from vifte.source.validate import require_catalogue

from .test_search import GAELD

WORKSHOP_EN = """
title: CV workshop
summary: Work on your CV with others, in a small shop at the job centre.
"""
"""English whose words could split the title as Danish compounds are split: work + shop."""


def _catalogue(project, write, languages="[en]"):
    settings = project / "catalogue/settings.yaml"
    settings.write_text(f"languages: {languages}\n" + settings.read_text(encoding="utf-8"))
    write("catalogue/offers/gaeldshjaelp.yaml", GAELD)
    write("catalogue/offers/virksomhedspraktik.en.yaml", WORKSHOP_EN)
    return require_catalogue(project)[0]


def _head(search: SearchWords, catalogue, offer_id: str) -> set[str]:
    offer = catalogue.offer_by_id[offer_id]
    return set(search.for_page(page_url(TABLE, offer))[0].split())


def test_english_texts_get_no_danish_search_words(project, write):
    english = _catalogue(project, write).in_language("en")
    search = SearchWords(english)
    assert _head(search, english, "virksomhedspraktik") == set()
    # Gældshjælp is shown in Danish on its English page: its Danish words are found there too.
    assert {"gæld", "hjælp", "gaeld", "gald", "inkasso"} <= _head(search, english, "gaeldshjaelp")
    # The Danish page still splits and spells its own title.
    danish = require_catalogue(project)[0]
    assert {"virksomhed", "praktik"} <= _head(SearchWords(danish), danish, "virksomhedspraktik")


def test_the_terms_words_stay_on_an_english_page(project, write):
    """The labels of an offer's terms are not on its page: their words are added, translated or
    not, but only a Danish one is split into parts and spelled without æøå."""
    settings = project / "catalogue/settings.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(
        text.replace(
            "    label: Arbejde og praktik\n",
            "    label: Arbejde og praktik\n    translations: {en: {label: Workshops and shops}}\n",
        ),
        encoding="utf-8",
    )
    english = _catalogue(project, write).in_language("en")
    offer = english.offer_by_id["virksomhedspraktik"]
    terms = set(SearchWords(english).for_page(page_url(TABLE, offer))[2].split())
    assert {"workshops", "shops"} <= terms
    assert "work" not in terms
    # Its area has no English label: shown in Danish, split and spelled as Danish.
    assert {"beskæftigelse", "beskaeftigelse"} <= terms


def test_the_offers_data_names_the_texts_shown_in_danish(project, write):
    catalogue = _catalogue(project, write)
    english = {o["i"]: o for o in json.loads(offer_list_json(catalogue.in_language("en")))}
    assert english["gaeldshjaelp"]["d"] == ["t", "s"]
    assert english["gaeldshjaelp"]["t"] == "Gældshjælp"
    assert "d" not in english["virksomhedspraktik"]
    assert english["virksomhedspraktik"]["t"] == "CV workshop"
    assert not any("d" in o for o in json.loads(offer_list_json(catalogue)))


def test_each_language_reaches_the_others_and_the_one_index(project, write):
    catalogue = _catalogue(project, write, "[en, uk, ar]")
    assert site_root(catalogue) == ""
    assert other_languages(catalogue) == [
        ("en", "en/", "English"),
        ("uk", "uk/", "Українська"),
        ("ar", "ar/", "العربية"),
    ]
    arabic = catalogue.in_language("ar")
    assert site_root(arabic) == "../"
    assert [(c, r) for c, r, _ in other_languages(arabic)] == [
        ("da", "../"),
        ("en", "../en/"),
        ("uk", "../uk/"),
    ]
    assert other_languages(arabic)[0][2] == "Dansk"
    url = catalogue.settings.municipality.url
    assert address(catalogue) == url and address(arabic) == url + "ar/"
    # A build in a language the settings do not list is a site of its own.
    pseudo = catalogue.in_language(words.PSEUDO)
    assert site_root(pseudo) == "" and other_languages(pseudo) == []


def test_the_word_list_is_scanned_once_for_the_languages_of_a_build(tmp_path):
    """Each language asks for the parts of the Danish texts it shows, which the Danish pages
    asked for already: the answer comes from the kept scan, the same as a new scan's."""
    from vifte.output import search

    listed = tmp_path / "danish"
    listed.write_text("gæld\nhjælp\nrådgivning\nkursus\ntruck\nmadsen\n", encoding="utf-8")
    danish = {"gældshjælp", "gældsrådgivning", "truckkursus"}
    english = {"gældshjælp", "workshop"}  # its Danish text, and an English word no part has
    search._SCANS.clear()
    assert search.listed_parts(danish, listed) == {"gæld", "hjælp", "rådgivning", "kursus", "truck"}
    reads = search._word_list_text.cache_info().hits
    assert search.listed_parts({"gældshjælp"}, listed) == {"gæld", "hjælp"}
    assert search._word_list_text.cache_info().hits == reads  # not scanned again
    search.listed_parts(english, listed)  # "workshop": trigrams the kept scan did not ask for
    assert search._word_list_text.cache_info().hits == reads + 1
    search._SCANS.clear()
    assert search.listed_parts({"gældshjælp"}, listed) == {"gæld", "hjælp"}


def test_a_search_result_knows_which_of_its_texts_are_danish(project, write):
    """The page's `da` meta (search_marks): the result marks those texts as the page does."""
    settings = project / "catalogue/settings.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(
        text.replace(
            "    label: Trivsel\n",
            "    label: Trivsel\n    translations: {en: {label: Well-being}}\n",
        ),
        encoding="utf-8",
    )
    english = _catalogue(project, write).in_language("en")
    search = SearchWords(english)

    def danish(item) -> str:
        return search.shown_in_danish(page_url(TABLE, item))

    assert danish(english.offer_by_id["gaeldshjaelp"]) == "title summary"
    assert danish(english.offer_by_id["virksomhedspraktik"]) == ""
    assert danish(english.themes["trivsel"]) == "summary"  # its label is translated
    assert danish(english.themes["arbejdsliv"]) == "title summary"
    danish_site = require_catalogue(project)[0]
    gaeld = danish_site.offer_by_id["gaeldshjaelp"]
    assert SearchWords(danish_site).shown_in_danish(page_url(TABLE, gaeld)) == ""
