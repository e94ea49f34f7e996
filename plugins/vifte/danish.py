"""Danish letters the ASCII way: the one place that knows æ, ø and å can be typed as ae/oe/aa or a/o/a."""

from __future__ import annotations

import re
import unicodedata

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
