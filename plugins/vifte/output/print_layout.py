"""Layout choices that depend on how much there is to print: the poster's columns and type size,
and each index card's type size (decisions.md 37). The templates read them as inline styles."""

from __future__ import annotations

from vifte.domain import opening_text
from vifte.domain.catalogue import Catalogue
from vifte.domain.model import Location, Offer
from vifte.domain.words import gettext

POSTER_COLUMNS = 5
"""The most columns the A3 poster has (each about 73 mm wide)."""
POSTER_BASE_PT = 11.0
"""The poster's base size; an offer's title is 1.3 times it, so never below 14 pt."""
POSTER_SCALES = (2.0, 1.6, 1.3, 1.15, 1.0)
POSTER_WIDTH_MM, POSTER_HEIGHT_MM, POSTER_GAP_MM = 392.0, 240.0, 7.0
"""The width for the columns, the height they may fill (271 mm inside the margins less the
header), and the gap between columns; see a3.css. A list the estimate finds too long is printed
in five columns at the base size, filled one by one (the example's 75 entries fit one sheet so)."""
CARD_SIZES = (16.0, 14.5, 13.0, 11.5, 10.0)
"""An index card's base size in pt, largest first: the largest whose text fits each side of the
card; body text never below 10 pt."""
CARD_WIDTH_MM = 89.0
"""An A6 card's text width (105 mm less 8 mm margins); see a6.css."""
CARD_HEIGHT_MM = 100.0
"""The height each side's text may fill: 128 mm inside the margins, less the band, less a margin
for the estimate's error (measured: at 110 mm one example card ran onto a third page)."""
PT_MM = 25.4 / 72
WRAP = 0.85
"""The share of a line words fill on average, as lines break between words."""
EM_WIDTH = (0.56, 0.64)
"""DejaVu Sans' mean character width in em, regular and bold: an estimate (CARD_HEIGHT_MM leaves
room for its error)."""


def poster_layout(catalogue: Catalogue) -> dict[str, float | str]:
    """The poster's columns, base size in pt and column fill: the largest size, and at it the
    fewest columns (at least one per theme with offers, at most five), at which every theme and
    its offers fit the sheet by an estimate of their lines; else five columns at the base size,
    filled one by one onto more sheets. Columns that fit are balanced."""
    themes = [catalogue.offers_with("themes", t) for t in catalogue.themes]
    themes = [offers for offers in themes if offers]
    least = max(1, min(POSTER_COLUMNS, len(themes)))

    def height(columns: int, size: float) -> float:
        width = (POSTER_WIDTH_MM - (columns - 1) * POSTER_GAP_MM) / columns - 5
        titles = [(o.title, 1.3, width, True, 0.25) for offers in themes for o in offers]
        access = [("x", 1.0, width, False, 0.1) for offers in themes for _ in offers]
        heads = [("x", 1.6, width, True, 1.0) for _ in themes]
        return _height([*titles, *access, *heads], size, 1.15)

    for scale in POSTER_SCALES:
        size = POSTER_BASE_PT * scale
        for columns in range(least, POSTER_COLUMNS + 1):
            if height(columns, size) / columns <= POSTER_HEIGHT_MM:
                return {"columns": columns, "size": round(size, 1), "fill": "balance"}
    return {"columns": POSTER_COLUMNS, "size": POSTER_BASE_PT, "fill": "auto"}


def _lines(text: str, size: float, width: float, bold: bool = False) -> int:
    per_line = max(1, int(WRAP * width / (EM_WIDTH[bold] * size * PT_MM)))
    return sum(-(-max(1, len(word_run)) // per_line) for word_run in text.split("\n"))


def _height(
    blocks: list[tuple[str, float, float, bool, float]], size: float, leading: float = 1.3
) -> float:
    """The height in mm of (text, em size, width in mm, bold, em space above) blocks at `size`."""
    return sum(
        _lines(text, size * em, width, bold) * size * em * leading * PT_MM + above * size * PT_MM
        for text, em, width, bold, above in blocks
    )


def _place(location: Location) -> str:
    """The place as an index card's back says it: the address, then how to get there."""
    return ". ".join(t for t in (location.one_line, location.transport) if t)


def card_size(catalogue: Catalogue, offer: Offer) -> float:
    """The base size in pt of an offer's index card: the largest of CARD_SIZES at which both its
    front and its back fit the card, by an estimate of their lines (cards.html, a6.css)."""
    width = CARD_WIDTH_MM
    access = catalogue.access[offer.access]
    groups = [catalogue.target_groups[g].label for g in offer.target_groups]
    contact = offer.contact
    schedule = offer.schedule.model_dump().values() if offer.schedule else ()
    facts = opening_text.card_lines(offer, catalogue.today)

    def fits(size: float) -> bool:
        dd = width - 5.5 * size * PT_MM
        front = [
            (offer.title, 1.7, width, True, 0.3),
            (offer.summary, 1.1, width, False, 0.5),
            ("badge", 1.0, width, True, 0.8),
            (gettext("Tilbuddet er for"), 1.0, width, True, 1.3),
            *((g, 1.0, width - 1.1 * size * PT_MM, False, 0.1) for g in groups),
        ]
        contacts = [t for t in (contact.name, contact.phone, contact.email) if t]
        back = [
            (gettext("Sådan får du tilbuddet"), 1.0, width, True, 1.0),
            (f"{access.label}: {access.description or ''}", 1.0, width, True, 0.5),
            *((f"{gettext('Telefon')}: {t}", 1.0, dd, False, 0.2) for t in contacts),
            *(((_place(offer.location), 1.0, dd, False, 0.2),) if offer.location else ()),
            (" ".join(str(v) for v in schedule if v), 1.0, dd, False, 0.2),
            *((t, 1.0, dd, False, 0.2) for t in facts),
        ]
        back_mm = _height(back, size) + 25 + _lines(offer.title, 0.9 * size, width) * 4
        return max(_height(front, size), back_mm) <= CARD_HEIGHT_MM

    return next((size for size in CARD_SIZES if fits(size)), CARD_SIZES[-1])
