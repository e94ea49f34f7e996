"""How to get there and whether it is current (issue 26, items 5 and 6; decision 64), on a
project made by `vifte init`: the address as a geo: link and a map search of the municipality's
choice, transport and accessibility notes, "Sidst kontrolleret", the overdue mark, the feedback
mail, and the same facts in HSDS, the export and print."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from lxml import html as lxml_html

from vifte.mkdocs.build import build_site
from vifte.scaffold import init_project
from vifte.source.validate import require_catalogue

from .test_pdf import letters, text_of

TODAY = "2026-12-07"
MAP = "https://www.openstreetmap.org/search?query={address}"
HOSTILE = 'Café & "Værksted" ?bcc=spion@example.com#x'

OFFER = """
title: Havnens værksted
area: beskaeftigelse
access: direkte
themes: [arbejdsliv]
target_groups: [jobparat]
summary: Du kan arbejde med træ og metal på værkstedet ved havnen.
description: Du arbejder sammen med andre på værkstedet.
provider: {name: Jobcenteret}
contact: {phone: "70 00 00 02"}
location:
  address: Havnegade 1
  postcode: "1000"
  city: Byen
  accessibility: Niveaufri adgang og elevator til 1. sal.
  transport: Bus 230 til Havnegade, 2 minutters gang.
  geo: {lat: 55.4089, lon: 11.3553}
updated: 2026-03-01
checked: 2026-11-20
review_by: 2026-12-01
"""


def _write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def _settings(root: Path, extra: str) -> None:
    settings = root / "catalogue" / "settings.yaml"
    settings.write_text(extra + settings.read_text(encoding="utf-8"), encoding="utf-8")


@pytest.fixture(scope="module")
def placed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_placed(tmp_path_factory.mktemp("place"))


def build_placed(folder: Path) -> Path:
    """A new municipality's site in Danish and English with a map service, an offer with every
    place and currency fact, and one without any (the scaffold's own)."""
    root = folder / "kommune"
    init_project(root, "Prøveby Kommune")
    _settings(root, f'languages: [en]\nmap_search: "{MAP}"\n')
    _write(root, "catalogue/offers/havnens-vaerksted.yaml", OFFER)
    _write(
        root,
        "catalogue/offers/hostile.yaml",
        OFFER.replace("title: Havnens værksted", f"title: '{HOSTILE}'")
        .replace("address: Havnegade 1", "address: Gade 1&q=x#y")
        .replace("review_by: 2026-12-01", "review_by: 2027-06-01"),
    )
    old = os.environ.get("VIFTE_TODAY")
    os.environ["VIFTE_TODAY"] = TODAY
    try:
        site = build_site(root / "mkdocs.yml", root.parent / "site")
    finally:
        if old is None:
            del os.environ["VIFTE_TODAY"]
        else:
            os.environ["VIFTE_TODAY"] = old
    return site


def _page(site: Path, url: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring((site / url / "index.html").read_text(encoding="utf-8"))


def _text(node: lxml_html.HtmlElement) -> str:
    return re.sub(r"\s+", " ", node.text_content()).strip()


def _dd(page: lxml_html.HtmlElement, term: str) -> lxml_html.HtmlElement:
    (dd,) = page.xpath(
        f'//dl[@class="vifte-facts"]/dt[normalize-space()="{term}"]/following-sibling::dd[1]'
    )
    return dd


def test_the_address_opens_the_phones_map_and_the_chosen_map_service(placed):
    page = _page(placed, "tilbud/havnens-vaerksted")
    place = _dd(page, "Sted")
    assert _text(place).startswith("Havnegade 1, 1000 Byen")
    links = {_text(a): a for a in place.xpath(".//a")}
    assert links["Åbn stedet i din telefons kort"].get("href") == (
        "geo:55.4089,11.3553?q=55.4089,11.3553"
    )
    search = links["Find adressen på openstreetmap.org"]
    assert search.get("href") == (
        "https://www.openstreetmap.org/search?query=Havnegade%201%2C%201000%20Byen"
    )
    assert search.get("rel") == "noreferrer"  # the page's address stays here
    assert _text(_dd(page, "Bus og tog")) == "Bus 230 til Havnegade, 2 minutters gang."
    assert _text(_dd(page, "Tilgængelighed")) == "Niveaufri adgang og elevator til 1. sal."
    # nothing of the map service is loaded: no frame, image, script or style from elsewhere
    assert not page.xpath("//iframe | //*[not(self::a)][@*[contains(., 'openstreetmap')]]")
    assert len(page.xpath("//a[contains(@href, 'openstreetmap')]")) == 1


def test_an_enterprise_address_links_the_map_service_too(placed):
    (p,) = _page(placed, "virksomheder/eksempel-cafe").xpath('//p[@class="vifte-place"]')
    (a,) = p.xpath("a")
    assert _text(a) == "Find adressen på openstreetmap.org" and a.get("rel") == "noreferrer"
    address = p.text.strip()
    assert parse_qs(urlsplit(a.get("href")).query) == {"query": [address]}


def test_an_address_cannot_add_a_parameter_to_the_map_search(placed):
    search = _page(placed, "tilbud/hostile").xpath('//a[@rel="noreferrer"]')[0].get("href")
    parts = urlsplit(search)
    assert parts.fragment == ""
    assert parse_qs(parts.query) == {"query": ["Gade 1&q=x#y, 1000 Byen"]}


def test_without_a_map_service_or_coordinates_the_address_is_plain_text(placed, tmp_path):
    # the scaffold's settings name no map service: none is chosen for the municipality
    root = tmp_path / "ny"
    init_project(root, "Ny Kommune")
    _write(
        root,
        "catalogue/offers/havnens-vaerksted.yaml",
        OFFER.replace("  geo: {lat: 55.4089, lon: 11.3553}\n", ""),
    )
    c = require_catalogue(root)[0]
    from vifte.output.place import map_search

    offer = next(o for o in c.offers if o.id == "havnens-vaerksted")
    assert c.settings.map_search is None
    assert map_search(c, offer.location) is None
    assert offer.location.geo is None


def test_last_checked_is_the_newest_check_or_update_and_an_overdue_review_is_marked(placed):
    page = _page(placed, "tilbud/havnens-vaerksted")
    (section,) = page.xpath('//section[@class="vifte-current"]')
    assert _text(section.xpath("h2")[0]) == "Er oplysningerne rigtige?"
    checked = section.xpath('.//p[@class="vifte-current__checked"]')[0]
    assert _text(checked) == "Sidst kontrolleret 20.11.2026."
    assert checked.xpath(".//time/@datetime") == ["2026-11-20"]
    # review_by 2026-12-01 passed six days ago: a mark in text and symbol (not colour alone),
    # before the grace period after which the notice at the top says the facts may be out of date
    (overdue,) = section.xpath('.//p[@class="vifte-current__overdue"]')
    assert "Gennemgangen er forsinket." in _text(overdue)
    assert "senest 01.12.2026" in _text(overdue)
    assert overdue.xpath('.//span[@aria-hidden="true"]/text()') == ["!"]
    assert not page.xpath('//div[contains(@class, "vifte-notice--stale")]')
    assert not overdue.get("data-vifte-review-by")
    # not overdue when built: the mark is there, hidden, with the date for the reader's calendar
    # (current.js; tests/browser/test_place_browser.py); none without a review date
    other = _page(placed, "tilbud/hostile")
    (later,) = other.xpath('//p[@class="vifte-current__overdue"]')
    assert later.get("hidden") is not None and later.get("data-vifte-review-by") == "2027-06-01"
    assert other.xpath('//script[contains(@src, "current.js")]')
    assert not page.xpath('//script[contains(@src, "current.js")]')
    plain = _page(placed, "tilbud/virksomhedspraktik")
    assert not plain.xpath(
        '//p[@class="vifte-current__overdue"] | //script[contains(@src, "current.js")]'
    )


def test_an_offer_with_no_dates_says_so(placed):
    section = _page(placed, "tilbud/virksomhedspraktik").xpath('//section[@class="vifte-current"]')[
        0
    ]
    assert _text(section.xpath("p")[0]) == (
        "Kommunen har ikke skrevet, hvornår oplysningerne sidst blev kontrolleret."
    )


def _mail(page: lxml_html.HtmlElement) -> tuple[str, dict[str, list[str]]]:
    (a,) = page.xpath('//p[@class="vifte-current__mail"]/a')
    parts = urlsplit(a.get("href"))
    assert parts.scheme == "mailto"
    # RFC 6068: spaces as %20, never "+"; no raw & or # from a text
    assert "+" not in parts.query and parts.fragment == ""
    return unquote(parts.path), parse_qs(parts.query)


def test_the_feedback_link_opens_the_citizens_mail_with_name_and_address(placed):
    page = _page(placed, "tilbud/havnens-vaerksted")
    to, fields = _mail(page)
    assert to == "jobcenter@example.dk"  # the municipality's address in settings.yaml
    assert fields["subject"] == [
        "Rettelse til Havnens værksted (https://tilbud.example.dk/tilbud/havnens-vaerksted/)"
    ]
    assert fields["body"] == ["Skriv her, hvad der er forkert eller mangler:\n\n"]
    assert set(fields) == {"subject", "body"}
    text = _text(page.xpath('//p[@class="vifte-current__mail"]')[0])
    assert text == "Skriv til kommunen, hvis noget er forkert (åbner dit eget mailprogram)"


def test_a_hostile_title_stays_inside_the_subject(placed):
    to, fields = _mail(_page(placed, "tilbud/hostile"))
    assert to == "jobcenter@example.dk"
    assert set(fields) == {"subject", "body"}
    assert fields["subject"] == [
        f"Rettelse til {HOSTILE} (https://tilbud.example.dk/tilbud/hostile/)"
    ]


def test_english_pages_say_it_in_english_with_the_english_address(placed):
    page = _page(placed, "en/tilbud/havnens-vaerksted")
    _, fields = _mail(page)
    assert fields["subject"][0].endswith("(https://tilbud.example.dk/en/tilbud/havnens-vaerksted/)")
    assert not fields["subject"][0].startswith("Rettelse")
    section = page.xpath('//section[@class="vifte-current"]')[0]
    assert "kontrolleret" not in _text(section)
    # the Danish transport note on the English page is marked as Danish
    (transport,) = page.xpath('//dd[contains(., "Bus 230")]')
    assert transport.xpath("span[@lang='da']/text()") == [
        "Bus 230 til Havnegade, 2 minutters gang."
    ]


def test_hsds_and_the_export_carry_the_new_facts(placed):
    locations = json.loads((placed / "data/hsds/locations.json").read_text("utf-8"))
    here = next(x for x in locations if x["name"] == "Havnegade 1, 1000 Byen")
    assert (here["latitude"], here["longitude"]) == (55.4089, 11.3553)
    assert here["transportation"] == "Bus 230 til Havnegade, 2 minutters gang."
    services = json.loads((placed / "data/hsds/services.json").read_text("utf-8"))
    service = next(s for s in services if s["name"] == "Havnens værksted")
    assert service["assured_date"] == "2026-11-20"  # last checked, HSDS: "last checked"
    assert service["last_modified"] == "2026-03-01T00:00:00Z"  # last changed
    export = json.loads((placed / "data/catalogue.json").read_text("utf-8"))
    offer = next(o for o in export["offers"] if o["id"] == "havnens-vaerksted")
    assert offer["checked"] == "2026-11-20"
    assert offer["location"]["geo"] == {"lat": 55.4089, "lon": 11.3553}
    assert offer["location"]["transport"] == "Bus 230 til Havnegade, 2 minutters gang."


def _check(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VIFTE_TODAY": TODAY}
    return subprocess.run(
        [sys.executable, "-m", "vifte", "check", "-p", str(root)],
        capture_output=True,
        text=True,
        env=env,
    )


def test_bad_places_and_dates_are_danish_errors_at_their_lines(project):
    _settings(project, 'map_search: "https://kort.example.dk/soeg"\n')
    _write(
        project,
        "catalogue/offers/forkert.yaml",
        OFFER.replace("geo: {lat: 55.4089, lon: 11.3553}", "geo: {lat: 554089, lon: '11.3553'}"),
    )
    _write(
        project,
        "catalogue/offers/byttet.yaml",
        OFFER.replace("geo: {lat: 55.4089, lon: 11.3553}", "geo: {lat: 11.3553, lon: 55.4089}"),
    )
    _write(
        project,
        "catalogue/offers/fremtid.yaml",
        OFFER.replace("checked: 2026-11-20", "checked: 2026-12-24"),
    )
    done = _check(project)
    assert done.returncode == 1, done.stdout
    out = done.stdout
    assert "settings.yaml:1:" in out and "præcis ét sted" in out
    assert re.search(
        r"forkert\.yaml:16:\d+: error: 'location\.geo\.lat' er 554089, men skal være højst 90", out
    )
    assert re.search(
        r"forkert\.yaml:16:\d+: error: 'location\.geo\.lon' skal være et tal med punktum", out
    )
    assert re.search(
        r"fremtid\.yaml:18:\d+: error: 'checked' er 2026-12-24, men den dag er ikke kommet endnu",
        out,
    )
    assert re.search(
        r"byttet\.yaml:16:\d+: warning: 'location\.geo' \(lat 11\.3553, lon 55\.4089\) ligger "
        r"ikke i Danmark; har du byttet om på lat og lon\?",
        out,
    )
    assert "Traceback" not in done.stderr + out


@pytest.mark.parametrize(
    "value, words",
    [
        ("http://www.openstreetmap.org/search?query={address}", "starter med https://"),
        ("https://{address}.example.dk/", "starter med https://"),
        ("https://kort.example.dk/?q={address}&r={address}", "præcis ét sted"),
    ],
)
def test_a_map_service_must_be_https_with_one_place_for_the_address(project, value, words):
    _settings(project, f'map_search: "{value}"\n')
    done = _check(project)
    assert done.returncode == 1
    assert re.search(rf"settings\.yaml:1:\d+: error: .*{re.escape(words)}", done.stdout), (
        done.stdout
    )


def test_print_shows_how_to_get_there_and_when_it_was_checked(placed, tmp_path):
    root = placed.parent / "kommune"
    env = {**os.environ, "VIFTE_TODAY": TODAY}
    out = tmp_path / "pdf"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "vifte",
            "pdf",
            "-p",
            str(root),
            "--format",
            "tilbud",
            "kort",
            "--area",
            "beskaeftigelse",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    single = letters(text_of(out / "tilbud" / "havnens-vaerksted.pdf"))
    for words in (
        "Bus og tog",
        "Bus 230 til Havnegade, 2 minutters gang.",
        "Tilgængelighed",
        "Niveaufri adgang og elevator til 1. sal.",
        "Sidst kontrolleret 20.11.2026.",
    ):
        assert letters(words) in single
    assert "geo" not in single and "openstreetmap" not in single
    (cards,) = out.glob("kort*.pdf")
    assert letters("Havnegade 1, 1000 Byen. Bus 230 til Havnegade, 2 minutters gang.") in letters(
        text_of(cards)
    )


def test_a_new_translatable_field_leaves_translations_current_until_it_is_filled():
    from vifte.domain.translation import fingerprint

    from .conftest import REPO

    catalogue = require_catalogue(REPO)[0]
    offer = next(o for o in catalogue.offers if o.id == "cv-vaerksted")
    english = (REPO / "catalogue/offers/cv-vaerksted.en.yaml").read_text(encoding="utf-8")
    written = re.search(r"^translated_from: (\w+)", english, re.M).group(1)
    assert offer.location is not None and offer.location.transport is None
    assert fingerprint(offer) == written  # the fingerprint the translator stored before
    filled = offer.location.model_copy(update={"transport": "Bus 230 til Havnegade."})
    assert fingerprint(offer.model_copy(update={"location": filled})) != written
