"""LIX, the Danish/Swedish readability index: words per sentence + 100 x share of long words.

A long word has more than six letters. A full stop after a common abbreviation ("kr.", "f.eks.")
or inside a number ("1.950", "9.30") does not end a sentence; `!`, `?`, `:` and a line break
between blocks (a heading, a list item, a paragraph) do. A word of letters and digits joined by
`-`, `'` or `.` is one word ("f.eks.", "1.950", "LAB-loven"). Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = (
    "kr.", "f.eks.", "bl.a.", "ca.", "nr.", "pr.", "tlf.", "jf.", "dvs.", "mv.",
    "kl.", "evt.", "inkl.", "ekskl.", "vedr.", "mht.", "iflg.", "ifm.",
)  # fmt: skip
"""Abbreviations whose full stop does not end a sentence (matched without regard to case)."""
LONG = 6
"""A word with more letters than this is long."""

_ABBREVIATION = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(a) for a in ABBREVIATIONS) + r")(?!\w)", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)|\n+")
"""A stop followed by a space or the end; so the dots in "1.950" and "9.30" end nothing."""
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
"""A word: letters and digits, joined by hyphens, apostrophes or dots ("f.eks", "1.950")."""


@dataclass(frozen=True)
class Lix:
    """A text's LIX and what drives it."""

    value: float
    words: int
    sentences: int
    longest_sentence: str
    long_words: tuple[str, ...]
    """The long words, longest first, each once."""


def sentences(text: str) -> list[str]:
    """The sentences of plain text, in order; abbreviations and numbers do not split them."""
    masked = _ABBREVIATION.sub(lambda m: m.group().replace(".", "\0"), text)
    parts = (p.replace("\0", ".").strip() for p in _SENTENCE_END.split(masked))
    return [" ".join(p.split()) for p in parts if _WORD.search(p)]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def lix(text: str) -> Lix:
    """The LIX of plain text (0 for a text without words), rounded to one decimal."""
    found = sentences(text)
    all_words = [w for s in found for w in words(s)]
    if not all_words:
        return Lix(0.0, 0, 0, "", ())
    long_words = [w for w in all_words if sum(c.isalpha() for c in w) > LONG]
    value = len(all_words) / len(found) + 100 * len(long_words) / len(all_words)
    return Lix(
        value=round(value, 1),
        words=len(all_words),
        sentences=len(found),
        longest_sentence=max(found, key=lambda s: len(words(s))),
        long_words=tuple(sorted(dict.fromkeys(long_words), key=lambda w: (-len(w), w))),
    )
