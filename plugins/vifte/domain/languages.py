"""Languages as a reader says them, in the active language.

Editors write an offer's or a mentor's languages either as names ("dansk, tyrkisk") or as
ISO 639 codes ("da, tr"). A list written all in codes that Babel's copy of the Unicode CLDR
locale data knows is shown by their names in the active language; any other list is shown exactly as written, so
a word is never mistaken for a code ("no, dansk" stays, as the editor wrote it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

from babel import Locale

from vifte.domain.wording import language_names as cldr_names
from vifte.domain.wording import said

CODE = re.compile(r"(?P<language>[a-z]{2,3})(?:[-_][a-z0-9]{2,8})*", re.I)
"""A language tag: "tr", "ar", "pt-BR" (the region is not said; "portugisisk" is enough)."""


def language_name(value: str) -> str | None:
    """The name of a language written as a code, or None when it is not a known code."""
    match = CODE.fullmatch(value.strip())
    if match is None:
        return None
    name = cldr_names().get(match.group("language").lower())
    return said(name) if name else None


def language_names(values: Iterable[str]) -> list[str]:
    """The languages as a reader says them: all by name when all are known codes, else as written."""
    written = list(values)
    names = [language_name(v) for v in written]
    return [n for n in names if n] if all(names) else written


def languages_text(values: Iterable[str]) -> str:
    """The languages on one line, as pages and PDFs print them ("dansk, tyrkisk, arabisk")."""
    return ", ".join(language_names(values))


def language_codes(values: Iterable[str]) -> list[str | None]:
    """Each language's ISO 639 code (None where it has none): a list written all in known codes
    is its own codes, as `language_names` reads it; any other by the Danish names ("arabisk")."""
    written = [v.strip() for v in values]
    known = _codes_by_danish_name()
    codes = [m.group("language").lower() if (m := CODE.fullmatch(v)) else "" for v in written]
    if written and all(c in known.values() for c in codes):
        return list(codes)
    return [known.get(v.lower()) for v in written]


@cache
def _codes_by_danish_name() -> Mapping[str, str]:
    """CLDR's Danish name of each language -> its code ("arabisk" -> "ar"); a language's own
    code only, not a regional variant's."""
    names = Locale.parse("da").languages
    return {
        name.lower(): code for code, name in sorted(names.items(), reverse=True) if code.isalpha()
    }
