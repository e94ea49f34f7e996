"""`vifte report oversaettelser`: per language, what is missing, stale or partly translated."""

from __future__ import annotations

from vifte.cli import main
from vifte.domain.translation import fingerprint
from vifte.source.validate import load_catalogue

from .test_translation_files import speaks


def report(project, capsys) -> str:
    assert main(["report", "oversaettelser", "-p", str(project)]) == 0
    return capsys.readouterr().out


def test_each_language_says_what_is_missing_stale_and_partial(project, write, capsys):
    speaks(project)
    catalogue, _ = load_catalogue(project)
    assert catalogue is not None
    now = fingerprint(catalogue.offer_by_id["virksomhedspraktik"])
    write(
        "catalogue/offers/virksomhedspraktik.en.yaml",
        "title: Work placement\ntranslated_from: 0123456789ab\n",
    )
    write("catalogue/mentors/eksempel-mentor.uk.yaml", "role: Ментор\n")
    text = report(project, capsys)
    english, ukrainian = text.split("\nEngelsk (en): ")[1].split("\nUkrainsk (uk): ")
    assert english.startswith("1 af 3 oversat; 2 mangler, 1 fra en ældre dansk tekst, 1 delvis")
    assert "    mentor: Kim Eksempel (catalogue/mentors/eksempel-mentor.yaml)\n" in english
    assert (
        "    tilbud: Virksomhedspraktik (catalogue/offers/virksomhedspraktik.en.yaml); "
        f"skriv translated_from: {now}\n"
    ) in english
    assert "virksomhedspraktik.en.yaml): summary, description\n" in english
    assert "    areas: beskaeftigelse, social, sundhed\n" in english
    assert ukrainian.startswith("1 af 3 oversat; 2 mangler, 0 fra en ældre dansk tekst, 1 delvis")
    assert (
        "    tilbud: Virksomhedspraktik (catalogue/offers/virksomhedspraktik.yaml)\n" in ukrainian
    )
    assert "eksempel-mentor.uk.yaml); skriv translated_from: " in ukrainian
    assert "eksempel-mentor.uk.yaml): about, competences\n" in ukrainian


def test_a_draft_is_not_listed_and_terms_translated_are_not(project, capsys):
    speaks(project, "[en]")
    offer = project / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text("status: draft\n" + offer.read_text(encoding="utf-8"), encoding="utf-8")
    settings = project / "catalogue/settings.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(
            "    label: Socialområdet\n",
            "    label: Socialområdet\n    translations: {en: {label: Social}}\n",
        ),
        encoding="utf-8",
    )
    text = report(project, capsys)
    assert "Virksomhedspraktik" not in text
    assert "Engelsk (en): 0 af 2 oversat; 2 mangler" in text
    assert "    areas: beskaeftigelse, sundhed\n" in text


def test_a_danish_only_site_says_how_to_add_languages(project, capsys):
    assert "settings.yaml har ingen languages" in report(project, capsys)
