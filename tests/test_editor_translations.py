"""The editor's view of an item's translations: each translatable field's Danish text beside
each language's, and a translation made from an older Danish text marked (editor/translations_view.py)."""

from __future__ import annotations

import pytest

from vifte.domain.translation import fingerprint
from vifte.editor.translations_view import translations_of
from vifte.source.project import Project
from vifte.source.validate import require_catalogue

OFFER = "catalogue/offers/virksomhedspraktik.yaml"


def languages(project, codes: str) -> None:
    settings = project / "catalogue/settings.yaml"
    settings.write_text(
        f"languages: [{codes}]\n" + settings.read_text(encoding="utf-8"), encoding="utf-8"
    )


def stamp(project, collection: str = "offers", slug: str = "virksomhedspraktik") -> str:
    catalogue, _ = require_catalogue(project)
    return fingerprint(catalogue.by_id(collection)[slug])


def test_each_translation_beside_the_danish_text_and_a_missing_language_said(project, write):
    languages(project, "en, uk")
    write(
        "catalogue/offers/virksomhedspraktik.en.yaml",
        f"""
        translated_from: {stamp(project)}
        title: Work placement
        keywords: [placement, trial]
        """,
    )
    view = translations_of(Project.at(project), "offers", "virksomhedspraktik")
    assert [(lang["code"], lang["name"], lang["stale"]) for lang in view["languages"]] == [
        ("en", "Engelsk", False),
        ("uk", "Ukrainsk", None),
    ]
    assert view["languages"][0]["file"] == "catalogue/offers/virksomhedspraktik.en.yaml"
    assert view["languages"][1]["file"] is None
    assert view["fields"]["title"] == {"da": "Virksomhedspraktik", "en": "Work placement"}
    assert view["fields"]["keywords"]["en"] == ["placement", "trial"]
    summary = view["fields"]["summary"]
    assert summary == {"da": "Prøv kræfter med et job på en arbejdsplads i nogle uger."}
    assert "contact" not in view["fields"] and "area" not in view["fields"]  # no citizen text
    assert view["words"]["stale"] == "Oversat fra en ældre dansk tekst; ret oversættelsen"


def test_a_translation_made_from_an_older_danish_text_is_marked(project, write):
    languages(project, "en, ar")
    old = stamp(project)
    write("catalogue/offers/virksomhedspraktik.en.yaml", f"translated_from: {old}\ntitle: Work\n")
    write("catalogue/offers/virksomhedspraktik.ar.yaml", "title: تدريب\n")  # no fingerprint
    offer = project / OFFER
    offer.write_text(
        offer.read_text(encoding="utf-8").replace("i nogle uger.", "i fire uger."), encoding="utf-8"
    )
    view = translations_of(Project.at(project), "offers", "virksomhedspraktik")
    assert view["fingerprint"] == stamp(project) != old
    by_code = {lang["code"]: lang for lang in view["languages"]}
    assert by_code["en"]["stale"] is True and by_code["en"]["translated_from"] == old
    assert by_code["ar"]["stale"] is None  # cannot be told without translated_from


def test_a_draft_with_errors_still_shows_its_texts(project, write):
    languages(project, "en")
    write(
        "catalogue/offers/ny.yaml",
        "title: Nyt tilbud\nsummary: Halvt færdig.\nstatus: draft\n",
    )
    write("catalogue/offers/ny.en.yaml", "translated_from: 0123456789ab\ntitle: New offer\n")
    view = translations_of(Project.at(project), "offers", "ny")
    assert view["fields"]["title"] == {"da": "Nyt tilbud", "en": "New offer"}
    assert view["fingerprint"] is None and view["languages"][0]["stale"] is None


def test_goals_are_shown_at_their_place_in_the_form(project, write):
    languages(project, "en")
    write(
        "strategy/plan-2027.md",
        """
        ---
        title: Plan 2027
        kind: plan
        period: "2027"
        status: draft
        summary: Planen siger, hvad vi vil nå.
        goals:
          - {id: m1, title: Flere i job., origin: local, status: on_track}
          - {id: m2, title: Flere unge i uddannelse., origin: local, status: on_track}
        ---
        Teksten.
        """,
    )
    write(
        "strategy/plan-2027.en.md",
        """
        ---
        title: Plan 2027
        goals: {m2: {title: More young people in education.}}
        ---
        The text.
        """,
    )
    view = translations_of(Project.at(project), "strategy", "plan-2027")
    assert view["fields"]["goals.1.title"] == {
        "da": "Flere unge i uddannelse.",
        "en": "More young people in education.",
    }
    assert view["fields"]["goals.0.title"] == {"da": "Flere i job."}
    body = [path for path, texts in view["fields"].items() if texts.get("en") == "The text.\n"]
    assert len(body) == 1 and view["fields"][body[0]]["da"] == "Teksten.\n"


def test_a_site_in_danish_only_has_no_translations_until_a_file_has_one(project, write):
    view = translations_of(Project.at(project), "offers", "virksomhedspraktik")
    assert view["languages"] == [] and view["fields"] == {}
    # A file in a language settings.yaml does not list yet (vifte check says so) is shown too.
    write("catalogue/offers/virksomhedspraktik.en.yaml", "title: Work placement\n")
    view = translations_of(Project.at(project), "offers", "virksomhedspraktik")
    assert [lang["code"] for lang in view["languages"]] == ["en"]
    assert view["fields"]["title"]["en"] == "Work placement"


@pytest.mark.parametrize(
    ("collection", "slug"),
    [
        ("offers", "findes-ikke"),
        ("tilbud", "virksomhedspraktik"),
        ("offers", "../settings"),
        ("offers", "virksomhedspraktik.en"),
        ("offers", "/etc/passwd"),
    ],
)
def test_an_unknown_item_or_a_path_has_nothing(project, write, collection, slug):
    languages(project, "en")
    write("catalogue/offers/virksomhedspraktik.en.yaml", "title: Work placement\n")
    known = translations_of(Project.at(project), "offers", "virksomhedspraktik")
    assert known["fields"]["title"]["en"] == "Work placement"
    view = translations_of(Project.at(project), collection, slug)
    assert view == {"languages": [], "fields": {}}
