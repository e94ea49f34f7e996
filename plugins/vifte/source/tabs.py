"""Tabs in a YAML file's indentation: where they are, and the file read as if spaces were used.

YAML forbids tabs in indentation, and an editor shows them as wide as it likes; the loader reports
each such line and reads the rest of the file with spaces, so its other mistakes are found too.
"""

from __future__ import annotations

from collections.abc import Callable

Position = tuple[int, int]

TAB_MESSAGE = "linjen er rykket ind med et tabulatortegn; brug mellemrum til indrykning"
TAB_WIDTHS = (2, 4, 8)
"""How wide a tab may have looked in the editor's window; the loader uses the first that reads."""


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def tab_indents(text: str) -> list[Position]:
    """(line, column) of the first tab in each line's indentation, counted from 1."""
    return [
        (number, indent.index("\t") + 1)
        for number, line in enumerate(text.split("\n"), start=1)
        if "\t" in (indent := _indent(line))
    ]


def spaces_for_tabs(text: str, width: int) -> str:
    """The text with each tab in a line's indentation made `width` spaces."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        indent = _indent(line)
        if "\t" in indent:
            lines[i] = indent.replace("\t", " " * width) + line[len(indent) :]
    return "\n".join(lines)


def original_column(text: str, width: int) -> Callable[[Position], Position]:
    """Maps a position in `spaces_for_tabs(text, width)` back to the same place in `text`."""
    shift = {
        number: (len(indent.replace("\t", " " * width)), len(indent))
        for number, line in enumerate(text.split("\n"), start=1)
        if "\t" in (indent := _indent(line))
    }

    def back(position: Position) -> Position:
        line, column = position
        if line not in shift:
            return position
        wide, narrow = shift[line]
        return (line, column - wide + narrow if column > wide else min(column, narrow + 1))

    return back
