"""The table of collections: each kind of thing in the catalogue, and the lookups on it.

A `Table` is a value: the package's own is `registry.TABLE`; a test that needs another kind
builds its own with `TABLE.adding(...)`. `Catalogue` and `Project` carry the table they were
made with; validation, the JSON Schemas, `vifte new`, the export, the search words, the pages
and their routes read it from there. What an entry is, in entries.py; references between
them are declared on the model fields with `Ref` (see fields.py and refs.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from vifte.domain.entries import Collection, FixedPage, TermList
from vifte.domain.refs import ref_paths


@dataclass(frozen=True)
class Table:
    """The collections, term lists and fixed pages of a site, checked once when made."""

    collections: Mapping[str, Collection]
    term_lists: Mapping[str, TermList]
    fixed_pages: tuple[FixedPage, ...]
    _by_model: Mapping[type, Collection | TermList] = field(repr=False, compare=False)

    @classmethod
    def of(
        cls,
        collections: Iterable[Collection],
        term_lists: Iterable[TermList],
        fixed_pages: Iterable[FixedPage],
    ) -> Table:
        """The table of these entries; ValueError when two clash, LookupError for a `Ref`
        that names nothing (a typo there would silently check nothing)."""
        terms = {t.name: t for t in term_lists}
        pages = tuple(fixed_pages)
        taken = {t.section for t in terms.values() if t.section} | {p.section for p in pages}
        cols: dict[str, Collection] = {}
        for col in collections:
            if col.name in cols or any(c.kind == col.kind for c in cols.values()):
                raise ValueError(f"collection {col.name!r} is already in the table")
            if col.section in taken:
                raise ValueError(f"section {col.section!r} is taken by another page")
            cols[col.name] = col
            taken.add(col.section)
        by_model: dict[type, Collection | TermList] = {
            **{t.model: t for t in terms.values()},
            **{c.model: c for c in cols.values()},
        }
        table = cls(MappingProxyType(cols), MappingProxyType(terms), pages, by_model)
        for col in cols.values():
            table.check_refs(col.model)
        return table

    def adding(self, *collections: Collection) -> Table:
        """This table with more collections (a test's own kind of thing)."""
        return Table.of(
            [*self.collections.values(), *collections], self.term_lists.values(), self.fixed_pages
        )

    def sections(self) -> set[str]:
        """Every top folder of the site that generated pages use."""
        return (
            {c.section for c in self.collections.values()}
            | {t.section for t in self.term_lists.values() if t.section}
            | {p.section for p in self.fixed_pages}
        )

    def check_refs(self, model: type) -> None:
        """Refuse a `Ref` that names nothing."""
        for path, ref in ref_paths(model):
            if ref.target not in self.collections and ref.target not in self.term_lists:
                raise LookupError(
                    f"{model.__name__}.{'.'.join(path)}: Ref({ref.target!r}) names no collection or term list"
                )

    def by_kind(self, kind: str) -> Collection:
        return next(c for c in self.collections.values() if c.kind == kind)

    def entry_of(self, obj: Any) -> Collection | TermList:
        """The collection or term list an item or a term belongs to."""
        for cls in type(obj).__mro__:
            if cls in self._by_model:
                return self._by_model[cls]
        raise LookupError(f"{type(obj).__name__} is in no collection or term list")

    def collection_of(self, item: Any) -> Collection:
        entry = self.entry_of(item)
        if not isinstance(entry, Collection):
            raise LookupError(f"{type(item).__name__} is not a collection's item")
        return entry

    def target_noun(self, target: str) -> str:
        """The Danish noun of what a reference names."""
        if target in self.collections:
            return self.collections[target].noun
        return self.term_lists[target].noun
