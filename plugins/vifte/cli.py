"""The `vifte` command: check, build, serve, rediger, pdf, new, init, report, merge and upgrade."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from vifte import __version__, cli_words
from vifte.merge_command import add_parser as add_merge_parser
from vifte.pdf_command import add_parser as add_pdf_parser

if TYPE_CHECKING:
    from vifte.domain.catalogue import Catalogue
    from vifte.preview.builds import Builder
    from vifte.source.diagnostics import Report
    from vifte.source.project import Project


def main(argv: list[str] | None = None) -> int:
    with cli_words.danish():
        args = _parser().parse_args(argv)
    try:
        with _stop_signals():
            return COMMANDS[args.command](args)
    except KeyboardInterrupt as exc:
        return _stopped(exc, "Afbrudt ({how}).")


def _parser() -> argparse.ArgumentParser:
    """The whole command line; build it inside cli_words.danish() so argparse speaks Danish."""
    parser = argparse.ArgumentParser(
        prog="vifte", description="Byg kommunens tilbudskatalog fra YAML-filer."
    )
    parser.add_argument(
        "--version", action="version", version=f"vifte {__version__}", help="vis versionen og stop"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")

    check = sub.add_parser("check", help="tjek alle filer og vis alle fejl")
    check.add_argument(
        "-p",
        "--project",
        type=Path,
        default=Path("."),
        metavar="MAPPE",
        help="projektmappen (standard: den aktuelle mappe)",
    )
    # Links are always checked now; the flag stays so that old scripts keep working.
    check.add_argument("--links", action="store_true", help=argparse.SUPPRESS)
    check.add_argument(
        "--format",
        choices=_formats(),
        default="text",
        help="text (standard): én linje pr. fund; json: til værktøjer; github: kommentarer i "
        "GitHub Actions; gitlab: GitLabs Code Quality-rapport",
    )

    report = sub.add_parser(
        "report", help="lister til redaktørerne: tekster efter LIX, hvad der skal gennemgås"
    )
    from vifte.reports import add_reports

    add_reports(report)

    build = sub.add_parser("build", help="byg sitet (kun hvis alle filer er i orden)")
    build.add_argument(
        "-p", "--project", type=Path, default=Path("."), metavar="MAPPE", help="projektmappen"
    )
    build.add_argument(
        "-d",
        "--site-dir",
        type=Path,
        default=None,
        metavar="MAPPE",
        help="mappen, sitet skrives til (standard: site; for den interne udgave site-intern); "
        "den skal være ny, tom eller bygget af vifte før, og den må ikke være eller indeholde "
        "projektet eller en mappe, bygningen læser fra",
    )
    _edition_option(build)
    build.add_argument(
        "--no-pdf",
        action="store_true",
        help="spring PDF'erne over (kataloget og tilbuddene som PDF) for en hurtig prøvebygning",
    )
    build.add_argument("-v", "--verbose", action="store_true", help="vis MkDocs' egne meddelelser")
    build.add_argument("--strict", action="store_true", help="stop også ved advarsler")

    serve = sub.add_parser("serve", help="vis sitet lokalt og opdatér det, når du gemmer en fil")
    serve.add_argument(
        "-p", "--project", type=Path, default=Path("."), metavar="MAPPE", help="projektmappen"
    )
    serve.add_argument(
        "-a",
        "--dev-addr",
        default="127.0.0.1:8000",
        metavar="ADRESSE",
        help="adresse og port (standard: 127.0.0.1:8000)",
    )
    _edition_option(serve)
    serve.add_argument(
        "--pdf", action="store_true", help="lav også PDF'erne ved hver gemning (langsommere)"
    )

    _edition_option(add_pdf_parser(sub))

    from vifte.editor.command import add_parser as add_editor_parser

    _edition_option(add_editor_parser(sub))

    new = sub.add_parser("new", help="opret en ny fil med forklaringer, der er klar til at udfylde")
    new.add_argument(
        "kind",
        type=cli_words.kind,
        metavar="HVAD",
        help=f"hvad der skal oprettes: {cli_words.kind_metavar()[1:-1].replace(',', ', ')}",
    )
    new.add_argument(
        "title",
        metavar="TITEL",
        help='titel eller navn, fx "Gældsrådgivning"; for en oversaettelse: hvad der skal '
        "oversættes, fx tilbud/gaeldsraadgivning",
    )
    new.add_argument(
        "language",
        nargs="?",
        metavar="SPROG",
        help="kun for en oversaettelse: sprogets kode fra languages i settings.yaml, fx en",
    )
    new.add_argument(
        "-p", "--project", type=Path, default=Path("."), metavar="MAPPE", help="projektmappen"
    )

    init = sub.add_parser("init", help="start et nyt projekt for en kommune")
    init.add_argument(
        "directory", type=Path, metavar="MAPPE", help="mappen, projektet skal ligge i"
    )
    init.add_argument(
        "--name",
        default="Ny Kommune",
        metavar="NAVN",
        help='kommunens navn, fx "Fjordstrand Kommune"',
    )
    init.add_argument(
        "--ci",
        choices=_ci_choices(),
        default=_ci_choices()[-1],
        help="skriv en CI-fil til kommunens git-vært, der tjekker filerne, bygger sitet og lægger "
        "det på GitLab Pages eller GitHub Pages (standard: ingen)",
    )
    init.add_argument(
        "--ci-intern",
        action="store_true",
        help="CI-filen bygger også den interne udgave, som et artefakt kun projektets "
        "udviklere kan hente (aldrig på Pages)",
    )

    add_merge_parser(sub)

    upgrade = sub.add_parser(
        "upgrade",
        help="gør et ældre projekt klar til denne version: flytter kommunens navn, adresse og "
        "menu fra mkdocs.yml til catalogue/settings.yaml og siger, hvad der er gjort",
    )
    upgrade.add_argument(
        "-p", "--project", type=Path, default=Path("."), metavar="MAPPE", help="projektmappen"
    )
    return parser


def _edition_option(command: argparse.ArgumentParser) -> None:
    from vifte.domain.edition import EDITIONS, PUBLIC

    command.add_argument(
        "--edition",
        choices=list(EDITIONS),
        default=PUBLIC.name,
        help="offentlig (standard): til borgerne, uden interne felter som pris og intern kontakt; "
        "intern: alt, til kommunens intranet, mærket 'må ikke offentliggøres'",
    )


def _ci_choices() -> list[str]:
    from vifte.ci_files import CHOICES

    return CHOICES


def _formats() -> list[str]:
    from vifte.source.formats import FORMATS

    return list(FORMATS)


def _check(args: argparse.Namespace) -> int:
    from vifte.mkdocs.config import project_at
    from vifte.mkdocs.config_file import ConfigFileError
    from vifte.source import made_for
    from vifte.source.diagnostics import Report
    from vifte.source.formats import parse, render
    from vifte.source.plain_check import check_plain_language
    from vifte.source.validate import load_catalogue

    try:
        project = project_at(args.project.resolve())
    except ConfigFileError as exc:
        broken = Report(args.project, parse(exc.lines))
        made_for.note(args.project, broken, failed=True)
        sys.stdout.write(render(broken.items, args.format))
        return 1
    documents: list = []
    catalogue, report = load_catalogue(project, documents=documents)
    if _config_states_facts(args.project, catalogue, report):  # also beside the files' errors
        catalogue = None
    if catalogue is not None:
        check_plain_language(catalogue, documents, report)
    made_for.note(args.project, report, failed=catalogue is None)
    sys.stdout.write(render(report.items, args.format))
    if catalogue is None:
        print(
            f"{len(report.errors)} fejl, {cli_words.count(len(report.warnings), 'advarsel', 'advarsler')}. "
            "Ret fejlene og kør 'vifte check' igen.",
            file=sys.stderr,
        )
        return 1
    counts = ", ".join(
        cli_words.count(len(catalogue.items[col.name]), col.noun, col.plural)
        for col in catalogue.table.collections.values()
    )
    warnings = cli_words.count(len(report.warnings), "advarsel", "advarsler")
    print(f"Alt i orden: {counts} ({warnings}).", file=sys.stderr)
    return 0


def _config_states_facts(project: Path, catalogue: Catalogue | None, report: Report) -> bool:
    """Whether mkdocs.yml states a fact of settings.yaml's (name, address, menu), as build sees it."""
    from vifte.source.config_facts import check_config_facts

    if not (project / "mkdocs.yml").is_file():
        return False
    before = len(report.errors)
    settings = catalogue.settings if catalogue is not None else None
    check_config_facts(project / "mkdocs.yml", settings, report)
    return len(report.errors) > before


def _config_file(project: Path) -> Path | None:
    config = project / "mkdocs.yml"
    if not config.is_file():
        print(
            f"{config}: fejl: mkdocs.yml mangler; start et projekt med 'vifte init MAPPE'",
            file=sys.stderr,
        )
        return None
    return config


def _build(args: argparse.Namespace) -> int:
    from vifte.domain.edition import EDITIONS
    from vifte.mkdocs.build import build_request, show_mkdocs
    from vifte.mkdocs.config import request_of
    from vifte.mkdocs.config_file import ConfigFileError, load_config_file
    from vifte.publish.site_dir import SiteDirError
    from vifte.source.diagnostics import ProjectError

    config_file = _config_file(args.project)
    if config_file is None:
        return 1
    show_mkdocs(args.verbose)
    edition = EDITIONS[args.edition]
    try:
        config = load_config_file(config_file, strict=args.strict)
        request = request_of(config, edition=edition, pdf=not args.no_pdf)
        target = build_request(config, request, args.site_dir)
    except ConfigFileError as exc:
        print("\n".join(exc.lines), file=sys.stderr)
        return 1
    except SiteDirError as exc:
        print(f"fejl: {exc}", file=sys.stderr)
        return 1
    except ProjectError as exc:
        print(f"Bygningen stoppede ({exc}). Det tidligere site er ikke ændret.", file=sys.stderr)
        return 1
    except KeyboardInterrupt as exc:
        replaced = getattr(exc, "replaced", None)
        outcome = (
            f"det nye site nåede at blive lagt på plads i {replaced}"
            if replaced
            else "det tidligere site er ikke ændret"
        )
        return _stopped(exc, f"Bygningen blev afbrudt ({{how}}); {outcome}.")
    if edition.internal:
        print(
            f"Den interne udgave er bygget i {target}. Den må kun lægges på kommunens intranet.",
            file=sys.stderr,
        )
    else:
        print(f"Sitet er bygget i {target}", file=sys.stderr)
    return 0


def _preview(args: argparse.Namespace, pdf: bool) -> tuple[Project, Builder, Path] | None:
    """The project, the live preview's builder and the config file of `vifte serve`/`rediger`;
    None (the reason printed) when the project cannot be read."""
    from vifte.mkdocs.build import show_mkdocs
    from vifte.mkdocs.config import project_at
    from vifte.mkdocs.config_file import ConfigFileError
    from vifte.preview.builds import Builder

    config = _config_file(args.project)
    if config is None:
        return None
    show_mkdocs(False)
    try:
        project = project_at(args.project.resolve())
    except ConfigFileError as exc:
        print("\n".join(exc.lines), file=sys.stderr)
        return None
    options = {"config": str(config.resolve()), "edition": args.edition, "pdf": pdf}
    return project, Builder("vifte.mkdocs.serve:build_into", options), config.resolve()


def _serve(args: argparse.Namespace) -> int:
    from vifte.preview.serve import serve

    found = _preview(args, bool(args.pdf))
    if found is None:
        return 1
    project, builder, config = found
    try:
        return serve(project, builder, args.dev_addr, files=(config,))
    except KeyboardInterrupt as exc:
        return _stopped(exc, "Forhåndsvisningen er stoppet ({how}).")


def _rediger(args: argparse.Namespace) -> int:
    from vifte.editor.command import run
    from vifte.preview.serve import serve

    found = _preview(args, False)
    if found is None:
        return 1
    project, builder, config = found
    try:
        return run(
            args,
            project,
            lambda started: serve(project, builder, args.forhaandsvisning, (config,), started),
        )
    except KeyboardInterrupt as exc:
        return _stopped(exc, "Editoren og forhåndsvisningen er stoppet ({how}).")


_RECEIVED: list[int] = []
"""The stop signals received while a command runs."""


@contextmanager
def _stop_signals() -> Iterator[None]:
    """Ctrl-C and SIGTERM raise Interrupted, so clean-up runs and the command ends with one line.

    A signal the caller's shell ignores stays ignored.
    """
    from vifte.publish.site_dir import Interrupted

    def stop(signum: int, _frame: object) -> None:
        _RECEIVED.append(signum)
        raise Interrupted(signum)

    _RECEIVED.clear()
    defaults = {signal.SIGINT: signal.default_int_handler, signal.SIGTERM: signal.SIG_DFL}
    previous = {
        sig: signal.signal(sig, stop) for sig, d in defaults.items() if signal.getsignal(sig) is d
    }
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _stopped(exc: KeyboardInterrupt, line: str) -> int:
    """Say in one line that a signal stopped the command; exit code 128 + the signal's number."""
    signum = getattr(exc, "signum", None) or (exc.args[0] if exc.args else signal.SIGINT)
    how = (
        "Ctrl-C"
        if signum == signal.SIGINT
        else "SIGTERM"
        if signum == signal.SIGTERM
        else f"signal {signum}"
    )
    print(line.format(how=how), file=sys.stderr)
    return 128 + int(signum)


def _new(args: argparse.Namespace) -> int:
    from vifte.scaffold import ScaffoldError, new_file
    from vifte.scaffold_translation import KIND, new_translation

    try:
        if args.kind == KIND:
            if args.language is None:
                raise ScaffoldError(
                    "skriv sproget efter det, der skal oversættes, fx "
                    "'vifte new oversaettelse tilbud/gaeldsraadgivning en'"
                )
            path = new_translation(args.project, args.title, args.language)
        elif args.language is not None:
            raise ScaffoldError(
                f"'{args.language}' er for meget: kun en oversaettelse tager et sprog; "
                'sæt titlen i anførselstegn, fx "Ny titel"'
            )
        else:
            path = new_file(args.project, args.kind, args.title)
    except ScaffoldError as exc:
        print(f"fejl: {exc}", file=sys.stderr)
        return 1
    if args.kind == KIND:
        print(
            f"Oprettet {path}. Skriv oversættelserne under de danske tekster og kør 'vifte check'."
        )
    else:
        print(f"Oprettet {path}. Udfyld felterne og kør 'vifte check'.")
    return 0


def _init(args: argparse.Namespace) -> int:
    from vifte.ci_files import NONE
    from vifte.scaffold import ScaffoldError, init_project

    try:
        init_project(args.directory, args.name, ci=args.ci, intern=args.ci_intern)
    except ScaffoldError as exc:
        print(f"fejl: {exc}", file=sys.stderr)
        return 1
    print(
        f"Nyt projekt i {args.directory}. Gå ind i mappen og kør 'vifte build' eller 'vifte serve'."
    )
    if args.ci != NONE:
        print(
            f"CI-filen til {args.ci} ligger i projektet; den læser versionerne i constraints.txt."
        )
    elif args.ci_intern:
        print("--ci-intern gør intet uden --ci gitlab eller --ci github.", file=sys.stderr)
    return 0


def _report(args: argparse.Namespace) -> int:
    from vifte.reports import run_report

    return run_report(args)


def _pdf(args: argparse.Namespace) -> int:
    from vifte.mkdocs.config import project_at
    from vifte.mkdocs.config_file import ConfigFileError
    from vifte.pdf_command import run

    try:
        return run(args, project_at)
    except ConfigFileError as exc:  # a broken mkdocs.yml, found by project_at
        print("\n".join(exc.lines), file=sys.stderr)
        return 1


def _upgrade(args: argparse.Namespace) -> int:
    from vifte.upgrade_command import run

    return run(args)


def _merge(args: argparse.Namespace) -> int:
    from vifte.merge_command import run

    return run(args)


COMMANDS = {
    "check": _check,
    "build": _build,
    "serve": _serve,
    "rediger": _rediger,
    "pdf": _pdf,
    "new": _new,
    "init": _init,
    "report": _report,
    "merge": _merge,
    "saml": _merge,
    "upgrade": _upgrade,
}
