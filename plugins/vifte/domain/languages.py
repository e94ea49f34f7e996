"""Languages as a Danish reader says them.

Editors write an offer's or a mentor's languages either as names ("dansk, tyrkisk") or as
ISO 639 codes ("da, tr"). A code becomes its Danish name from Babel's copy of the Unicode CLDR
locale data; a name, or a code CLDR does not know, is shown as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from babel import Locale

CODE = re.compile(r"(?P<language>[a-z]{2,3})(?:[-_][a-z0-9]{2,8})*", re.I)
"""A language tag: "tr", "ar", "pt-BR" (the region is not said; "portugisisk" is enough)."""


@cache
def _danish_names() -> dict[str, str]:
    return dict(Locale("da").languages)


def language_name(value: str) -> str:
    """The Danish name of a language written as a code; anything else as written."""
    match = CODE.fullmatch(value.strip())
    if match is None:
        return value
    return _danish_names().get(match.group("language").lower(), value)


def language_names(values: Iterable[str]) -> list[str]:
    return [language_name(v) for v in values]
