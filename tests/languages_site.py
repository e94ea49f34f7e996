"""A site in Danish and English as the contract lays it out (Danish at the root, English under
/en/), for the search and Min plan tests: two one-language builds placed side by side and
indexed by Pagefind once, over the whole folder, as the finished multi-language build does."""

from __future__ import annotations

import shutil
import textwrap
from importlib.resources import files
from pathlib import Path

from vifte.domain.routes import SEARCH_FOLDER, TYPO_FOLDER
from vifte.mkdocs.build import build_site
from vifte.output.search import index_site
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
    pages mark the title and summary shown in Danish (`| tr`, lang="da" and the note), as every
    page template does once all of them use the filter."""
    init_project(root, "Prøveby Kommune")
    offer = (files("vifte") / "templates/pages/offer.html").read_text(encoding="utf-8")
    offer = offer.replace("<h1>{{ o.title }}</h1>", "<h1>{{ o.title | tr }}</h1>")
    offer = offer.replace(">{{ o.summary }}</p>", ">{{ o.summary | tr }}</p>")
    (root / "theme/vifte/pages").mkdir(parents=True, exist_ok=True)
    (root / "theme/vifte/pages/offer.html").write_text(offer, encoding="utf-8")
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
    """The project's Danish build at the root of the site, its English build under en/, and one
    Pagefind index over both (the Danish build's typo words kept beside it)."""
    danish = build_site(project / "mkdocs.yml", work / "da")
    english = build_site(project / "mkdocs.yml", work / "en", language="en")
    site = work / "site"
    shutil.copytree(danish, site)
    shutil.copytree(english, site / "en", ignore=shutil.ignore_patterns(SEARCH_FOLDER))
    shutil.rmtree(site / SEARCH_FOLDER)
    index_site(site)
    shutil.copytree(danish / TYPO_FOLDER, site / TYPO_FOLDER, dirs_exist_ok=True)
    return site
