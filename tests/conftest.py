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

# The modules that take longest (their own builds, or long waits on servers and browsers), longest
# first: `--dist loadfile --no-loadscope-reorder` hands whole modules to the workers in collection
# order, so these start at once, each in its own worker, and the run does not end with one worker
# alone in a long module while the others idle (decision 74 has the measured seconds).
FIRST = (
    "tests/test_pdf.py",  # the example's paper with PDFs (tests/pdf_sites.py), built twice
    "tests/test_lifecycle.py",  # two editions with PDFs
    "tests/test_site_dir.py",  # the 600-offer build (tests/large_project.py), stopped builds
    "tests/browser/test_languages_checks.py",  # the example (conftest.example_site), axe
    "tests/test_site_languages.py",
    "tests/test_package.py",
    "tests/test_sources.py",
    "tests/test_print_products.py",
    "tests/test_check_build_property.py",
    "tests/test_words_pseudo.py",
    "tests/browser/test_search_browser.py",
    "tests/test_ci_files.py",
    "tests/test_cli_danish.py",
    "tests/test_edition.py",
    "tests/browser/test_arabic_browser.py",
    "tests/browser/test_phone.py",
    "tests/test_config_file.py",
)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Move the modules of `FIRST` to the front, in its order; each module's tests keep theirs."""
    rank = {module: place for place, module in enumerate(FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(FIRST)))


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
