"""The table of collections: each kind of thing in the catalogue, and the lookups on it.

Validation, the JSON Schemas, `vifte new`, the export, the search words, the pages and their
routes, and the CLI all read this table. The package's own entries are in registry.py (a test
may register its own); what an entry is, in entries.py. References between them are declared
on the model fields with `Ref` (see fields.py and refs.py).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from vifte.domain.entries import Collection, TermList
from vifte.domain.refs import ref_paths
from vifte.domain.registry import FIXED_PAGES, OWN_COLLECTIONS, OWN_TERM_LISTS

COLLECTIONS: dict[str, Collection] = {}
TERM_LISTS: dict[str, TermList] = {t.name: t for t in OWN_TERM_LISTS}


def register(collection: Collection) -> None:
    """Add a collection to the table (registry.py's own at import; a test may add its own)."""
    if collection.name in COLLECTIONS or any(
        c.kind == collection.kind for c in COLLECTIONS.values()
    ):
        raise ValueError(f"collection {collection.name!r} is already registered")
    if collection.section in sections():
        raise ValueError(f"section {collection.section!r} is taken by another page")
    COLLECTIONS[collection.name] = collection
    _by_model.cache_clear()


def sections() -> set[str]:
    """Every top folder of the site that generated pages use."""
    return (
        {c.section for c in COLLECTIONS.values()}
        | {t.section for t in TERM_LISTS.values() if t.section}
        | {p.section for p in FIXED_PAGES}
    )


def check_refs(model: type) -> None:
    """Refuse a `Ref` that names nothing: a typo there would silently check nothing."""
    for path, ref in ref_paths(model):
        if ref.target not in COLLECTIONS and ref.target not in TERM_LISTS:
            raise LookupError(
                f"{model.__name__}.{'.'.join(path)}: Ref({ref.target!r}) names no collection or term list"
            )


def unregister(name: str) -> None:
    del COLLECTIONS[name]
    _by_model.cache_clear()


def by_kind(kind: str) -> Collection:
    return next(c for c in COLLECTIONS.values() if c.kind == kind)


@cache
def _by_model() -> dict[type, Collection | TermList]:
    return {
        **{t.model: t for t in TERM_LISTS.values()},
        **{c.model: c for c in COLLECTIONS.values()},
    }


def _entry(obj: Any) -> Collection | TermList:
    table = _by_model()
    for cls in type(obj).__mro__:
        if cls in table:
            return table[cls]
    raise LookupError(f"{type(obj).__name__} is in no collection or term list")


def collection_of(item: Any) -> Collection:
    entry = _entry(item)
    if not isinstance(entry, Collection):
        raise LookupError(f"{type(item).__name__} is not a collection's item")
    return entry


def url_for(obj: Any) -> str:
    """The site-relative URL of an item's or a term's page."""
    entry = _entry(obj)
    if isinstance(entry, TermList) and entry.section is None:
        raise LookupError(f"the terms of {entry.name} have no pages")
    return entry.url(obj.id)


def target_noun(target: str) -> str:
    """The Danish noun of what a reference names."""
    if target in COLLECTIONS:
        return COLLECTIONS[target].noun
    return TERM_LISTS[target].noun


for _collection in OWN_COLLECTIONS:
    register(_collection)
