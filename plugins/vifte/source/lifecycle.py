"""The life of an item in the checks: drafts, placeholders, status rules and review dates.

A file with `status: draft` is checked like any other, but its errors become warnings
("kladde: ...") and it never reaches the Catalogue, so no output can publish it. A reference to
a draft from a published item is a warning, and the id is left out of what is published; so is
a reference to a closed item (decision 36): a closed item keeps its page, nothing else names it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from vifte.domain.collections import Table
from vifte.domain.model import Lifecycle
from vifte.domain.refs import ref_paths, refs_of, values_at
from vifte.source.diagnostics import Report
from vifte.source.loader import Document, Loc

PLACEHOLDER = "UDFYLD"
"""What `vifte new` writes where the editor must fill something in; the check flags it."""
DRAFT_PREFIX = "kladde: "

Loaded = dict[str, list[tuple[Any, Document]]]


def is_placeholder(value: object) -> bool:
    return isinstance(value, str) and value.strip().startswith(PLACEHOLDER)


def is_draft(doc: Document, model: type) -> bool:
    """Whether a file is a draft of a collection with a life (`model`: the collection's; strategy
    documents' own `status: draft` means a published proposal, see decision 17, and is not one)."""
    return (
        issubclass(model, Lifecycle)
        and isinstance(doc.data, dict)
        and doc.data.get("status") == "draft"
    )


def mark_placeholders(doc: Document, report: Report) -> None:
    """Report every placeholder left in a file; the model's errors there would only repeat it."""
    for loc in _placeholders(doc.data, ()):
        field = ".".join(str(p) for p in loc if isinstance(p, str)) or "feltet"
        report.error(
            doc.path,
            *doc.position(loc),
            f"'{field}' er ikke udfyldt endnu; skriv den rigtige værdi i stedet for {PLACEHOLDER}",
        )
        doc.spoiled.add(loc)


def _placeholders(data: Any, loc: Loc) -> Iterable[Loc]:
    if is_placeholder(data):
        yield loc
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _placeholders(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _placeholders(value, (*loc, i))


def drafts(loaded: Loaded, table: Table) -> dict[str, set[str]]:
    """The ids of the draft files of each collection."""
    return {
        name: {doc.path.stem for _, doc in items if is_draft(doc, table.collections[name].model)}
        for name, items in loaded.items()
    }


def closed(loaded: Loaded, table: Table) -> dict[str, set[str]]:
    """The ids of the closed items of each collection (they keep their page, nothing else)."""
    return {
        name: {
            doc.path.stem
            for _, doc in items
            if issubclass(table.collections[name].model, Lifecycle)
            and isinstance(doc.data, dict)
            and doc.data.get("status") == "closed"
        }
        for name, items in loaded.items()
    }


def check(loaded: Loaded, report: Report, today: dt.date, table: Table) -> None:
    """Status rules, review dates, and references from published items to drafts and closed ones."""
    hidden = drafts(loaded, table)
    shut = closed(loaded, table)
    for name, items in loaded.items():
        model = table.collections[name].model
        paths = ref_paths(model)
        for item, doc in items:
            if not is_draft(doc, model) and isinstance(doc.data, dict):
                _refs_to(doc, paths, hidden, report, _DRAFT, table)
                if doc.data.get("status") != "closed":
                    _refs_to(doc, paths, shut, report, _CLOSED, table)
            if isinstance(item, Lifecycle):
                _status_rules(item, doc, report)
                _review(item, doc, report, today)


_DRAFT = "er en kladde og bliver ikke udgivet; henvisningen er udeladt, til den er udgivet"
_CLOSED = (
    "er lukket og vises kun på sin egen side, så henvisningen{where} er udeladt; "
    "slet den, eller henvis til et andet, der er åbent"
)
PARTS = {"goals": "målet"}
"""The Danish noun of a part with its own id, named in a warning about a reference inside it."""


def _refs_to(
    doc: Document,
    paths: list[tuple[tuple[str, ...], Any]],
    hidden: dict[str, set[str]],
    report: Report,
    why: str,
    table: Table,
) -> None:
    for path, ref in paths:
        gone = hidden.get(ref.target)
        if not gone:
            continue
        for value, loc in values_at(doc.data, path, ()):
            pairs = [(v, (*loc, i)) for i, v in enumerate(value)] if isinstance(value, list) else []
            for ref_id, where in pairs if pairs else [(value, loc)]:
                if ref_id in gone:
                    report.warning(
                        doc.path,
                        *doc.position(where),
                        f'{table.collections[ref.target].definite} "{ref_id}" '
                        + why.format(where=_part(doc.data, where)),
                    )


def _part(data: Any, loc: Loc) -> str:
    """' fra målet "m1"' when a reference stands inside a part with its own id, else ''."""
    if len(loc) > 1 and loc[0] in PARTS and isinstance(data.get(loc[0]), list):
        part = data[loc[0]][loc[1]]
        if isinstance(part, dict) and isinstance(part.get("id"), str):
            return f' fra {PARTS[str(loc[0])]} "{part["id"]}"'
    return ""


def _status_rules(item: Lifecycle, doc: Document, report: Report) -> None:
    if item.status == "closed" and item.closed is None:
        report.error(
            doc.path,
            *doc.position(("status",)),
            "status er closed, men datoen mangler; skriv fx 'closed: 2026-10-01' (dagen det lukkede)",
        )
    if item.status != "closed" and item.closed is not None:
        report.error(
            doc.path,
            *doc.position(("closed",)),
            f"'closed' er kun for lukkede; sæt 'status: closed' eller slet linjen (status er {item.status})",
        )
    if item.status_note is not None and item.status not in ("paused", "closed"):
        report.warning(
            doc.path,
            *doc.position(("status_note",)),
            "'status_note' vises kun, når status er paused eller closed",
        )


def _review(item: Lifecycle, doc: Document, report: Report, today: dt.date) -> None:
    if item.checked is not None and item.checked > today:
        report.error(
            doc.path,
            *doc.position(("checked",)),
            f"'checked' er {item.checked.isoformat()}, men den dag er ikke kommet endnu; skriv "
            "dagen, hvor nogen kontrollerede oplysningerne (ÅÅÅÅ-MM-DD)",
        )
    if item.review_by is not None and item.review_by < today and item.status != "closed":
        report.warning(
            doc.path,
            *doc.position(("review_by",)),
            f"teksten skulle have været gennemgået senest {item.review_by.isoformat()}; gennemgå den og sæt en ny dato i 'review_by'",
        )


def downgrade(loaded: Loaded, report: Report, table: Table) -> None:
    """Every error in a draft file becomes a warning with the same place."""
    paths = {
        report.display(doc.path)
        for name, items in loaded.items()
        for _, doc in items
        if is_draft(doc, table.collections[name].model)
    }
    report.downgrade(paths, DRAFT_PREFIX)


def published_items(loaded: Loaded, table: Table) -> dict[str, tuple[Any, ...]]:
    """Each collection's items without drafts, sorted by id, with references to drafts and to
    closed items left out (a closed item keeps its own page, and its name stays on it)."""
    shut = closed(loaded, table)
    gone = {
        name: ids | shut[name] for name, ids in drafts(loaded, table).items() if ids | shut[name]
    }
    model = {name: col.model for name, col in table.collections.items()}
    return {
        name: tuple(
            sorted(
                (
                    without(m, gone)
                    for m, doc in items
                    if m is not None and not is_draft(doc, model[name])
                ),
                key=lambda i: i.id,
            )
        )
        for name, items in loaded.items()
    }


def without(obj: Any, gone: dict[str, set[str]]) -> Any:
    """A model with every reference to an id in `gone` (by target collection) left out."""
    if not gone or not isinstance(obj, BaseModel):
        return obj
    refs = refs_of(type(obj))
    values: dict[str, Any] = {}
    changed = False
    for name in type(obj).model_fields:
        value = getattr(obj, name)
        new = value
        if name in refs and refs[name].target in gone:
            ids = gone[refs[name].target]
            if isinstance(value, list):
                new = [v for v in value if v not in ids]
                new = value if len(new) == len(value) else new
            elif value in ids:
                new = None
        elif isinstance(value, BaseModel):
            new = without(value, gone)
        elif isinstance(value, list) and any(isinstance(v, BaseModel) for v in value):
            parts = [without(v, gone) for v in value]
            new = value if all(a is b for a, b in zip(parts, value, strict=True)) else parts
        changed |= new is not value
        values[name] = new
    if not changed:
        return obj
    return type(obj).model_construct(_fields_set=obj.model_fields_set, **values)
