"""Translation files: `<id>.<code>.yaml` (or `.md`) beside the item they translate.

A translation holds only the citizen texts it translates (domain/translation.py's shape of the
item's model) and, optionally, `translated_from:` with the fingerprint of the Danish text it was
made from. Every problem is reported at its file and line; a translation may be partial.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from vifte.domain.entries import Collection
from vifte.domain.translation import Shape, Translation, Translations, fingerprint, shape
from vifte.source import loader, sources
from vifte.source.diagnostics import Report
from vifte.source.frontmatter import load_markdown
from vifte.source.loader import Document, YamlProblem

NAME = re.compile(r"^(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<language>[a-z]{2})$")
"""A translation file's stem: the item's id, a dot, the language code ("jobklar.en")."""
FINGERPRINT_KEY = "translated_from"


def translation_stem(stem: str) -> tuple[str, str] | None:
    """(id, language) when a file's stem names a translation, else None."""
    match = NAME.match(stem)
    return (match["id"], match["language"]) if match else None


def load_translations(
    folders: Iterable[tuple[Collection, Path]],
    items: Mapping[str, Mapping[str, Any]],
    languages: Iterable[str],
    root: Path,
    report: Report,
) -> Translations:
    """Every translation file of the collections' folders, checked; by language, collection, id.

    `items` holds each collection's items by id (None for an item with errors); `languages` the
    languages settings.yaml lists.
    """
    languages = list(languages)
    found: Translations = {}
    for col, folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix not in col.suffixes or path.name.startswith("."):
                continue
            named = translation_stem(path.stem)
            if named is None:
                continue
            item_id, language = named
            if language not in languages:
                known = ", ".join(languages) or "ingen (settings.yaml har ingen languages)"
                report.error(
                    path,
                    0,
                    0,
                    f"sproget '{language}' står ikke under languages i settings.yaml "
                    f"(der står: {known}); tilføj det dér, eller omdøb filen",
                )
                continue
            if item_id not in items.get(col.name, {}):
                report.error(
                    path,
                    0,
                    0,
                    f"der er intet {col.noun} med id'et '{item_id}' at oversætte; "
                    f"filen skal hedde som {col.definite}s egen fil, fx {item_id}{col.suffixes[0]}",
                )
                continue
            doc = _read(path, col, root, report)
            if doc is None:
                continue
            translation = _translation(doc, shape(col.model), language, report)
            if translation is None:
                continue
            source = items[col.name][item_id]
            if (
                source is not None
                and translation.fingerprint is not None
                and translation.fingerprint != fingerprint(source)
            ):
                line, column = doc.position((FINGERPRINT_KEY,))
                report.warning(
                    path,
                    line,
                    column,
                    f"den danske tekst er ændret, siden oversættelsen blev lavet; ret "
                    f"oversættelsen og skriv {FINGERPRINT_KEY}: {fingerprint(source)}",
                )
            found.setdefault(language, {}).setdefault(col.name, {})[item_id] = translation
    return found


def _read(path: Path, col: Collection, root: Path, report: Report) -> Document | None:
    if sources.problem(path, root) is not None:
        return None
    try:
        if col.format == "yaml":
            return loader.load(path)
        page = load_markdown(path)
    except YamlProblem as exc:
        report.error(path, exc.line, exc.column, exc.message)
        return None
    except OSError as exc:
        report.error(path, 0, 0, f"filen kan ikke læses ({exc.strerror})")
        return None
    doc = page.document
    if isinstance(doc.data, dict) and page.body.strip():
        doc.data[col.body_field] = page.body
        doc.positions[(col.body_field,)] = (page.body_line - 1, 1)
    return doc


def _translation(
    doc: Document, the_shape: Shape, language: str, report: Report
) -> Translation | None:
    data = doc.data
    if not isinstance(data, dict):
        report.error(doc.path, 1, 1, "en oversættelse er felter med tekst, fx title: ...")
        return None
    stamp = data.pop(FINGERPRINT_KEY, None)
    texts = _texts(doc, data, the_shape, (), report)
    if texts is None:
        return None
    return Translation(language, texts, str(stamp) if stamp is not None else None, doc.path)


def _texts(
    doc: Document, data: Mapping[str, Any], the_shape: Shape, at: tuple[Any, ...], report: Report
) -> dict[str, Any] | None:
    texts: dict[str, Any] = {}
    ok = True
    for key, value in data.items():
        loc = (*at, key)
        line, column = doc.position(loc, key=True)
        if key in the_shape.texts:
            if not isinstance(value, str) or not value.strip():
                report.error(doc.path, line, column, f"'{key}' skal være en tekst")
                ok = False
                continue
            texts[key] = value.strip()
        elif key in the_shape.lists:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                report.error(doc.path, line, column, f"'{key}' skal være en liste af tekster")
                ok = False
                continue
            texts[key] = [v.strip() for v in value]
        elif key in the_shape.nested and isinstance(value, dict):
            inner = the_shape.nested[key]
            parts = {}
            nested_ok = True
            for sub, sub_value in value.items():
                if isinstance(sub_value, dict) and not (inner.texts and sub in inner.texts):
                    found = _texts(doc, sub_value, inner, (*loc, sub), report)
                    nested_ok &= found is not None
                    parts[sub] = found or {}
                else:
                    found = _texts(doc, {sub: sub_value}, inner, loc, report)
                    nested_ok &= found is not None
                    parts.update(found or {})
            ok &= nested_ok
            texts[key] = parts
        else:
            allowed = ", ".join([*the_shape.texts, *the_shape.lists, *the_shape.nested])
            report.error(
                doc.path,
                line,
                column,
                f"'{key}' kan ikke oversættes her; en oversættelse har kun tekster til borgeren "
                f"({allowed}); id'er, datoer og kontakter står kun i den danske fil",
            )
            ok = False
    return texts if ok else None
