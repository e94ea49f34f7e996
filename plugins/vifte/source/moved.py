"""catalogue/moved.yaml: old ids that moved to new ones, so an old address is never a bare 404.

    offers:
      gammelt-id: nyt-id

The old id must not be a file any longer, and the new one must be a published item.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from vifte.domain.collections import Table
from vifte.domain.fields import ID_PATTERN, RESERVED_IDS
from vifte.source import loader
from vifte.source.diagnostics import Report
from vifte.source.lifecycle import is_draft
from vifte.source.loader import Document, YamlProblem

MOVED = "moved.yaml"

Moved = dict[str, dict[str, str]]


def load_moved(
    path: Path, loaded: dict[str, list[tuple[Any, Document]]], report: Report, table: Table
) -> Moved:
    """The moves of each collection (by name), after reporting every problem with file:line."""
    if not path.is_file():
        return {}
    try:
        doc = loader.load(path)
    except YamlProblem as exc:
        report.error(path, exc.line, exc.column, exc.message)
        return {}
    except OSError as exc:
        report.error(path, 0, 0, f"filen kan ikke læses ({exc.strerror})")
        return {}
    for problem in doc.problems:  # a tab, a duplicate key: the rest of the file is still read
        report.error(path, problem.line, problem.column, problem.message)
    data = doc.data or {}
    if not isinstance(data, dict):
        report.error(
            path, 1, 1, "filen skal have felter som 'offers:' med 'gammelt-id: nyt-id' under"
        )
        return {}
    out: Moved = {}
    for name, moves in data.items():
        if name not in table.collections:
            report.error(
                path,
                *doc.position((name,), key=True),
                f"ukendt samling '{name}'; mulige: {', '.join(table.collections)}",
            )
            continue
        if not isinstance(moves, dict):
            report.error(path, *doc.position((name,)), "skriv linjer som 'gammelt-id: nyt-id'")
            continue
        files = {d.path.stem: (m, d) for m, d in loaded.get(name, [])}
        col = table.collections[name]
        for old, new in moves.items():
            where = doc.position((name, old))
            if not isinstance(old, str) or not re.fullmatch(ID_PATTERN, old):
                report.error(path, *where, f"'{old}' er ikke et gyldigt id")
            elif old in RESERVED_IDS | col.reserved:
                report.error(path, *where, f"'{old}' er reserveret til en oversigtsside")
            elif old in files:
                report.error(
                    path,
                    *where,
                    f"'{old}' findes stadig som fil; en flytning gælder kun et id, der ikke findes mere",
                )
            elif not isinstance(new, str) or new not in files:
                report.error(path, *where, f'ukendt {col.noun} "{new}"; det nye id skal findes')
            elif is_draft(files[new][1], col.model):
                report.error(path, *where, f'{col.definite} "{new}" er en kladde og udgives ikke')
            else:
                out.setdefault(name, {})[old] = new
    return out
