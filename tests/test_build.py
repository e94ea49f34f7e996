"""`vifte build`: a real site in a temporary folder, checked through its HTML and catalogue.json."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from vifte.cli import main
from vifte.domain.danish import sort_da
from vifte.domain.registry import TABLE
from vifte.domain.routes import offer_list_path, page_url
from vifte.mkdocs.build import build_site
from vifte.source.diagnostics import ProjectError
from vifte.source.links import broken_in_site
from vifte.source.validate import require_catalogue

from .conftest import REPO, danish_files


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("a", "link") and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if tag in ("script", "img") and attrs.get("src"):
            self.hrefs.append(attrs["src"])

    def handle_data(self, data):
        self.text.append(data)


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_offer_mentor_and_enterprise_has_a_page(example_site):
    catalogue, _ = require_catalogue(REPO)
    assert (
        len(catalogue.offers) >= 40
        and len(catalogue.mentors) >= 6
        and len(catalogue.enterprises) >= 5
    )
    for offer in catalogue.offers:
        html = (example_site / page_url(TABLE, offer) / "index.html").read_text(encoding="utf-8")
        assert f"<h1>{_escape(offer.title)}</h1>" in html
        assert f'data-area="{offer.area}"' in html and f'data-access="{offer.access}"' in html
        assert catalogue.access[offer.access].label in html
        if offer.professional:
            assert 'id="til-fagfolk"' in html
    for mentor in catalogue.mentors:
        assert _escape(mentor.name) in (
            example_site / page_url(TABLE, mentor) / "index.html"
        ).read_text(encoding="utf-8")
    for enterprise in catalogue.enterprises:
        assert enterprise.cvr in (
            example_site / page_url(TABLE, enterprise) / "index.html"
        ).read_text(encoding="utf-8")


def test_index_pages_list_their_offers(example_site):
    catalogue, _ = require_catalogue(REPO)
    for field, section, terms in (
        ("themes", "temaer", catalogue.themes),
        ("area", "omraader", catalogue.areas),
        ("target_groups", "maalgrupper", catalogue.target_groups),
    ):
        for term in terms.values():
            hrefs = parse(example_site / section / term.id / "index.html").hrefs
            linked = {
                h.split("/")[-2]
                for h in hrefs
                if h.startswith("../../tilbud/") and h != "../../tilbud/"
            }
            assert linked == {o.id for o in catalogue.offers_with(field, term.id)}, (
                section,
                term.id,
            )
    # The filter page's cards come from the offers' data (tilbud/tilbud.json), every offer once.
    data = json.loads((example_site / offer_list_path(TABLE)).read_text(encoding="utf-8"))
    assert [o["u"] for o in data] == [
        page_url(TABLE, o) for o in sort_da(catalogue.offers, lambda o: o.title)
    ]


def test_offer_pages_stay_out_of_the_navigation(example_site):
    catalogue, _ = require_catalogue(REPO)
    nav = (example_site / "index.html").read_text(encoding="utf-8")
    nav = nav[nav.index('<nav class="md-nav md-nav--primary') :]
    assert not any(f"tilbud/{o.id}/" in nav for o in catalogue.offers)


def test_site_is_danish_and_internal_links_resolve(example_site):
    pages = danish_files(example_site)
    assert len(pages) > 60
    for page in pages:
        assert '<html lang="da"' in page.read_text(encoding="utf-8"), page
    assert broken_in_site(example_site) == []


class _Loads(HTMLParser):
    """Every URL a page makes the browser fetch by itself (not links a visitor may follow)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source") and attrs.get("src"):
            self.urls.append(attrs["src"])
        if (
            tag == "link"
            and attrs.get("rel") not in ("canonical", "alternate", "next", "prev")
            and attrs.get("href")
        ):
            self.urls.append(attrs["href"])


def test_no_third_party_requests(example_site):
    for page in example_site.rglob("*.html"):
        loads = _Loads()
        loads.feed(page.read_text(encoding="utf-8"))
        foreign = [u for u in loads.urls if re.match(r"^(https?:)?//", u)]
        assert foreign == [], page.relative_to(example_site)
    for css in example_site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")), css


def test_front_page_blocks_are_filled(example_site):
    catalogue, _ = require_catalogue(REPO)
    html = (example_site / "index.html").read_text(encoding="utf-8")
    assert "vifte:" not in html
    for theme in catalogue.themes.values():
        assert f'href="temaer/{theme.id}/"' in html


def test_colours_come_from_settings(example_site):
    catalogue, _ = require_catalogue(REPO)
    css = (example_site / "assets/vifte/colours.css").read_text(encoding="utf-8")
    for area in catalogue.areas.values():
        assert f'[data-area="{area.id}"] {{ --vifte-area: {area.colour};' in css
    for access in catalogue.access.values():
        assert f'[data-access="{access.id}"] {{ --vifte-access: {access.colour};' in css


def test_catalogue_json_matches_the_yaml(example_site):
    catalogue, _ = require_catalogue(REPO)
    data = json.loads((example_site / "data" / "catalogue.json").read_text(encoding="utf-8"))
    assert data["format"] == "vifte-catalogue" and data["schema_version"] == 2
    assert data["municipality"]["name"] == catalogue.settings.municipality.name
    assert [o["id"] for o in data["offers"]] == sorted(o.id for o in catalogue.offers)
    for item in data["offers"] + data["mentors"] + data["enterprises"]:
        assert (example_site / item["url"] / "index.html").is_file()
    first = catalogue.offers[0]
    exported = data["offers"][0]
    assert exported["title"] == first.title and exported["themes"] == first.themes
    assert exported["description"] == first.description
    assert {e["id"] for e in data["enterprises"]} == {e.id for e in catalogue.enterprises}


def test_init_project_builds_with_its_own_ids(project, tmp_path):
    settings = project / "catalogue/settings.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8")
        .replace("id: trivsel", "id: helbred")
        .replace("#1d4f91", "#2b3a67"),
        encoding="utf-8",
    )
    (project / "catalogue/offers/motion.yaml").write_text(
        "title: Motion for alle\narea: sundhed\naccess: direkte\nthemes: [helbred]\ntarget_groups: [aktivitetsparat]\n"
        "summary: Bevæg dig sammen med andre.\ndescription: Du kan træne to gange om ugen.\n"
        "provider: {name: Sundhedscentret}\ncontact: {email: sund@example.dk}\n",
        encoding="utf-8",
    )
    site = tmp_path / "out"
    assert main(["build", "-p", str(project), "--site-dir", str(site), "--no-pdf"]) == 0
    html = (site / "tilbud/motion/index.html").read_text(encoding="utf-8")
    assert "<h1>Motion for alle</h1>" in html and 'href="../../temaer/helbred/"' in html
    assert "--vifte-area: #2b3a67" in (site / "assets/vifte/colours.css").read_text(
        encoding="utf-8"
    )
    assert "Prøveby Kommune" in (site / "index.html").read_text(encoding="utf-8")
    assert (
        json.loads((site / "data/catalogue.json").read_text(encoding="utf-8"))["offers"][0]["id"]
        == "motion"
    )


def test_failed_build_keeps_previous_site(project, tmp_path, capsys):
    site = tmp_path / "out"
    assert main(["build", "-p", str(project), "--site-dir", str(site), "--no-pdf"]) == 0
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (project / "catalogue/offers/ny.yaml").write_text(
        "title: Ny\narea: findes-ikke\n", encoding="utf-8"
    )
    assert main(["build", "-p", str(project), "--site-dir", str(site), "--no-pdf"]) == 1
    err = capsys.readouterr().err
    assert 'catalogue/offers/ny.yaml:2:7: error: ukendt område "findes-ikke"' in err
    assert "Det tidligere site er ikke ændret" in err
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kommune", "out"]


def test_build_without_previous_site_writes_nothing_on_error(project, tmp_path):
    (project / "catalogue/offers/ny.yaml").write_text("title: [\n", encoding="utf-8")
    with pytest.raises(ProjectError):
        build_site(project / "mkdocs.yml", tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kommune"]


def test_new_offer_file_guides_the_writer(project, capsys):
    assert main(["new", "offer", "Cykelværksted for unge", "-p", str(project)]) == 0
    path = project / "catalogue/offers/cykelvaerksted-for-unge.yaml"
    text = path.read_text(encoding="utf-8")
    assert 'title: "Cykelværksted for unge"' in text
    assert "Mulige: arbejdsliv, trivsel" in text
    assert "status: draft" in text and "area: UDFYLD" in text
    assert (
        "area: beskaeftigelse" not in text and "  - arbejdsliv" not in text
    )  # no real id is guessed
    assert main(["check", "-p", str(project)]) == 0  # a draft: warnings, not errors
    out = capsys.readouterr().out
    assert (
        "catalogue/offers/cykelvaerksted-for-unge.yaml:" in out
        and "warning: kladde: 'summary' er ikke udfyldt endnu" in out
    )
    assert main(["new", "offer", "Cykelværksted for unge", "-p", str(project)]) == 1


def test_init_refuses_a_folder_in_use(project, capsys):
    assert main(["init", str(project)]) == 1
    assert "er ikke tom" in capsys.readouterr().err


def _escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def test_two_builds_are_byte_identical(project, tmp_path):
    offer = project / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text(offer.read_text(encoding="utf-8") + "updated: 2021-02-03\n", encoding="utf-8")
    first, second = tmp_path / "a", tmp_path / "b"
    build_site(project / "mkdocs.yml", first)
    build_site(project / "mkdocs.yml", second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert [f for f in files if (first / f).read_bytes() != (second / f).read_bytes()] == []
    assert "<lastmod>2021-02-03</lastmod>" in (first / "sitemap.xml").read_text(encoding="utf-8")


def test_build_refuses_a_site_with_broken_links(project, tmp_path):
    (project / "site_src/hjaelp.md").write_text(
        '# Hjælp\n\n<p><a href="../findes-ikke/">Et link</a></p>\n', encoding="utf-8"
    )
    with pytest.raises(ProjectError) as failure:
        build_site(project / "mkdocs.yml", tmp_path / "out")
    assert "site_src/hjaelp.md:3:13: error: linket '../findes-ikke/'" in str(failure.value)
    assert not (tmp_path / "out").exists()
    # A link only the built HTML has (here from a project template) is caught after the build.
    (project / "site_src/hjaelp.md").unlink()
    template = project / "theme/vifte/pages/mentor.html"
    template.parent.mkdir(parents=True)
    template.write_text(
        "{% set title = m.name %}{% set description = m.role %}"
        '<h1>{{ m.name }}</h1><a href="../findes-ikke/">x</a>\n',
        encoding="utf-8",
    )
    with pytest.raises(ProjectError) as failure:
        build_site(project / "mkdocs.yml", tmp_path / "out")
    assert "mentorer/eksempel-mentor/index.html -> ../findes-ikke/" in str(failure.value)
    assert not (tmp_path / "out").exists()


def test_project_templates_override_the_package(project, tmp_path):
    custom = project / "theme/vifte/pages/mentor.html"
    custom.parent.mkdir(parents=True)
    custom.write_text(
        '{% set title = "Mentor: " ~ m.name %}{% set description = m.role %}'
        '<h1>{{ m.name }}</h1>\n<p class="egen">Vores egen mentorside for {{ m.role }}.</p>\n',
        encoding="utf-8",
    )
    site = build_site(project / "mkdocs.yml", tmp_path / "out")
    html = (site / "mentorer/eksempel-mentor/index.html").read_text(encoding="utf-8")
    assert '<p class="egen">Vores egen mentorside for Erhvervsmentor.</p>' in html
    assert "<title>Mentor: Kim Eksempel" in html  # the title is the template's
    assert "vifte-offer" in (site / "tilbud/virksomhedspraktik/index.html").read_text(
        encoding="utf-8"
    )
