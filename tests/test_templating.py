"""One template environment for every output: shared macros, links per output, titles in
templates, Danish order and one date format."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from vifte.domain.danish import collation_key, sort_da
from vifte.domain.registry import TABLE
from vifte.domain.routes import offer_list_path, page_url
from vifte.mkdocs.build import build_site
from vifte.output.templating import absolute_link, environment, site_link
from vifte.source.diagnostics import ProjectError
from vifte.source.validate import require_catalogue

from .conftest import Write

DANISH_TITLES = ["Aftenskole", "Zoneterapi", "Æblehaven", "Ørnereden", "Åben rådgivning"]
"""Titles in Danish order: Æ, Ø, Å after Z (Python's casefold order puts Å first of the three)."""


def test_danish_order_puts_ae_oe_aa_after_z():
    assert sorted(DANISH_TITLES, key=str.casefold) != DANISH_TITLES  # the trap being avoided
    assert sort_da(reversed(DANISH_TITLES)) == DANISH_TITLES
    assert sort_da(["ø", "Ø", "o", "ö", "z"]) == ["o", "z", "Ø", "ö", "ø"]
    assert collation_key("Café") > collation_key("Cafe") and collation_key("Café") < collation_key(
        "Cafeer"
    )


def offer_named(write: Write, title: str) -> str:
    """An offer like the scaffold's example, with this title, under the theme 'arbejdsliv'."""
    ident = re.sub(r"[^a-z]+", "-", title.lower().translate(str.maketrans("æøå", "eoa")))
    write(
        f"catalogue/offers/{ident}.yaml",
        f"""
        title: {title}
        area: beskaeftigelse
        access: direkte
        themes: [arbejdsliv]
        target_groups: [jobparat]
        summary: Et tilbud til en test af rækkefølgen.
        description: Et tilbud.
        provider: {{name: Jobcenteret}}
        contact: {{phone: "70 00 00 01"}}
        updated: 2026-10-05
        """,
    )
    return ident


def mentor_named(write: Write, name: str) -> None:
    ident = re.sub(r"[^a-z]+", "-", name.lower().translate(str.maketrans("æøå", "eoa")))
    write(
        f"catalogue/mentors/{ident}.yaml",
        f"""
        name: {name}
        role: Mentor
        about: Om mentoren.
        competences: [Jobsøgning]
        contact: {{phone: "70 00 00 02"}}
        available: true
        """,
    )


def build_danish(project: Path, write: Write, site: Path) -> Path:
    for title in DANISH_TITLES:
        offer_named(write, title)
    for name in ["Åse Ås", "Øjvind Øst", "Ærling Æbelø", "Zakarias Zink"]:
        mentor_named(write, name)
    return build_site(project / "mkdocs.yml", site)


def in_order(html: str, pattern: str) -> list[str]:
    return [t for t in re.findall(pattern, html) if t in DANISH_TITLES or " " in t]


def test_built_pages_list_ae_oe_aa_after_z(project, write, tmp_path):
    site = build_danish(project, write, tmp_path / "site")
    term = (site / "temaer/arbejdsliv/index.html").read_text(encoding="utf-8")
    titles = re.findall(r'class="vifte-card__title"><a href="[^"]*">([^<]*)</a>', term)
    assert [t for t in titles if t in DANISH_TITLES] == DANISH_TITLES
    # Min plan's picker and the filter page's cards come from the offers' data file, in its order.
    data = json.loads((site / offer_list_path(TABLE)).read_text(encoding="utf-8"))
    assert [o["t"] for o in data if o["t"] in DANISH_TITLES] == DANISH_TITLES
    mentors = (site / "mentorer/index.html").read_text(encoding="utf-8")
    names = re.findall(r'<th scope="row"><a href="[^"]*">([^<]*)</a>', mentors)
    assert names == ["Kim Eksempel", "Zakarias Zink", "Ærling Æbelø", "Øjvind Øst", "Åse Ås"]
    # Cards elsewhere carry their rank in Danish title order for scripts that sort them.
    term_cards = dict(re.findall(r'data-title="([^"]*)" data-rank="(\d+)"', term))
    assert sorted(DANISH_TITLES, key=lambda t: int(term_cards[t])) == DANISH_TITLES


def test_dates_are_written_one_way(project, write, tmp_path):
    ident = offer_named(write, "Zoneterapi")
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    html = (site / f"tilbud/{ident}/index.html").read_text(encoding="utf-8")
    assert 'Sidst opdateret <time datetime="2026-10-05">05.10.2026</time>' in html


def test_a_macro_links_relatively_on_the_site_and_absolutely_elsewhere(project):
    catalogue, _ = require_catalogue(project)
    macros = environment(catalogue).get_template("_macros.html")
    on_site = macros.make_module({"link": site_link("tilbud/virksomhedspraktik/")})
    html = str(on_site.term_links(["arbejdsliv"], catalogue.themes))
    assert 'href="../../temaer/arbejdsliv/"' in html
    away = macros.make_module({"link": absolute_link(str(catalogue.settings.municipality.url))})
    html = str(away.card(catalogue.offers[0]))
    assert 'href="https://tilbud.example.dk/tilbud/virksomhedspraktik/"' in html
    assert 'data-rank="0"' in html and "vifte-symbol--square" in html  # visitation: third
    assert absolute_link("https://x.dk/tilbud")("") == "https://x.dk/tilbud/"


def test_a_page_template_without_a_title_gets_its_items_own(project, write, tmp_path):
    """A template may leave title and description out: the collection's title field fills in."""
    write("theme/vifte/pages/mentor.html", "<h1>{{ m.name }}</h1>\n")
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    catalogue, _ = require_catalogue(project)
    mentor = catalogue.mentors[0]
    html = (site / page_url(TABLE, mentor) / "index.html").read_text(encoding="utf-8")
    assert f"<title>{mentor.name} - " in html
    assert f'<meta name="description" content="{mentor.role}">' in html


def test_a_page_template_in_the_old_place_is_refused_not_ignored(project, write, tmp_path):
    old = write("theme/vifte/mentor.html", "<h1>{{ m.name }}</h1>\n")
    with pytest.raises(ProjectError) as failure:
        build_site(project / "mkdocs.yml", tmp_path / "site")
    assert f"{old}: sideskabeloner ligger nu i" in str(failure.value)
    assert f"flyt filen til {old.parent / 'pages' / 'mentor.html'}" in str(failure.value)
