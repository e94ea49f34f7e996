"""The validated catalogue: settings plus every collection's items, with the lookups outputs use."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from vifte.domain.danish import collation_key
from vifte.domain.edition import Edition, published
from vifte.domain.model import Offer
from vifte.domain.refs import refs_of
from vifte.domain.settings import Settings


class Catalogue(BaseModel):
    """The validated catalogue: settings plus every collection's items, each sorted by id.

    Lookups come from the table in collections.py: `c.offers` (a collection's items),
    `c.offer_by_id` (by its kind), `c.areas` (a term list by id), for any collection or list.
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    settings: Settings
    items: dict[str, tuple[Any, ...]]
    today: dt.date = Field(default_factory=dt.date.today)
    """The date the pages treat as today (source/clock.py): the same for the checks and the site."""
    moved: dict[str, dict[str, str]] = Field(default_factory=dict)
    """Old id -> new id of each collection (catalogue/moved.yaml): the old address gets a page."""

    def for_edition(self, edition: Edition) -> Catalogue:
        """The catalogue as an edition publishes it: every field it does not publish removed."""
        return published(self, edition)

    def __getattr__(self, name: str) -> Any:
        if not name.startswith("_") and name in (lookups := self.lookups):
            return lookups[name]()
        return super().__getattr__(name)  # type: ignore[misc]

    @cached_property
    def lookups(self) -> dict[str, Any]:
        """Every derived name the table gives, each computed when first asked for."""
        from vifte.domain.collections import COLLECTIONS, TERM_LISTS

        cache: dict[str, Any] = {}

        def once(name: str, make: Any) -> Any:
            def get() -> Any:
                if name not in cache:
                    cache[name] = make()
                return cache[name]

            return get

        out: dict[str, Any] = {}
        for col in COLLECTIONS.values():
            out[col.name] = once(
                col.name, lambda col=col: tuple(filter(_listed, self.items.get(col.name, ())))
            )
            out[f"{col.kind}_by_id"] = once(
                f"{col.kind}_by_id",
                lambda col=col: {i.id: i for i in self.items.get(col.name, ())},
            )
        for terms in TERM_LISTS.values():
            out[terms.name] = once(
                terms.name,
                lambda terms=terms: {t.id: t for t in getattr(self.settings, terms.name)},
            )
        return out

    def by_id(self, collection: str) -> dict[str, Any]:
        """The items of one collection by id."""
        from vifte.domain.collections import COLLECTIONS

        return self.lookups[f"{COLLECTIONS[collection].kind}_by_id"]()  # type: ignore[no-any-return]

    @cached_property
    def last_updated(self) -> dt.date | None:
        """The newest `updated` date of any item: the date the published data carries."""
        return max(
            (
                i.updated
                for items in self.items.values()
                for i in items
                if getattr(i, "updated", None)
            ),
            default=None,
        )

    def offers_with(self, field: str, term_id: str) -> list[Offer]:
        """Offers whose `field` (area, access, themes, target_groups) holds `term_id`, by title (Danish order)."""
        found = []
        for o in self.listed("offers"):
            value = getattr(o, field)
            if value == term_id if isinstance(value, str) else term_id in value:
                found.append(o)
        return sorted(found, key=lambda o: collation_key(o.title))

    def linked(self, item: Any, field: str) -> list[Any]:
        """The items `item` names under a reference field, in the order written."""
        found = self.by_id(refs_of(type(item))[field].target)
        value = getattr(item, field)
        return [found[i] for i in _ids(value) if i in found]

    def referring(self, collection: str, item: Any) -> list[Any]:
        """The items of `collection` that name `item` in any reference field, by title."""
        from vifte.domain.collections import COLLECTIONS, collection_of

        target = collection_of(item).name
        fields = [
            f for f, ref in refs_of(COLLECTIONS[collection].model).items() if ref.target == target
        ]
        found = [
            i
            for i in self.listed(collection)
            if any(item.id in _ids(getattr(i, f)) for f in fields)
        ]
        return sorted(found, key=lambda i: collation_key(COLLECTIONS[collection].title(i)))

    def stale(self, item: Any) -> bool:
        """Whether an item's review date passed more than the grace period (settings) ago."""
        review_by = getattr(item, "review_by", None)
        if review_by is None or getattr(item, "status", None) == "closed":
            return False
        grace = dt.timedelta(days=self.settings.review_grace_days)
        return self.today > review_by + grace

    def listed(self, collection: str) -> tuple[Any, ...]:
        """The items lists, search and brochures show: all but the closed ones (drafts are never here)."""
        return tuple(filter(_listed, self.items.get(collection, ())))

    def related_offers(self, offer: Offer) -> list[Offer]:
        """The listed offers an offer points to under `related`, in the order written."""
        return [o for o in self.linked(offer, "related") if o.listed]

    def instead_of(self, offer: Offer, limit: int = 6) -> list[Offer]:
        """Where a closed offer's page sends the reader: its related offers, else offers sharing a theme."""
        found = self.related_offers(offer)
        if not found:
            found = [
                o
                for o in self.listed("offers")
                if o.id != offer.id and set(o.themes) & set(offer.themes)
            ]
            found.sort(key=lambda o: collation_key(o.title))
        return found[:limit]

    def offers_by_enterprise(self, enterprise_id: str) -> list[Offer]:
        return self.referring("offers", self.by_id("enterprises")[enterprise_id])


def _listed(item: Any) -> bool:
    return bool(getattr(item, "listed", True))


def _ids(value: str | list[str] | None) -> list[str]:
    return [value] if isinstance(value, str) else value or []
