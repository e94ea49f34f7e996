"""`site.menu` in settings.yaml names pages that exist: a section's page or a file in site_src/."""

from __future__ import annotations

from pathlib import Path

from vifte.domain.menu import chosen, section_pages
from vifte.domain.settings import Settings
from vifte.source.diagnostics import Report
from vifte.source.loader import Document


def check_menu(settings: Settings, doc: Document, docs_dir: Path, report: Report) -> None:
    """An error at each menu entry whose page is neither a section's nor a hand-written one."""
    sections = set(section_pages().values())
    for i, entry in enumerate(chosen(settings)):
        target = entry.target
        if "://" in target or target in sections or (docs_dir / target).is_file():
            continue
        report.error(
            doc.path,
            *doc.position(("site", "menu", i)),
            f"siden '{target}' i menuen findes ikke i {docs_dir.name}/; skriv stien til en "
            f"side i {docs_dir.name}/ (fx om-sitet.md) eller til et afsnits side (fx tilbud/index.md)",
        )
