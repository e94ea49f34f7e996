"""What settings.yaml says about the site points at files that exist: the menu's pages (a section's
page or a file in site_src/) and the logo (a file in theme/ or site_src/, where the theme finds it).
"""

from __future__ import annotations

from pathlib import Path

from vifte.domain.menu import chosen, section_pages
from vifte.domain.settings import Settings
from vifte.source.diagnostics import Report
from vifte.source.loader import Document
from vifte.source.project import Project


def logo_file(project: Project, settings: Settings) -> Path | None:
    """The municipality's logo file (`municipality.logo`), or None when it has none."""
    logo = settings.municipality.logo
    return (project.root / logo).resolve() if logo else None


def logo_site_path(project: Project, settings: Settings) -> str | None:
    """The logo as the theme links it: its path in the folder (theme/ or site_src/) it lies in."""
    logo = logo_file(project, settings)
    for folder in (project.theme_dir, project.docs_dir):
        if logo is not None and logo.is_relative_to(folder.resolve()):
            return logo.relative_to(folder.resolve()).as_posix()
    return None


def check_site(settings: Settings, doc: Document, project: Project, report: Report) -> None:
    """An error at each menu entry whose page does not exist, and at a logo the theme cannot find."""
    docs = project.docs_dir
    sections = set(section_pages(project.table).values())
    for i, entry in enumerate(chosen(settings)):
        target = entry.target
        if "://" in target or target in sections or (docs / target).is_file():
            continue
        report.error(
            doc.path,
            *doc.position(("site", "menu", i)),
            f"siden '{target}' i menuen findes ikke i {docs.name}/; skriv stien til en "
            f"side i {docs.name}/ (fx om-sitet.md) eller til et afsnits side (fx tilbud/index.md)",
        )
    logo = logo_file(project, settings)
    if logo is None:
        return
    where = doc.position(("municipality", "logo"))
    if not logo.is_file():
        report.error(doc.path, *where, f"logoet '{settings.municipality.logo}' findes ikke")
    elif logo_site_path(project, settings) is None:
        report.error(
            doc.path,
            *where,
            f"logoet skal ligge i {project.theme_dir.name}/ eller {docs.name}/, så sitet kan vise "
            f"det; flyt filen dertil, fx til {project.theme_dir.name}/assets/images/",
        )
