"""A site in Danish and English as the contract lays it out (Danish at the root, English under
/en/), for the search and Min plan tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

from vifte.mkdocs.build import build_site
from vifte.scaffold import init_project

from .test_search import GAELD

PRACTICE_EN = """
title: Work placement
summary: Try a job at a real workplace for a few weeks.
description: You work at a real workplace. You keep your benefits.
"""
"""English for the example offer of `vifte init` (virksomhedspraktik); Gældshjælp stays Danish."""


def project_in_two_languages(root: Path) -> Path:
    """A `vifte init` project with `languages: [en]`, one offer translated and one not; its offer
    pages mark the title and summary shown in Danish (lang="da" and the note)."""
    init_project(root, "Prøveby Kommune")
    settings = root / "catalogue/settings.yaml"
    settings.write_text(
        "languages: [en]\n" + settings.read_text(encoding="utf-8"), encoding="utf-8"
    )
    for name, text in (
        ("gaeldshjaelp.yaml", GAELD),
        ("virksomhedspraktik.en.yaml", PRACTICE_EN),
    ):
        path = root / "catalogue/offers" / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def side_by_side(project: Path, work: Path) -> Path:
    """The project's whole site: Danish at the root, English under en/, one Pagefind index."""
    return build_site(project / "mkdocs.yml", work / "site")
