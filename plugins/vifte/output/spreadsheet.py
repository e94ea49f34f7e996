"""The offers as CSV for spreadsheets: one row per offer, Danish column names.

UTF-8 with a byte-order mark and semicolons between fields, as Danish Excel opens a CSV file
by double-click (docs/decisions.md, 20); lines end in CRLF, quotes only where needed. A cell
that starts with =, +, -, @ or a tab would be read as a formula, so it gets a leading '.
Every published offer has a row; `status` says Aktivt, Sat på pause or Lukket, and a closed
one has the day it closed under `lukket` (decision 36).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

from vifte.domain import opening_text
from vifte.domain.catalogue import Catalogue
from vifte.domain.markup import plain_text
from vifte.domain.model import Offer
from vifte.domain.routes import page_url

BOM = "\ufeff"
DELIMITER = ";"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _join(values: list[str]) -> str:
    return ", ".join(values)


def _opening(o: Offer, c: Catalogue) -> str | None:
    hours = opening_text.shown(o)
    return opening_text.in_words(hours, c.today) if hours else None


def _columns(c: Catalogue, site: str) -> list[tuple[str, Callable[[Offer], Any]]]:
    return [
        ("id", lambda o: o.id),
        ("titel", lambda o: o.title),
        ("kort beskrivelse", lambda o: o.summary),
        ("område", lambda o: c.areas[o.area].label),
        ("adgang", lambda o: c.access[o.access].label),
        ("slags", lambda o: o.kind_label),
        ("temaer", lambda o: _join([c.themes[t].label for t in o.themes])),
        ("målgrupper", lambda o: _join([c.target_groups[t].label for t in o.target_groups])),
        ("udbyder", lambda o: o.provider.name),
        ("afdeling", lambda o: o.provider.department),
        ("kontakt", lambda o: o.contact.name),
        ("telefon", lambda o: o.contact.phone),
        ("e-mail", lambda o: o.contact.email),
        ("adresse", lambda o: o.location.address if o.location else None),
        ("postnummer", lambda o: o.location.postcode if o.location else None),
        ("by", lambda o: o.location.city if o.location else None),
        ("tilgængelighed", lambda o: o.location.accessibility if o.location else None),
        ("varighed", lambda o: o.schedule.duration if o.schedule else None),
        ("timer om ugen", lambda o: o.schedule.hours_per_week if o.schedule else None),
        ("start", lambda o: o.schedule.start if o.schedule else None),
        ("ventetid", lambda o: o.waiting_time),
        ("pladser", lambda o: o.capacity),
        ("åbningstider", lambda o: _opening(o, c)),
        ("det skal du have med", lambda o: "; ".join(o.bring)),
        ("sprog", lambda o: _join(o.languages)),
        ("opdateret", lambda o: o.updated.isoformat() if o.updated else None),
        ("status", lambda o: o.status_label),
        ("lukket", lambda o: o.closed.isoformat() if o.closed else None),
        ("side", lambda o: site + page_url(c.table, o)),
        ("beskrivelse", lambda o: plain_text(o.description)),
    ]


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def offers_csv(catalogue: Catalogue) -> str:
    """The CSV text, BOM first, byte-identical for identical input."""
    columns = _columns(catalogue, catalogue.settings.municipality.url)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow([name for name, _ in columns])
    for offer in catalogue.items.get("offers", ()):
        writer.writerow([_cell(get(offer)) for _, get in columns])
    return BOM + out.getvalue()
