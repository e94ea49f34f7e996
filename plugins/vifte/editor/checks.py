"""`vifte check`'s checks on one item saved from the form, as problems at the form's fields.

The item is checked in the context of the whole project (references, links, LIX and jargon):
the folders the build reads are linked (hard links, else copies) into a temporary folder, the
new text replaces the item's file there, and the same code as `vifte check` runs on it. The
project itself is not touched until the save is accepted. Each problem in the item's file is
placed at the field on its line; a draft's errors are warnings, as `vifte check` says them.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vifte.domain.entries import Collection
from vifte.domain.model import Lifecycle
from vifte.source import lifecycle
from vifte.source.diagnostics import Diagnostic, Severity
from vifte.source.loader import PARSED, Document, Loc
from vifte.source.messages import fields_at
from vifte.source.plain_check import check_plain_language
from vifte.source.project import Project
from vifte.source.validate import load_catalogue

NAMED = re.compile(r"'([a-z_]+(?:\[[0-9]+\])?(?:\.[a-z_]+(?:\[[0-9]+\])?)*)'")
"""A field's name as messages quote it (messages.dotted): 'contact.phone', 'goals[2].title'."""


@dataclass(frozen=True)
class Problem:
    """One problem at one field of the form ("" when it concerns the whole item)."""

    field: str
    message: str
    severity: Severity
    line: int | None

    def as_json(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "message": self.message,
            "severity": self.severity,
            "line": self.line,
        }


def check_item(
    project: Project, col: Collection, relative: str, text: str | None, work: Path
) -> list[Problem]:
    """The problems of the item file at `relative` (from the project root) if it held `text`
    (None: if it were deleted; then the problems other files get from that). `work` is an
    empty folder to link the project into; the same one each time lets the loader's cache of
    parsed files (loader.PARSED) skip the files that did not change."""
    PARSED.on = True
    try:
        copy = _linked(project, work)
        target = copy.root / relative
        target.unlink(missing_ok=True)  # never write through a hard link into the project
        if text is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        documents: list[tuple[Any, Document]] = []
        catalogue, report = load_catalogue(copy, documents=documents)
        if catalogue is not None:
            check_plain_language(catalogue, documents, report)
        if text is None:
            before = {_key(d) for d in load_catalogue(project)[1].errors}
            return [
                Problem("", f"{d.path}: {d.message}", "error", d.line or None)
                for d in report.errors
                if _key(d) not in before
            ]
        doc = next((d for _, d in documents if d.path == target), None)
        found = [d for d in sorted(set(report.items)) if d.path == relative]
        return [_at_field(d, doc, col) for d in found]
    finally:
        for part in work.iterdir():
            shutil.rmtree(part, ignore_errors=True)


def is_draft(col: Collection, data: dict[str, Any]) -> bool:
    """Whether the item is a draft, as `vifte check` decides it (a strategy document's
    `status: draft` is a published proposal, not a draft)."""
    return lifecycle.is_draft(Document(Path(), data), col.model)


def has_drafts(col: Collection) -> bool:
    """Whether the collection's items can be drafts (status: draft)."""
    return issubclass(col.model, Lifecycle)


def refused(problems: list[Problem], draft: bool) -> bool:
    """Whether a save is refused: an error in an item that is not a draft."""
    return not draft and any(p.severity == "error" for p in problems)


def as_saved(problems: list[Problem], draft: bool) -> list[Problem]:
    """A draft is always saved: its errors come back as warnings."""
    if not draft:
        return problems
    return [Problem(p.field, p.message, "warning", p.line) for p in problems]


def _key(d: Diagnostic) -> tuple[str, str]:
    return (d.path, d.message)


def _at_field(d: Diagnostic, doc: Document | None, col: Collection) -> Problem:
    loc = _named(d.message, col) or (
        _loc_at(doc, d.line, d.column) if doc is not None and d.line else ()
    )
    return Problem(".".join(str(part) for part in loc), d.message, d.severity, d.line or None)


def _named(message: str, col: Collection) -> Loc:
    """The field a model message names ('contact.phone', 'goals[2].title'), when it names one
    of the model's fields: a missing field has no line of its own to be found at."""
    found: Loc = ()
    for name in NAMED.findall(message):
        loc: list[str | int] = []
        for part in name.split("."):
            key, _, index = part.partition("[")
            loc.append(key)
            if index:
                loc.append(int(index.rstrip("]")) - 1)
        keys = [p for p in loc if isinstance(p, str)]
        if keys[-1] in fields_at(col.model, tuple(loc[:-1])) or (
            len(loc) > 1
            and isinstance(loc[-1], int)
            and keys[-1] in fields_at(col.model, tuple(loc[:-2]))
        ):
            found = tuple(loc)
    return found


def _loc_at(doc: Document, line: int, column: int) -> Loc:
    """The field a position in the file belongs to: the value or key there, else the nearest
    field written before it (a line inside a Markdown text belongs to that text)."""
    places: list[tuple[tuple[int, int], Loc]] = [
        *((pos, loc) for loc, pos in doc.key_positions.items()),
        *((pos, loc) for loc, pos in doc.positions.items()),
    ]
    exact = [loc for pos, loc in places if pos == (line, column) and loc]
    if exact:
        return max(exact, key=len)
    before = [(pos, loc) for pos, loc in places if pos <= (line, column or 10**6) and loc]
    if not before:
        return ()
    last = max(pos for pos, _ in before)
    return max((loc for pos, loc in before if pos == last), key=len)


def _linked(project: Project, work: Path) -> Project:
    """The project's folders that the check reads, linked under `work`."""
    root = project.root
    folders = {project.catalogue, project.strategy, project.docs_dir, project.theme_dir}
    for folder in folders:
        if not folder.is_dir():
            continue
        try:
            relative = folder.resolve().relative_to(root.resolve())
        except ValueError:
            continue  # a folder outside the project: the check reports it on the project itself
        shutil.copytree(folder, work / relative, symlinks=True, copy_function=_link_or_copy)
    return Project.at(
        work,
        work / project.docs_dir.resolve().relative_to(root.resolve()),
        work / project.theme_dir.resolve().relative_to(root.resolve()),
        table=project.table,
    )


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
