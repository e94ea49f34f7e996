"""`vifte check`'s plain-language warnings: LIX over the limit, a summary of several sentences,
jargon in a citizen text; and the measurements `vifte report lix` lists.

The limit and the jargon list come from settings.yaml (`plain_language`); the texts are found
by their marks in the model (domain/plain.py), for every collection in the table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from vifte.domain.catalogue import Catalogue
from vifte.domain.collections import Table
from vifte.domain.lix import Lix, lix
from vifte.domain.plain import Text, citizen_texts, jargon_in, jargon_pattern
from vifte.source.diagnostics import Report, shorten
from vifte.source.loader import Document

LONG_WORDS_SHOWN = 5


def too_hard(measured: Lix, limit: float) -> bool:
    """Whether a text is over the LIX limit beyond doubt: even its lowest plausible LIX is
    (`lix.floor`), or that of one of its sentences. One sentence of ordinary words is not (LIX
    48, floor 30: "Frivillige rådgivere hjælper dig gratis med at skabe overblik over din økonomi
    og din gæld."); a sentence that is mostly long compounds is, however easy the rest."""
    return max(measured.floor, measured.hardest_floor) > limit


@dataclass(frozen=True)
class Measured:
    """One citizen text's LIX and where it is written."""

    path: str
    line: int
    title: str
    field: str
    lix: Lix


def _start(text: Text, doc: Document) -> tuple[int, int, int]:
    """(line, column, block): where the field stands; block 1 when its text starts on the next
    line (a `|` block scalar, a Markdown body)."""
    line, column = doc.position(text.loc)
    block = 1 if "\n" in text.written.rstrip("\n") or text.written.endswith("\n") else 0
    return line, column, block


def _line_of(text: Text, doc: Document, offset: int) -> tuple[int, int]:
    """The file line and column of an offset in a text as written."""
    line, column, block = _start(text, doc)
    lines_before = text.written.count("\n", 0, max(offset, 0))
    if not block and not lines_before:
        return line, column
    return line + block + lines_before, 1


def _sentence_offset(text: Text, sentence: str) -> int:
    """Where a plain-text sentence starts in the written text (0 when markup hides it)."""
    head = r"\s+".join(re.escape(word) for word in sentence.split()[:3])
    found = re.search(head, text.written) if head else None
    return found.start() if found else 0


def _texts(documents: Iterable[tuple[Any, Document]]) -> Iterator[tuple[Any, Document, Text]]:
    for item, doc in documents:
        if item is None:
            continue
        for text in citizen_texts(item):
            yield item, doc, text


def check_plain_language(
    catalogue: Catalogue, documents: Iterable[tuple[Any, Document]], report: Report
) -> None:
    """Warn about every citizen text that is too hard, not one sentence, or has jargon."""
    rules = catalogue.settings.plain_language
    pattern = jargon_pattern(rules.jargon)
    for _item, doc, text in _texts(documents):
        if text.prose.one_sentence and text.sentence_count > 1:
            report.warning(
                doc.path,
                *_line_of(text, doc, 0),
                f"'{text.field}' skal være én sætning, men har {text.sentence_count}; "
                "skriv det vigtigste i én sætning og resten i teksten",
            )
        measured = text.lix
        if too_hard(measured, rules.lix_max):
            offset = _sentence_offset(text, measured.hardest_sentence)
            report.warning(
                doc.path,
                *_line_of(text, doc, offset),
                _hard_message(text.field, measured, rules.lix_max),
            )
        for offset, word in jargon_in(text.written, pattern):
            report.warning(
                doc.path,
                *_line_of(text, doc, offset),
                f"'{text.field}' bruger fagordet '{word}', som borgeren måske ikke kender; "
                "forklar det med almindelige ord (listen står i settings.yaml under plain_language)",
            )


def _hard_message(field: str, measured: Lix, limit: float) -> str:
    """The text's LIX when the whole text is too hard, else that of its hardest sentence."""
    hardest = measured.hardest_sentence
    size = f"{len(hardest.split())} ord"
    if measured.floor > limit:
        said = [
            f"'{field}' er svær at læse: LIX {measured.value:g} (grænsen er {limit:g}).",
            f'Sværeste sætning ({size}): "{shorten(hardest)}".',
        ]
    else:
        said = [
            f"'{field}' har en sætning, der er svær at læse: LIX {lix(hardest).value:g} "
            f'(grænsen er {limit:g}) i "{shorten(hardest)}" ({size}).'
        ]
    if measured.long_words:
        said.append(f"Lange ord: {', '.join(measured.long_words[:LONG_WORDS_SHOWN])}.")
        said.append("Skriv kortere sætninger og kortere ord")
    else:
        said.append("Del de lange sætninger op")
    return " ".join(said)


def measure(
    documents: Iterable[tuple[Any, Document]], report: Report, table: Table
) -> list[Measured]:
    """Every citizen text with its LIX, highest first (then by file and line)."""
    found = []
    for item, doc, text in _texts(documents):
        measured = text.lix
        line, _ = _line_of(text, doc, 0)
        found.append(
            Measured(
                report.display(doc.path),
                line,
                table.collection_of(item).title(item),
                text.field,
                measured,
            )
        )
    return sorted(found, key=lambda m: (-m.lix.value, m.path, m.line))
