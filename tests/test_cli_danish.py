"""The `vifte` command speaks Danish: argparse's own words, `vifte new tilbud`, counts in the
right number. Each test runs the real command in a subprocess, as a user would."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ENGLISH = [
    "usage:",
    "positional arguments",
    "options:",
    "optional arguments",
    "show this help message",
    "show program's version",
    "invalid choice",
    "choose from",
    "the following arguments are required",
    "unrecognized arguments",
    "expected one argument",
    "expected at least one argument",
    "error:",
    "PROJECT",
    "SITE_DIR",
    "DEV_ADDR",
]
COMMANDS = [
    [],
    ["check"],
    ["report"],
    ["report", "lix"],
    ["report", "review"],
    ["build"],
    ["serve"],
    ["rediger"],
    ["pdf"],
    ["new"],
    ["init"],
]
MISTAKES = [
    ["bygg"],
    ["new", "tilbudd", "Gældsrådgivning"],
    ["new", "tilbud"],
    ["new"],
    ["init"],
    ["build", "--ukendt"],
    ["build", "-p"],
    ["check", "--format", "xml"],
    ["pdf", "--format"],
    ["serve", "--edition", "hemmelig"],
    ["rediger", "--adresse"],
    ["report", "alt"],
]


def vifte(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vifte", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def _english(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "vifte")
def test_help_of_every_command_is_danish(command):
    result = vifte(*command, "--help")
    assert result.returncode == 0, result.stderr
    assert "brug: vifte" in result.stdout
    assert "tilvalg:" in result.stdout
    assert "vis denne hjælp og stop" in result.stdout
    assert _english(result.stdout + result.stderr) == []


@pytest.mark.parametrize("mistake", MISTAKES, ids=" ".join)
def test_mistakes_on_the_command_line_are_told_in_danish(mistake):
    result = vifte(*mistake)
    assert result.returncode == 2
    assert "fejl:" in result.stderr
    assert _english(result.stdout + result.stderr) == []


def test_an_unknown_kind_names_the_valid_ones_in_danish():
    result = vifte("new", "tilbudd", "Gældsrådgivning")
    for noun in ("tilbud", "mentor", "virksomhed", "strategisk-dokument", "nyhed"):
        assert noun in result.stderr


@pytest.mark.parametrize(
    ("word", "folder"),
    [
        ("tilbud", "catalogue/offers"),
        ("offer", "catalogue/offers"),
        ("Mentor", "catalogue/mentors"),
        ("virksomhed", "catalogue/enterprises"),
        ("nyhed", "catalogue/news"),
    ],
)
def test_new_accepts_the_danish_names_of_the_kinds(project, word, folder):
    result = vifte("new", word, "Gældsrådgivning", "-p", str(project))
    assert result.returncode == 0, result.stderr
    made = list((project / folder).glob("gaeldsraadgivning.*"))
    assert len(made) == 1


def test_counts_are_in_the_right_number(project):
    line = vifte("check", "-p", str(project)).stderr
    assert "1 mentor," in line
    assert "1 virksomhed," in line
    assert "(0 advarsler)" in line
    mentors = project / "catalogue/mentors"
    shutil.copy(mentors / "eksempel-mentor.yaml", mentors / "anden-mentor.yaml")
    other = mentors / "anden-mentor.yaml"
    other.write_text(
        other.read_text(encoding="utf-8").replace("name: Kim Eksempel", "name: Lis Eksempel"),
        encoding="utf-8",
    )
    offer = project / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text(offer.read_text(encoding="utf-8") + "review_by: 2020-01-01\n", "utf-8")
    line = vifte("check", "-p", str(project)).stderr
    assert "2 mentorer," in line
    assert "(1 advarsel)" in line
