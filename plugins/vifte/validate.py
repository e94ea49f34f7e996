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
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from vifte import loader, model, sources
from vifte.colour import contrast
from vifte.danish import slug
from vifte.diagnostics import CatalogueError, Report
from vifte.loader import Document, YamlProblem
from vifte.messages import PATTERN_HELP, explain
from vifte.model import Catalogue, Settings
from vifte.references import COLLECTIONS, check_references
from vifte.written import as_written

M = TypeVar("M", bound=BaseModel)

NOUNS = {"offers": "tilbud", "mentors": "mentor", "enterprises": "virksomhed"}


def load_catalogue(
    root: Path,
    *,
    today: dt.date | None = None,
    links: bool = True,
    docs_dir: Path | None = None,
    theme_dir: Path | None = None,
) -> tuple[Catalogue | None, Report]:
    """Load and check a project's catalogue/ folder; the catalogue is None when there are errors.

    Every folder the build reads is checked first for files it must not read or publish
    (docs_dir defaults to site_src/). With `links` (the default, so that whatever the check
    accepts the build builds), the texts and the docs folder are checked for what would stop the
    build: broken internal links, pages at a generated page's address, unknown blocks.
    """
    report = Report(root)
    docs_dir = docs_dir or root / "site_src"
    sources.check(root, report, docs_dir, theme_dir)
    folder = root / "catalogue"
    settings = _load_settings(folder / "settings.yaml", root, report)
    loaded: dict[str, list[tuple[Any, Document]]] = {}
    unreadable: dict[str, dict[str, Path]] = {}
    for name, cls in COLLECTIONS.items():
        unreadable[name] = {}
        loaded[name] = _load_collection(folder / name, cls, root, report, unreadable[name])
    if settings is not None:
        check_references(settings, loaded, unreadable, folder, report, today or dt.date.today())
    if report.errors or settings is None:
        return None, report
    catalogue = Catalogue(
        settings=settings,
        offers=tuple(sorted((m for m, _ in loaded["offers"]), key=lambda o: o.id)),
        mentors=tuple(sorted((m for m, _ in loaded["mentors"]), key=lambda o: o.id)),
        enterprises=tuple(sorted((m for m, _ in loaded["enterprises"]), key=lambda o: o.id)),
    )
    if links:
        from vifte.links import check_sources

        documents = [pair for items in loaded.values() for pair in items]
        check_sources(catalogue, documents, report, docs_dir)
        if report.errors:
            return None, report
    return catalogue, report


def require_catalogue(
    root: Path, docs_dir: Path | None = None, theme_dir: Path | None = None
) -> tuple[Catalogue, Report]:
    """Like load_catalogue, but raise CatalogueError when the catalogue has errors."""
    catalogue, report = load_catalogue(root, docs_dir=docs_dir, theme_dir=theme_dir)
    if catalogue is None:
        raise CatalogueError(report)
    return catalogue, report


def _load_settings(path: Path, root: Path, report: Report) -> Settings | None:
    if not os.path.lexists(path):
        report.error(
            path,
            0,
            0,
            "filen mangler; den skal beskrive kommunen, områder, adgang, temaer og målgrupper (start med 'vifte init')",
        )
        return None
    if sources.path_problem(path.parent, root) is not None:
        return None  # reported by sources.check
    doc = _read(path, root, report)
    if doc is None:
        return None
    doc.data = as_written(Settings, doc.data, doc.written)
    settings = _validate(Settings, doc.data, doc, report)
    if settings is not None:
        for list_name in ("areas", "access", "themes", "target_groups"):
            _check_unique_terms(getattr(settings, list_name), list_name, doc, report)
        _check_contrast(settings, doc, report)
    return settings


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
    for i, area in enumerate(settings.areas):
        ratio = contrast(area.colour, "#ffffff")
        if ratio < 3:
            report.error(
                doc.path,
                *doc.position(("areas", i, "colour")),
                f"farven {area.colour} til '{area.id}' er for lys til at ses mod den hvide side ({ratio:.1f}:1, kravet er 3:1); vælg en mørkere farve",
            )


def _check_unique_terms(
    terms: Iterable[model.Term], list_name: str, doc: Document, report: Report
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
    folder: Path, cls: type[M], root: Path, report: Report, unreadable: dict[str, Path]
) -> list[tuple[M | None, Document]]:
    """Every readable file of one folder, with its model or None when the model had errors.

    Files with a good id that cannot be read (YAML errors) go into `unreadable`, by id.
    """
    if not folder.is_dir() or sources.path_problem(folder, root) is not None:
        return []  # a folder that leads out of the project is reported by sources.check
    result: list[tuple[M | None, Document]] = []
    seen: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix not in (".yaml", ".yml"):
            report.warning(
                path, 0, 0, "filen ignoreres; kun filer, der ender på .yaml, bliver læst"
            )
            continue
        stem = path.stem
        noun = NOUNS[folder.name]
        if not _is_id(stem):
            report.error(
                path,
                0,
                0,
                f"filnavnet er ikke et gyldigt id: det {PATTERN_HELP[model.ID_PATTERN]}; omdøb filen til fx '{slug(stem)}{path.suffix}'",
            )
            continue
        if stem in model.RESERVED_IDS:
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
                f"id'et '{stem}' er brugt af to filer ({seen[stem].name} og {path.name}); hvert {noun} skal have sit eget id",
            )
            continue
        seen[stem] = path
        doc = _read(path, root, report)
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
        doc.data = as_written(cls, doc.data, doc.written)
        data = {**doc.data, "id": stem} if isinstance(doc.data, dict) else doc.data
        result.append((_validate(cls, data, doc, report), doc))
    return result


def _read(path: Path, root: Path, report: Report) -> Document | None:
    if sources.problem(path, root) is not None:
        return None  # reported by sources.check, which load_catalogue runs first
    try:
        return loader.load(path)
    except YamlProblem as exc:
        report.error(path, exc.line, exc.column, exc.message)
    except OSError as exc:
        report.error(path, 0, 0, f"filen kan ikke læses ({exc.strerror})")
    return None


def _validate(cls: type[M], data: Any, doc: Document, report: Report) -> M | None:
    if not isinstance(data, dict):
        report.error(
            doc.path,
            1,
            1,
            "filen skal bestå af felter som 'title: Gældsrådgivning', ikke en liste eller en løs tekst",
        )
        return None
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            # A missing field is reported where its parent starts; an unknown one at its key.
            line, column = doc.position(
                loc[:-1] if err["type"] == "missing" else loc, key=err["type"] == "extra_forbidden"
            )
            report.error(doc.path, line, column, explain(cls, loc, err))
        return None


def _is_id(text: str) -> bool:
    return re.fullmatch(model.ID_PATTERN, text) is not None
