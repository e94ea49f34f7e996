"""Turn a project's YAML documents into a validated Catalogue, collecting every problem.

Each problem becomes a diagnostic in plain Danish with file, line and column; the checks run on
all files so the user sees every problem of a run at once.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from vifte.domain import fields
from vifte.domain.catalogue import Catalogue
from vifte.domain.colour import contrast
from vifte.domain.danish import slug
from vifte.domain.entries import Collection
from vifte.domain.settings import Settings, Term
from vifte.source import clock, lifecycle, place_check, sources
from vifte.source.accessibility import check_accessibility
from vifte.source.diagnostics import ProjectError, Report
from vifte.source.item_file import read_item, read_yaml
from vifte.source.loader import Document
from vifte.source.messages import PATTERN_HELP
from vifte.source.model_check import validate_model
from vifte.source.moved import MOVED, load_moved
from vifte.source.project import Project
from vifte.source.references import check_references
from vifte.source.site_check import check_site
from vifte.source.translations import (
    check_settings_translations,
    load_translations,
    translation_hint,
    translation_stem,
)
from vifte.source.written import as_written


def load_catalogue(
    project: Project | Path,
    *,
    today: dt.date | None = None,
    links: bool = True,
    docs_dir: Path | None = None,
    theme_dir: Path | None = None,
    documents: list[tuple[Any, Document]] | None = None,
) -> tuple[Catalogue | None, Report]:
    """Load and check a project's catalogue; the catalogue is None when there are errors.

    Every folder the build reads is checked first for files it must not read or publish. With
    `links` (the default, so that whatever the check accepts the build builds), the texts and
    the docs folder are checked for what would stop the build: broken internal links, pages at a
    generated page's address, unknown blocks. `documents`, when given, receives each item's
    model and the document it was read from (for checks that need the file positions).
    """
    if not isinstance(project, Project):
        project = Project.at(project, docs_dir, theme_dir)
    root = project.root
    report = Report(root)
    sources.check(project, report)
    table = project.table
    settings, terms = _load_settings(project, report)
    loaded: dict[str, list[tuple[Any, Document]]] = {}
    unreadable: dict[str, dict[str, Path]] = {}
    for col in table.collections.values():
        unreadable[col.name] = {}
        loaded[col.name] = _load_collection(
            project.collection(col.name), col, root, report, unreadable[col.name]
        )
    check_references(project, terms, loaded, unreadable, report)
    today = today or _today(report)
    lifecycle.check(loaded, report, today, table)
    place_check.check(loaded, report)
    moved = load_moved(project.catalogue / MOVED, loaded, report, table)
    lifecycle.downgrade(loaded, report, table)
    if documents is not None:
        documents.extend(pair for items in loaded.values() for pair in items)
    linked: list[tuple[Any, Document]] = []
    translations = load_translations(
        ((col, project.collection(col.name)) for col in table.collections.values()),
        {
            name: {**dict.fromkeys(unreadable[name]), **{d.path.stem: i for i, d in pairs}}
            for name, pairs in loaded.items()
        },
        settings.languages if settings is not None else None,
        root,
        report,
        drafts=lifecycle.drafts(loaded, table),
        linked=linked,
    )
    if report.errors or settings is None:
        return None, report
    catalogue = Catalogue(
        translations=translations,
        settings=settings,
        table=table,
        items=lifecycle.published_items(loaded, table),
        today=today,
        moved=moved,
    )
    if links:
        from vifte.source.links import check_sources

        pairs = [pair for items in loaded.values() for pair in items if pair[0] is not None]
        pairs += linked
        check_sources(catalogue, pairs, report, project.docs_dir, project.theme_dir)
        lifecycle.downgrade(loaded, report, table)
        if report.errors:
            return None, report
    return catalogue, report


def _today(report: Report) -> dt.date:
    try:
        return clock.today()
    except clock.ClockError as exc:
        report.error(Path(clock.TODAY), 0, 0, str(exc))
        return dt.date.today()


def require_catalogue(
    project: Project | Path,
    docs_dir: Path | None = None,
    theme_dir: Path | None = None,
    *,
    today: dt.date | None = None,
) -> tuple[Catalogue, Report]:
    """Like load_catalogue, but raise ProjectError when the project has errors."""
    catalogue, report = load_catalogue(project, docs_dir=docs_dir, theme_dir=theme_dir, today=today)
    if catalogue is None:
        raise ProjectError(report)
    return catalogue, report


def _load_settings(
    project: Project, report: Report
) -> tuple[Settings | None, dict[str, list[str] | None]]:
    """settings.yaml as a model (None when it has errors), and the ids of each term list.

    The ids come from whatever parts of the file parsed, so that one error in settings.yaml
    does not hide the reference errors of every offer; None: that list could not be read.
    """
    terms: dict[str, list[str] | None] = dict.fromkeys(project.table.term_lists)
    path, root = project.settings_file, project.root
    if not os.path.lexists(path):
        report.error(
            path,
            0,
            0,
            "filen mangler; den skal beskrive kommunen, områder, adgang, temaer og målgrupper (start med 'vifte init')",
        )
        return None, terms
    if sources.path_problem(path.parent, root) is not None:
        return None, terms  # reported by sources.check
    doc = read_yaml(path, root, report)
    if doc is None:
        return None, terms
    doc.data = as_written(Settings, doc.data, doc.written)
    if isinstance(doc.data, dict):
        for name in terms:
            items = doc.data.get(name)
            if isinstance(items, list):
                terms[name] = [str(i["id"]) for i in items if isinstance(i, dict) and "id" in i]
    settings = validate_model(Settings, doc.data, doc, report)
    if settings is not None:
        for list_name in terms:
            _check_unique_terms(getattr(settings, list_name), list_name, doc, report)
        _check_contrast(settings, doc, report)
        check_accessibility(settings, doc, report)
        check_site(settings, doc, project, report)
        check_settings_translations(settings, project.table.term_lists, doc, report)
    return settings, terms


def _check_contrast(settings: Settings, doc: Document, report: Report) -> None:
    """Area colours mark cards and headings, so they must stand out from the white page (3:1).

    Text on any colour is readable by construction: black or white is picked, whichever gives
    more contrast, and one of them always reaches 4.5:1.
    """
    brand = settings.municipality.colour
    ratio = contrast(brand, "#ffffff")
    if ratio < 4.5:
        report.error(
            doc.path,
            *doc.position(("municipality", "colour")),
            f"kommunens farve {brand} er for lys til links og sidehoved ({ratio:.1f}:1 mod hvid, kravet er 4,5:1); vælg en mørkere farve",
        )
    for status, colour in settings.goal_colours:
        ratio = contrast(colour, "#ffffff")
        if ratio < 3:
            report.error(
                doc.path,
                *doc.position(("goal_colours", status)),
                f"farven {colour} til målstatus '{status}' er for lys til at ses mod den hvide side ({ratio:.1f}:1, kravet er 3:1); vælg en mørkere farve",
            )
    for i, area in enumerate(settings.areas):
        ratio = contrast(area.colour, "#ffffff")
        if ratio < 3:
            report.error(
                doc.path,
                *doc.position(("areas", i, "colour")),
                f"farven {area.colour} til '{area.id}' er for lys til at ses mod den hvide side ({ratio:.1f}:1, kravet er 3:1); vælg en mørkere farve",
            )


def _check_unique_terms(
    terms: Iterable[Term], list_name: str, doc: Document, report: Report
) -> None:
    seen: set[str] = set()
    for i, term in enumerate(terms):
        if term.id in seen:
            report.error(
                doc.path,
                *doc.position((list_name, i, "id")),
                f"id'et '{term.id}' står to gange i '{list_name}'; hvert id skal være unikt",
            )
        seen.add(term.id)


def _load_collection(
    folder: Path, col: Collection, root: Path, report: Report, unreadable: dict[str, Path]
) -> list[tuple[Any, Document]]:
    """Every readable file of one folder, with its model or None when the model had errors.

    Files with a good id that cannot be read (YAML errors) go into `unreadable`, by id.
    """
    if not folder.is_dir() or sources.path_problem(folder, root) is not None:
        return []  # a folder that leads out of the project is reported by sources.check
    result: list[tuple[Any, Document]] = []
    seen: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix not in col.suffixes:
            report.warning(
                path,
                0,
                0,
                f"filen ignoreres; kun filer, der ender på {col.suffixes[0]}, bliver læst",
            )
            continue
        stem = path.stem
        if translation_stem(stem) is not None:
            continue  # a translation: source/translations.py reads it
        if not _is_id(stem):
            report.error(
                path,
                0,
                0,
                f"filnavnet er ikke et gyldigt id: det {PATTERN_HELP[fields.ID_PATTERN]}; omdøb filen til fx '{slug(stem)}{path.suffix}'"
                + translation_hint(stem, path.suffix),
            )
            continue
        if stem in fields.RESERVED_IDS | col.reserved:
            report.error(
                path,
                0,
                0,
                f"id'et '{stem}' er reserveret til oversigtssiden og kan ikke bruges som filnavn; omdøb filen",
            )
            continue
        if stem in seen:
            report.error(
                path,
                0,
                0,
                f"id'et '{stem}' er brugt af to filer ({seen[stem].name} og {path.name}); hvert {col.noun} skal have sit eget id",
            )
            continue
        seen[stem] = path
        doc = read_item(path, col, root, report)
        if doc is None:
            unreadable[stem] = path
            continue
        if isinstance(doc.data, dict) and "id" in doc.data:
            report.error(
                path,
                *doc.position(("id",), key=True),
                "feltet 'id' skal ikke skrives; id'et er filnavnet",
            )
            doc.data = {k: v for k, v in doc.data.items() if k != "id"}
        doc.data = as_written(col.model, doc.data, doc.written)
        lifecycle.mark_placeholders(doc, report)
        data = {**doc.data, "id": stem} if isinstance(doc.data, dict) else doc.data
        result.append((validate_model(col.model, data, doc, report), doc))
    return result


def _is_id(text: str) -> bool:
    return re.fullmatch(fields.ID_PATTERN, text) is not None
