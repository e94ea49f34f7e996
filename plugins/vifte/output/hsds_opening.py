"""An offer's opening hours and things to bring as HSDS 3 says them (decision 63).

Each line of the normal week is a weekly `schedule` (byday, opens_at, closes_at); each coming
special day or period one more, valid from its first to its last day, with opening times when
it is open. Times are Danish local time ("09:00"): a fixed UTC offset would be wrong half the
year, so the offset is left out and `notes` names the zone. `bring` is `required_documents`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vifte.domain import opening_text
from vifte.domain.model import Offer
from vifte.domain.opening import WEEKDAYS, minutes

Ids = Callable[..., str]
ICAL_DAYS = {day: day[:2].upper() for day in WEEKDAYS}  # monday -> MO
ZONE_NOTE = f"Tider i dansk tid ({opening_text.TIME_ZONE})."


def _hhmm(clock: str) -> str:
    return f"{minutes(clock) // 60:02d}:{minutes(clock) % 60:02d}"


def opening_schedules(ids: Ids, sid: str, offer: Offer) -> list[dict[str, Any]]:
    """The schedules of an offer's opening hours (none for a closed offer), in order."""
    hours = opening_text.shown(offer)
    if hours is None:
        return []
    rows: list[dict[str, Any]] = []
    for n, line in enumerate(hours.week):
        row = {
            "id": ids("schedule", offer.id, "week", str(n)),
            "service_id": sid,
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": ",".join(ICAL_DAYS[d] for d in sorted(line.days, key=WEEKDAYS.index)),
            "opens_at": _hhmm(line.opens),
            "closes_at": _hhmm(line.closes),
            "description": opening_text.week_text(hours),
            "notes": ZONE_NOTE,
        }
        rows.append(row)
    for e in hours.exceptions:
        row = {
            "id": ids("schedule", offer.id, "exception", e.date.isoformat()),
            "service_id": sid,
            "valid_from": e.date.isoformat(),
            "valid_to": e.last.isoformat(),
            "description": opening_text.exception_text(e),
            "notes": ZONE_NOTE,
        }
        if e.opens and e.closes:
            row.update(opens_at=_hhmm(e.opens), closes_at=_hhmm(e.closes))
        rows.append(row)
    return rows


def required_documents(ids: Ids, sid: str, offer: Offer) -> list[dict[str, Any]]:
    """What the citizen brings, one HSDS required document each."""
    return [
        {"id": ids("required_document", offer.id, str(n)), "service_id": sid, "document": thing}
        for n, thing in enumerate(offer.bring)
    ]
