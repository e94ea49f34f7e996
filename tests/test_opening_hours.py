"""Opening hours and "Det skal du have med": the fields, their Danish errors at file:line, and
the hours in words in every language (decision 63)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from vifte.domain.opening import OpeningHours
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

HOURS = """
opening_hours:
  week:
    - days: [monday, tuesday, wednesday, thursday]
      opens: "9.00"
      closes: "15.00"
    - days: [friday]
      opens: "9.00"
      closes: "12.00"
  exceptions:
    - date: 2026-12-24
      until: 2026-12-26
    - date: 2026-12-31
      opens: "10.00"
      closes: "12.00"
  note: Ring gerne, før du kommer.
bring:
  - Sygesikringskort
  - Dine seneste lønsedler
"""


def lines(project: Path) -> list[str]:
    return load_catalogue(project)[1].lines()


def test_offer_with_hours_and_bring_is_valid(project, write):
    write("catalogue/offers/gaeld.yaml", OFFER + HOURS)
    catalogue, report = load_catalogue(project)
    assert [line for line in report.lines() if "error" in line] == []
    offer = next(o for o in catalogue.offers if o.id == "gaeld")
    assert offer.bring == ["Sygesikringskort", "Dine seneste lønsedler"]
    hours = offer.opening_hours
    assert hours is not None
    assert hours.spans_on(1) == [(540, 900)] and hours.spans_on(4) == [(540, 720)]
    assert hours.spans_on(5) == []
    assert hours.exception_on(dt.date(2026, 12, 25)).closed


@pytest.mark.parametrize(
    "old, new, expected",
    [
        pytest.param(
            '[friday]\n      opens: "9.00"\n      closes: "12.00"',
            '[tuesday]\n      opens: "15.00"\n      closes: "9.00"',
            "gaeld.yaml:21:7: error: 'opening_hours.week[2]': lukketiden 9.00 (closes) skal ligge "
            "efter åbningstiden 15.00 (opens) samme dag",
            id="tuesday-ends-before-it-starts",
        ),
        pytest.param(
            "[friday]",
            "[fredag]",
            "gaeld.yaml:21:14: error: 'fredag' er ikke en gyldig værdi i 'opening_hours.week[2].days[1]'",
            id="unknown-day",
        ),
        pytest.param(
            'closes: "12.00"\n  exceptions',
            'closes: "12.75"\n  exceptions',
            "gaeld.yaml:23:15: error: 'opening_hours.week[2].closes': \"12.75\" er ikke et klokkeslæt",
            id="bad-time",
        ),
        pytest.param(
            "until: 2026-12-26",
            "until: 2026-12-20",
            "gaeld.yaml:25:7: error: 'opening_hours.exceptions[1]': perioden slutter (until 2026-12-20) "
            "før den begynder (date 2026-12-24)",
            id="period-ends-before-it-starts",
        ),
        pytest.param(
            '[friday]\n      opens: "9.00"',
            '[friday, thursday]\n      opens: "9.00"',
            "gaeld.yaml:18:5: error: 'opening_hours.week': thursday har to åbningstider, der overlapper",
            id="overlapping-day",
        ),
        pytest.param(
            'opens: "10.00"\n      closes: "12.00"',
            'opens: "10.00"',
            "gaeld.yaml:27:7: error: 'opening_hours.exceptions[2]': skriv både hvornår der åbner",
            id="opens-without-closes",
        ),
        pytest.param(
            "  - Sygesikringskort",
            "  - ",
            "gaeld.yaml:32:4: error: 'bring[1]' er tom",
            id="empty-bring-line",
        ),
    ],
)
def test_bad_hours_are_reported_in_danish_at_the_line(project, write, old, new, expected):
    text = OFFER + HOURS
    assert old in text
    write("catalogue/offers/gaeld.yaml", text.replace(old, new, 1))
    found = lines(project)
    assert any(expected in line for line in found), "\n".join(found)


def test_unquoted_times_are_read_as_written(project, write):
    """YAML reads 15.30 as 15.3 and 9:00 as 540; the field gets the text the author wrote."""
    text = (OFFER + HOURS).replace('"9.00"', "9:00", 1).replace('"15.00"', "15.30")
    write("catalogue/offers/gaeld.yaml", text)
    catalogue, report = load_catalogue(project)
    assert [line for line in report.lines() if "error" in line] == []
    week = next(o for o in catalogue.offers if o.id == "gaeld").opening_hours.week
    assert (week[0].opens, week[0].closes) == ("9:00", "15.30")


def test_every_bad_time_in_one_run(project, write):
    text = (OFFER + HOURS).replace('"15.00"', '"25.00"').replace("[friday]", "[fryday]")
    write("catalogue/offers/gaeld.yaml", text)
    errors = [line for line in lines(project) if ": error: " in line]
    assert any("week[1].closes" in e for e in errors) and any("days[1]" in e for e in errors), (
        errors
    )
    assert any('mente du "friday"' in e for e in errors), errors


def test_vifte_new_shows_how_to_write_hours_and_bring(project):
    """The commented example in a new offer's file is valid once its '# ' is taken away."""
    from vifte.cli import main

    assert main(["new", "offer", "Cykelværksted", "-p", str(project)]) == 0
    text = (project / "catalogue/offers/cykelvaerksted.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    start = lines.index("# opening_hours:")
    block = []
    for line in lines[start:]:
        if not line.startswith("# ") or (block and not line.startswith(("#  ", "# bring"))):
            break
        block.append(line[2:])
    data = yaml.safe_load("\n".join(block))
    hours = OpeningHours.model_validate(data["opening_hours"])
    assert hours.spans_on(0) == [(540, 900)] and hours.exceptions[0].closed
    assert data["bring"] == ["Sygesikringskort"]


def test_the_new_fields_leave_existing_translations_current():
    """A field added to the model is in no translation's fingerprint while empty: every
    municipality's translations stay current; a filled-in `bring` changes the Danish text."""
    from vifte.domain.translation import fingerprint
    from vifte.source.validate import require_catalogue

    from .conftest import REPO

    catalogue, _ = require_catalogue(REPO)
    offer = next(o for o in catalogue.offers if o.id == "gaeldsraadgivning")
    written = yaml.safe_load(
        (REPO / "catalogue/offers/gaeldsraadgivning.en.yaml").read_text(encoding="utf-8")
    )
    assert not offer.bring and written["translated_from"] == fingerprint(offer)
    assert fingerprint(offer.model_copy(update={"bring": ["Sygesikringskort"]})) != fingerprint(
        offer
    )
