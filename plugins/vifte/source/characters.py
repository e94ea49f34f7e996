"""Characters no text of vifte may hold: invisible control characters and non-characters.

A title with a vertical tab stops the feeds (XML 1.0 cannot hold it) and a control character in
a description lands raw in the HTML and the search index. Refused, in the file as written and in
what an escape in a quoted value (`"Kontrol\\vtegn"`) makes: every control character (Unicode
category Cc) but tab and line breaks, lone surrogates, and the non-characters U+FDD0–U+FDEF and
U+xFFFE/U+xFFFF. Pure: no I/O.
"""

from __future__ import annotations

import re
import unicodedata

_NAMES = {
    "\x00": "NUL-tegn",
    "\x08": "tilbage-tegn",
    "\x0b": "lodret tabulator",
    "\x0c": "sideskift",
    "\r": "vognretur",
    "\x1b": "escape-tegn",
    "\x7f": "slettetegn",
    "\x85": "linjeskift fra et gammelt tegnsæt (NEL)",
}

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
# Raw text may hold tab, line feed and carriage return (CRLF or an old Mac line end: YAML and
# Markdown read it as a line break); a value may hold tab and line feed only.
_RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff" + _NONCHARACTERS + "]")
_VALUE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff" + _NONCHARACTERS + "]")


def _describe(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if char in _NAMES:
        return f"{code}, {_NAMES[char]}"
    if unicodedata.category(char) == "Cs":
        return f"{code}, en halv UTF-16-surrogat"
    if unicodedata.category(char) == "Cc":
        return f"{code}, et usynligt styretegn"
    return f"{code}, et tegn, Unicode har reserveret som ikke-tegn"


def message(char: str, count: int) -> str:
    """The Danish message for a refused character (`count` of them in the text)."""
    more = f" (der er {count} i alt; her er det første)" if count > 1 else ""
    return (
        f"teksten indeholder et tegn, der ikke kan vises ({_describe(char)}){more}; "
        "det kommer typisk med, når tekst kopieres fra et andet program: slet tegnet og skriv "
        "teksten igen"
    )


def in_raw(text: str) -> tuple[int, int, str] | None:
    """(line, column, message) of the first refused character in a file's text, or None."""
    found = _RAW.findall(text)
    if not found:
        return None
    match = _RAW.search(text)
    assert match is not None
    start = match.start()
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return line, column, message(match.group(), len(found))


def in_value(text: str) -> str | None:
    """The message for the first refused character in a text value, or None."""
    found = _VALUE.findall(text)
    return message(found[0], len(found)) if found else None
