"""A project's folders: the one place that names them.

docs_dir and the theme folder come from mkdocs.yml (the adapter or the CLI reads it); the rest
lie at fixed places under the project root.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vifte.domain.collections import Table
from vifte.domain.entries import Collection
from vifte.domain.registry import TABLE
from vifte.domain.strategy import FOLDER as STRATEGY

CATALOGUE = "catalogue"
SETTINGS = "settings.yaml"
IMAGES = "images"
DOCS = "site_src"
THEME = "theme"
TEMPLATES = "vifte"
"""Under theme/: the project's own page templates, which override the package's."""


@dataclass(frozen=True)
class Project:
    """Where a project's parts live; build one with `Project.at`."""

    root: Path
    docs_dir: Path
    theme_dir: Path
    logo: Path | None = None
    """The municipality's logo file (mkdocs.yml's theme.logo), which the printed covers show."""
    table: Table = TABLE
    """The table of collections its catalogue is read with (a test may hand its own)."""

    @classmethod
    def at(
        cls,
        root: Path,
        docs_dir: Path | None = None,
        theme_dir: Path | None = None,
        logo: Path | None = None,
        table: Table = TABLE,
    ) -> Project:
        """The project at `root`; docs_dir and the theme folder default to site_src/ and theme/."""
        root = Path(root)
        return cls(
            root, Path(docs_dir or root / DOCS), Path(theme_dir or root / THEME), logo, table
        )

    @property
    def catalogue(self) -> Path:
        return self.root / CATALOGUE

    @property
    def settings_file(self) -> Path:
        return self.catalogue / SETTINGS

    @property
    def images(self) -> Path:
        return self.catalogue / IMAGES

    @property
    def strategy(self) -> Path:
        return self.root / STRATEGY

    @property
    def templates(self) -> Path:
        """The project's page templates (theme/vifte/ beside mkdocs.yml's theme folder)."""
        return self.root / THEME / TEMPLATES

    def collection(self, name: str) -> Path:
        """The folder of one collection, e.g. catalogue/offers or strategy (see its `folder`)."""
        return self.root / folder_of(self.table.collections[name])

    def watched(self) -> list[Path]:
        """Folders outside docs_dir whose changes a live preview must rebuild for."""
        return [self.catalogue, self.strategy, self.root / THEME, self.theme_dir]


def folder_of(col: Collection) -> str:
    """A collection's folder relative to the project root: its own, else catalogue/NAME."""
    return col.folder or f"{CATALOGUE}/{col.name}"


def relative_glob(col: Collection) -> str:
    """The files of a collection, relative to the project root, as editors' globs name them."""
    return f"{folder_of(col)}/*{col.suffixes[0]}"
