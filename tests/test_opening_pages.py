"""Opening hours and "Det skal du have med" on the offer page, in English, on the printed card and
the offer's PDF, and never on a closed offer (decision 63)."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

import pikepdf
import pytest

from vifte.domain.edition import PUBLIC
from vifte.domain.opening import OpeningHours
from vifte.domain.opening_text import week_text
from vifte.domain.routes import CSV_PATH
from vifte.domain.words import speaking
from vifte.mkdocs.build import build_site
from vifte.output.brochures import _jobs
from vifte.output.pages import Renderer
from vifte.output.pdf import render_pdf
from vifte.source.validate import require_catalogue

from .opening_project import TODAY, opening_project
from .test_open_data import hsds  # noqa: F401 (the HSDS 3.0.1 validator fixture)
from .test_pdf import letters, text_of

WEEK = "mandag–torsdag 9.00–15.00, fredag 9.00–12.00"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = opening_project(tmp_path_factory.mktemp("opening") / "p")
    return root, build_site(root / "mkdocs.yml", root.parent / "site", today=TODAY)


def text(path: Path) -> str:
    page = path.read_text(encoding="utf-8")
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def test_the_offer_page_says_the_hours_in_words_and_what_to_bring(built):
    _, site = built
    page = text(site / "tilbud/virksomhedspraktik/index.html")
    assert f"Åbningstider {WEEK}" in page
    assert "Særlige dage: Lukket 24.12.2026–26.12.2026; 31.12.2026: 10.00–12.00" in page
    assert "02.11.2026" not in page  # a special day that is over is not shown
    assert "Ring gerne, før du kommer." in page
    assert "Det skal du have med Sygesikringskort Dit CV, hvis du har et" in page
    raw = (site / "tilbud/virksomhedspraktik/index.html").read_text(encoding="utf-8")
    assert 'src="../../assets/vifte/opening.js"' in raw


def test_the_english_page_has_english_days_and_its_translated_texts(built):
    _, site = built
    page = text(site / "en/tilbud/virksomhedspraktik/index.html")
    assert "Monday–Thursday 9.00–15.00, Friday 9.00–12.00" in page
    assert "Closed 24 December 2026–26 December 2026" in page
    assert "Feel free to call before you come." in page
    assert "What to bring Health insurance card Your CV, if you have one" in page


def test_a_closed_offer_shows_no_hours_and_loads_no_clock(built):
    _, site = built
    raw = (site / "tilbud/lukket-praktik/index.html").read_text(encoding="utf-8")
    assert "Åbningstider" not in raw and "opening.js" not in raw
    assert "Det skal du have med" in raw


@pytest.mark.parametrize(
    "language, expected",
    [
        ("da", "mandag–torsdag 9.00–15.00, fredag 9.00–12.00 og 13.00–14.30, søndag 10.00–12.00"),
        ("en", "Monday–Thursday 9.00–15.00, Friday 9.00–12.00 and 13.00–14.30, Sunday 10.00–12.00"),
        (
            "uk",
            "понеділок–четвер 9:00–15:00, пʼятниця 9:00–12:00 і 13:00–14:30, неділя 10:00–12:00",
        ),
        ("ar", "الاثنين–الخميس 9:00–15:00 والجمعة 9:00–12:00 و13:00–14:30 والأحد 10:00–12:00"),
    ],
)
def test_hours_in_words_in_every_language(language, expected):
    hours = OpeningHours.model_validate(
        {
            "week": [
                {
                    "days": ["thursday", "monday", "tuesday", "wednesday"],
                    "opens": "9.00",
                    "closes": "15.00",
                },
                {"days": ["friday"], "opens": "13:00", "closes": "14.30"},
                {"days": ["friday"], "opens": "09.00", "closes": "12.00"},
                {"days": ["sunday"], "opens": "10.00", "closes": "12.00"},
            ]
        }
    )
    with speaking(language):
        assert week_text(hours) == expected


def test_the_printed_card_and_the_offers_pdf_have_the_hours_and_what_to_bring(built, tmp_path):
    root, _ = built
    catalogue, _ = require_catalogue(root, today=TODAY)
    env = Renderer(catalogue, [root / "theme/vifte"]).env
    jobs = _jobs(catalogue, env, PUBLIC, root / "catalogue/images")
    wanted = {
        j.kind: j for j in jobs if j.term == "virksomhedspraktik" and j.kind in ("card", "offer")
    }
    assert set(wanted) == {"card", "offer"}
    for kind, job in wanted.items():
        pdf = tmp_path / f"{kind}.pdf"
        pdf.write_bytes(render_pdf(job.html, job.base_dir, job.roots).data)
        found = letters(text_of(pdf))
        if kind == "card":  # front and back, each one A6 page: the estimate counts the new lines
            assert len(pikepdf.open(pdf).pages) == 2
        for expected in (
            WEEK,
            "Lukket 24.12.2026–26.12.2026",
            "Det skal du have med",
            "Sygesikringskort",
        ):
            assert letters(expected) in found, (kind, expected)


def test_hsds_has_the_hours_as_schedules_and_what_to_bring_as_required_documents(built, hsds):  # noqa: F811
    _, site = built
    services = json.loads((site / "data/hsds/services.json").read_text(encoding="utf-8"))
    validator = hsds("service.json")
    assert [e.message for s in services for e in validator.iter_errors(s)] == []
    service = next(s for s in services if s["name"] == "Virksomhedspraktik")
    weekly = [s for s in service["schedules"] if s.get("freq") == "WEEKLY"]
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in weekly] == [
        ("MO,TU,WE,TH", "09:00", "15:00"),
        ("FR", "09:00", "12:00"),
    ]
    assert weekly[0]["description"] == WEEK
    special = {s["valid_from"]: s for s in service["schedules"] if "valid_from" in s}
    assert special["2026-12-24"]["valid_to"] == "2026-12-26"
    assert "opens_at" not in special["2026-12-24"]
    assert (special["2026-12-31"]["opens_at"], special["2026-12-31"]["closes_at"]) == (
        "10:00",
        "12:00",
    )
    assert [d["document"] for d in service["required_documents"]] == [
        "Sygesikringskort",
        "Dit CV, hvis du har et",
    ]
    closed = next(s for s in services if s["name"] == "Lukket praktik")
    assert not any("byday" in s for s in closed["schedules"])


def test_the_export_has_the_fields_and_their_translation(built):
    _, site = built
    data = json.loads((site / "data/catalogue.json").read_text(encoding="utf-8"))
    offer = next(o for o in data["offers"] if o["id"] == "virksomhedspraktik")
    assert offer["bring"] == ["Sygesikringskort", "Dit CV, hvis du har et"]
    assert offer["opening_hours"]["week"][0] == {
        "days": ["monday", "tuesday", "wednesday", "thursday"],
        "opens": "9.00",
        "closes": "15.00",
    }
    assert "Your CV, if you have one" in json.dumps(offer, ensure_ascii=False)
    for folder in ("", "en/"):  # the CSV is Danish in every language's build
        raw = (site / folder / CSV_PATH).read_text(encoding="utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(raw, newline=""), delimiter=";"))
        row = next(r for r in rows if r["id"] == "virksomhedspraktik")
        assert row["åbningstider"] == (
            f"{WEEK}; Lukket 24.12.2026–26.12.2026; 31.12.2026: 10.00–12.00"
        )
        assert row["det skal du have med"] == "Sygesikringskort; Dit CV, hvis du har et"
        assert next(r for r in rows if r["id"] == "lukket-praktik")["åbningstider"] == ""


def test_hostile_text_in_the_new_fields_stays_text(project, write, tmp_path):
    offer = (project / "catalogue/offers/virksomhedspraktik.yaml").read_text(encoding="utf-8")
    hostile = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"
    write(
        "catalogue/offers/virksomhedspraktik.yaml",
        offer
        + "opening_hours:\n  week:\n    - {days: [monday], opens: '9.00', closes: '12.00'}\n"
        + f"  note: {json.dumps(hostile)}\nbring:\n  - {json.dumps(hostile)}\n",
    )
    site = build_site(project / "mkdocs.yml", tmp_path / "site", today=TODAY)
    raw = (site / "tilbud/virksomhedspraktik/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in raw and "<img src=x" not in raw
    assert raw.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 3  # note, list, plan button
    data = json.loads((site / "data/catalogue.json").read_text(encoding="utf-8"))
    assert data["offers"][0]["bring"] == [hostile]
