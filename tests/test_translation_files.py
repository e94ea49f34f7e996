"""Translation files are checked like the items they translate: every problem at file:line, in
one run, on a project made with `vifte init` (decision 50)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vifte.cli import main
from vifte.domain.translation import fingerprint
from vifte.source.validate import load_catalogue

STRATEGY = """
---
title: Plan for job
kind: plan
period: "2026"
status: adopted
adopted: {date: 2026-01-15, by: Byrådet}
summary: Sådan vil kommunen hjælpe flere i job.
goals:
  - id: m1
    title: Flere skal i job.
    origin: local
    status: on_track
    offers: [virksomhedspraktik]
---
Planen er kort.
"""


def speaks(project: Path, languages: str = "[en, uk]") -> None:
    """Give a fresh project's settings.yaml a `languages:` line."""
    settings = project / "catalogue/settings.yaml"
    settings.write_text(
        f"languages: {languages}\n" + settings.read_text(encoding="utf-8"), encoding="utf-8"
    )


def lines(project: Path) -> list[str]:
    return load_catalogue(project)[1].lines()


def test_a_good_translation_reaches_the_catalogue(project, write):
    speaks(project)
    write(
        "catalogue/offers/virksomhedspraktik.en.yaml",
        """
        title: "  Work placement  "
        summary: Try a job at a workplace for a few weeks.
        keywords: [internship, placement]
        """,
    )
    catalogue, report = load_catalogue(project)
    assert catalogue is not None, report.lines()
    texts = catalogue.translations["en"]["offers"]["virksomhedspraktik"].texts
    assert texts == {
        "title": "Work placement",
        "summary": "Try a job at a workplace for a few weeks.",
        "keywords": ["internship", "placement"],
    }
    assert catalogue.in_language("en").offer_by_id["virksomhedspraktik"].title == "Work placement"


def test_every_problem_of_every_translation_in_one_run(project, write):
    speaks(project)
    write(
        "catalogue/offers/virksomhedspraktik.en.yaml",
        f"""
        title: [Work, placement]
        summary: {"x" * 201}
        area: sundhed
        location: {{city: Byen}}
        translated_from: not-a-print
        description: "Read [more](../findes-ikke/)."
        keywords: internship
        """,
    )
    write(
        "catalogue/mentors/eksempel-mentor.uk.yaml",
        f'role: Ментор\ncompetences: []\nabout: "{">" * 40} deep"\n',
    )
    cafe = project / "catalogue/enterprises/eksempel-cafe.yaml"  # the Danish file's own error
    cafe.write_text(cafe.read_text(encoding="utf-8") + "colour: red\n", encoding="utf-8")
    write("catalogue/enterprises/eksempel-cafe.en.yaml", "- a list\n- not fields\n")
    write("catalogue/offers/virksomhedspraktik.uk.yaml", "title: Праця\u0007\n")
    write("catalogue/offers/findes-ikke.en.yaml", "title: Nothing\n")
    write("catalogue/offers/virksomhedspraktk.en.yaml", "title: Typo\n")
    write("catalogue/offers/virksomhedspraktik.EN.yaml", "title: Capitals\n")
    write("catalogue/offers/virksomhedspraktik.fr.yaml", "title: Stage\n")
    found = lines(project)
    for expected in (
        "offers/virksomhedspraktik.en.yaml:1:8: error: 'title' skal være en tekst",
        "offers/virksomhedspraktik.en.yaml:2:10: error: 'summary' er for lang (201 tegn); "
        "den må højst være 200 tegn",
        "offers/virksomhedspraktik.en.yaml:3:1: error: 'area' kan ikke oversættes",
        "offers/virksomhedspraktik.en.yaml:4:12: error: 'location.city' kan ikke oversættes",
        "offers/virksomhedspraktik.en.yaml:5:18: error: 'not-a-print' er ikke gyldig i "
        "'translated_from'",
        "offers/virksomhedspraktik.en.yaml:7:11: error: 'keywords' skal være en liste",
        "mentors/eksempel-mentor.uk.yaml:2:14: error: 'competences' skal have mindst 1 punkt",
        "mentors/eksempel-mentor.uk.yaml:3:8: error: 'about': teksten har lister eller citater",
        "enterprises/eksempel-cafe.yaml:",
        "enterprises/eksempel-cafe.en.yaml:1:1: error: filen skal bestå af felter",
        "offers/virksomhedspraktik.uk.yaml:1:13: error: teksten indeholder et tegn",
        "offers/findes-ikke.en.yaml: error: der er intet tilbud med id'et 'findes-ikke'",
        "offers/virksomhedspraktk.en.yaml: error: der er intet tilbud med id'et "
        "'virksomhedspraktk' at oversætte — mente du \"virksomhedspraktik\"?",
        "offers/virksomhedspraktik.EN.yaml: error: filnavnet er ikke et gyldigt id",
        "offers/virksomhedspraktik.fr.yaml: error: sproget 'fr' står ikke under languages "
        "i settings.yaml (der står: en, uk)",
    ):
        assert any(line.startswith(f"catalogue/{expected}") for line in found), (expected, found)
    assert any("U+0007" in line and "virksomhedspraktik.uk.yaml" in line for line in found)
    assert any("EN.yaml" in line and "fx 'virksomhedspraktik.en.yaml'" in line for line in found), (
        found
    )


def test_a_translated_link_is_checked_like_the_danish_one(project, write):
    speaks(project)
    write(
        "catalogue/offers/virksomhedspraktik.en.yaml",
        """
        title: Work placement
        description: |
          You work at a real workplace.

          Read [more](../findes-ikke/) or [about mentors](../../mentorer/).
        """,
    )
    assert [line for line in lines(project) if "error" in line] == [
        "catalogue/offers/virksomhedspraktik.en.yaml:5:1: error: linket '../findes-ikke/' i "
        "'description' peger på en side, der ikke findes"
    ]


def test_goals_are_translated_by_the_ids_the_document_has(project, write):
    speaks(project)
    write("strategy/plan.md", STRATEGY)
    write(
        "strategy/plan.en.md",
        """
        ---
        title: Plan for jobs
        goals:
          m1: {title: More people in work.}
          m9: {title: A goal the plan does not have.}
          m1x: {origin: local}
        ---
        The plan is short.
        """,
    )
    found = lines(project)
    assert (
        "strategy/plan.en.md:5:3: error: 'goals' har intet med id'et 'm9'; ids i den danske fil: m1"
        in found
    )
    assert any(
        line.startswith("strategy/plan.en.md:6:9: error: 'goals.m1x.origin' kan ikke oversættes")
        for line in found
    ), found
    (project / "strategy/plan.en.md").write_text(
        "---\ngoals:\n  m1: {title: More people in work.}\n---\nThe plan is short.\n", "utf-8"
    )
    catalogue, report = load_catalogue(project)
    assert catalogue is not None, report.lines()
    english = catalogue.in_language("en").strategy_by_id["plan"]
    assert english.goals[0].title == "More people in work."
    assert english.body == "The plan is short.\n"


def test_odd_files_are_named_not_crashed_on(project, write):
    speaks(project)
    write("catalogue/offers/virksomhedspraktik.en.yaml", "")
    write("catalogue/mentors/eksempel-mentor.en.yaml", "translated_from: 0123456789ab\n")
    write("strategy/plan.md", STRATEGY)
    write("strategy/plan.en.md", "---\nbody: no\n---\n")
    write("catalogue/enterprises/eksempel-cafe.en.yaml", "industry: yes\nindustry: no\n")
    found = lines(project)
    nothing = "filen oversætter ingen tekster endnu"
    assert (
        "catalogue/offers/virksomhedspraktik.en.yaml:1:1: error: filen er tom; den skal "
        "indeholde felter som 'navn: værdi'"
    ) in found
    assert any(
        line.startswith("catalogue/mentors/eksempel-mentor.en.yaml:1:1: warning: " + nothing)
        for line in found
    ), found
    assert any(
        line.startswith("strategy/plan.en.md:2:1: error: feltet 'body' skrives ikke i forsiden")
        for line in found
    ), found
    assert any(
        line.startswith("catalogue/enterprises/eksempel-cafe.en.yaml:2:") and "to gange" in line
        for line in found
    ), found


def test_yes_and_numbers_stay_as_written(project, write):
    speaks(project)
    write("catalogue/offers/virksomhedspraktik.en.yaml", "title: yes\nschedule: {start: 9:30}\n")
    catalogue, report = load_catalogue(project)
    assert catalogue is not None, report.lines()
    texts = catalogue.translations["en"]["offers"]["virksomhedspraktik"].texts
    assert texts["title"] == "yes"
    assert texts["schedule"] == {"start": "9:30"}
    assert any("den danske fil har ingen 'schedule.start'" in line for line in report.lines())


def test_a_translation_of_a_draft_is_checked_as_a_draft(project, write):
    speaks(project)
    offer = project / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text("status: draft\n" + offer.read_text(encoding="utf-8"), encoding="utf-8")
    write("catalogue/offers/virksomhedspraktik.en.yaml", "title: [no]\narea: x\n")
    catalogue, report = load_catalogue(project)
    assert catalogue is not None, report.lines()
    assert report.errors == []
    mine = [line for line in report.lines() if "virksomhedspraktik.en.yaml" in line]
    assert len(mine) == 2 and all(": warning: kladde: " in line for line in mine), mine
    assert "virksomhedspraktik" not in catalogue.translations.get("en", {}).get("offers", {})


def test_a_changed_danish_text_is_a_warning_at_translated_from(project, write):
    speaks(project)
    catalogue, _ = load_catalogue(project)
    assert catalogue is not None
    now = fingerprint(catalogue.offer_by_id["virksomhedspraktik"])
    write(
        "catalogue/offers/virksomhedspraktik.en.yaml",
        "title: Work placement\ntranslated_from: 0123456789ab\n",
    )
    assert (
        "catalogue/offers/virksomhedspraktik.en.yaml:2:18: warning: den danske tekst er ændret, "
        f"siden oversættelsen blev lavet; ret oversættelsen og skriv translated_from: {now}"
    ) in lines(project)


def test_settings_translations_only_in_listed_languages(project):
    speaks(project, "[en]")
    settings = project / "catalogue/settings.yaml"
    text = settings.read_text(encoding="utf-8").replace(
        "    label: Socialområdet\n",
        "    label: Socialområdet\n    translations:\n      en: {label: Social}\n"
        "      uk: {label: Соціальна сфера}\n",
    )
    settings.write_text(text, encoding="utf-8")
    line = text.split("\n").index("      uk: {label: Соціальна сфера}") + 1
    assert any(
        entry.startswith(
            f"catalogue/settings.yaml:{line}:7: error: sproget 'uk' står ikke under "
            "languages (der står: en)"
        )
        for entry in lines(project)
    ), lines(project)


def test_check_refuses_an_unknown_language_with_the_list_it_knows(project, capsys):
    speaks(project, "[en, xx]")
    assert main(["check", "-p", str(project)]) == 1
    out = capsys.readouterr().out
    assert "catalogue/settings.yaml:1:" in out
    assert "vifte har ikke sine egne ord på sproget 'xx'; det kender ar, en, uk" in out


@pytest.mark.parametrize("written", ["[EN]", "[english]"])
def test_a_language_written_otherwise_than_as_a_code_is_explained_in_words(
    project, capsys, written
):
    speaks(project, written)
    assert main(["check", "-p", str(project)]) == 1
    out = capsys.readouterr().out
    assert "skal være en sprogkode med to små bogstaver, fx en (engelsk)" in out
    assert "mønster" not in out and "[a-z]" not in out


HARD = (
    "Occupational rehabilitation interventions necessitate comprehensive "
    "interdisciplinary coordination between municipal administrations after visitation."
)


@pytest.mark.parametrize("translated", [True, False], ids=["translation", "danish"])
def test_plain_language_is_measured_in_danish_only(project, write, capsys, translated):
    """The same hard text (LIX and the jargon word "visitation") is warned about in the Danish
    file, never in a translation."""
    speaks(project)
    if translated:
        path = write("catalogue/offers/virksomhedspraktik.en.yaml", f"description: {HARD}\n")
    else:
        path = project / "catalogue/offers/virksomhedspraktik.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("description: |\n", f"description: |\n  {HARD}\n"), "utf-8")
    assert main(["check", "-p", str(project)]) == 0
    mine = [x for x in capsys.readouterr().out.splitlines() if path.name in x]
    warned = any("LIX" in x for x in mine) and any("fagordet 'visitation'" in x for x in mine)
    assert warned or mine == []
    assert main(["report", "lix", "-p", str(project)]) == 0
    listed = path.name in capsys.readouterr().out
    assert (warned, listed) == (not translated, not translated)


def test_hostile_text_in_a_translation_stays_text_on_the_page(project, write, tmp_path):
    """A translation goes through the same escaping and sanitising as the Danish text."""
    from vifte.mkdocs.build import build_site

    speaks(project, "[en]")
    write(
        "catalogue/offers/virksomhedspraktik.en.yaml",
        """
        title: "Work <script>alert('t')</script> placement"
        description: |
          You work <img src=x onerror="alert('d')"> at a <script>alert('s')</script> workplace.

          [Click](javascript:alert('l'))
        """,
    )
    site = build_site(project / "mkdocs.yml", tmp_path / "site", language="en")
    pages = [
        p.read_text(encoding="utf-8")
        for p in site.rglob("tilbud/virksomhedspraktik/index.html")
        if "Work &lt;script&gt;" in p.read_text(encoding="utf-8")
    ]
    assert pages, "no English page of the offer"
    for page in pages:
        assert "<script>alert" not in page
        assert "onerror" not in page and "javascript:" not in page
        assert "at a  workplace." in page or "at a workplace." in page
