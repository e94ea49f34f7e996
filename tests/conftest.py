"""Shared fixtures: real projects in temporary folders, built with the real MkDocs."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from vifte.domain import words
from vifte.mkdocs.build import build_site
from vifte.scaffold import init_project

from .shared import built_once

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's example municipality, built once for the whole session."""
    return (
        built_once(
            tmp_path_factory,
            "example",
            lambda folder: build_site(REPO / "mkdocs.yml", folder / "site"),
        )
        / "site"
    )


@pytest.fixture(scope="session")
def pseudo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built in the pseudo-language: every catalogue word wrapped in ⟦ ⟧."""
    return (
        built_once(
            tmp_path_factory,
            "pseudo",
            lambda folder: build_site(REPO / "mkdocs.yml", folder / "site", language=words.PSEUDO),
        )
        / "site"
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh project made by `vifte init`, as a new municipality would start."""
    root = tmp_path / "kommune"
    init_project(root, "Prøveby Kommune")
    return root


Write = Callable[[str, str], Path]


@pytest.fixture
def write(project: Path) -> Write:
    """Write a file into the project, dedenting the text; returns its path."""

    def _write(relative: str, text: str) -> Path:
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A writable copy of the example project (catalogue, site sources, theme, mkdocs.yml)."""
    root = tmp_path / "eksempel"
    for name in ("catalogue", "site_src", "theme", "strategy"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def danish_files(site: Path, pattern: str = "*.html") -> list[Path]:
    """The files of a built site's Danish pages: those outside the other languages' folders
    (`en/`, `uk/`, `ar/`: each language has its own tests)."""
    others = set(words.interface_languages())
    return sorted(p for p in site.rglob(pattern) if p.relative_to(site).parts[0] not in others)
