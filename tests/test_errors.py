"""Errors, all and true: one run shows every problem, and one error type carries them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Write
from vifte.source.diagnostics import ProjectError
from vifte.source.validate import load_catalogue, require_catalogue

OFFER = "catalogue/offers/virksomhedspraktik.yaml"


def _lines(project: Path) -> str:
    catalogue, report = load_catalogue(project)
    assert catalogue is None
    return "\n".join(report.lines())


def test_an_error_in_settings_hides_no_reference_error(project: Path, write: Write) -> None:
    settings = project / "catalogue" / "settings.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("  name:", "  name: 7\n  nam:", 1), encoding="utf-8")
    offer = project / OFFER
    offer.write_text(
        offer.read_text(encoding="utf-8").replace("  - arbejdsliv", "  - arbejdslif"),
        encoding="utf-8",
    )
    lines = _lines(project)
    assert "catalogue/settings.yaml" in lines  # the settings' own error
    assert 'ukendt tema "arbejdslif" — mente du "arbejdsliv"?' in lines


def test_a_list_that_cannot_be_read_is_not_checked_against(project: Path) -> None:
    settings = project / "catalogue" / "settings.yaml"
    text = settings.read_text(encoding="utf-8")
    start = text.index("themes:")
    end = text.index("target_groups:")
    settings.write_text(text[:start] + "themes: arbejdsliv\n" + text[end:], encoding="utf-8")
    offer = project / OFFER
    offer.write_text(
        offer.read_text(encoding="utf-8").replace("area: beskaeftigelse", "area: beskaeft"),
        encoding="utf-8",
    )
    lines = _lines(project)
    assert 'ukendt område "beskaeft"' in lines  # areas parsed: checked
    assert "ukendt tema" not in lines  # themes did not: no guesswork


def test_every_problem_of_one_file_in_one_run(project: Path, write: Write) -> None:
    offer = project / OFFER
    text = offer.read_text(encoding="utf-8")
    text = text.replace("kind: work_practice", "kind: work_practice\nreview_by: 2027-02-31")
    text += "title: Igen\ncolour: rød\ncapacity: !!python/name:os.system x\nsummary: Igen\n"
    offer.write_text(text, encoding="utf-8")
    lines = _lines(project)
    mine = [line for line in lines.split("\n") if line.startswith(OFFER)]
    assert any("feltet 'title' står to gange" in line for line in mine), mine
    assert any("review_by" in line or "2027-02-31" in line for line in mine), mine
    assert any("colour" in line for line in mine), mine
    assert any("mærket" in line for line in mine), mine
    assert any("feltet 'summary' står to gange" in line for line in mine), mine
    # The left-out values bring no echo of their own (no "mangler" for a spoiled field).
    assert not any("mangler" in line for line in mine), mine


def test_a_spoiled_value_is_not_reported_twice(project: Path) -> None:
    offer = project / OFFER
    text = offer.read_text(encoding="utf-8")
    text = text.replace("summary: Prøv", "summary: !!binary Prøv").replace(
        "kind: work_practice", "kind: arbejde"
    )
    offer.write_text(text, encoding="utf-8")
    mine = [line for line in _lines(project).split("\n") if line.startswith(OFFER)]
    assert len(mine) == 2, mine  # the tag, and the unknown kind


def test_the_core_raises_one_error_type_with_the_report(project: Path) -> None:
    (project / OFFER).write_text("title: [\n", encoding="utf-8")
    with pytest.raises(ProjectError) as caught:
        require_catalogue(project)
    assert caught.value.report.errors
    assert str(caught.value.report.errors[0]).startswith(OFFER)
