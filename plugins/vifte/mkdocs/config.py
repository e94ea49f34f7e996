"""Options of the vifte MkDocs plugin, and the project and request as mkdocs.yml describes them."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig

from vifte.domain.edition import PUBLIC, Edition
from vifte.request import Request
from vifte.source.project import Project


class VifteConfig(base.Config):
    project_dir = c.Optional(c.Dir(exists=True))
    """The project folder holding catalogue/ and strategy/; default: the folder of mkdocs.yml."""

    export = c.Type(bool, default=True)
    """Write the open-data export to data/catalogue.json."""

    pdf = c.Type(bool, default=True)
    """Render the PDFs (false: a quicker build without them, as `vifte build --no-pdf`)."""


def project_of(config: MkDocsConfig) -> Project:
    """The project as mkdocs.yml describes it: the one place a loaded config becomes a Project."""
    home = Path(config.config_file_path).parent
    plugin = config.plugins.get("vifte")
    options = getattr(plugin, "config", None)
    root = Path(options.project_dir) if options and options.project_dir else home
    custom_dir = config.theme.custom_dir
    return Project.at(root, Path(config.docs_dir), Path(custom_dir) if custom_dir else None)


def request_of(
    config: MkDocsConfig, *, edition: Edition = PUBLIC, pdf: bool = True, **choices
) -> Request:
    """The request for this configuration; the defaults are what plain `mkdocs build` builds.

    PDFs are made when asked for (`pdf`) and the plugin's `pdf` option does not turn them off.
    """
    options = getattr(config.plugins.get("vifte"), "config", None)
    pdf = pdf and bool(getattr(options, "pdf", True))
    return Request(project_of(config), edition, pdf, strict=bool(config.strict), **choices)


def project_at(root: Path) -> Project:
    """The project at `root` with mkdocs.yml's folders, so check reads what build reads.

    Without mkdocs.yml the defaults (site_src/, theme/) are checked; a broken one raises
    ConfigFileError.
    """
    from vifte.mkdocs.config_file import load_config_file

    if not (root / "mkdocs.yml").is_file():
        return Project.at(root)
    return project_of(load_config_file(root / "mkdocs.yml", warn=False))
