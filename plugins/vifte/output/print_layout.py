"""Layout choices that depend on how much there is to print: the poster's columns and type size,
and each index card's type size (decisions.md 37). The templates read them as inline styles."""

from __future__ import annotations

import math

from vifte.domain.catalogue import Catalogue
from vifte.domain.model import Offer

POSTER_COLUMNS = 5
"""The most columns the A3 poster has (each about 75 mm wide)."""
POSTER_PER_COLUMN = 15
"""Offer entries an A3 column holds at the base size (measured on the example: 14 pt titles)."""
POSTER_BASE_PT = 11.0
"""The poster's base size; an offer's title is 1.3 times it, so never below 14 pt."""
POSTER_MAX_SCALE = 1.6
CARD_BASE_PT = 10.0
"""An index card's base size: body text never below 10 pt."""
CARD_STEPS = ((260, 1.3), (380, 1.15))
"""(at most this many characters on the fuller side, scale): a card with little text prints larger."""


def poster_layout(catalogue: Catalogue) -> dict[str, float | str]:
    """The poster's columns and base size in pt: one column per theme with offers, more when
    a column would run past the sheet, at most five; a short list is printed larger. The columns
    are balanced when it all fits one sheet, and filled one by one when it runs on."""
    counts = [len(catalogue.offers_with("themes", t)) for t in catalogue.themes]
    themes = sum(1 for n in counts if n)
    entries = sum(counts)
    columns = max(1, min(POSTER_COLUMNS, max(themes, math.ceil(entries / POSTER_PER_COLUMN))))
    per_column = max(1.0, entries / columns)
    scale = min(POSTER_MAX_SCALE, max(1.0, math.sqrt(POSTER_PER_COLUMN / per_column)))
    fill = "balance" if entries <= columns * POSTER_PER_COLUMN else "auto"
    return {"columns": columns, "size": round(POSTER_BASE_PT * scale, 1), "fill": fill}


def card_size(catalogue: Catalogue, offer: Offer) -> float:
    """The base size in pt of an offer's index card, from the characters on its fuller side."""
    groups = sum(len(catalogue.target_groups[g].label) + 20 for g in offer.target_groups)
    front = 2 * len(offer.title) + len(offer.summary) + groups
    access = catalogue.access[offer.access]
    contact = offer.contact
    back = sum(
        len(text or "") + 12
        for text in (
            access.label,
            access.description,
            contact.name,
            contact.phone,
            contact.email,
            offer.location.one_line if offer.location else None,
        )
    )
    if offer.schedule:
        back += sum(len(str(v or "")) + 12 for v in offer.schedule.model_dump().values())
    chars = max(front, back)
    scale = next((s for limit, s in CARD_STEPS if chars <= limit), 1.0)
    return round(CARD_BASE_PT * scale, 1)
