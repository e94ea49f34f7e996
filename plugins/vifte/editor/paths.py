"""The paths Decap may name: a collection's item files and the images folder, nothing else.

A path from the browser is relative to the project, with forward slashes, directly inside one
of those folders (no subfolder, no hidden name, no `..`, no control character), and it stays
inside after symlinks are followed. Anything else is refused before a file is touched.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from vifte.domain import fields
from vifte.domain.entries import Collection
from vifte.source.project import Project, folder_of
from vifte.source.translations import translation_stem

UNSAFE = re.compile(r"[\x00-\x1f\x7f\\]")
MEDIA = "catalogue/images"


class PathRefused(Exception):
    """A path outside what the editor may read or write; the message is Danish."""


@dataclass(frozen=True)
class ItemPath:
    """An item's file: its collection, its id and where it lies."""

    col: Collection
    id: str
    file: Path
    relative: str


def _parts(raw: object) -> tuple[str, str]:
    """(folder, name) of a relative path, or PathRefused."""
    if not isinstance(raw, str) or not raw or UNSAFE.search(raw) or raw.startswith("/"):
        raise PathRefused("stien er ikke en sti i projektet")
    path = PurePosixPath(raw)
    if any(p in ("", ".", "..") or p.startswith(".") for p in path.parts) or len(path.parts) < 2:
        raise PathRefused(f"stien '{raw[:80]}' er ikke en fil i en af projektets mapper")
    return str(path.parent), path.name


def _inside(project: Project, file: Path, folder: Path) -> None:
    """Refuse a file that leaves `folder` or the project once symlinks are followed."""
    base = os.path.realpath(folder)
    root = os.path.realpath(project.root)
    real = os.path.realpath(file)
    if not base.startswith(root + os.sep) or not real.startswith(base + os.sep):
        raise PathRefused(f"'{file.name}' ligger uden for sin mappe i projektet")


def collection_at(project: Project, folder: object) -> Collection:
    """The collection whose folder Decap names."""
    for col in project.table.collections.values():
        if folder == folder_of(col):
            return col
    raise PathRefused(f"'{str(folder)[:80]}' er ikke en af projektets mapper med indhold")


def item_path(project: Project, raw: object) -> ItemPath:
    """The item file a path names, checked; a translation's file is not an item."""
    folder, name = _parts(raw)
    col = collection_at(project, folder)
    stem, suffix = os.path.splitext(name)
    if suffix not in col.suffixes:
        raise PathRefused(f"'{name}' er ikke en {col.suffixes[0]}-fil")
    if translation_stem(stem) is not None:
        raise PathRefused(f"'{name}' er en oversættelse; den redigeres i sin egen fil")
    if not re.fullmatch(fields.ID_PATTERN, stem) or stem in fields.RESERVED_IDS | col.reserved:
        raise PathRefused(
            f"'{stem}' kan ikke bruges som id; et id består af små bogstaver a-z, tal og "
            "bindestreger, fx 'gaeldsraadgivning'"
        )
    file = project.collection(col.name) / name
    _inside(project, file, project.collection(col.name))
    return ItemPath(col, stem, file, f"{folder}/{name}")


def media_path(project: Project, raw: object) -> Path:
    """A file directly in catalogue/images, checked (the name itself is checked by media.py)."""
    folder, name = _parts(raw)
    if folder != MEDIA:
        raise PathRefused(f"billeder ligger i mappen {MEDIA}, ikke i '{folder[:80]}'")
    file = project.images / name
    _inside(project, file, project.images)
    return file
