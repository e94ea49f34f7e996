"""The front page's "Hvad er din situation?": a tile per target group with listed offers, with
their number, leading to the filter page with that situation ticked (decision 65)."""

from __future__ import annotations

import json
import re
import textwrap
from html import unescape
from pathlib import Path

import pytest

from vifte.domain import words
from vifte.domain.registry import TABLE
from vifte.domain.routes import filter_params, offer_list_path
from vifte.mkdocs.build import build_site
from vifte.scaffold import init_project

PARAM = filter_params(TABLE)["target_groups"]

OFFERS = {
    "motion.yaml": """
        title: Motion i det fri
        area: sundhed
        access: direkte
        themes: [trivsel]
        target_groups: [aktivitetsparat]
        status: paused
        status_note: Holder pause til 1. marts.
        summary: Gå en tur med andre i parken.
        description: Vi går sammen to gange om ugen.
        provider: {name: Sundhedshuset}
        contact: {phone: "70 00 00 05"}
    """,
    "lukket.yaml": """
        title: Gammelt jobcafé
        area: beskaeftigelse
        access: direkte
        themes: [arbejdsliv]
        target_groups: [jobparat]
        status: closed
        closed: 2026-01-01
        summary: Kom og søg job med andre.
        description: Caféen er lukket.
        provider: {name: Jobcenteret}
        contact: {phone: "70 00 00 06"}
    """,
    "kladde.yaml": """
        title: Nyt værksted
        area: social
        access: direkte
        themes: [trivsel]
        target_groups: [jobparat, aktivitetsparat]
        status: draft
        summary: Lav ting i træ.
        description: Et værksted, der åbner snart.
        provider: {name: Værkstedet}
        contact: {phone: "70 00 00 07"}
    """,
}
"""Besides `vifte init`'s offer (jobparat, aktivitetsparat): a paused one (listed, counted), a
closed and a draft one (neither listed nor counted)."""

EXPECTED = {"jobparat": 1, "aktivitetsparat": 2}
"""The listed offers per target group; "sygedagpenge" has none and gets no tile."""

TILE = re.compile(
    r'<li class="vifte-tile"><a href="(?P<href>[^"]*)"[^>]*>(?P<label>.*?)'
    r' <span class="vifte-tile__count">\((?P<count>[^<]*)\)</span></a>'
)


def situations_project(root: Path) -> Path:
    """A `vifte init` project in Danish and English with a target group without offers and a
    paused, a closed and a draft offer."""
    init_project(root, "Prøveby Kommune")
    settings = root / "catalogue/settings.yaml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace(
        "target_groups:\n",
        "target_groups:\n  - id: sygedagpenge\n    label: Sygedagpenge\n"
        "    description: Du er syg og får sygedagpenge.\n",
        1,
    )
    settings.write_text("languages: [en]\n" + text, encoding="utf-8")
    for name, offer in OFFERS.items():
        (root / "catalogue/offers" / name).write_text(
            textwrap.dedent(offer).lstrip("\n"), encoding="utf-8"
        )
    return root


def tiles(html: str) -> dict[str, tuple[str, str]]:
    """The situation tiles of a front page: target group id -> (href, count text)."""
    found = {}
    for m in TILE.finditer(html):
        href = unescape(m.group("href"))
        found[href.split(f"?{PARAM}=", 1)[1]] = (href, m.group("count"))
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = situations_project(tmp_path_factory.mktemp("situations") / "kommune")
    return build_site(root / "mkdocs.yml", root.parent / "site")


def count_words(language: str, n: int) -> str:
    with words.speaking(language):
        return words.ngettext("%(num)s tilbud", "%(num)s tilbud", n) % {"num": n}


def test_new_front_page_has_a_tile_per_situation_with_offers_leading_to_the_ticked_filter(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="hvad-er-din-situation">Hvad er din situation?</h2>' in html
    found = tiles(html)
    assert set(found) == set(EXPECTED)  # no tile for a situation without offers
    for group, n in EXPECTED.items():
        href, count = found[group]
        assert href == f"tilbud/?{PARAM}={group}"
        assert count == count_words("da", n)
    assert "Sygedagpenge" not in html.split('id="hvad-vil-du-gerne-arbejde-med"')[0]


def test_each_tile_counts_what_the_filter_pages_data_holds_for_its_situation(site):
    data = json.loads((site / offer_list_path(TABLE)).read_text(encoding="utf-8"))
    from_data = {g: sum(g in o.get("tg", []) for o in data) for g in EXPECTED}
    assert from_data == EXPECTED
    for language, folder in (("da", site), ("en", site / "en")):
        found = tiles((folder / "index.html").read_text(encoding="utf-8"))
        assert {g: c for g, (_, c) in found.items()} == {
            g: count_words(language, n) for g, n in from_data.items()
        }
        assert all(href.startswith(f"tilbud/?{PARAM}=") for href, _ in found.values())
        assert (folder / "tilbud" / "index.html").is_file()


def test_without_offers_the_situations_and_their_heading_are_left_out(project, write, tmp_path):
    (project / "catalogue/offers/virksomhedspraktik.yaml").unlink()
    write("site_src/index.md", "# Forside\n\n## Din situation\n\n<!-- vifte: maalgrupper -->\n")
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "Din situation" not in html
    assert "Jobparat" not in html


def test_a_hostile_situation_name_is_text_in_its_tile(project, tmp_path):
    hostile = "Ledig <img src=x onerror=alert(1)> \"&'"
    settings = project / "catalogue/settings.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(
        text.replace(
            "    label: Jobparat\n", f"    label: '{hostile.replace(chr(39), chr(39) * 2)}'\n"
        ),
        encoding="utf-8",
    )
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in html
    found = tiles(html)
    assert unescape(TILE.search(html).group("label")) == hostile
    assert found["jobparat"] == (f"tilbud/?{PARAM}=jobparat", count_words("da", 1))
