"""Open data and feeds in every language: catalogue.json carries the translations, each language
has its own feeds, HSDS names the languages by code; and the example ships its translations."""

from __future__ import annotations

import copy
import json
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from vifte.domain import words
from vifte.domain.translation import fingerprint
from vifte.mkdocs.build import build_site
from vifte.output.export_schema import committed_path
from vifte.output.fallback import note
from vifte.scaffold import init_project
from vifte.source.validate import load_catalogue, require_catalogue

from .conftest import REPO

BASE = "https://tilbud.example.dk/"
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGES = ("en", "uk", "ar")


def _write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


@pytest.fixture(scope="module")
def translated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A `vifte init` project with `languages: [en, uk]`, an offer and a notice translated into
    English, a notice left untranslated, and English names for the municipality and an area."""
    root = tmp_path_factory.mktemp("sprog") / "kommune"
    init_project(root, "Prøveby Kommune")
    settings = root / "catalogue/settings.yaml"
    text = settings.read_text(encoding="utf-8")
    for line, added in (
        (f"  url: {BASE}\n", "  translations:\n    en: {name: Proveby Municipality}\n"),
        ("    label: Beskæftigelse\n", "    translations:\n      en: {label: Employment}\n"),
    ):
        assert line in text
        text = text.replace(line, line + added, 1)
    settings.write_text("languages: [en, uk]\n" + text, encoding="utf-8")
    offer_file = root / "catalogue/offers/virksomhedspraktik.yaml"
    offer_file.write_text(offer_file.read_text(encoding="utf-8") + "updated: 2026-09-10\n")
    _write(
        root,
        "catalogue/news/aabent-hus.md",
        """
        ---
        title: Åbent hus i jobcentret
        date: 2026-09-01
        summary: Kom og se, hvad vi kan hjælpe med.
        ---
        Vi byder på kaffe.
        """,
    )
    _write(
        root,
        "catalogue/news/lukket-fredag.md",
        """
        ---
        title: Lukket på fredag
        date: 2026-08-01
        summary: Jobcentret holder lukket hele dagen.
        ---
        """,
    )
    catalogue = require_catalogue(root)[0]
    offer = catalogue.offer_by_id["virksomhedspraktik"]
    notice = next(n for n in catalogue.items["news"] if n.id == "aabent-hus")
    _write(
        root,
        "catalogue/offers/virksomhedspraktik.en.yaml",
        f"""
        translated_from: {fingerprint(offer)}
        title: Work placement
        summary: Try out a job at a workplace for a few weeks.
        description: |
          On a work placement you work at a **real** workplace.
        """,
    )
    _write(
        root,
        "catalogue/news/aabent-hus.en.md",
        f"""
        ---
        translated_from: {fingerprint(notice)}
        title: Open house at the job centre
        summary: Come and see what we can help you with.
        ---
        We offer coffee.
        """,
    )
    return root


@pytest.fixture(scope="module")
def danish_site(translated: Path) -> Path:
    return build_site(translated / "mkdocs.yml", translated.parent / "site")


@pytest.fixture(scope="module")
def english_site(translated: Path) -> Path:
    return build_site(translated / "mkdocs.yml", translated.parent / "site-en", language="en")


def _by_id(items: list[dict]) -> dict[str, dict]:
    return {i["id"]: i for i in items}


def test_the_export_carries_each_items_translations_in_the_shape_of_its_file(danish_site):
    data = json.loads((danish_site / "data/catalogue.json").read_text(encoding="utf-8"))
    schema = json.loads(committed_path().read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    assert not list(validator.iter_errors(data))
    assert data["languages"] == ["en", "uk"]
    offer = _by_id(data["offers"])["virksomhedspraktik"]
    assert offer["title"] == "Virksomhedspraktik"  # the item itself stays Danish
    assert offer["translations"] == {
        "en": {
            "title": "Work placement",
            "summary": "Try out a job at a workplace for a few weeks.",
            "description": "On a work placement you work at a **real** workplace.\n",
            "description_html": "<p>On a work placement you work at a <strong>real</strong> "
            "workplace.</p>\n",
            "description_text": "On a work placement you work at a real workplace.",
        }
    }
    news = _by_id(data["news"])
    assert news["aabent-hus"]["translations"]["en"]["title"] == "Open house at the job centre"
    assert news["aabent-hus"]["translations"]["en"]["body_html"] == "<p>We offer coffee.</p>\n"
    assert "translations" not in news["lukket-fredag"]  # nothing translated: nothing claimed
    assert all("translations" not in m for m in data["mentors"])
    assert data["municipality"]["translations"] == {"en": {"name": "Proveby Municipality"}}
    assert data["areas"][0]["translations"] == {"en": {"label": "Employment"}}
    # the schema bites: a field no translation has, a language that is no code
    for bad_value in ({"en": {"price": "100 kr."}}, {"English": {"title": "x"}}):
        bad = copy.deepcopy(data)
        _by_id(bad["offers"])["virksomhedspraktik"]["translations"] = bad_value
        assert list(validator.iter_errors(bad)), bad_value


def _rss(site: Path, path: str) -> ET.Element:
    channel = ET.fromstring((site / path).read_bytes()).find("channel")
    assert channel is not None
    return channel


def test_each_language_has_its_own_news_feed_in_its_language(danish_site, english_site):
    with words.speaking("en"):
        only_danish = f"({note()})"
    channel = _rss(english_site, "nyt/rss.xml")
    assert channel.findtext("language") == "en"
    assert "Proveby Municipality" in channel.findtext("title", "")
    titles = [i.findtext("title") for i in channel.iter("item")]
    assert titles == ["Open house at the job centre", f"Lukket på fredag {only_danish}"]
    summaries = [i.findtext("description") for i in channel.iter("item")]
    assert summaries[1] == f"Jobcentret holder lukket hele dagen. {only_danish}"
    for link in [
        channel.findtext("link", ""),
        *(i.findtext("link", "") for i in channel.iter("item")),
    ]:
        assert link.startswith(f"{BASE}en/nyt/"), link
        assert (english_site / link.removeprefix(f"{BASE}en/") / "index.html").is_file(), link
    atom = ET.fromstring((english_site / "nyt/atom.xml").read_bytes())
    assert atom.get(XML_LANG) == "en"
    assert atom.findtext(f"{ATOM}id", "") == f"{BASE}en/nyt/atom.xml"
    # the changes feed: the offer by its translated title and summary, links under en/
    changes = _rss(english_site, "nyt-og-aendret/rss.xml")
    assert changes.findtext("language") == "en"
    (entry,) = changes.iter("item")
    assert "Work placement" in entry.findtext("title", "")
    assert only_danish not in entry.findtext("title", "")
    assert entry.findtext("description") == "Try out a job at a workplace for a few weeks."
    assert entry.findtext("link") == f"{BASE}en/tilbud/virksomhedspraktik/"
    # the Danish feeds stay as they were: at the root, in Danish, no note
    channel = _rss(danish_site, "nyt/rss.xml")
    assert channel.findtext("language") == "da"
    assert [i.findtext("title") for i in channel.iter("item")] == [
        "Åbent hus i jobcentret",
        "Lukket på fredag",
    ]
    assert channel.findtext("link", "") == f"{BASE}nyt/"


def test_hsds_names_each_language_an_offer_is_given_in_by_its_code(example_site):
    services = json.loads((example_site / "data/hsds/services.json").read_text(encoding="utf-8"))
    by_name = {s["name"]: s for s in services}
    languages = by_name["Sprogpraktik"]["languages"]
    assert [(lang["name"], lang.get("code")) for lang in languages] == [
        ("dansk", "da"),
        ("arabisk", "ar"),
        ("tigrinya", "ti"),
        ("ukrainsk", "uk"),
    ]


def test_the_example_ships_its_translations_current_and_in_the_export(example_site):
    catalogue, report = load_catalogue(REPO)
    assert catalogue is not None
    assert not [w for w in report.warnings if "oversættelse" in str(w)]
    assert catalogue.settings.languages == list(LANGUAGES)
    settings = catalogue.settings
    terms = [*settings.areas, *settings.access, *settings.themes, *settings.target_groups]
    data = json.loads((example_site / "data/catalogue.json").read_text(encoding="utf-8"))
    for language in LANGUAGES:
        assert settings.municipality.translations[language].name
        for term in terms:
            text = term.translations[language]
            assert text.label and text.description, (language, term.id)
        own = catalogue.translations[language]
        assert len(own["offers"]) >= 5 and own["mentors"] and own["enterprises"] and own["news"]
        for collection, items in own.items():
            for item_id, translation in items.items():
                assert translation.fingerprint is not None, translation.path
                exported = _by_id(data[collection])[item_id]["translations"][language]
                assert exported["title" if "title" in exported else next(iter(exported))]
        front = (REPO / f"site_src/index.{language}.md").read_text(encoding="utf-8")
        assert "<!-- vifte: temaer -->" in front and "Tilbud til dig" not in front


def test_the_open_data_is_the_same_danish_data_in_every_language(danish_site, english_site):
    for path in ("data/catalogue.json", "data/hsds/services.json", "data/tilbud.csv"):
        assert (english_site / path).read_bytes() == (danish_site / path).read_bytes(), path
