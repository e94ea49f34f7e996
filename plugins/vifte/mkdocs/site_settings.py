"""MkDocs' settings that are the municipality's facts, set from catalogue/settings.yaml and the
menu; a mkdocs.yml that states them itself is refused (source/config_facts.py)."""

from __future__ import annotations

import html
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from vifte.domain.catalogue import Catalogue
from vifte.domain.menu import LABELS, MenuEntry, menu, section_pages
from vifte.domain.translation import SOURCE_LANGUAGE
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
    entries = menu(catalogue)
    if catalogue.language != SOURCE_LANGUAGE:
        entries = in_language(entries, catalogue, Path(config.docs_dir))
    config.nav = [_nav_item(entry) for entry in entries]
    logo = logo_site_path(project, settings)
    if logo is not None:
        config.theme["logo"] = config.theme["favicon"] = logo


def in_language(entries: list[MenuEntry], catalogue: Catalogue, docs: Path) -> list[MenuEntry]:
    """The menu on another language's pages: a section by the menu's own word for it (a label
    settings.yaml gives is Danish), a hand-written page with a translation by its translated
    title; a page without one keeps the label settings.yaml gives it (the page is in Danish)."""
    sections = {page: LABELS.get(name) for name, page in section_pages(catalogue.table).items()}
    out = []
    for entry in entries:
        if entry.target in sections:
            entry = MenuEntry(sections[entry.target], entry.target)
        elif (docs / f"{entry.target.removesuffix('.md')}.{catalogue.language}.md").is_file():
            entry = MenuEntry(None, entry.target)
        out.append(entry)
    return out


def _nav_item(entry: MenuEntry) -> str | dict[str, str]:
    return entry.target if entry.label is None else {entry.label: entry.target}
