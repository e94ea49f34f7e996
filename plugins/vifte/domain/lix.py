"""LIX, the Danish/Swedish readability index: words per sentence + 100 x share of long words.

A long word has more than six letters. A full stop after a common abbreviation ("kr.", "f.eks.")
or inside a number ("1.950", "9.30") does not end a sentence; `!`, `?`, `:` and a line break
between blocks (a heading, a list item, a paragraph) do. A word of letters and digits joined by
`-`, `'` or `.` is one word ("f.eks.", "1.950", "LAB-loven"). Pure: no I/O.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

ABBREVIATIONS = (
    "kr.", "f.eks.", "bl.a.", "ca.", "nr.", "pr.", "tlf.", "jf.", "dvs.", "mv.",
    "kl.", "evt.", "inkl.", "ekskl.", "vedr.", "mht.", "iflg.", "ifm.",
)  # fmt: skip
"""Abbreviations whose full stop does not end a sentence (matched without regard to case)."""
LONG = 6
"""A word with more letters than this is long."""
Z = 1.96
"""How sure `floor` is of a whole text: the lower end of a 95 % interval."""
Z_SENTENCE = 2.58
"""And of each sentence: 99 %, since a text of five sentences is five tries at a false alarm."""

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
    floor: float = 0.0
    """The lowest LIX the text plausibly has (see `floor`)."""
    hardest_sentence: str = ""
    """The sentence with the highest `floor` of its own (at Z_SENTENCE)."""
    hardest_floor: float = 0.0


def floor(words: int, long: int, sentences: int, z: float = Z) -> float:
    """The lowest LIX a text of so many words, long words and sentences plausibly has.

    In a short text one long word more or less moves LIX by 100 / words (7 points in a sentence
    of 15 words), so its share of long words says little about how hard it is to read. This is
    LIX with that share at the lower end of its Wilson interval (95 % by default): close to LIX in a long
    text, well under it in one sentence of ordinary words, and still high where most words are
    long. Rounded to one decimal.
    """
    if not words:
        return 0.0
    n, share = words, long / words
    spread = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n))
    low = (share + z * z / (2 * n) - spread) / (1 + z * z / n)
    return round(n / sentences + 100 * max(low, 0.0), 1)


def _is_long(word: str) -> bool:
    return sum(c.isalpha() for c in word) > LONG


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
    each = [words(s) for s in found]
    all_words = [w for ws in each for w in ws]
    if not all_words:
        return Lix(0.0, 0, 0, "", ())
    long_words = [w for w in all_words if _is_long(w)]
    value = len(all_words) / len(found) + 100 * len(long_words) / len(all_words)
    floors = [floor(len(ws), sum(map(_is_long, ws)), 1, Z_SENTENCE) for ws in each]
    hardest = max(range(len(found)), key=floors.__getitem__)
    return Lix(
        value=round(value, 1),
        words=len(all_words),
        sentences=len(found),
        longest_sentence=found[max(range(len(found)), key=lambda i: len(each[i]))],
        long_words=tuple(sorted(dict.fromkeys(long_words), key=lambda w: (-len(w), w))),
        floor=floor(len(all_words), len(long_words), len(found)),
        hardest_sentence=found[hardest],
        hardest_floor=floors[hardest],
    )
