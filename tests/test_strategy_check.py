"""Strategy documents under `vifte check`: Markdown with front matter, errors at file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from vifte.cli import main
from vifte.scaffold import new_file
from vifte.source.validate import load_catalogue

GOOD = """\
---
title: Beskæftigelsesplan 2027
kind: plan
period: "2027"
status: adopted
adopted:
  date: 2026-12-09
  by: Byrådet
summary: Det vil jobcentret nå i 2027.
goals:
  - id: m1
    title: Flere i praktik.
    origin: ministerial
    status: on_track
    offers: [virksomhedspraktik]
  - id: l1
    title: Flere lokale praktikpladser.
    origin: local
    status: not_started
    offers:
      - virksomhedspraktik
---
## Om planen

Tabulatortegn er fine i teksten:
\ther er et.
"""


def check(project: Path) -> list[str]:
    _, report = load_catalogue(project)
    return report.lines()


def errors(project: Path) -> list[str]:
    return [line for line in check(project) if ": error: " in line]


def test_a_good_document_passes_and_a_tab_in_the_body_is_fine(project, write):
    write("strategy/plan-2027.md", GOOD)
    catalogue, report = load_catalogue(project)
    assert report.errors == [], report.lines()
    assert catalogue is not None
    (doc,) = catalogue.strategy
    assert doc.id == "plan-2027"
    assert [g.id for g in doc.goals] == ["m1", "l1"]
    assert doc.body is not None and doc.body.startswith("## Om planen")
    assert "\ther er et." in doc.body


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # an unknown offer id in a goal: at its line and column, with a suggestion
        (
            "offers: [virksomhedspraktik]",
            "offers: [virksomhedspraktk]",
            'strategy/plan-2027.md:15:14: error: ukendt tilbud "virksomhedspraktk" — mente du "virksomhedspraktik"?',
        ),
        (
            "      - virksomhedspraktik\n",
            "      - findes-ikke\n",
            'strategy/plan-2027.md:21:9: error: ukendt tilbud "findes-ikke"',
        ),
        # a goal id used twice in one document
        ("  - id: l1", "  - id: m1", "strategy/plan-2027.md:16:9: error: målet 'm1' står to gange"),
        # adopted is required when the status is adopted
        (
            "adopted:\n  date: 2026-12-09\n  by: Byrådet\n",
            "",
            "strategy/plan-2027.md:5:9: error: et vedtaget dokument skal have 'adopted'",
        ),
        # a bad kind, status and goal status
        (
            "kind: plan",
            "kind: planen",
            "strategy/plan-2027.md:3:7: error: 'planen' er ikke en gyldig",
        ),
        (
            "status: adopted",
            "status: vedtaget",
            "plan-2027.md:5:9: error: 'vedtaget' er ikke en gyldig",
        ),
        (
            "    status: on_track",
            "    status: fint",
            "plan-2027.md:14:13: error: 'fint' er ikke en gyldig",
        ),
        # replaces must name another strategy document
        (
            "summary:",
            "replaces: plan-2026\nsummary:",
            'strategy/plan-2027.md:9:11: error: ukendt strategisk dokument "plan-2026"',
        ),
        ("summary:", "replaces: plan-2027\nsummary:", "error: dokumentet kan ikke afløse sig selv"),
        # a missing title: where the front matter's fields start
        (
            "title: Beskæftigelsesplan 2027\n",
            "",
            "strategy/plan-2027.md:2:1: error: feltet 'title' mangler",
        ),
        # broken YAML, and a tab in the front matter (not in the body) at its line
        (
            "summary: Det vil",
            "summary: [Det vil",
            "strategy/plan-2027.md:10:6: error: YAML-syntaksfejl",
        ),
        (
            "  by: Byrådet",
            "\tby: Byrådet",
            "strategy/plan-2027.md:8:1: error: linjen er rykket ind med et tabulatortegn",
        ),
        # a period that ends before it begins, and one that is not a year
        (
            'period: "2027"',
            "period: 2029-2027",
            "plan-2027.md:4:9: error: 'period': perioden 2029-2027",
        ),
        ('period: "2027"', "period: næste år", "skal være et årstal"),
        # the body is the text under ---, never a field
        (
            "summary:",
            "body: Tekst\nsummary:",
            "strategy/plan-2027.md:9:1: error: feltet 'body' skrives ikke",
        ),
        # an attached PDF must exist in strategy/files
        (
            "summary:",
            "file: plan.pdf\nsummary:",
            "error: filen 'plan.pdf' findes ikke i mappen strategy/files",
        ),
    ],
)
def test_bad_front_matter_is_reported_at_its_line(project, write, old, new, expected):
    assert old in GOOD
    write("strategy/plan-2027.md", GOOD.replace(old, new, 1))
    found = errors(project)
    assert any(expected in line for line in found), found


def test_an_unclosed_front_matter_is_one_error_at_line_one(project, write):
    write("strategy/plan-2027.md", GOOD.replace("---\n## Om", "## Om"))
    assert [line.split(": error: ")[0] for line in errors(project)] == ["strategy/plan-2027.md:1:1"]


def test_a_goal_without_offers_is_a_warning_at_the_goal(project, write):
    write("strategy/plan-2027.md", GOOD.replace("offers: [virksomhedspraktik]", "offers: []"))
    lines = check(project)
    assert [line for line in lines if ": error: " in line] == []
    assert "strategy/plan-2027.md:11:5: warning: målet 'm1' har ingen tilbud" in "\n".join(lines)


def test_errors_in_strategy_and_catalogue_come_in_one_run(project, write):
    write("strategy/plan-2027.md", GOOD.replace("kind: plan", "kind: planen"))
    write("strategy/andet.md", GOOD.replace("  - id: l1", "  - id: m1"))
    offer = project / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text(offer.read_text(encoding="utf-8").replace("area:", "area: [", 1))
    found = errors(project)
    assert {line.split(":")[0] for line in found} == {
        "catalogue/offers/virksomhedspraktik.yaml",
        "strategy/plan-2027.md",
        "strategy/andet.md",
    }, found


def test_only_markdown_files_are_read_and_status_is_a_reserved_id(project, write):
    write("strategy/noter.txt", "noter")
    write("strategy/status.md", GOOD)
    lines = check(project)
    assert any(
        "strategy/noter.txt" in line and "kun filer, der ender på .md" in line for line in lines
    )
    assert any("strategy/status.md" in line and "reserveret" in line for line in lines), lines


def test_an_attached_pdf_in_strategy_files_passes(project, write):
    write("strategy/plan-2027.md", GOOD.replace("summary:", "file: plan.pdf\nsummary:"))
    (project / "strategy/files").mkdir()
    (project / "strategy/files/plan.pdf").write_bytes(b"%PDF-1.4\n")
    assert errors(project) == []


def test_new_strategy_passes_check_once_filled(project, capsys):
    path = new_file(project, "strategy", "Handleplan for unge")
    assert path == project / "strategy/handleplan-for-unge.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n# Nyt strategisk dokument")
    unfilled = errors(project)
    assert any("handleplan-for-unge.md" in line and "'period'" in line for line in unfilled)
    filled = (
        text.replace('period: ""', 'period: "2026-2027"')
        .replace('summary: ""', "summary: Sådan hjælper vi unge i job.")
        .replace('title: ""', "title: Flere unge i job.")
        .replace("offers: []", "offers: [virksomhedspraktik]")
    )
    path.write_text(filled, encoding="utf-8")
    assert main(["check", "-p", str(project)]) == 0, capsys.readouterr().err


def test_a_goal_status_colour_too_light_for_the_page_is_an_error_at_its_line(project):
    settings = project / "catalogue/settings.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text + 'goal_colours:\n  at_risk: "#f5d76e"\n', encoding="utf-8")
    line = len(text.splitlines()) + 2
    assert [e.split(": error: ")[0] for e in errors(project)] == [
        f"catalogue/settings.yaml:{line}:12"
    ]
    assert "for lys" in errors(project)[0]
