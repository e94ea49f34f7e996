"""The example built with every PDF, once per test run (also across xdist workers) and read by the
modules that check its paper: test_pdf, test_print_products, test_strategy_pdf (decision 66).

Each build is of its own copy of the example plus three offers that push the layout (a very
long one, one with odd characters, one with only the required fields), in Danish only: the
languages' PDFs lie in the languages' folders, which these modules never read; paper in other
languages is test_pdf_languages'. The folders are shared: tests must only read them.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from vifte.cli import main
from vifte.domain.edition import PUBLIC, Edition
from vifte.mkdocs.build import build_site

from .shared import built_once

REPO = Path(__file__).resolve().parent.parent

LONG_WORD = "Langtord" + "x" * 104 + "slutning"  # 120 letters, no break
assert len(LONG_WORD) == 120
LONG_TITLE = (
    "Et meget langt tilbud om økonomi, bolig, arbejde & hverdagsliv for alle borgere i "
    "kommunen, som har brug for råd og dåd, skrevet så titlen bliver næsten to hundrede "
    "tegn lang uden at være sjov at læse"
)
assert 190 <= len(LONG_TITLE) <= 200
PARAGRAPH = (
    "Her står en lang tekst om tilbuddet, som fortæller dig, hvad du får, hvem du møder, "
    "og hvordan en almindelig uge ser ud, når du er med. "
)
LONG = f"""\
title: "{LONG_TITLE}"
area: social
access: visitation
themes: [oekonomi, bolig]
target_groups: [jobparat, aktivitetsparat]
summary: "{"Et tilbud med meget tekst i alle felter, så layoutet skal klare lange linjer, lange ord og mange afsnit uden at noget forsvinder ud over papirets kant eller bliver skåret væk "[:200]}"
description: |
  {LONG_WORD}

  {PARAGRAPH * 11}

  {PARAGRAPH * 11}
provider: {{name: Fjordstrand Kommune, department: "Afdelingen for meget lange navne på afdelinger og kontorer"}}
contact: {{name: "{LONG_WORD}", phone: "70 11 22 98", email: lang@fjordstrand.dk}}
location: {{address: "Den Meget Lange Vej Med Et Langt Navn 123", postcode: "4790", city: Fjordstrand}}
"""
ODD = """\
title: Råd & dåd for æøå-folk
area: social
access: direkte
themes: [oekonomi]
target_groups: [jobparat]
summary: Små og store spørgsmål om penge & papirer, på dansk.
description: Du får svar på spørgsmål om økonomi & post fra kommunen.
provider: {name: Fjordstrand Kommune}
contact: {phone: "70 11 22 99"}
"""
BARE = """\
title: Kun det påkrævede
area: social
access: direkte
themes: [oekonomi]
target_groups: [jobparat]
summary: Et tilbud med kun de felter, der skal være der.
description: Kort tekst.
provider: {name: Fjordstrand Kommune}
contact: {email: kort@fjordstrand.dk}
"""
HOSTILE = {"meget-lang": LONG, "raad-og-daad": ODD, "kun-det-paakraevede": BARE}


def example_project(root: Path) -> Path:
    """A copy of the example at `root`, in Danish only, with the HOSTILE offers."""
    for name in ("catalogue", "site_src", "theme", "strategy"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    danish_only(root)
    for offer_id, text in HOSTILE.items():
        (root / f"catalogue/offers/{offer_id}.yaml").write_text(text, encoding="utf-8")
    return root


def danish_only(root: Path) -> None:
    """Drop the project's other languages: `languages:`, the settings' translations and the
    translation files beside the items and pages (a translation of no listed language is an error)."""
    settings = root / "catalogue/settings.yaml"
    text = settings.read_text(encoding="utf-8")
    codes = re.search(r"(?m)^languages: \[(.*)\]$", text)
    assert codes, "the example lists its languages on one line"
    code = "|".join(c.strip() for c in codes[1].split(","))
    text = text.replace(codes[0] + "\n", "")
    text = re.sub(rf"(?m)^ *translations:.*\n(?: +(?:{code}): .*\n)+", "", text)
    assert "translations:" not in text
    settings.write_text(text, encoding="utf-8")
    for path in list(root.rglob("*")):
        if re.search(rf"\.(?:{code})\.(?:yaml|md)$", path.name):
            path.unlink()


def example_pdfs(
    tmp_path_factory: pytest.TempPathFactory, key: str = "public", edition: Edition = PUBLIC
) -> dict[str, Path]:
    """The project ("root") and its site built with every PDF ("site"), once per run under
    `key`, each key of its own copy."""

    def build(folder: Path) -> None:
        root = example_project(folder / "eksempel")
        build_site(root / "mkdocs.yml", folder / "site", pdf=True, edition=edition)

    folder = built_once(tmp_path_factory, f"example-pdf-{key}", build)
    return {"root": folder / "eksempel", "site": folder / "site"}


def example_paper(tmp_path_factory: pytest.TempPathFactory, key: str, edition: Edition) -> Path:
    """A folder whose pdf/ holds every PDF of the edition, as a build prints them (`vifte pdf`,
    without the site around them), of its own copy; once per run under `key`."""

    def build(folder: Path) -> None:
        root = example_project(folder / "eksempel")
        args = ["pdf", "-p", str(root), "--out", str(folder / "pdf"), "--edition", edition.name]
        assert main(args) == 0

    return built_once(tmp_path_factory, f"example-paper-{key}", build)
