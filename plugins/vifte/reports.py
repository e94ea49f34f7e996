"""`vifte report NAME`: lists for editors, one function per report, registered in REPORTS."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _loaded(root: Path) -> tuple[Any, list[Any], Any] | None:
    """(catalogue, [(item, document)], report) of a project, or None after printing its errors."""
    from vifte.cli import _project
    from vifte.mkdocs.config_file import ConfigFileError
    from vifte.source.validate import load_catalogue

    try:
        project = _project(root)
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
    from vifte.source.plain_check import measure

    loaded = _loaded(args.project)
    if loaded is None:
        return 1
    catalogue, documents, report = loaded
    limit = catalogue.settings.plain_language.lix_max
    rows = measure(documents, report)
    print(f"{'LIX':>5}  {'':1}  STED  FELT  (TITEL)")
    for row in rows:
        mark = "!" if row.lix.value > limit else " "
        print(f"{row.lix.value:5.1f}  {mark}  {row.path}:{row.line}  {row.field}  ({row.title})")
    over = sum(row.lix.value > limit for row in rows)
    print(
        f"{len(rows)} tekster; {over} over grænsen på {limit:g} (mærket !).",
        file=sys.stderr,
    )
    return 0


REPORTS: dict[str, tuple[str, Callable[[argparse.Namespace], int]]] = {
    "lix": ("alle tekster til borgeren efter LIX, de sværeste først", lix_report),
}
"""Each report: its name on the command line, its help and its function."""


def add_reports(parser: argparse.ArgumentParser) -> None:
    """The report sub-commands, each with --project."""
    sub = parser.add_subparsers(dest="report", required=True, metavar="RAPPORT")
    for name, (help_text, _run) in REPORTS.items():
        one = sub.add_parser(name, help=help_text)
        one.add_argument("-p", "--project", type=Path, default=Path("."), help="projektmappen")


def run_report(args: argparse.Namespace) -> int:
    return REPORTS[args.report][1](args)
