"""The command line's own words in Danish: argparse's texts, counts, and the kinds `vifte new` knows.

argparse looks each of its texts up through gettext at the moment it uses it; `danish()` puts a
small catalogue in gettext's place while the command line is built and read, and puts it back
after, so nothing outside the `vifte` command changes.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

DANISH = {
    "usage: ": "brug: ",
    "positional arguments": "argumenter",
    "options": "tilvalg",
    "show this help message and exit": "vis denne hjælp og stop",
    "show program's version number and exit": "vis versionen og stop",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "%(value)r kendes ikke; vælg mellem %(choices)s"
    ),
    "the following arguments are required: %s": "der mangler: %s",
    "unrecognized arguments: %s": "ukendte argumenter: %s",
    "expected one argument": "skal have en værdi efter sig",
    "expected at most one argument": "må højst have én værdi efter sig",
    "expected at least one argument": "skal have mindst én værdi efter sig",
    "invalid %(type)s value: %(value)r": "%(value)r kan ikke bruges her",
    "ambiguous option: %(option)s could match %(matches)s": (
        "%(option)s kan betyde flere ting: %(matches)s"
    ),
    "not allowed with argument %s": "kan ikke bruges sammen med %s",
    "one of the arguments %s is required": "et af disse skal med: %s",
    "ignored explicit argument %r": "tager ingen værdi: %r",
    "unexpected option string: %s": "uventet tilvalg: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fejl: %(message)s\n",
}
PLURALS = {
    ("expected %s argument", "expected %s arguments"): (
        "skal have %s værdi",
        "skal have %s værdier",
    ),
}


def translate(message: str) -> str:
    return DANISH.get(message, message)


def translate_n(singular: str, plural: str, n: int) -> str:
    one, many = PLURALS.get((singular, plural), (singular, plural))
    return one if n == 1 else many


@contextmanager
def danish() -> Iterator[None]:
    """argparse speaks Danish inside the block (it reads `_` and `ngettext` as module globals)."""
    module = vars(argparse)
    before = module["_"], module["ngettext"]
    module["_"], module["ngettext"] = translate, translate_n
    try:
        yield
    finally:
        module["_"], module["ngettext"] = before


def count(n: int, singular: str, plural: str) -> str:
    """'1 advarsel', '2 advarsler': the number with the noun in the right number."""
    return f"{n} {singular if n == 1 else plural}"


def kind_words() -> dict[str, str]:
    """Every word `vifte new` accepts for a kind, from the table: Danish nouns and English kinds."""
    from vifte.domain.registry import TABLE

    words: dict[str, str] = {}
    for col in TABLE.collections.values():
        for word in (col.noun, col.plural, col.kind):
            words.setdefault(_plain(word), col.kind)
    return words


def kind(value: str) -> str:
    """argparse's type for `vifte new`: a kind's Danish noun (or its English name) to the kind."""
    from vifte.domain.registry import TABLE
    from vifte.scaffold_translation import KIND, WORDS

    found = KIND if _plain(value) in WORDS else kind_words().get(_plain(value))
    if found is None:
        nouns = ", ".join(
            [*(_command_word(col.noun) for col in TABLE.collections.values()), WORDS[0]]
        )
        raise argparse.ArgumentTypeError(f"'{value}' kendes ikke; vælg mellem {nouns}")
    return found


def kind_metavar() -> str:
    from vifte.domain.registry import TABLE
    from vifte.scaffold_translation import WORDS

    words = [*(_command_word(col.noun) for col in TABLE.collections.values()), WORDS[0]]
    return "{" + ",".join(words) + "}"


def _command_word(noun: str) -> str:
    """A noun as one word on the command line: 'strategisk dokument' -> 'strategisk-dokument'."""
    return noun.replace(" ", "-")


def _plain(word: str) -> str:
    return " ".join(word.lower().replace("-", " ").replace("_", " ").split())
