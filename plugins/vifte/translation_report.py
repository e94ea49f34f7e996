"""`vifte report oversaettelser`: per language, what has no translation, what is translated
from an older Danish text, and what is translated only in part (shown partly in Danish)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import BaseModel

from vifte.domain.catalogue import Catalogue
from vifte.domain.danish import collation_key, dato
from vifte.domain.translation import Shape, Translation, fingerprint, shape
from vifte.source.project import Project


def translations(catalogue: Catalogue, project: Project) -> str:
    languages = catalogue.settings.languages
    if not languages:
        return (
            "Sitet er kun på dansk: settings.yaml har ingen languages. Skriv fx "
            "languages: [en, uk] øverst i filen for at få sitet på flere sprog.\n"
        )
    lines = [f"Oversættelser pr. {dato(catalogue.today)} ({', '.join(languages)}).", ""]
    for language in languages:
        lines += _language(catalogue, project, language)
    return "\n".join(lines)


def _language(catalogue: Catalogue, project: Project, language: str) -> list[str]:
    own = catalogue.translations.get(language, {})
    missing: list[str] = []
    stale: list[str] = []
    partly: list[str] = []
    unknown: list[str] = []
    total = 0
    for col in catalogue.table.collections.values():
        for item in sorted(
            catalogue.items.get(col.name, ()), key=lambda i: collation_key(col.title(i))
        ):
            total += 1
            name = f"{col.noun}: {col.title(item)}"
            found = own.get(col.name, {}).get(item.id)
            if found is None:
                missing.append(f"{name} ({_rel(project, col, item.id)})")
                continue
            where = _shown(project, found)
            if found.fingerprint is not None and found.fingerprint != fingerprint(item):
                stale.append(f"{name} ({where}); skriv translated_from: {fingerprint(item)}")
            elif found.fingerprint is None:
                unknown.append(f"{name} ({where}); skriv translated_from: {fingerprint(item)}")
            left = list(_untranslated(item, shape(type(item)), found.texts))
            if left:
                partly.append(f"{name} ({where}): {', '.join(left)}")
    terms = list(_terms(catalogue, language))
    done = total - len(missing)
    out = [
        f"{_language_name(language)} ({language}): {done} af {total} oversat; "
        f"{len(missing)} mangler, {len(stale)} fra en ældre dansk tekst, {len(partly)} delvis"
    ]
    for heading, rows in (
        ("Mangler (vises på dansk):", missing),
        ("Oversat fra en ældre dansk tekst (ret oversættelsen efter den nye danske):", stale),
        ("Uden translated_from (om den danske tekst er ændret siden, kan ikke ses):", unknown),
        ("Delvis oversat; disse felter vises på dansk:", partly),
        ("settings.yaml uden oversættelse:", terms),
    ):
        if rows:
            out += [f"  {heading}", *(f"    {row}" for row in rows)]
    return [*out, ""]


def _untranslated(
    item: Any, the_shape: Shape, texts: Mapping[str, Any], at: str = ""
) -> Iterator[str]:
    """The dotted names of the item's Danish texts the translation leaves out."""
    for name in (*the_shape.texts, *the_shape.lists):
        if getattr(item, name, None) and name not in texts:
            yield at + name
    for name, inner in the_shape.nested.items():
        value = getattr(item, name, None)
        given = texts.get(name) or {}
        if isinstance(value, BaseModel):
            yield from _untranslated(value, inner, given, f"{at}{name}.")
        elif isinstance(value, list | tuple):
            for v in value:
                ident = getattr(v, "id", "")
                yield from _untranslated(v, inner, given.get(ident) or {}, f"{at}{name}.{ident}.")


def _terms(catalogue: Catalogue, language: str) -> Iterator[str]:
    settings = catalogue.settings
    for list_name in catalogue.table.term_lists:
        lacking = [t.id for t in getattr(settings, list_name) if _lacks(t, language)]
        if lacking:
            yield f"{list_name}: {', '.join(lacking)}"
    if settings.municipality.translations.get(language) is None:
        yield "municipality: name"


def _lacks(term: Any, language: str) -> bool:
    text = term.translations.get(language)
    if text is None or text.label is None:
        return True
    return term.description is not None and text.description is None


def _rel(project: Project, col: Any, item_id: str) -> str:
    folder = project.collection(col.name)
    path = next(
        (folder / f"{item_id}{s}" for s in col.suffixes if (folder / f"{item_id}{s}").exists()),
        folder / f"{item_id}{col.suffixes[0]}",
    )
    return path.relative_to(project.root).as_posix()


def _shown(project: Project, found: Translation) -> str:
    if found.path is None:
        return ""
    try:
        return found.path.relative_to(project.root).as_posix()
    except ValueError:
        return found.path.as_posix()


def _language_name(language: str) -> str:
    from babel import Locale

    name = str(Locale.parse(language).get_display_name("da"))
    return name[:1].upper() + name[1:]
