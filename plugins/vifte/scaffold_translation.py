"""`vifte new oversaettelse tilbud/<id> en`: start a translation file from an item.

The file holds each Danish citizen text as a comment above a commented-out field to translate,
and `translated_from:` with the fingerprint of the Danish texts, so `vifte check` can say when
they change. Untouched, the file translates nothing (a warning), and the pages stay Danish.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from vifte.domain.collections import Table
from vifte.domain.entries import Collection
from vifte.domain.registry import TABLE
from vifte.domain.translation import Shape, fingerprint, shape
from vifte.domain.words import interface_languages
from vifte.scaffold import ScaffoldError
from vifte.source import loader
from vifte.source.diagnostics import Report
from vifte.source.frontmatter import load_markdown
from vifte.source.model_check import validate_model
from vifte.source.project import Project
from vifte.source.schema import TRANSLATION
from vifte.source.translation_model import FINGERPRINT_KEY
from vifte.source.written import as_written

WORDS = ("oversaettelse", "oversættelse", "translation")
"""What `vifte new` accepts for a translation (the kind word)."""
KIND = "translation"


def new_translation(project: Path, ref: str, language: str, table: Table = TABLE) -> Path:
    """Write `<id>.<language>.<suffix>` beside the item `ref` ("tilbud/<id>") names."""
    known = interface_languages()
    if language not in known:
        raise ScaffoldError(
            f"vifte har ikke sine egne ord på sproget '{language}'; det kender {', '.join(known)}"
        )
    the_project = Project.at(project, table=table)
    listed = _languages(the_project)
    if language not in listed:
        raise ScaffoldError(
            f"sproget '{language}' står ikke under languages i {_shown(the_project.settings_file, project)}"
            f" (der står: {', '.join(listed) or 'ingen'}); tilføj det dér, "
            f"fx languages: [{', '.join([*listed, language])}]"
        )
    col, item_id = _reference(ref, table)
    folder = the_project.collection(col.name)
    source = next(
        (folder / f"{item_id}{s}" for s in col.suffixes if (folder / f"{item_id}{s}").is_file()),
        None,
    )
    if source is None:
        raise ScaffoldError(
            f"der er intet {col.noun} med id'et '{item_id}' ({_shown(folder, project)} har ingen "
            f"{item_id}{col.suffixes[0]})"
        )
    target = folder / f"{item_id}.{language}{source.suffix}"
    if target.exists():
        raise ScaffoldError(f"{_shown(target, project)} findes allerede; ret den eksisterende fil")
    item = _item(source, col, item_id, project)
    text = _file_text(item, col, source.name, language, _schema_path(project, folder, col))
    target.write_text(text, encoding="utf-8")
    return target


def _reference(ref: str, table: Table) -> tuple[Collection, str]:
    """The collection and id `ref` names: "tilbud/<id>", "mentor/<id>", or the item's file."""
    parts = [p for p in re.split(r"[/\\]", ref.strip()) if p]
    if len(parts) >= 2:
        item_id = parts[-1].split(".")[0]
        word = " ".join(parts[-2].lower().replace("-", " ").split())
        for col in table.collections.values():
            # The page's path (tilbud/), the item's folder (offers/), or a word for the kind.
            if word in (col.section, col.name, col.noun, col.plural, col.kind):
                return col, item_id
    sections = ", ".join(f"{c.section}/<id>" for c in table.collections.values())
    raise ScaffoldError(
        f"'{ref}' siger ikke, hvad der skal oversættes; skriv fx tilbud/<id> (mulige: {sections})"
    )


def _languages(project: Project) -> list[str]:
    try:
        data: Any = loader.load(project.settings_file).data
    except (loader.YamlProblem, OSError):
        return []
    listed = data.get("languages") if isinstance(data, dict) else None
    return [str(c) for c in listed] if isinstance(listed, list) else []


def _item(path: Path, col: Collection, item_id: str, project: Path) -> BaseModel:
    """The item as its model reads it; a Danish refusal when the file has errors."""
    report = Report(project)
    try:
        if col.format == "yaml":
            doc = loader.load(path)
        else:
            page = load_markdown(path)
            doc = page.document
            if isinstance(doc.data, dict) and page.body.strip():
                doc.data[col.body_field] = page.body
    except (loader.YamlProblem, OSError):
        doc = None
    data = as_written(col.model, doc.data, doc.written) if doc is not None else None
    model = (
        validate_model(col.model, {**data, "id": item_id}, doc, report)
        if doc is not None and isinstance(data, dict)
        else None
    )
    if model is None:
        raise ScaffoldError(
            f"{_shown(path, project)} har fejl; ret dem først ('vifte check' viser dem), "
            "så oversættelsen starter fra den rigtige danske tekst"
        )
    return model


def _file_text(
    item: BaseModel, col: Collection, name: str, language: str, schema: str | None
) -> str:
    title = col.title(item)
    head = [f"# yaml-language-server: $schema={schema}"] if schema and col.format == "yaml" else []
    head += [
        f"# Oversættelse til {_language_name(language)} ({language}) af {col.definite} "
        f'"{title}" ({name}).',
        "# Under hver dansk tekst står feltet: skriv oversættelsen, og fjern '# ' foran linjen",
        "# (og foran gruppens navn, fx location:). Det, du ikke oversætter, vises på dansk med en",
        "# note om, at det kun findes på dansk. Kør 'vifte check' bagefter.",
        "# translated_from er den danske teksts fingeraftryk: ret den ikke selv; 'vifte check'",
        "# siger til, når den danske tekst bliver ændret.",
        f"{FINGERPRINT_KEY}: {fingerprint(item)}",
    ]
    body = _fields(
        item, shape(type(item)), 0, skip=col.body_field if col.format == "markdown" else None
    )
    if col.format == "yaml":
        return "\n".join([*head, "", *body]) + "\n"
    danish_body = getattr(item, col.body_field, None)
    tail = []
    if danish_body:
        tail = ["", "# Brødteksten på dansk; skriv oversættelsen under stregen nederst:"]
        tail += _comment_lines(danish_body, 0)
    return "\n".join(["---", *head, "", *body, *tail, "---"]) + "\n"


def _fields(model: BaseModel, the_shape: Shape, depth: int, skip: str | None = None) -> list[str]:
    pad = "  " * depth
    out: list[str] = []
    for name in (*the_shape.texts, *the_shape.lists):
        value = getattr(model, name, None)
        if not value or name == skip:
            continue
        if isinstance(value, list):
            out.append(f"{pad}# Dansk: {', '.join(' '.join(str(v).split()) for v in value)}")
            out += [f"{pad}# {name}:", f"{pad}#   - "]
        elif "\n" in value.strip():
            out += [f"{pad}# Dansk:", *_comment_lines(value, depth)]
            out += [f"{pad}# {name}: |"]
        else:
            out += [f"{pad}# Dansk: {value.strip()}", f'{pad}# {name}: ""']
    for name, inner in the_shape.nested.items():
        value = getattr(model, name, None)
        if isinstance(value, BaseModel):
            lines = _fields(value, inner, depth + 1)
            if lines:
                out += [f"{pad}# {name}:", *lines]
        elif isinstance(value, list | tuple) and value:
            groups = [(v, _fields(v, inner, depth + 2)) for v in value]
            if any(lines for _, lines in groups):
                out.append(f"{pad}# {name}:")
                for v, lines in groups:
                    if lines:
                        out += [f"{pad}#   {getattr(v, 'id', '')}:", *lines]
    return out


def _comment_lines(text: str, depth: int) -> list[str]:
    pad = "  " * depth
    return [f"{pad}#   {line}".rstrip() for line in text.strip("\n").splitlines()]


def _language_name(language: str) -> str:
    from babel import Locale

    return str(Locale.parse(language).get_display_name("da"))


def _schema_path(project: Path, folder: Path, col: Collection) -> str | None:
    schema = project / "schema" / f"{TRANSLATION.format(kind=col.kind)}.schema.json"
    return Path(os.path.relpath(schema, folder)).as_posix() if schema.is_file() else None


def _shown(path: Path, project: Path) -> str:
    try:
        return path.relative_to(project).as_posix()
    except ValueError:
        return path.as_posix()
