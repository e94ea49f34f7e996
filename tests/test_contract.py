"""The contract is exact: what the author wrote is what is published, or a Danish message says why not."""

from __future__ import annotations

import json
import re
import textwrap
import time
from pathlib import Path

import pytest

from vifte.cli import main
from vifte.domain.colour import contrast
from vifte.domain.markup import render_markdown
from vifte.mkdocs.build import build_site
from vifte.output.styles import colours_css
from vifte.source.validate import load_catalogue

OFFER = """
title: Gældsrådgivning
area: beskaeftigelse
access: direkte
themes: [trivsel]
target_groups: [jobparat]
summary: Få hjælp til din gæld.
description: |
  Du kan få hjælp til din gæld.
provider:
  name: Jobcenteret
contact:
  phone: 070112244
"""
# Lines appended to OFFER start at line 13.


def check(project: Path) -> list[str]:
    return load_catalogue(project)[1].lines()


def build(project: Path, tmp_path: Path) -> Path:
    return build_site(project / "mkdocs.yml", tmp_path / "site")


def set_settings(project: Path, old: str, new: str) -> None:
    path = project / "catalogue/settings.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_text_fields_are_published_as_written(project, write, tmp_path):
    write(
        "catalogue/offers/gaeld.yaml",
        OFFER
        + "schedule:\n  start: 9:30\n  hours_per_week: 7.50\n  duration: 0700\n"
        + "waiting_time: 1:30\nlanguages: [no, dansk]\ncapacity: 1_000\n",
    )
    write(
        "catalogue/offers/budget.yaml",
        OFFER.replace("070112244", "+4570112230") + "location: {postcode: 0800, city: yes}\n",
    )
    site = build(project, tmp_path)
    page = (site / "tilbud/gaeld/index.html").read_text(encoding="utf-8")
    for shown in ("9:30", "7.50", "0700", "1:30", "no, dansk", "1_000"):
        assert f"<dd>{shown}</dd>" in page, shown
    assert '<a href="tel:070112244">070112244</a>' in page
    other = (site / "tilbud/budget/index.html").read_text(encoding="utf-8")
    assert '<a href="tel:+4570112230">+4570112230</a>' in other
    assert "<dd>0800 yes</dd>" in other
    export = json.loads((site / "data/catalogue.json").read_text(encoding="utf-8"))
    offer = next(o for o in export["offers"] if o["id"] == "gaeld")
    assert offer["schedule"] == {"start": "9:30", "hours_per_week": "7.50", "duration": "0700"}
    assert offer["languages"] == ["no", "dansk"]
    assert offer["contact"]["phone"] == "070112244"


@pytest.mark.parametrize(
    "line, expected",
    [
        pytest.param(
            "updated: 2026-02-31",
            "gaeld.yaml:13:10: error: 'updated': 2026-02-31 er ikke en dato, der findes; tjek måned og dag (ÅÅÅÅ-MM-DD)",
            id="no-such-day",
        ),
        pytest.param(
            "updated: 2026-13-45",
            "gaeld.yaml:13:10: error: 'updated': 2026-13-45 er ikke en dato, der findes; tjek måned og dag (ÅÅÅÅ-MM-DD)",
            id="no-such-month",
        ),
        pytest.param(
            "review_by: 2107-01-01",
            "gaeld.yaml:13:12: error: 'review_by': 2107-01-01 ligger uden for årene 1900–2100; tjek årstallet",
            id="year-after-2100",
        ),
        pytest.param(
            "updated: 1899-12-31",
            "gaeld.yaml:13:10: error: 'updated': 1899-12-31 ligger uden for årene 1900–2100; tjek årstallet",
            id="year-before-1900",
        ),
        pytest.param(
            "updated: 0",
            "gaeld.yaml:13:10: error: 'updated': skal være en dato skrevet som ÅÅÅÅ-MM-DD, fx 2027-03-31",
            id="number-is-no-date",
        ),
        pytest.param(
            "updated: 2026-03-01 10:30:00",
            "gaeld.yaml:13:10: error: 'updated' skal være en dato uden klokkeslæt",
            id="date-with-time",
        ),
        pytest.param(
            "themes: [123]",
            'gaeld.yaml:13:10: error: ukendt tema "123" (tema skal findes i settings.yaml',
            id="number-as-theme",
        ),
        pytest.param(
            "access: 1",
            'gaeld.yaml:13:9: error: ukendt adgang "1" (adgang skal findes i settings.yaml',
            id="number-as-access",
        ),
        pytest.param(
            "related: [999]",
            'gaeld.yaml:13:11: error: ukendt tilbud "999" (tilbud skal findes i mappen catalogue/offers',
            id="number-as-related",
        ),
        pytest.param(
            "languages: [dansk: flydende]",
            "gaeld.yaml:13:13: error: 'languages[1]' skal være en tekst, men YAML læser den som felter (navn: værdi); sæt værdien i anførselstegn",
            id="text-read-as-fields",
        ),
        pytest.param(
            "keywords:",
            "gaeld.yaml:13:10: error: 'keywords' er tom;",
            id="empty-list",
        ),
        pytest.param(
            "yes: x",
            "gaeld.yaml:13:1: error: ukendt felt 'yes'",
            id="key-as-written",
        ),
    ],
)
def test_bad_value_gets_danish_message_at_its_line(project, write, line, expected):
    lines = [x for x in OFFER.strip().split("\n") if x.split(":")[0] != line.split(":")[0]]
    text = "\n".join(lines) + "\n"
    # Replace rather than duplicate a field, keeping the new line at line 13.
    write("catalogue/offers/gaeld.yaml", text + "\n" * (12 - len(lines)) + line + "\n")
    found = check(project)
    assert any(expected in x for x in found), "\n".join(found)
    assert not any(re.search(r"[a-z] (is|out of|must|should) ", x) for x in found), found


@pytest.mark.parametrize("day", ["1900-01-01", "1969-12-31", "2100-12-31"])
def test_dates_at_the_edges_build(project, write, tmp_path, day):
    (project / "catalogue/offers/virksomhedspraktik.yaml").unlink()
    write("catalogue/offers/gaeld.yaml", OFFER + f"updated: {day}\n")
    site = build(project, tmp_path)
    assert f'<time datetime="{day}">' in (site / "tilbud/gaeld/index.html").read_text("utf-8")
    assert (site / "sitemap.xml.gz").is_file()


@pytest.mark.parametrize(
    "value, expected",
    [
        ("yes", None),
        ("False", None),
        ("ja", "eksempel-mentor.yaml:14:12: error: 'available' skal være true (ja) eller false (nej), uden anførselstegn"),
        ('"true"', "eksempel-mentor.yaml:14:12: error: 'available' skal være true (ja) eller false (nej), uden anførselstegn"),
        ("1", "eksempel-mentor.yaml:14:12: error: 'available' skal være true (ja) eller false (nej)"),
    ],
)  # fmt: skip
def test_yes_no_fields_take_yaml_booleans_only(project, value, expected):
    path = project / "catalogue/mentors/eksempel-mentor.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.split("\n")[13] == "available: true"
    path.write_text(text.replace("available: true", f"available: {value}"), encoding="utf-8")
    errors = [x for x in check(project) if ": error: " in x]
    assert errors == ([] if expected is None else [f"catalogue/mentors/{expected}"])


def test_id_index_is_reserved(project, write):
    write("catalogue/offers/index.yaml", OFFER)
    set_settings(project, "  - id: trivsel\n", "  - id: index\n")
    found = check(project)
    assert (
        "catalogue/offers/index.yaml: error: id'et 'index' er reserveret til oversigtssiden og kan ikke bruges som filnavn; omdøb filen"
        in found
    )
    assert any(
        x.startswith("catalogue/settings.yaml:")
        and "'themes[2].id': id'et 'index' er reserveret til oversigtssiderne" in x
        for x in found
    ), found


def test_numbers_as_ids_build_when_they_exist(project, write, tmp_path):
    set_settings(project, "  - id: trivsel\n", "  - id: 123\n    label: 2026\n  - id: trivsel\n")
    write("catalogue/offers/999.yaml", OFFER.replace("[trivsel]", "[123]"))
    write("catalogue/offers/gaeld.yaml", OFFER + "related: [999]\n")
    site = build(project, tmp_path)
    assert "<h1>2026</h1>" in (site / "temaer/123/index.html").read_text(encoding="utf-8")
    page = (site / "tilbud/gaeld/index.html").read_text(encoding="utf-8")
    assert 'href="../999/"' in page


def test_site_url_without_slash_is_normalised(project, tmp_path):
    set_settings(project, "url: https://tilbud.example.dk/", "url: https://tilbud.example.dk")
    site = build(project, tmp_path)
    export = json.loads((site / "data/catalogue.json").read_text(encoding="utf-8"))
    assert export["municipality"]["url"] == "https://tilbud.example.dk/"


@pytest.mark.parametrize(
    "old, new, expected",
    [
        pytest.param(
            "phone: 070112244",
            "email: a@b.dk?bcc=x@y.dk",
            "gaeld.yaml:12:10: error: 'a@b.dk?bcc=x@y.dk' er ikke gyldig i 'contact.email': den skal være en e-mailadresse som navn@kommune.dk",
            id="mailto-injection",
        ),
        pytest.param(
            "phone: 070112244",
            'email: "a b@c.dk"',
            "gaeld.yaml:12:10: error: 'a b@c.dk' er ikke gyldig i 'contact.email'",
            id="space",
        ),
        pytest.param(
            "phone: 070112244",
            "email: a@b.dk&subject=x",
            "gaeld.yaml:12:10: error: 'a@b.dk&subject=x' er ikke gyldig i 'contact.email'",
            id="ampersand",
        ),
        pytest.param(
            "phone: 070112244",
            "email: a%3Fbcc@b.dk",
            "gaeld.yaml:12:10: error: 'a%3Fbcc@b.dk' er ikke gyldig i 'contact.email'",
            id="percent-escape",
        ),
    ],
)
def test_emails_are_strict(project, write, old, new, expected):
    write("catalogue/offers/gaeld.yaml", OFFER.replace(old, new))
    assert any(expected in x for x in check(project)), check(project)


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            'phone: "70 00 00 00"',
            'phone: "javascript:alert(1)"',
            "settings.yaml:7:12: error: 'javascript:alert(1)' er ikke gyldig i 'municipality.contact.phone'",
        ),
        (
            "email: jobcenter@example.dk",
            "email: javascript:alert(1)",
            "settings.yaml:8:12: error: 'javascript:alert(1)' er ikke gyldig i 'municipality.contact.email'",
        ),
        (
            "email: jobcenter@example.dk",
            "email: jobcenter@example.dk?bcc=x@y.dk",
            "settings.yaml:8:12: error: 'jobcenter@example.dk?bcc=x@y.dk' er ikke gyldig i 'municipality.contact.email'",
        ),
    ],
)
def test_municipality_contact_is_validated_like_offer_contacts(project, old, new, expected):
    set_settings(project, old, new)
    assert any(expected in x for x in check(project)), check(project)


def test_text_on_any_access_colour_reaches_aa(project):
    """The badge's text and symbol are black or white, whichever reads better: always 4.5:1."""
    for colour in ("#777777", "#808080", "#ff0000", "#0000ff", "#ffffff", "#000000", "#767676"):
        set_settings(project, 'colour: "#8fd19e"', f'colour: "{colour}"')
        catalogue, report = load_catalogue(project)
        assert catalogue is not None, report.lines()
        rule = re.search(
            r'\[data-access="direkte"\] \{ --vifte-access: (#\w+); --vifte-access-text: (#\w+); \}',
            colours_css(catalogue.settings),
        )
        assert rule and rule[1] == colour
        assert contrast(rule[1], rule[2]) >= 4.5, colour
        set_settings(project, f'colour: "{colour}"', 'colour: "#8fd19e"')


def test_related_file_with_yaml_errors_is_no_unknown_offer(project, write):
    write("catalogue/offers/budget.yaml", "title: [\n")
    write("catalogue/offers/gaeld.yaml", OFFER + "related: [budget]\n")
    found = check(project)
    assert not any("ukendt tilbud" in x for x in found), found
    assert (
        'catalogue/offers/gaeld.yaml:13:11: warning: tilbuddet "budget" har selv fejl (se catalogue/offers/budget.yaml); ret dem først'
        in found
    )
    assert any(x.startswith("catalogue/offers/budget.yaml:2:1: error:") for x in found), found


def test_long_values_are_cut_in_messages(project, write):
    huge = "x" * 900_000
    write(
        "catalogue/offers/gaeld.yaml",
        OFFER.replace("[trivsel]", f"[{huge[:90_000]}]") + f"kind: {huge}\n",
    )
    found = check(project)
    assert any(f"'{'x' * 79}…' er ikke en gyldig værdi i 'kind'" in x for x in found), found
    assert any(f'ukendt tema "{"x" * 79}…"' in x for x in found), found
    assert sum(len(x) for x in found) < 3000


PATHOLOGICAL = {
    "nested-brackets": "[" * 20_000,
    "half-closed-brackets": "[" * 10_000 + "]" * 10_000,
    "images": "![" * 10_000,
    "open-links": "[a](" * 5_000,
    "unclosed-links": "[a](b " * 3_333,
    "nested-quotes": ">" * 20_000,
    "abbreviations": "*[a]: b\n" * 2_500,
}


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_no_text_within_the_limits_takes_a_second_to_render(text):
    assert len(text) <= 20_000
    start = time.process_time()
    render_markdown(text)
    assert time.process_time() - start < 1.0


def test_nineteen_thousand_brackets_build(project, write, tmp_path):
    brackets = "[" * 19_000
    write(
        "catalogue/offers/gaeld.yaml",
        OFFER.replace("  Du kan få hjælp til din gæld.", "  " + brackets),
    )
    start = time.process_time()
    site = build(project, tmp_path)
    assert time.process_time() - start < 20
    assert brackets in (site / "tilbud/gaeld/index.html").read_text(encoding="utf-8")


def test_explicit_tags_with_odd_values_stay_text(project, write):
    write(
        "catalogue/offers/gaeld.yaml",
        OFFER.replace("title: Gældsrådgivning", "title: !!bool maybe")
        + "waiting_time: !!timestamp snart\ncapacity: !!int 0700\n",
    )
    catalogue, report = load_catalogue(project)
    assert catalogue is not None, report.lines()
    offer = catalogue.offer_by_id["gaeld"]
    assert (offer.title, offer.waiting_time, offer.capacity) == ("maybe", "snart", "0700")


def test_lists_nested_too_deep_to_render_whole_are_refused(project, write):
    deep = "".join("    " * i + f"- punkt {i}\n" for i in range(10))
    indented = "".join("  " + line + "\n" for line in deep.splitlines())
    write("catalogue/offers/gaeld.yaml", OFFER + "professional: |\n" + indented)
    found = check(project)
    assert (
        "catalogue/offers/gaeld.yaml:13:15: error: 'professional': teksten har lister eller citater (>) i så mange lag inden i hinanden, at en del af den ville forsvinde; skriv den med færre lag"
        in found
    ), found
    shallower = "".join("  " + line + "\n" for line in deep.splitlines()[:8])
    write("catalogue/offers/gaeld.yaml", OFFER + "professional: |\n" + shallower)
    assert [x for x in check(project) if ": error: " in x] == []
    assert "punkt 7" in render_markdown(textwrap.dedent(shallower))


def test_check_refuses_what_the_build_would_refuse(project, write, capsys):
    write(
        "catalogue/offers/gaeld.yaml",
        OFFER.replace("  Du kan", "  Se [mere](../findes-ikke/). Du kan"),
    )
    write("site_src/tilbud/virksomhedspraktik.md", "# Egen side\n")
    write("site_src/temaer.md", "# Temaer\n")
    write("site_src/ekstra.md", "# Ekstra\n\n<!-- vifte: ukendt -->\n")
    assert main(["check", "-p", str(project)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "catalogue/offers/gaeld.yaml:8:1: error: linket '../findes-ikke/' i 'description' peger på en side, der ikke findes",
        "site_src/ekstra.md:3:1: error: ukendt vifte-blok 'ukendt'; mulige blokke: temaer, omraader, maalgrupper, adgang, nyt, kommune",
        "site_src/temaer.md: error: siden har samme adresse som en side, vifte laver af kataloget (temaer/); omdøb eller flyt den",
        "site_src/tilbud/virksomhedspraktik.md: error: siden har samme adresse som en side, vifte laver af kataloget (tilbud/virksomhedspraktik/); omdøb eller flyt den",
    ]


def test_links_are_checked_as_they_will_be_published(project, write):
    text = (
        '  Se [budget][ref], <img src="mangler.png"> og ![foto](mangler.jpg).\n\n'
        "  [ref]: ../findes-ikke/\n"
    )
    write("catalogue/offers/gaeld.yaml", OFFER.replace("  Du kan få hjælp til din gæld.\n", text))
    assert [x for x in check(project) if ": error: " in x] == [
        "catalogue/offers/gaeld.yaml:10:1: error: linket '../findes-ikke/' i 'description' peger på en side, der ikke findes"
    ]


@pytest.mark.parametrize(
    "text",
    ["[](" * 6_666, "[" * 19_998 + "](", "[a](" * 5_000],
    ids=["empty-links", "brackets", "open-links"],
)
def test_checking_a_pathological_text_takes_under_a_second(project, write, text):
    write("catalogue/offers/gaeld.yaml", OFFER.replace("Du kan få hjælp til din gæld.", text))
    start = time.process_time()
    check(project)
    assert time.process_time() - start < 1.0
