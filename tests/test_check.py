"""`vifte check`: every kind of bad input is reported with file, line, column and a plain message."""

from __future__ import annotations

from pathlib import Path

import pytest

from vifte.cli import main
from vifte.source.validate import load_catalogue

OFFER = """
title: Gældsrådgivning
area: beskaeftigelse
access: direkte
themes:
  - trivsel
target_groups:
  - jobparat
summary: Få hjælp til at lægge et budget og tale med dem, du skylder penge.
description: |
  Du kan få hjælp til din gæld.
provider:
  name: Jobcenteret
contact:
  phone: "70 00 00 09"
"""


def check(project: Path) -> list[str]:
    catalogue, report = load_catalogue(project)
    return report.lines()


def test_fresh_project_is_clean(project, capsys):
    assert main(["check", "-p", str(project)]) == 0
    assert "Alt i orden: 1 tilbud" in capsys.readouterr().err


def test_valid_offer_passes(project, write):
    write("catalogue/offers/gaeld.yaml", OFFER)
    assert [line for line in check(project) if "error" in line] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            OFFER.replace("  - trivsel", "  - trivsl"),
            'gaeld.yaml:5:5: error: ukendt tema "trivsl" — mente du "trivsel"?',
            id="unknown-theme",
        ),
        pytest.param(
            OFFER.replace("area: beskaeftigelse", "area: Beskæftigelse"),
            "gaeld.yaml:2:7: error: 'Beskæftigelse' er ikke gyldig i 'area'",
            id="id-pattern",
        ),
        pytest.param(
            OFFER.replace("area: beskaeftigelse", "area: sundhd"),
            'gaeld.yaml:2:7: error: ukendt område "sundhd" — mente du "sundhed"?',
            id="unknown-area",
        ),
        pytest.param(
            OFFER.replace("title: Gældsrådgivning\n", ""),
            "gaeld.yaml:1:1: error: feltet 'title' mangler",
            id="missing-title",
        ),
        pytest.param(
            OFFER.replace("title:", "titel:"),
            "gaeld.yaml:1:1: error: ukendt felt 'titel' — mente du \"title\"?",
            id="misspelt-key",
        ),
        pytest.param(
            OFFER.replace("themes:\n  - trivsel", "themes: trivsel"),
            "gaeld.yaml:4:9: error: 'themes' skal være en liste",
            id="wrong-type-list",
        ),
        pytest.param(
            OFFER.replace("themes:\n  - trivsel", "themes: []"),
            "gaeld.yaml:4:9: error: 'themes' skal have mindst 1 punkt",
            id="empty-list",
        ),
        pytest.param(
            OFFER.replace('  phone: "70 00 00 09"', "  name: Kim"),
            "gaeld.yaml:14:3: error: 'contact': kontakt skal have mindst et telefonnummer",
            id="contact-without-channel",
        ),
        pytest.param(
            OFFER.replace('"70 00 00 09"', '"ring til os"'),
            "gaeld.yaml:14:10: error: 'ring til os' er ikke gyldig i 'contact.phone'",
            id="bad-phone",
        ),
        pytest.param(
            OFFER + "kind: healt\n",
            "gaeld.yaml:15:7: error: 'healt' er ikke en gyldig værdi i 'kind' — mente du \"health\"?",
            id="bad-kind",
        ),
        pytest.param(
            OFFER + "updated: igår\n",
            "gaeld.yaml:15:10: error: 'updated' skal være en dato skrevet som ÅÅÅÅ-MM-DD",
            id="bad-date",
        ),
        pytest.param(
            OFFER.replace("summary: Få", "summary: " + "x" * 200 + " Få"),
            "gaeld.yaml:8:10: error: 'summary' er for lang",
            id="summary-too-long",
        ),
        pytest.param(
            OFFER + "related: [findes-ikke]\n",
            'gaeld.yaml:15:11: error: ukendt tilbud "findes-ikke"',
            id="unknown-related",
        ),
        pytest.param(
            OFFER + "enterprises: [eksempel-cafee]\n",
            'gaeld.yaml:15:15: error: ukendt virksomhed "eksempel-cafee" — mente du "eksempel-cafe"?',
            id="unknown-enterprise",
        ),
        pytest.param(
            OFFER + "id: noget\n",
            "gaeld.yaml:15:1: error: feltet 'id' skal ikke skrives",
            id="explicit-id",
        ),
        pytest.param(
            OFFER + "title: Igen\n",
            "gaeld.yaml:15:1: error: feltet 'title' står to gange",
            id="duplicate-key",
        ),
        pytest.param(
            OFFER.replace("title: Gældsrådgivning", "title: Gæld: hjælp"),
            "gaeld.yaml:1:12: error: der står et kolon (:)",
            id="yaml-colon",
        ),
        pytest.param(
            OFFER.replace("  - trivsel", "\t- trivsel"),
            "gaeld.yaml:5:1: error: linjen er rykket ind med et tabulatortegn",
            id="yaml-tab",
        ),
        pytest.param(
            OFFER + 'waiting_time: "2 uger\n',
            "gaeld.yaml:16:1: error: et anførselstegn eller en parentes bliver ikke lukket",
            id="yaml-unclosed-quote",
        ),
        pytest.param("", "gaeld.yaml:1:1: error: filen er tom", id="empty-file"),
        pytest.param(
            "# kun en kommentar\n", "gaeld.yaml:1:1: error: filen er tom", id="only-comment"
        ),
        pytest.param(
            "- en\n- liste\n",
            "gaeld.yaml:1:1: error: filen skal bestå af felter",
            id="not-a-mapping",
        ),
        pytest.param(
            OFFER + "extra: !!python/object:os.system {}\n",
            "gaeld.yaml:15:8: error: mærket 'tag:yaml.org,2002:python/object:os.system' er ikke tilladt",
            id="python-tag",
        ),
        pytest.param(
            OFFER + "a: &x [1]\nb: *x\n",
            "gaeld.yaml:15:4: error: YAML-ankre og -aliaser (&navn og *navn) er ikke tilladt",
            id="alias",
        ),
    ],
)
def test_bad_offer_is_reported_with_place(project, write, text, expected):
    write("catalogue/offers/gaeld.yaml", text)
    lines = check(project)
    assert any(line.startswith("catalogue/offers/") and expected in line for line in lines), (
        "\n".join(lines)
    )


def test_all_problems_in_one_run(project, write):
    write("catalogue/offers/a.yaml", OFFER.replace("  - trivsel", "  - trivsl"))
    write("catalogue/offers/b.yaml", OFFER.replace("area: beskaeftigelse", "area: x1"))
    write("catalogue/offers/c.yaml", "title: [")
    errors = [line for line in check(project) if ": error: " in line]
    assert {e.split(":")[0] for e in errors} == {
        "catalogue/offers/a.yaml",
        "catalogue/offers/b.yaml",
        "catalogue/offers/c.yaml",
    }


def test_non_utf8_file(project):
    path = project / "catalogue/offers/latin.yaml"
    path.write_bytes(
        OFFER.lstrip().replace("Gældsrådgivning", "G\xe6ldsr\xe5dgivning").encode("latin-1")
    )
    assert "catalogue/offers/latin.yaml:1:9: error: filen er ikke gemt som UTF-8" in "\n".join(
        check(project)
    )


def test_bom_and_crlf_are_accepted(project):
    path = project / "catalogue/offers/windows.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + OFFER.lstrip().replace("\n", "\r\n").encode("utf-8"))
    assert [line for line in check(project) if "error" in line] == []


def test_duplicate_ids(project, write):
    write("catalogue/offers/gaeld.yaml", OFFER)
    write("catalogue/offers/gaeld.yml", OFFER)
    assert any(
        "gaeld.yml: error: id'et 'gaeld' er brugt af to filer" in line for line in check(project)
    )


def test_duplicate_term_ids_in_settings(project):
    settings = project / "catalogue/settings.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("  - id: trivsel", "  - id: arbejdsliv"), encoding="utf-8")
    assert any(
        line.startswith("catalogue/settings.yaml:")
        and "id'et 'arbejdsliv' står to gange i 'themes'" in line
        for line in check(project)
    )


def test_bad_file_name(project, write):
    write("catalogue/offers/Gæld og budget.yaml", OFFER)
    assert any(
        "error: filnavnet er ikke et gyldigt id" in line and "gaeld-og-budget.yaml" in line
        for line in check(project)
    )


def test_symlink_outside_project_is_refused(project, tmp_path):
    outside = tmp_path / "secret.yaml"
    outside.write_text(OFFER, encoding="utf-8")
    (project / "catalogue/offers/link.yaml").symlink_to(outside)
    assert any("link.yaml: error: filen er en genvej (symlink)" in line for line in check(project))


def test_missing_settings(project):
    (project / "catalogue/settings.yaml").unlink()
    assert any(
        line.startswith("catalogue/settings.yaml: error: filen mangler") for line in check(project)
    )


def test_past_review_date_warns_but_passes(project, write, capsys):
    write("catalogue/offers/gaeld.yaml", OFFER + "review_by: 2020-01-31\n")
    assert main(["check", "-p", str(project)]) == 0
    out = capsys.readouterr().out
    assert (
        "catalogue/offers/gaeld.yaml:15:12: warning: teksten skulle have været gennemgået senest 2020-01-31"
        in out
    )


def test_check_exit_code_on_error(project, write, capsys):
    write("catalogue/offers/gaeld.yaml", OFFER.replace("  - trivsel", "  - trivsl"))
    assert main(["check", "-p", str(project)]) == 1
    captured = capsys.readouterr()
    assert 'ukendt tema "trivsl"' in captured.out
    assert "1 fejl" in captured.err


def test_missing_image(project, write):
    write(
        "catalogue/offers/gaeld.yaml", OFFER + "image:\n  file: mangler.jpg\n  alt: En kop kaffe\n"
    )
    assert any(
        "gaeld.yaml:16:9: error: billedet 'mangler.jpg' findes ikke" in line
        for line in check(project)
    )


def test_image_needs_alt(project, write):
    write("catalogue/offers/gaeld.yaml", OFFER + "image:\n  file: kaffe.jpg\n")
    assert any(
        "gaeld.yaml:16:3: error: feltet 'image.alt' mangler" in line for line in check(project)
    ), check(project)


def test_pale_area_colour_is_refused(project):
    settings = project / "catalogue/settings.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace('"#7a2a6b"', '"#f0f0f0"'), encoding="utf-8"
    )
    assert (
        "catalogue/settings.yaml:18:13: error: farven #f0f0f0 til 'social' er for lys til at ses mod den hvide side (1.1:1, kravet er 3:1); vælg en mørkere farve"
        in check(project)
    )


def test_text_on_every_colour_reaches_aa():
    from vifte.domain.colour import contrast, text_on

    for grey in range(0, 256, 5):
        colour = f"#{grey:02x}{grey:02x}{grey:02x}"
        assert contrast(colour, text_on(colour)) >= 4.5, colour


def test_links_are_checked_with_file_and_line(project, write, capsys):
    write(
        "catalogue/offers/gaeld.yaml",
        OFFER.replace(
            "  Du kan få hjælp til din gæld.\n",
            "  Du kan få hjælp til din gæld.\n  Se [praktik](../virksomhedspraktik/) og [budget](../budgetkursus/).\n",
        ),
    )
    write(
        "site_src/om.md",
        "# Om\n\nLæs [forsiden](index.md).\n\nSe [hjælp](hjaelp.md) og [tilbud](tilbud/index.md).\n",
    )
    assert main(["check", "-p", str(project)]) == 1
    assert main(["check", "--links", "-p", str(project)]) == 1
    out = capsys.readouterr().out
    assert (
        "catalogue/offers/gaeld.yaml:11:1: error: linket '../budgetkursus/' i 'description' peger på en side, der ikke findes"
        in out
    )
    assert (
        "site_src/om.md:5:12: error: linket 'hjaelp.md' peger på en side eller fil, der ikke findes"
        in out
    )
    assert (
        "virksomhedspraktik" not in out and "tilbud/index.md" not in out and "index.md'" not in out
    )


def test_comma_inside_flow_mapping_gets_a_hint(project, write):
    write(
        "catalogue/offers/gaeld.yaml",
        OFFER + "location: {address: Kulturhuset, Torvet 3, city: By}\n",
    )
    assert any(
        "gaeld.yaml:15:34: error: ukendt felt 'location.Torvet 3' (et komma inde i { } deler teksten; sæt teksten i anførselstegn)"
        in line
        for line in check(project)
    ), check(project)


def test_a_tab_does_not_hide_the_files_other_mistakes(project, write):
    """A tab-indented line, a missing summary and an unknown area: all three in one run, each at
    its line, and a value on the tab's line at its column in the file ("\\t- trivsl": 4)."""
    text = OFFER.replace("  - trivsel", "\t- trivsl").replace("area: beskaeftigelse", "area: x1")
    write(
        "catalogue/offers/gaeld.yaml", "\n".join(t for t in text.split("\n") if "summary" not in t)
    )
    lines = [line for line in check(project) if line.startswith("catalogue/offers/gaeld.yaml")]
    assert [line.split(": error: ")[0] for line in lines] == [
        "catalogue/offers/gaeld.yaml:1:1",
        "catalogue/offers/gaeld.yaml:2:7",
        "catalogue/offers/gaeld.yaml:5:1",
        "catalogue/offers/gaeld.yaml:5:4",
    ], "\n".join(lines)
    assert "'summary' mangler" in lines[0] and 'ukendt område "x1"' in lines[1]
    assert "tabulatortegn" in lines[2] and 'ukendt tema "trivsl"' in lines[3]


def test_a_tab_and_a_real_syntax_error_stay_one_error(project, write):
    """Where the file does not read even with spaces, the tab is reported as before."""
    write("catalogue/offers/gaeld.yaml", OFFER.replace("  - trivsel", "\t- [trivsel"))
    lines = [line for line in check(project) if line.startswith("catalogue/offers/gaeld.yaml")]
    assert len(lines) == 1 and "gaeld.yaml:5:1: error: linjen er rykket ind med et tab" in lines[0]
