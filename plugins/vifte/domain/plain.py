"""Plain language: which texts are for citizens, how hard they read and which jargon they use.

A citizen text is a field marked `Prose` (Markdown is prose) whose audience is the citizen
(edition.py), at any depth: a strategy's goals are parts of the document. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from vifte.domain.edition import audience_of
from vifte.domain.fields import Prose, Rendered
from vifte.domain.lix import Lix, lix, sentences
from vifte.domain.markup import plain_blocks

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Text:
    """One citizen text of an item: where it is, what it says as plain text, and its rules."""

    loc: Loc
    written: str
    """As written in the file (Markdown for Markdown fields)."""
    plain: str
    """Plain text, one line per block."""
    prose: Prose

    @property
    def field(self) -> str:
        return ".".join(str(part) for part in self.loc)

    @property
    def lix(self) -> Lix:
        return lix(self.plain)

    @property
    def sentence_count(self) -> int:
        return len(sentences(self.plain))


def _marks(annotation: Any) -> list[Any]:
    if get_origin(annotation) is Annotated:
        args = get_args(annotation)
        return [*args[1:], *_marks(args[0])]
    return [m for arg in get_args(annotation) for m in _marks(arg)]


def _prose_mark(info: Any) -> Prose | None:
    return next(
        (m for m in [*info.metadata, *_marks(info.annotation)] if isinstance(m, Prose)), None
    )


def _is_markdown(info: Any) -> bool:
    return any(isinstance(m, Rendered) for m in [*info.metadata, *_marks(info.annotation)])


def citizen_texts(item: BaseModel, loc: Loc = ()) -> Iterator[Text]:
    """Every filled-in citizen text of an item, in field order, parts included."""
    for name, info in type(item).model_fields.items():
        if audience_of(info) != "citizen":
            continue
        value = getattr(item, name)
        here = (*loc, name)
        if isinstance(value, BaseModel):
            yield from citizen_texts(value, here)
        elif isinstance(value, list | tuple):
            for index, part in enumerate(value):
                if isinstance(part, BaseModel):
                    yield from citizen_texts(part, (*here, index))
        elif isinstance(value, str) and value.strip() and (mark := _prose_mark(info)):
            plain = "\n".join(plain_blocks(value)) if _is_markdown(info) else value
            yield Text(here, value, plain, mark)


def jargon_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for a jargon list: a lower-case word also matches its inflected forms and
    compounds that start with it ("visitation": "Visitationen"); a word with a capital letter
    matches only itself, case and all ("LAB", not "laboratorium"); a sign ("§") matches anywhere.
    """
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word)
        if not any(c.isalnum() for c in word):
            parts.append(escaped)
        elif word == word.lower():
            parts.append(rf"(?i:(?<![^\W_]){escaped}[^\W\d_]*)")
        else:
            parts.append(rf"(?<![^\W_]){escaped}(?![^\W_])")
    return re.compile("|".join(parts)) if parts else None


def jargon_in(text: str, pattern: re.Pattern[str] | None) -> list[tuple[int, str]]:
    """(offset, word as written) for each jargon word in a text."""
    if pattern is None:
        return []
    return [(m.start(), m.group()) for m in pattern.finditer(text)]
