"""`vifte report NAME`: lists for editors, in Danish, one function per report, registered in REPORTS.

Each report reads the checked catalogue (drafts are never in it) and prints plain text.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vifte.domain.catalogue import Catalogue
from vifte.domain.danish import collation_key, dato
from vifte.domain.entries import Collection
from vifte.source.project import Project
from vifte.source.validate import load_catalogue
from vifte.translation_report import translations

NO_OWNER = "Uden ansvarlig"


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
    for col in catalogue.table.collections.values():
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


def _loaded(root: Path) -> tuple[Any, list[Any], Any] | None:
    """(catalogue, [(item, document)], report) of a project, or None after printing its errors."""
    from vifte.mkdocs.config import project_at
    from vifte.mkdocs.config_file import ConfigFileError
    from vifte.source.validate import load_catalogue

    try:
        project = project_at(root)
    except ConfigFileError as exc:
        print("\n".join(exc.lines), file=sys.stderr)
        return None
    documents: list[Any] = []
    catalogue, report = load_catalogue(project, documents=documents)
    if catalogue is None:
        for d in report.errors:
            print(d, file=sys.stderr)
        print("Ret fejlene og kør rapporten igen ('vifte check' viser dem alle).", file=sys.stderr)
        return None
    return catalogue, documents, report


def lix_report(args: argparse.Namespace) -> int:
    """Every citizen text by LIX, highest first, with file and line."""
    from vifte.source.plain_check import measure, too_hard

    loaded = _loaded(args.project)
    if loaded is None:
        return 1
    catalogue, documents, report = loaded
    limit = catalogue.settings.plain_language.lix_max
    rows = measure(documents, report, catalogue.table)
    print(f"{'LIX':>5}  {'':1}  STED  FELT  (TITEL)")
    for row in rows:
        mark = "!" if too_hard(row.lix, limit) else " "
        print(f"{row.lix.value:5.1f}  {mark}  {row.path}:{row.line}  {row.field}  ({row.title})")
    over = sum(row.lix.value > limit for row in rows)
    warned = sum(too_hard(row.lix, limit) for row in rows)
    print(
        f"{len(rows)} tekster; {over} over grænsen på {limit:g}, heraf {warned} så tydeligt, "
        "at vifte check advarer (mærket !).",
        file=sys.stderr,
    )
    return 0


def loaded(project: Project) -> Catalogue | None:
    """The project's catalogue for a report, or None after printing its errors."""
    # Links are vifte check's business; a report needs only the data (and reads no docs_dir).
    catalogue, report = load_catalogue(project, links=False)
    if catalogue is None:
        for line in report.lines():
            print(line)
        print(f"{len(report.errors)} fejl. Ret dem med 'vifte check' først.", file=sys.stderr)
    return catalogue


def review_report(args: argparse.Namespace) -> int:
    """What must be reviewed now, by owner."""
    project = Project.at(args.project)
    catalogue = loaded(project)
    if catalogue is None:
        return 1
    print(review(catalogue, project), end="")
    return 0


def translations_report(args: argparse.Namespace) -> int:
    """The report for every language of settings.yaml's `languages:`."""
    project = Project.at(args.project)
    catalogue = loaded(project)
    if catalogue is None:
        return 1
    print(translations(catalogue, project), end="")
    return 0


REPORTS: dict[str, tuple[str, Callable[[argparse.Namespace], int]]] = {
    "lix": ("alle tekster til borgeren efter LIX, de sværeste først", lix_report),
    "review": ("hvad skal gennemgås nu (review_by er passeret), efter ansvarlig", review_report),
    "oversaettelser": (
        "pr. sprog: hvad der ikke er oversat, og hvad der er oversat fra en ældre dansk tekst",
        translations_report,
    ),
}
"""Each report: its name on the command line, its help and its function."""


def add_reports(parser: argparse.ArgumentParser) -> None:
    """The report sub-commands, each with --project."""
    sub = parser.add_subparsers(dest="report", required=True, metavar="RAPPORT")
    for name, (help_text, _run) in REPORTS.items():
        one = sub.add_parser(name, help=help_text)
        one.add_argument(
            "-p", "--project", type=Path, default=Path("."), metavar="MAPPE", help="projektmappen"
        )


def run_report(args: argparse.Namespace) -> int:
    return REPORTS[args.report][1](args)
