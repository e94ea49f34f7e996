"""Opening hours in words, in the active language: "mandag–torsdag 9.00–15.00, fredag 9.00–12.00".

Day names, the time separator and the list words ("og", "and") are CLDR data (Babel) for the
language as it is written in Denmark, so no language needs them in its catalogue. The browser
gets the same texts with the minutes behind them (`browser_data`), and only picks today's
(assets/opening.js): every word on the page is made here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel.lists import format_list

from vifte.domain.opening import WEEKDAYS, OpeningException, OpeningHours, minutes
from vifte.domain.wording import date_text, here, said
from vifte.domain.words import gettext as _

TIME_ZONE = "Europe/Copenhagen"
"""Where the hours are kept: "open now" is computed in Danish time on any device."""

Spans = list[tuple[int, int]]


def shown(item: Any) -> OpeningHours | None:
    """The hours a page shows: none for a closed offer, where "open now" would mislead."""
    return None if item.status == "closed" else item.opening_hours


def card_lines(offer: Any, today: dt.date) -> list[str]:
    """The lines the hours and the things to bring take on a printed card (print/cards.html),
    for print_layout.py's estimate of whether the card fits."""
    hours = shown(offer)
    lines = [] if hours is None else [_("Åbningstider"), week_text(hours)]
    lines += [exception_text(e) for e in hours.upcoming(today)] if hours else []
    if offer.bring:
        lines += [_("Det skal du have med"), *offer.bring]
    return lines


def day_name(weekday: int) -> str:
    """'mandag' for 0, in the active language."""
    return said(here().days["stand-alone"]["wide"][weekday])


def clock_text(minutes: int) -> str:
    """'9.00' (Danish, English in Denmark) or '9:00' (Ukrainian, Arabic): no leading zero."""
    separator = here().number_symbols.get("latn", {}).get("timeSeparator", ":")
    return f"{minutes // 60}{separator}{minutes % 60:02d}"


def spans_text(spans: Spans) -> str:
    """'9.00–12.00 og 13.00–15.00'."""
    return format_list([f"{clock_text(a)}–{clock_text(b)}" for a, b in spans], locale=here())


def _joined(parts: list[str]) -> str:
    """Parts joined as the language's lists join their middle ('a, b'; Arabic 'a، b')."""
    middle = here().list_patterns["standard"]["middle"]
    text = parts[0]
    for part in parts[1:]:
        text = middle.format(text, part)
    return text


def week_text(hours: OpeningHours) -> str:
    """The normal week: neighbouring days with the same hours as one range of days."""
    groups: list[tuple[int, int, Spans]] = []
    for weekday in range(len(WEEKDAYS)):
        spans = hours.spans_on(weekday)
        if groups and groups[-1][2] == spans and groups[-1][1] == weekday - 1:
            groups[-1] = (groups[-1][0], weekday, spans)
        elif spans:
            groups.append((weekday, weekday, spans))
    parts = []
    for first, last, spans in groups:
        if not spans:
            continue
        days = day_name(first) if first == last else f"{day_name(first)}–{day_name(last)}"
        parts.append(f"{days} {spans_text(spans)}")
    return _joined(parts)


def _dates(e: OpeningException) -> str:
    return (
        date_text(e.date)
        if e.until in (None, e.date)
        else f"{date_text(e.date)}–{date_text(e.last)}"
    )


def exception_text(e: OpeningException) -> str:
    """'Lukket 24.12.2026–26.12.2026' or '31.12.2026: 10.00–12.00'."""
    if e.closed:
        return _("Lukket %(dates)s") % {"dates": _dates(e)}
    return _("%(dates)s: %(hours)s") % {"dates": _dates(e), "hours": spans_text(_spans(e))}


def _spans(e: OpeningException) -> Spans:
    return [] if e.opens is None or e.closes is None else [(minutes(e.opens), minutes(e.closes))]


def in_words(hours: OpeningHours, today: dt.date) -> str:
    """The week and the coming special days in one line (the CSV's column)."""
    return "; ".join([week_text(hours), *(exception_text(e) for e in hours.upcoming(today))])


def browser_data(hours: OpeningHours, today: dt.date) -> dict[str, Any]:
    """What assets/opening.js needs to say today's hours and whether it is open now: each
    weekday's and each coming exception's opening minutes with their words."""
    closed = _("lukket")
    week = []
    for weekday in range(len(WEEKDAYS)):
        spans = hours.spans_on(weekday)
        week.append({"s": spans, "t": spans_text(spans) if spans else closed})
    exceptions = [
        {
            "f": e.date.isoformat(),
            "u": e.last.isoformat(),
            "s": _spans(e),
            "t": spans_text(_spans(e)) if not e.closed else closed,
        }
        for e in hours.upcoming(today)
    ]
    return {"z": TIME_ZONE, "w": week, "x": exceptions}
