"""The validated catalogue: settings plus every collection's items, with the lookups outputs use."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from vifte.domain.collections import Table
from vifte.domain.danish import collation_key
from vifte.domain.edition import Edition, published
from vifte.domain.model import Enterprise, Mentor, Offer
from vifte.domain.news import Notice
from vifte.domain.refs import refs_of
from vifte.domain.settings import Access, Area, Settings, TargetGroup, Term, Theme
from vifte.domain.strategy import StrategyDocument
from vifte.domain.translation import SOURCE_LANGUAGE, Translation, Translations, translated


class Catalogue(BaseModel):
    """The validated catalogue: settings plus every collection's items, each sorted by id.

    The built-in collections and term lists are typed properties (`c.offers`, `c.offer_by_id`,
    `c.areas`); any collection of its table, by name: `c.listed(name)`, `c.by_id(name)`,
    `c.terms(name)`.
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    settings: Settings
    table: Table = Field(exclude=True)
    """The table of collections the catalogue was read with (registry.TABLE, or a test's own);
    not data, so not dumped."""
    items: dict[str, tuple[Any, ...]]
    today: dt.date = Field(default_factory=dt.date.today)
    """The date the pages treat as today (source/clock.py): the same for the checks and the site."""
    moved: dict[str, dict[str, str]] = Field(default_factory=dict)
    """Old id -> new id of each collection (catalogue/moved.yaml): the old address gets a page."""
    translations: Translations = Field(default_factory=dict, exclude=True)
    """language -> collection -> id -> translation (domain/translation.py); not data, so not dumped."""
    language: str = Field(default=SOURCE_LANGUAGE, exclude=True)
    """The language whose pages this catalogue's texts are for (see `in_language`)."""
    source: Catalogue | None = Field(default=None, exclude=True, repr=False)
    """The Danish catalogue a translated one was made from (the open data is made from it)."""

    def in_language(self, language: str) -> Catalogue:
        """The catalogue as `language`'s pages show it: every citizen text translated, or marked
        `Danish` where it has no translation. Danish is the catalogue itself."""
        if language == self.language:
            return self
        if self.language != SOURCE_LANGUAGE:
            raise ValueError("a translated catalogue is translated from the Danish one only")
        own = self.translations.get(language, {})
        items = {
            name: tuple(
                translated(i, _texts(own.get(name, {}).get(getattr(i, "id", "")))) for i in values
            )
            for name, values in self.items.items()
        }
        settings = translated_settings(self.settings, self.table.term_lists, language)
        # model_construct, not model_copy: a copy would carry over the cached Danish lists.
        values = {name: getattr(self, name) for name in type(self).model_fields}
        values.update(items=items, settings=settings, language=language, source=self)
        return type(self).model_construct(_fields_set=self.model_fields_set, **values)

    def for_edition(self, edition: Edition) -> Catalogue:
        """The catalogue as an edition publishes it: every field it does not publish removed."""
        return published(self, edition)

    @cached_property
    def offers(self) -> tuple[Offer, ...]:
        return self.listed("offers")

    @cached_property
    def mentors(self) -> tuple[Mentor, ...]:
        return self.listed("mentors")

    @cached_property
    def enterprises(self) -> tuple[Enterprise, ...]:
        return self.listed("enterprises")

    @cached_property
    def news(self) -> tuple[Notice, ...]:
        return self.listed("news")

    @cached_property
    def strategy(self) -> tuple[StrategyDocument, ...]:
        return self.listed("strategy")

    @property
    def offer_by_id(self) -> dict[str, Offer]:
        return self.by_id("offers")

    @property
    def mentor_by_id(self) -> dict[str, Mentor]:
        return self.by_id("mentors")

    @property
    def enterprise_by_id(self) -> dict[str, Enterprise]:
        return self.by_id("enterprises")

    @property
    def news_by_id(self) -> dict[str, Notice]:
        return self.by_id("news")

    @property
    def strategy_by_id(self) -> dict[str, StrategyDocument]:
        return self.by_id("strategy")

    @property
    def areas(self) -> dict[str, Area]:
        return self.terms("areas")

    @property
    def access(self) -> dict[str, Access]:
        return self.terms("access")

    @property
    def themes(self) -> dict[str, Theme]:
        return self.terms("themes")

    @property
    def target_groups(self) -> dict[str, TargetGroup]:
        return self.terms("target_groups")

    def by_id(self, collection: str) -> dict[str, Any]:
        """The items of one collection by id (closed ones too: their pages and references stay)."""
        return self._by_id[collection]

    def terms(self, term_list: str) -> dict[str, Any]:
        """The terms of one list of settings.yaml by id."""
        return self._terms[term_list]

    @cached_property
    def _by_id(self) -> dict[str, dict[str, Any]]:
        return {
            name: {i.id: i for i in self.items.get(name, ())} for name in self.table.collections
        }

    @cached_property
    def _terms(self) -> dict[str, dict[str, Term]]:
        return {
            name: {t.id: t for t in getattr(self.settings, name)} for name in self.table.term_lists
        }

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

    def offer_counts(self, field: str) -> dict[str, int]:
        """How many listed offers hold each term of `field` (themes, target_groups): what the
        filter page shows when that term alone is ticked. Terms without offers are left out."""
        counts: dict[str, int] = {}
        for o in self.offers:
            value = getattr(o, field)
            for term_id in (value,) if isinstance(value, str) else value:
                counts[term_id] = counts.get(term_id, 0) + 1
        return counts

    def linked(self, item: Any, field: str) -> list[Any]:
        """The items `item` names under a reference field, in the order written."""
        found = self.by_id(refs_of(type(item))[field].target)
        value = getattr(item, field)
        return [found[i] for i in _ids(value) if i in found]

    def referring(self, collection: str, item: Any) -> list[Any]:
        """The items of `collection` that name `item` in any reference field, by title."""
        col = self.table.collections[collection]
        target = self.table.collection_of(item).name
        fields = [f for f, ref in refs_of(col.model).items() if ref.target == target]
        found = [
            i
            for i in self.listed(collection)
            if any(item.id in _ids(getattr(i, f)) for f in fields)
        ]
        return sorted(found, key=lambda i: collation_key(col.title(i)))

    def overdue(self, item: Any) -> bool:
        """Whether an open item's review date has passed (`stale` adds the grace period)."""
        review_by = getattr(item, "review_by", None)
        if review_by is None or getattr(item, "status", None) == "closed":
            return False
        return self.today > review_by

    def review_ahead(self, item: Any) -> bool:
        """Whether an open item's review date is still to come: its page can pass it while stored."""
        review_by = getattr(item, "review_by", None)
        return review_by is not None and not self.overdue(item) and item.status != "closed"

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
        return self.referring("offers", self.enterprise_by_id[enterprise_id])


def _texts(translation: Translation | None) -> Any:
    return translation.texts if translation is not None else None


def translated_settings(settings: Settings, term_lists: Iterable[str], language: str) -> Settings:
    """settings.yaml's citizen texts in `language`: its own `translations:` or Danish, marked."""
    update: dict[str, Any] = {}
    for name in term_lists:
        terms = getattr(settings, name)
        update[name] = [translated(t, _own(t, language)) for t in terms]
    update["municipality"] = translated(
        settings.municipality, _own(settings.municipality, language)
    )
    update["site"] = translated(settings.site, _own(settings.site, language))
    return settings.model_copy(update=update)


def _own(model: Any, language: str) -> dict[str, Any]:
    text = model.translations.get(language)
    return text.model_dump(exclude_none=True) if text is not None else {}


def _listed(item: Any) -> bool:
    return bool(getattr(item, "listed", True))


def _ids(value: str | list[str] | None) -> list[str]:
    return [value] if isinstance(value, str) else value or []
