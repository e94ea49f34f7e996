"""Options of the vifte MkDocs plugin, the edition the vifte command asks for, and the project
as mkdocs.yml describes it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from vifte.domain.edition import EDITIONS, PUBLIC, Edition

if TYPE_CHECKING:
    from vifte.source.project import Project


class VifteConfig(base.Config):
    project_dir = c.Optional(c.Dir(exists=True))
    """The project folder holding catalogue/ and strategy/; default: the folder of mkdocs.yml."""

    export = c.Type(bool, default=True)
    """Write the open-data export to data/catalogue.json."""


EDITION_ENV = "_VIFTE_EDITION"
"""How `vifte build/serve --edition` tells the plugin which edition to build.

An environment variable, not a plugin option: `mkdocs serve` reloads mkdocs.yml on every rebuild,
and an option in mkdocs.yml could turn every plain build into the internal edition by accident.
"""


def requested_edition() -> Edition:
    """The edition asked for by the vifte command; the public edition when none was."""
    name = os.environ.get(EDITION_ENV, PUBLIC.name)
    if name not in EDITIONS:
        raise PluginError(
            f"ukendt udgave '{name}' i {EDITION_ENV}; mulige udgaver: {', '.join(EDITIONS)}"
        )
    return EDITIONS[name]


@contextmanager
def edition_requested(edition: Edition) -> Iterator[None]:
    """Ask the plugin for `edition` while the block runs; restore what was there before."""
    before = os.environ.get(EDITION_ENV)
    os.environ[EDITION_ENV] = edition.name
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(EDITION_ENV, None)
        else:
            os.environ[EDITION_ENV] = before


PDF_ENV = "_VIFTE_PDF"
"""Whether to render the PDFs: "1" or "0"; unset, `build` renders them and `serve` does not.

Set by `vifte build --no-pdf` and `vifte serve --pdf`, and by the tests, which build many sites.
"""


def pdf_wanted(command: str) -> bool:
    """Whether this MkDocs run renders the PDFs (slow: seconds, not milliseconds)."""
    value = os.environ.get(PDF_ENV)
    if value is None:
        return command != "serve"
    return value == "1"


@contextmanager
def pdf_requested(pdf: bool | None) -> Iterator[None]:
    """Ask for (True) or against (False) PDFs while the block runs; None leaves it as it is."""
    before = os.environ.get(PDF_ENV)
    if pdf is not None:
        os.environ[PDF_ENV] = "1" if pdf else "0"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(PDF_ENV, None)
        else:
            os.environ[PDF_ENV] = before


def theme_logo(config: MkDocsConfig) -> Path | None:
    """The file of mkdocs.yml's `theme.logo`, found where the theme finds it.

    mkdocs-material links the logo as a site file: from docs_dir or the theme folders (custom_dir
    first). None when none is set, it is a web address, or no such file exists.
    """
    logo = config.theme.get("logo")
    if not logo or "://" in logo or logo.startswith("/"):
        return None
    for folder in (config.docs_dir, *config.theme.dirs):
        candidate = Path(folder) / logo
        if candidate.is_file():
            return candidate.resolve()
    return None


def project_at(root: Path) -> Project:
    """The project, with docs_dir and the theme's custom_dir from mkdocs.yml, so check reads
    what build reads.

    Without mkdocs.yml the defaults (site_src/, theme/) are checked; a broken one raises
    ConfigFileError.
    """
    from vifte.mkdocs.config_file import load_config_file
    from vifte.source.project import Project

    if not (root / "mkdocs.yml").is_file():
        return Project.at(root)
    config = load_config_file(root / "mkdocs.yml", warn=False)
    custom_dir = config.theme.custom_dir
    return Project.at(
        root,
        Path(config.docs_dir),
        Path(custom_dir) if custom_dir else None,
        theme_logo(config),  # the printed covers show it: `vifte pdf` reads it as build does
    )
