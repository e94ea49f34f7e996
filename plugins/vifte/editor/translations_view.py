"""An item's translations beside its Danish texts, for the editor's form.

Read from the files as they are written, so that a half-filled draft and a translation with a
problem still show what they hold: each translatable field (domain/translation.py's `shape`) by
its dotted path in the form's data (`location.accessibility`, a goal's `goals.0.title`), with its
Danish text and each language's. A translation whose `translated_from` differs from today's
fingerprint of the Danish texts was made from an older Danish text, and is marked so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from vifte.domain.entries import Collection
from vifte.domain.fields import ID_PATTERN
from vifte.domain.languages import language_name
from vifte.domain.translation import Shape, fingerprint, shape
from vifte.domain.words import gettext
from vifte.source.diagnostics import Report
from vifte.source.item_file import read_item, read_yaml
from vifte.source.model_check import validate_model
from vifte.source.project import Project
from vifte.source.translation_model import FINGERPRINT_KEY
from vifte.source.translations import NAME
from vifte.source.written import as_written

NOTHING: dict[str, Any] = {"languages": [], "fields": {}}
"""The view of an item with no translations to show."""


def translations_of(project: Project, collection: str, slug: str) -> dict[str, Any]:
    """For each translatable field of the item: its Danish text and each language's translation,
    and per language whether it was made from an older Danish text (`stale`: None when unknown).

    An unknown collection or item (a new one, not saved yet) has none: `NOTHING`."""
    col = project.table.collections.get(collection)
    if col is None or not _is_id(slug):
        return dict(NOTHING)
    folder = project.collection(col.name)
    source = next(
        (folder / f"{slug}{s}" for s in col.suffixes if (folder / f"{slug}{s}").is_file()), None
    )
    if source is None:
        return dict(NOTHING)
    report = Report(project.root)  # the editor's checks report problems; this only shows texts
    doc = read_item(source, col, project.root, report)
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    today = _fingerprint(col, slug, data, doc)
    the_shape = shape(col.model)
    danish = dict(_texts(the_shape, data, ids=False))
    languages: list[dict[str, Any]] = []
    fields: dict[str, dict[str, Any]] = {path: {"da": text} for path, text in danish.items()}
    for code in _languages(project, folder, slug):
        path = next(
            (
                folder / f"{slug}.{code}{s}"
                for s in col.suffixes
                if (folder / f"{slug}.{code}{s}").is_file()
            ),
            None,
        )
        written = _read(path, col, project, report)
        stamp = written.get(FINGERPRINT_KEY)
        stale = None if stamp is None or today is None else str(stamp) != today
        languages.append(
            {
                "code": code,
                "name": _capital(language_name(code) or code),
                "file": None if path is None else path.relative_to(project.root).as_posix(),
                "translated_from": None if stamp is None else str(stamp),
                "stale": stale,
            }
        )
        for dotted, text in _texts(the_shape, written, ids=True, order=data):
            fields.setdefault(dotted, {"da": None})[code] = text
    return {
        "collection": col.name,
        "slug": slug,
        "fingerprint": today,
        "languages": languages,
        "fields": fields if languages else {},
        "words": {
            "heading": gettext("Oversættelser"),
            "stale": gettext("Oversat fra en ældre dansk tekst; ret oversættelsen"),
            "missing": gettext("Ikke oversat: vises på dansk"),
            "unknown": gettext(
                "Uden translated_from: om den danske tekst er ændret siden, kan ikke ses"
            ),
        },
    }


def _languages(project: Project, folder: Path, slug: str) -> list[str]:
    """settings.yaml's languages, then any other language the item has a file in."""
    report = Report(project.root)
    settings_doc = read_yaml(project.settings_file, project.root, report)
    listed: list[str] = []
    if settings_doc is not None and isinstance(settings_doc.data, dict):
        raw = settings_doc.data.get("languages")
        listed = [str(c) for c in raw if isinstance(c, str)] if isinstance(raw, list) else []
    found = [
        m["language"]
        for p in sorted(folder.glob(f"{slug}.*"))
        if (m := NAME.match(p.stem)) and m["id"] == slug
    ]
    return list(dict.fromkeys([*listed, *found]))


def _read(path: Path | None, col: Collection, project: Project, report: Report) -> dict[str, Any]:
    if path is None:
        return {}
    doc = read_item(path, col, project.root, report)
    return doc.data if doc is not None and isinstance(doc.data, dict) else {}


def _fingerprint(col: Collection, slug: str, data: Mapping[str, Any], doc: Any) -> str | None:
    """Today's fingerprint of the Danish texts, or None when the item does not pass its model."""
    if doc is None:
        return None
    written = as_written(col.model, dict(data), doc.written)
    item = validate_model(col.model, {**written, "id": slug}, doc, Report(doc.path.parent))
    return None if item is None else fingerprint(item)


def _texts(
    the_shape: Shape,
    data: Mapping[str, Any],
    *,
    ids: bool,
    order: Mapping[str, Any] | None = None,
    at: str = "",
) -> Iterator[tuple[str, Any]]:
    """(dotted path, text) of each translatable text written in `data`. A list of models with ids
    (goals) is a list in the item and a mapping by id in a translation (`ids`); both come out at
    the item's index (`order`: the item's data)."""
    for name in (*the_shape.texts, *the_shape.lists):
        value = data.get(name)
        if isinstance(value, str) or (
            isinstance(value, list) and value and all(isinstance(v, str) for v in value)
        ):
            yield at + name, value
    for name, inner in the_shape.nested.items():
        value = data.get(name)
        listed = (order or data).get(name)
        if isinstance(listed, list):  # a list of models: by index in the form
            if ids and isinstance(value, dict):
                place = [str(e.get("id")) if isinstance(e, dict) else None for e in listed]
                pairs = [(place.index(str(k)), v) for k, v in value.items() if str(k) in place]
            else:
                pairs = list(enumerate(value)) if isinstance(value, list) else []
            for index, entry in pairs:
                if isinstance(entry, dict):
                    yield from _texts(inner, entry, ids=ids, at=f"{at}{name}.{index}.")
        elif isinstance(value, dict):
            inner_order = (order or {}).get(name)
            yield from _texts(
                inner,
                value,
                ids=ids,
                order=inner_order if isinstance(inner_order, dict) else None,
                at=f"{at}{name}.",
            )


def _capital(name: str) -> str:
    return name[:1].upper() + name[1:]


def _is_id(text: str) -> bool:
    return re.fullmatch(ID_PATTERN, text) is not None
