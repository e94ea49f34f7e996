"""Words the domain names at import time, said in the active language when they are read.

Label tables (kinds, statuses, ...) hold msgids marked with `N_` and translate on each lookup,
so a label is in the language of the render, not of the import. Month and language names are
Unicode CLDR data (Babel) for the active language; the pseudo-language reads the Danish data,
wrapped as its catalogue words are. Dates are written as the language writes them in Denmark.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from functools import cache

from babel import Locale, localedata
from babel.dates import format_date

from vifte.domain.danish import dato
from vifte.domain.words import DANISH, PSEUDO, active, gettext


class Labels(Mapping[str, str]):
    """A fixed key -> label table whose labels are read in the active language."""

    def __init__(self, msgids: dict[str, str]):
        self.msgids = msgids

    def __getitem__(self, key: str) -> str:
        return gettext(self.msgids[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self.msgids)

    def __len__(self) -> int:
        return len(self.msgids)


def locale() -> Locale:
    """The CLDR locale of the active language (Danish for the pseudo-language)."""
    language = active()
    return _locale("da" if language == PSEUDO else language)


@cache
def _locale(language: str) -> Locale:
    return Locale.parse(language)


def said(text: str) -> str:
    """A CLDR text as the active language shows it; the pseudo-language marks it as it marks
    its catalogue words."""
    return gettext(text) if active() == PSEUDO else text


def month_year(day: dt.date) -> str:
    """'november 2026': the month spelled out, as the active language writes it."""
    return said(format_date(day, "LLLL y", locale=locale()))


def language_names() -> Mapping[str, str]:
    """Language code -> name in the active language ('tr' -> 'tyrkisk')."""
    return locale().languages


def date_text(day: dt.date) -> str:
    """A date as the page's language writes it: 05.10.2026 in Danish (danish.dato, which the
    plan's script reads as well); in another language with the month spelled out ("5 October
    2026", "5 жовтня 2026 р."), so that no reader takes the day for the month."""
    language = active()
    if language in (DANISH, PSEUDO):
        return dato(day)
    return format_date(day, "long", locale=_in_denmark(language))


@cache
def _in_denmark(language: str) -> Locale:
    """The language as CLDR writes it in Denmark where it knows that ("en_DK": "5 October
    2026", not the American "October 5, 2026"), else the language itself."""
    here = f"{language}_DK"
    return Locale.parse(here if localedata.exists(here) else language)


def here() -> Locale:
    """The active language's CLDR locale as it is written in Denmark (en_DK: 24-hour "9.00")."""
    language = active()
    return _in_denmark(DANISH if language == PSEUDO else language)
