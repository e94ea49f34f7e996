""" "Nyt og ændret": what happened to the offers, read from the catalogue's own dates, not from git.

An offer with `created` was added that day; one with `updated` later than `created` was changed
that day; one that is closed (a `status`/`closed` field, when the catalogue has them) was closed
on its closing date. Newest first, grouped by month, so a caseworker sees what is new since last
month in any checkout of the files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from vifte.domain.danish import collation_key
from vifte.domain.wording import Labels, month_year
from vifte.domain.words import N_

if TYPE_CHECKING:
    from vifte.domain.catalogue import Catalogue

SECTION = "nyt-og-aendret"
"""The page's address; its feeds lie beside it."""
What = Literal["closed", "added", "changed"]
LABELS = Labels({"closed": N_("Lukket"), "added": N_("Nyt tilbud"), "changed": N_("Ændret")})
"""In this order on a day: a closing first, then new offers, then changes."""


@dataclass(frozen=True)
class Change:
    """One thing that happened to an offer on a day."""

    day: dt.date
    what: What
    offer: Any

    @property
    def label(self) -> str:
        return LABELS[self.what]

    @property
    def anchor(self) -> str:
        """A fragment naming this change, so each feed entry has its own id."""
        return f"{self.what}-{self.day.isoformat()}"


def closed_on(offer: Any) -> dt.date | None:
    """The day an offer closed, if the model has a way to say so (`closed` as a date, or with a
    `date`/`since`); None while offers have no such field."""
    closed = getattr(offer, "closed", None)
    if isinstance(closed, dt.date):
        return closed
    for name in ("date", "since"):
        day = getattr(closed, name, None)
        if isinstance(day, dt.date):
            return day
    return None


def of_offer(offer: Any) -> list[Change]:
    """What the dates of one offer say happened to it; a draft says nothing yet."""
    if getattr(offer, "status", None) == "draft":
        return []
    out = []
    created: dt.date | None = getattr(offer, "created", None)
    updated: dt.date | None = getattr(offer, "updated", None)
    if created is not None:
        out.append(Change(created, "added", offer))
    if updated is not None and (created is None or updated > created):
        out.append(Change(updated, "changed", offer))
    if (day := closed_on(offer)) is not None:
        out.append(Change(day, "closed", offer))
    return out


def all_changes(c: Catalogue) -> list[Change]:
    """Every change, newest first; on one day closings, new offers, changes, each by title."""
    order = list(LABELS)
    found = [ch for o in c.items.get("offers", ()) for ch in of_offer(o)]
    found.sort(key=lambda ch: (order.index(ch.what), collation_key(ch.offer.title)))
    return sorted(found, key=lambda ch: ch.day, reverse=True)


def month_label(day: dt.date) -> str:
    """'november 2026', in the active language."""
    return month_year(day)


def by_month(c: Catalogue) -> list[tuple[str, str, list[Change]]]:
    """The changes by month, newest first: (anchor like '2026-11', 'november 2026', changes)."""
    out: dict[str, tuple[str, list[Change]]] = {}
    for ch in all_changes(c):
        key = f"{ch.day.year}-{ch.day.month:02d}"
        out.setdefault(key, (month_label(ch.day), []))[1].append(ch)
    return [(key, label, items) for key, (label, items) in out.items()]
