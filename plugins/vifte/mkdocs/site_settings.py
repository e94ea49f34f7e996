"""MkDocs' settings that are the municipality's facts, set from catalogue/settings.yaml and the
menu; a mkdocs.yml that states them itself is refused (source/config_facts.py)."""

from __future__ import annotations

import html
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from vifte.domain.catalogue import Catalogue
from vifte.domain.menu import MenuEntry, menu
from vifte.source.config_facts import check_config_facts
from vifte.source.diagnostics import ProjectError, Report
from vifte.source.project import Project
from vifte.source.site_check import logo_site_path


def settle_site(
    config: MkDocsConfig, catalogue: Catalogue, project: Project, *, serving: bool
) -> None:
    """Set MkDocs' name, address, copyright, logo and menu from the catalogue; refuse a mkdocs.yml
    that states them itself. `serving`: the live preview has put its local address in site_url."""
    path = Path(config.config_file_path)
    report = Report(path.parent)
    check_config_facts(path, catalogue.settings, report)
    if report.errors:
        raise ProjectError(report)
    settings = catalogue.settings
    config.site_name = settings.site_title
    config.copyright = html.escape(settings.municipality.name)  # HTML to the theme
    if not serving:
        config.site_url = settings.municipality.url
    config.nav = [_nav_item(entry) for entry in menu(catalogue)]
    logo = logo_site_path(project, settings)
    if logo is not None:
        config.theme["logo"] = config.theme["favicon"] = logo


def _nav_item(entry: MenuEntry) -> str | dict[str, str]:
    return entry.target if entry.label is None else {entry.label: entry.target}
