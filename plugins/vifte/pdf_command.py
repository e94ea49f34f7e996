"""`vifte pdf`: only the brochures, for staff who changed an offer and want it on paper now."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from vifte.output.products import PRODUCTS

if TYPE_CHECKING:
    from vifte.source.project import Project

TERM_OPTIONS = {"area": "areas", "theme": "themes", "target_group": "target_groups"}
"""`--area ID` picks from the term list `areas`, and so on."""


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """The `pdf` command's options (the edition option is added by the caller)."""
    from vifte.domain.registry import TABLE

    pdf = sub.add_parser("pdf", help="lav kun PDF'erne (brochurerne), fx efter en rettelse")
    pdf.add_argument(
        "-p", "--project", type=Path, default=Path("."), metavar="MAPPE", help="projektmappen"
    )
    pdf.add_argument(
        "--format",
        nargs="+",
        action="extend",
        default=[],
        metavar="FORMAT",
        help=f"kun disse slags PDF'er: {', '.join(dict.fromkeys(PRODUCTS.values()))} (standard: alle)",
    )
    for dest, terms in TERM_OPTIONS.items():
        noun = TABLE.term_lists[terms].noun
        pdf.add_argument(
            f"--{dest.replace('_', '-')}",
            dest=dest,
            nargs="+",
            action="extend",
            default=[],
            metavar="ID",
            help=f"kun brochurerne for disse id'er ({noun}, se settings.yaml); med --format "
            "også kun de tilbud, der har dem",
        )
    pdf.add_argument(
        "--sprog",
        dest="language",
        default="da",
        metavar="KODE",
        help="PDF'ernes sprog: da eller et af sprogene under languages: i settings.yaml, fx en; "
        "filnavnet siger sproget (tilbud/ID.en.pdf) (standard: da)",
    )
    pdf.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="MAPPE",
        help="mappen, PDF'erne skrives til (standard: brochurer i projektet; for den interne "
        "udgave brochurer-intern); den skal være ny, tom eller skrevet af vifte før",
    )
    return pdf


def run(args: argparse.Namespace, project_of: Callable[[Path], Project | None]) -> int:
    """Make the chosen PDFs and write them; say what was written. 0 on success, 1 else."""
    from vifte.domain import words
    from vifte.domain.edition import EDITIONS
    from vifte.output.outputs import printed_forms
    from vifte.output.pages import Renderer
    from vifte.output.pdf import PdfError
    from vifte.output.pdf_cache import FOLDER, PdfCache
    from vifte.output.pdf_choice import ChoiceError, choose
    from vifte.output.templating import TemplateLayoutError
    from vifte.publish.brochure_dir import default_dir, write_brochures
    from vifte.publish.site_dir import SiteDirError
    from vifte.source.site_check import logo_file
    from vifte.source.sources import folders
    from vifte.source.validate import load_catalogue

    project = project_of(args.project)
    if project is None:
        return 1
    catalogue, report = load_catalogue(project)
    for line in report.lines():
        print(line, file=sys.stderr)
    if catalogue is None:
        print(f"{len(report.errors)} fejl. Ret fejlene og kør 'vifte pdf' igen.", file=sys.stderr)
        return 1
    edition = EDITIONS[args.edition]
    languages = [words.DANISH, *catalogue.settings.languages]
    if args.language not in languages:
        print(
            f"fejl: ukendt sprog '{args.language}'; mulige: {', '.join(languages)}", file=sys.stderr
        )
        return 1
    catalogue = catalogue.for_edition(edition).in_language(args.language)
    terms = {name: getattr(args, dest) for dest, name in TERM_OPTIONS.items()}
    try:
        choice = choose(catalogue, args.format, terms)
        renderer = Renderer(catalogue, [project.templates])
        cache = PdfCache(project.root / FOLDER, edition.key)
        with words.speaking(args.language):  # the PDFs' own words in their language
            printed = printed_forms(
                catalogue,
                renderer,
                edition,
                images=project.images,
                logo=logo_file(project, catalogue.settings),
                cache=cache,
                chosen=None if choice.everything else choice,
            )
        target = args.out or default_dir(project.root, edition)
        sources = [folder for folder, _ in folders(project)] + project.watched()
        written = write_brochures(
            target, printed, edition, projects=[project.root], sources=sources
        )
    except (ChoiceError, TemplateLayoutError, SiteDirError) as exc:
        print(f"fejl: {exc}", file=sys.stderr)
        return 1
    except PdfError as exc:
        print(f"PDF'erne kunne ikke laves:\n{exc}", file=sys.stderr)
        return 1
    for path, p in zip(written, printed, strict=True):
        pages = f"{p.pdf.pages} side" + ("" if p.pdf.pages == 1 else "r")
        print(f"{path}  ({pages}, {p.pdf.kb} kB)")
    if not written:
        print("Ingen PDF'er passer til det valgte.", file=sys.stderr)
    print(cache.summary(), file=sys.stderr)
    return 0
