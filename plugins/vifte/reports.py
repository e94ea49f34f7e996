"""`vifte report ...`: lists for editors, in Danish, one function per report.

Each report reads the checked catalogue (drafts are never in it) and prints plain text.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vifte.domain.catalogue import Catalogue
from vifte.domain.collections import COLLECTIONS, Collection
from vifte.domain.danish import collation_key, dato
from vifte.source.project import Project
from vifte.source.validate import load_catalogue

NO_OWNER = "Uden ansvarlig"


def add_parser(sub: Any) -> None:
    """The `report` command and its sub-commands (one per entry of REPORTS)."""
    report = sub.add_parser("report", help="lister til redaktører, fx hvad der skal gennemgås")
    kinds = report.add_subparsers(dest="report", required=True, metavar="RAPPORT")
    for name, (_, help_text) in REPORTS.items():
        one = kinds.add_parser(name, help=help_text)
        one.add_argument("-p", "--project", type=Path, default=Path("."), help="projektmappen")


def run(args: argparse.Namespace) -> int:
    # Links are vifte check's business; a report needs only the data (and reads no docs_dir).
    catalogue, report = load_catalogue(Project.at(args.project), links=False)
    if catalogue is None:
        for line in report.lines():
            print(line)
        print(f"{len(report.errors)} fejl. Ret dem med 'vifte check' først.", file=sys.stderr)
        return 1
    make, _ = REPORTS[args.report]
    print(make(catalogue, Project.at(args.project)), end="")
    return 0


def owner(item: Any) -> str:
    """Who answers for an item: its provider, else its contact's name, phone or e-mail."""
    provider = getattr(item, "provider", None)
    if provider is not None:
        return str(provider.name)
    contact = getattr(item, "contact", None)
    for value in (getattr(contact, "name", None), getattr(contact, "phone", None)):
        if value:
            return str(value)
    return str(getattr(contact, "email", None) or NO_OWNER)


def review(catalogue: Catalogue, project: Project) -> str:
    """What must be reviewed now (review_by today or earlier), grouped by owner, oldest first."""
    due: dict[str, list[tuple[Any, Collection]]] = {}
    for col in COLLECTIONS.values():
        for item in catalogue.items.get(col.name, ()):
            day = getattr(item, "review_by", None)
            if day is not None and day <= catalogue.today and item.status != "closed":
                due.setdefault(owner(item), []).append((item, col))
    today = dato(catalogue.today)
    if not due:
        return f"Intet skal gennemgås pr. {today}.\n"
    count = sum(len(items) for items in due.values())
    lines = [f"Til gennemgang pr. {today}: {count} i alt, efter ansvarlig.", ""]
    for name in sorted(due, key=collation_key):
        lines.append(f"{name} ({len(due[name])})")
        for item, col in sorted(
            due[name], key=lambda p: (p[0].review_by, collation_key(p[1].title(p[0])))
        ):
            mark = (
                " – siden siger nu, at oplysningerne kan være forældede"
                if catalogue.stale(item)
                else ""
            )
            lines.append(
                f"  {dato(item.review_by)}  {col.noun}: {col.title(item)} ({_file(project, col, item.id)}){mark}"
            )
        lines.append("")
    return "\n".join(lines)


def _file(project: Project, col: Collection, item_id: str) -> str:
    folder = project.collection(col.name)
    found = [folder / f"{item_id}{s}" for s in col.suffixes if (folder / f"{item_id}{s}").exists()]
    path = found[0] if found else folder / f"{item_id}{col.suffixes[0]}"
    return path.relative_to(project.root).as_posix()


REPORTS: dict[str, tuple[Callable[[Catalogue, Project], str], str]] = {
    "review": (review, "hvad skal gennemgås nu (review_by er passeret), efter ansvarlig"),
}
"""Each report: its function and its help text. Another report is one more entry."""
