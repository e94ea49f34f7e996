"""`vifte new oversaettelse tilbud/<id> en` starts a translation file from an item (decision 50)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from vifte.cli import main
from vifte.domain.translation import fingerprint
from vifte.source.validate import load_catalogue

from .test_translation_files import STRATEGY, speaks


def new(project: Path, *args: str) -> int:
    return main(["new", "oversaettelse", *args, "-p", str(project)])


def test_a_new_translation_starts_from_the_danish_texts(project, capsys):
    speaks(project)
    catalogue, _ = load_catalogue(project)
    assert catalogue is not None
    offer = catalogue.offer_by_id["virksomhedspraktik"]
    assert new(project, "tilbud/virksomhedspraktik", "en") == 0
    path = project / "catalogue/offers/virksomhedspraktik.en.yaml"
    assert f"Oprettet {path}" in capsys.readouterr().out
    text = path.read_text(encoding="utf-8")
    assert f"\ntranslated_from: {fingerprint(offer)}\n" in text
    assert '# Dansk: Virksomhedspraktik\n# title: ""\n' in text
    assert "#   I en praktik arbejder du på en rigtig arbejdsplads." in text
    assert "professional" not in text and "Jobcenteret" not in text  # not citizen texts
    assert text.startswith(
        "# yaml-language-server: $schema=../../schema/offer-translation.schema.json"
    )
    # Untouched, it translates nothing: a warning, and the check passes.
    lines = load_catalogue(project)[1].lines()
    assert any(
        "virksomhedspraktik.en.yaml:1:1: warning: filen oversætter ingen" in x for x in lines
    )
    # The translator writes under the Danish text and takes away the '# '.
    path.write_text(text.replace('# title: ""', "title: Work placement"), encoding="utf-8")
    catalogue, report = load_catalogue(project)
    assert catalogue is not None, report.lines()
    assert [x for x in report.lines() if "virksomhedspraktik.en" in x] == []
    assert catalogue.in_language("en").offer_by_id["virksomhedspraktik"].title == "Work placement"


def test_a_strategy_document_gets_its_goals_by_id_and_its_body(project, write):
    speaks(project)
    write("strategy/plan.md", STRATEGY)
    assert new(project, "strategi/plan", "uk") == 0
    path = project / "strategy/plan.uk.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n") and text.endswith("---\n")
    assert '# goals:\n#   m1:\n    # Dansk: Flere skal i job.\n    # title: ""\n' in text
    assert "#   Planen er kort." in text
    filled = (
        text.replace("# goals:", "goals:")
        .replace("#   m1:", "  m1:")
        .replace('    # title: ""', "    title: Більше людей на роботі.")
    ) + "План коротка.\n"
    path.write_text(filled, encoding="utf-8")
    catalogue, report = load_catalogue(project)
    assert catalogue is not None, report.lines()
    assert [x for x in report.lines() if "plan.uk" in x] == []
    plan = catalogue.in_language("uk").strategy_by_id["plan"]
    assert plan.goals[0].title == "Більше людей на роботі."
    assert plan.body == "План коротка.\n"


@pytest.mark.parametrize(
    "args, message",
    [
        (["tilbud/findes-ikke", "en"], "der er intet tilbud med id'et 'findes-ikke'"),
        (["virksomhedspraktik", "en"], "skriv fx tilbud/<id> (mulige: tilbud/<id>, mentorer/<id>"),
        (
            ["tilbud/virksomhedspraktik", "ar"],
            "sproget 'ar' står ikke under languages i "
            "catalogue/settings.yaml (der står: en, uk); tilføj det dér, fx languages: [en, uk, ar]",
        ),
        (
            ["tilbud/virksomhedspraktik", "xx"],
            "vifte har ikke sine egne ord på sproget 'xx'; det kender ar, en, uk",
        ),
        (["tilbud/virksomhedspraktik"], "skriv sproget efter det, der skal oversættes"),
    ],
)
def test_refusals_are_danish_and_write_nothing(project, capsys, args, message):
    speaks(project)
    before = sorted(p.name for p in (project / "catalogue/offers").iterdir())
    assert new(project, *args) == 1
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in (project / "catalogue/offers").iterdir()) == before


def test_an_existing_translation_is_never_overwritten(project, write, capsys):
    speaks(project)
    path = write("catalogue/mentors/eksempel-mentor.en.yaml", "role: Mentor\n")
    assert new(project, "mentor/eksempel-mentor", "en") == 1
    assert "findes allerede" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "role: Mentor\n"


def test_an_item_with_errors_is_fixed_first(project, capsys):
    speaks(project)
    offer = project / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text(
        offer.read_text(encoding="utf-8").replace("area: beskaeftigelse\n", ""), "utf-8"
    )
    assert new(project, "catalogue/offers/virksomhedspraktik.yaml", "en") == 1
    assert re.search(r"virksomhedspraktik\.yaml har fejl; ret dem først", capsys.readouterr().err)


def test_editors_get_the_schema_of_translation_files(project):
    """The file `vifte new` writes names its schema, which takes what the check takes."""
    speaks(project)
    assert new(project, "tilbud/virksomhedspraktik", "en") == 0
    path = project / "catalogue/offers/virksomhedspraktik.en.yaml"
    named = path.read_text(encoding="utf-8").split("\n")[0].split("$schema=")[1]
    schema = json.loads((path.parent / named).read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    good = {"title": "Work placement", "location": {"accessibility": "Step-free"}}
    assert list(validator.iter_errors({**good, "translated_from": "0123456789ab"})) == []
    for bad in ({"area": "sundhed"}, {"summary": "x" * 201}, {"location": {"city": "X"}}):
        assert list(validator.iter_errors(bad)), bad
    settings = json.loads((project / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["schema/offer-translation.schema.json"] == (
        "catalogue/offers/*.??.yaml"
    )
    assert "!catalogue/offers/*.??.yaml" in settings["yaml.schemas"]["schema/offer.schema.json"]
