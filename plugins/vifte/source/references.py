"""Checks across files: every id a file refers to exists, and images and attachments exist."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from vifte.domain.collections import Table
from vifte.domain.images import RASTER
from vifte.domain.model import Image, Offer
from vifte.domain.refs import ref_paths, values_at
from vifte.domain.strategy import Attached
from vifte.source import raster
from vifte.source.diagnostics import Report, shorten
from vifte.source.lifecycle import is_placeholder
from vifte.source.loader import Document
from vifte.source.messages import did_you_mean
from vifte.source.project import CATALOGUE, IMAGES, SETTINGS, Project
from vifte.source.written import options


def check_references(
    project: Project,
    terms: dict[str, list[str] | None],
    loaded: dict[str, list[tuple[Any, Document]]],
    unreadable: dict[str, dict[str, Path]],
    report: Report,
) -> None:
    """Check every id a file refers to, as its model's `Ref` fields declare; reads the raw data,
    so files with other errors are checked too.

    `terms` holds the ids of each term list that could be read from settings.yaml (None for a
    list that could not), so an error there hides no other file's reference errors. A file that
    could not be read is still known by its id: pointing at it is no error of its own.
    """
    known: dict[str, tuple[str, list[str], dict[str, Path]]] = {}
    for name, ids in terms.items():
        if ids is not None:
            known[name] = (SETTINGS, ids, {})
    for name, items in loaded.items():
        where = f"mappen {Report(project.root).display(project.collection(name))}"
        known[name] = (where, [d.path.stem for _, d in items], unreadable[name])
    table = project.table
    for name, items in loaded.items():
        col = table.collections[name]
        refs = ref_paths(col.model)
        images = _image_fields(col.model)
        attachments = _attachment_fields(col.model)
        for item, doc in items:
            data = doc.data
            if not isinstance(data, dict):
                continue
            for path, ref in refs:
                if ref.target in known:
                    for value, loc in values_at(data, path, ()):
                        _check_field(value, loc, ref.target, known[ref.target], table, doc, report)
            if item is None:
                continue
            for severity, loc, message in col.problems(item):
                (report.error if severity == "error" else report.warning)(
                    doc.path, *doc.position(loc), message
                )
            if isinstance(item, Offer):
                _offer_warnings(item, doc, report)
            for name, attached in attachments:
                value = getattr(item, name, None)
                if value is not None:
                    problem = _attachment_problem(project.collection(col.name), attached, value)
                    if problem:
                        report.error(doc.path, *doc.position((name,)), problem)
            for image_field in images:
                image = getattr(item, image_field, None)
                if image is not None:
                    problem = _image_problem(project.images, image.file)
                    if problem:
                        report.error(doc.path, *doc.position((image_field, "file")), problem)


def _check_field(
    value: Any,
    field: tuple[str | int, ...],
    target: str,
    known: tuple[str, list[str], dict[str, Path]],
    table: Table,
    doc: Document,
    report: Report,
) -> None:
    where, allowed, broken = known
    noun = table.target_noun(target)
    refs = (
        [(value, field)]
        if isinstance(value, str)
        else (
            [(v, (*field, i)) for i, v in enumerate(value) if isinstance(v, str)]
            if isinstance(value, list)
            else []
        )
    )
    for ref, loc in refs:
        if is_placeholder(ref):
            continue  # reported by lifecycle.mark_placeholders
        if ref in broken:
            report.warning(
                doc.path,
                *doc.position(loc),
                f'{table.collections[target].definite} "{ref}" har selv fejl (se {report.display(broken[ref])}); ret dem først',
            )
        elif ref not in allowed:
            hint = did_you_mean(ref, allowed)
            listing = f"; kendte: {', '.join(allowed)}" if 0 < len(allowed) <= 12 else ""
            report.error(
                doc.path,
                *doc.position(loc),
                f'ukendt {noun} "{shorten(ref)}"{hint} ({noun} skal findes i {where}{listing})',
            )


def _image_fields(model: type[BaseModel]) -> list[str]:
    return [
        name
        for name, info in model.model_fields.items()
        if any(o is Image for o in options(info.annotation))
    ]


def _attachment_fields(model: type[BaseModel]) -> list[tuple[str, Attached]]:
    out = []
    for name, info in model.model_fields.items():
        marks = [*_marks(info.annotation), *info.metadata]
        out += [(name, m) for m in marks if isinstance(m, Attached)]
    return out


def _marks(annotation: Any) -> list[Any]:
    """The metadata of every `Annotated` inside an annotation (`Annotated[str, X] | None`)."""
    if get_origin(annotation) is Annotated:
        return [*annotation.__metadata__, *_marks(get_args(annotation)[0])]
    return [m for arg in get_args(annotation) for m in _marks(arg)]


def attachment_path(folder: Path, attached: Attached, name: str) -> Path:
    return folder / attached.folder / name


def _attachment_problem(folder: Path, attached: Attached, name: str) -> str | None:
    """An attached file must be a PDF that really lies in the folder, also after symlinks."""
    where = f"{folder.name}/{attached.folder}"
    base = os.path.realpath(folder / attached.folder)
    real = os.path.realpath(attachment_path(folder, attached, name))
    if not real.startswith(base + os.sep):
        return f"filen '{name}' ligger uden for mappen {where}; læg den i den mappe"
    if not os.path.isfile(real):
        return f"filen '{name}' findes ikke i mappen {where}"
    if os.path.splitext(name)[1].lower() != ".pdf":
        return f"filen '{name}' skal være en PDF (.pdf)"
    return None


FOLDER = f"{CATALOGUE}/{IMAGES}"


def _image_problem(images: Path, name: str) -> str | None:
    """An image must be a file that really lies in catalogue/images, also after symlinks."""
    real = os.path.realpath(images / name)
    if not real.startswith(os.path.realpath(images) + os.sep):
        return f"billedet '{name}' ligger uden for mappen {FOLDER}; læg billedet i den mappe"
    if not os.path.isfile(real):
        return f"billedet '{name}' findes ikke i mappen {FOLDER}"
    if os.path.splitext(name)[1].lower() not in RASTER:
        return (
            f"billedet '{name}' bliver udgivet på sitet, og det må kun være "
            f"{', '.join(t.lstrip('.').upper() for t in RASTER)}; gem det i en af de filtyper"
        )
    if broken := raster.problem(Path(real)):
        return f"billedet '{FOLDER}/{name}' kan ikke vises: {broken}"
    return None


def _offer_warnings(offer: Offer, doc: Document, report: Report) -> None:
    if offer.id in offer.related:
        report.warning(
            doc.path,
            *doc.position(("related", offer.related.index(offer.id))),
            "tilbuddet henviser til sig selv under 'related'",
        )
