"""Translation files: `<id>.<code>.yaml` (or `.md`) beside the item they translate.

A translation holds only the citizen texts it translates and, optionally, `translated_from:`
with the fingerprint of the Danish text it was made from. It is checked like the item itself,
by the item's own rules (source/translation_model.py), every problem at its file and line in
the same run; a translation may be partial. A translation of a draft is checked as a draft:
its problems are warnings, and it is published with the item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from vifte.domain.danish import slug
from vifte.domain.entries import Collection
from vifte.domain.fields import markdown_fields
from vifte.domain.settings import Settings
from vifte.domain.translation import Translation, Translations, fingerprint, shape
from vifte.source import sources
from vifte.source.diagnostics import Report
from vifte.source.item_file import read_item
from vifte.source.lifecycle import DRAFT_PREFIX
from vifte.source.loader import Document, Loc
from vifte.source.messages import did_you_mean, dotted, explain, model_in
from vifte.source.model_check import validate_model
from vifte.source.translation_model import FINGERPRINT_KEY, translation_model
from vifte.source.written import as_written

NAME = re.compile(r"^(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<language>[a-z]{2})$")
"""A translation file's stem: the item's id, a dot, the language code ("jobklar.en")."""

Linked = list[tuple[Any, Document]]
"""(the item with only its translated Markdown texts, the translation's file): links to check."""


def translation_stem(stem: str) -> tuple[str, str] | None:
    """(id, language) when a file's stem names a translation, else None."""
    match = NAME.match(stem)
    return (match["id"], match["language"]) if match else None


def translation_hint(stem: str, suffix: str) -> str:
    """For a file name with a dot that names no translation: how a translation's name is written."""
    if "." not in stem:
        return ""
    item_id, _, code = stem.rpartition(".")
    return (
        f"; er filen en oversættelse, hedder den id'et, et punktum og en sprogkode på to små "
        f"bogstaver, fx '{slug(item_id)}.{code.lower()[:2] or 'en'}{suffix}'"
    )


def load_translations(
    folders: Iterable[tuple[Collection, Path]],
    items: Mapping[str, Mapping[str, Any]],
    languages: Iterable[str] | None,
    root: Path,
    report: Report,
    *,
    drafts: Mapping[str, set[str]] | None = None,
    linked: Linked | None = None,
) -> Translations:
    """Every translation file of the collections' folders, checked; by language, collection, id.

    `items` holds each collection's items by id (None for an item with errors); `languages` the
    languages settings.yaml lists; `drafts` the ids of each collection's drafts. `linked`, when
    given, receives the translated Markdown texts of published items, for the link check.
    """
    listed = None if languages is None else list(languages)
    drafts = drafts or {}
    found: Translations = {}
    for col, folder in folders:
        if not folder.is_dir() or sources.path_problem(folder, root) is not None:
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix not in col.suffixes or path.name.startswith(".") or path.is_dir():
                continue
            named = translation_stem(path.stem)
            if named is None:
                continue
            item_id, language = named
            if listed is not None and language not in listed:
                known = ", ".join(listed) or "ingen (settings.yaml har ingen languages)"
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
                    f"der er intet {col.noun} med id'et '{item_id}' at oversætte"
                    f"{did_you_mean(item_id, items.get(col.name, {}))}; filen skal hedde som "
                    f"{col.definite}s egen fil med sprogkoden foran endelsen, fx "
                    f"{item_id}.{language}{col.suffixes[0]} ved siden af {item_id}{col.suffixes[0]}",
                )
                continue
            source = items[col.name][item_id]
            draft = item_id in drafts.get(col.name, set())
            doc = read_item(path, col, root, report)
            translation = None if doc is None else _translation(doc, col, source, language, report)
            if draft:
                report.downgrade({report.display(path)}, DRAFT_PREFIX)
            if translation is None or doc is None:
                continue
            found.setdefault(language, {}).setdefault(col.name, {})[item_id] = translation
            if linked is not None and source is not None and not draft:
                linked.append((_markdown_only(source, translation), doc))
    return found


def check_settings_translations(
    settings: Settings, term_lists: Iterable[str], doc: Document, report: Report
) -> None:
    """Each `translations:` of settings.yaml only in a language its `languages:` lists."""
    places: list[tuple[Loc, Any]] = [
        (("municipality",), settings.municipality),
        (("site",), settings.site),
    ]
    for name in term_lists:
        places += [((name, i), term) for i, term in enumerate(getattr(settings, name))]
    known = ", ".join(settings.languages) or "ingen"
    for at, owner in places:
        for language in owner.translations:
            if language not in settings.languages:
                report.error(
                    doc.path,
                    *doc.position((*at, "translations", language), key=True),
                    f"sproget '{language}' står ikke under languages (der står: {known}); "
                    "tilføj det dér, eller slet oversættelsen",
                )


def _translation(
    doc: Document, col: Collection, source: Any, language: str, report: Report
) -> Translation | None:
    if doc.data is None and not doc.problems:
        report.warning(doc.path, 1, 1, _NOTHING)
        return None
    model = translation_model(col.model)
    data = as_written(model, doc.data, doc.written)
    checked = validate_model(model, data, doc, report, _explainer(col.model))
    unknown_goals = _unknown_ids(doc, col.model, source, report)
    if checked is None or unknown_goals:
        return None
    texts = checked.model_dump(exclude_none=True, exclude={FINGERPRINT_KEY})
    if not texts:
        report.warning(doc.path, 1, 1, _NOTHING)
        return None
    stamp = getattr(checked, FINGERPRINT_KEY)
    if source is not None:
        _unused(doc, col.model, source, texts, report)
        if stamp is not None and stamp != fingerprint(source):
            report.warning(
                doc.path,
                *doc.position((FINGERPRINT_KEY,)),
                f"den danske tekst er ændret, siden oversættelsen blev lavet; ret "
                f"oversættelsen og skriv {FINGERPRINT_KEY}: {fingerprint(source)}",
            )
    return Translation(language, texts, stamp, doc.path)


_NOTHING = (
    "filen oversætter ingen tekster endnu; skriv oversættelserne (fx title: ...), eller slet filen"
)


def _explainer(source: type[BaseModel]) -> Any:
    """Model errors worded for a translation: a field of the item that is no citizen text is
    named as such, with the fields that may be translated where it stands."""

    def words(cls: type[BaseModel], loc: tuple[Any, ...], err: Any) -> str:
        if err["type"] != "extra_forbidden":
            return explain(cls, loc, err)
        allowed = ", ".join(f for f in _fields_at(cls, loc[:-1]) if f != FINGERPRINT_KEY)
        if str(loc[-1]) in _fields_at(source, loc[:-1]):
            return (
                f"'{dotted(loc)}' kan ikke oversættes; en oversættelse har kun tekster til "
                f"borgeren ({allowed}); id'er, datoer og kontakter står kun i den danske fil"
            )
        return f"ukendt felt '{dotted(loc)}'; her kan oversættes: {allowed}"

    return words


def _fields_at(cls: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The fields at `loc` in a model; the id or index after a list of models is stepped over."""
    current: Any = cls
    parts = iter(loc)
    for part in parts:
        info = current.model_fields.get(part)
        current = model_in(info.annotation) if info is not None else None
        if current is None:
            return []
        if _by_id(info.annotation):
            next(parts, None)
    return list(current.model_fields)


def _by_id(annotation: Any) -> bool:
    if get_origin(annotation) in (dict, list, tuple):
        return True
    return any(_by_id(a) for a in get_args(annotation) if get_origin(a) is not None)


def _unknown_ids(doc: Document, model: type[BaseModel], source: Any, report: Report) -> bool:
    """Report each translated goal (a model in a list, by id) the item does not have."""
    if source is None or not isinstance(doc.data, dict):
        return False
    found = False
    the_shape = shape(model)
    for name in the_shape.nested:
        value = getattr(source, name)
        given = doc.data.get(name)
        if not isinstance(value, list | tuple) or not isinstance(given, dict):
            continue
        ids = [str(getattr(v, "id", "")) for v in value]
        for key in given:
            if str(key) not in ids:
                found = True
                report.error(
                    doc.path,
                    *doc.position((name, key), key=True),
                    f"'{name}' har intet med id'et '{key}'; "
                    f"ids i den danske fil: {', '.join(ids) or 'ingen'}",
                )
    return found


def _unused(
    doc: Document, model: type[BaseModel], source: Any, texts: Mapping[str, Any], report: Report
) -> None:
    """Warn about a translated text whose Danish field is empty: no page would show it."""
    the_shape = shape(model)
    unused: list[Loc] = []
    for name, value in texts.items():
        if name in the_shape.nested and isinstance(getattr(source, name), BaseModel | None):
            inner = getattr(source, name)
            unused += [(name, s) for s in value if getattr(inner, s, None) is None]
        elif name in the_shape.texts and getattr(source, name) is None:
            unused.append((name,))
    for loc in unused:
        report.warning(
            doc.path,
            *doc.position(loc, key=True),
            f"den danske fil har ingen '{dotted(loc)}', så oversættelsen bliver ikke vist; "
            "skriv den danske tekst først",
        )


def _markdown_only(source: Any, translation: Translation) -> Any:
    """The item with its translated Markdown texts in place and no other Markdown text."""
    return source.model_copy(
        update={f: translation.texts.get(f) for f in markdown_fields(type(source))}
    )
