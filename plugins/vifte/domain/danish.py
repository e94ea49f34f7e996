"""Danish letters: how they are typed the ASCII way (ae/oe/aa or a/o/a), sorted and dated."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

LONG = {"æ": "ae", "ø": "oe", "å": "aa"}
SHORT = {"æ": "a", "ø": "o", "å": "a"}


def _spell(text: str, table: dict[str, str]) -> str:
    for letter, ascii_form in table.items():
        text = text.replace(letter, ascii_form)
    return text


def ascii_spelling(text: str) -> str:
    """Lower case with æ, ø, å written ae, oe, aa: how ids are spelled."""
    return _spell(text.casefold(), LONG)


def keyboard_spellings(word: str) -> set[str]:
    """How a word is typed without a Danish keyboard: 'gæld' gives {'gaeld', 'gald'}."""
    if not any(letter in word for letter in LONG):
        return set()
    return {_spell(word, LONG), _spell(word, SHORT)}


def slug(text: str) -> str:
    """An id made from a title: 'Café Ø' gives 'cafe-oe'."""
    plain = unicodedata.normalize("NFKD", ascii_spelling(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "nyt-id"


# Æ, Ø and Å come after Z, in that order (Python's casefold order puts Å before Æ and Ø); ä, ö
# sort with æ, ø as in Danish dictionaries. The three take the code points just after "z".
_AFTER_Z = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"})


def collation_key(text: str) -> tuple[str, str]:
    """Sort key for Danish order: letters first by the alphabet, accents and case only break ties."""
    folded = text.casefold().translate(_AFTER_Z)
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c)
    )
    return plain, text


def sort_da(items: Iterable[T], key: Callable[[T], str] | None = None) -> list[T]:
    """The items in Danish alphabetical order (of `key(item)`, or of the items themselves)."""
    get = key or str
    return sorted(items, key=lambda item: collation_key(get(item)))


DATE_FORMAT = "%d.%m.%Y"
"""How the site, its PDFs and the printed plan write a date: 05.10.2026 (plan.js reads it from the
plan page, which states it once for the browser)."""


def dato(day: dt.date) -> str:
    """A date as the site writes it: 05.10.2026."""
    return day.strftime(DATE_FORMAT)
