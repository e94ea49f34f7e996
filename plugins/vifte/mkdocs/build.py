"""Build the site with MkDocs into a staging folder and swap it in only when everything worked."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, MkDocsException

from vifte.domain.edition import PUBLIC, Edition
from vifte.mkdocs.config import edition_requested, pdf_requested
from vifte.mkdocs.config_file import load_config_file
from vifte.publish.site_dir import LOCK_WAIT, Notify, new_site, resolve_target
from vifte.source.diagnostics import CatalogueError, Report
from vifte.source.project import Project
from vifte.source.sources import folders


class BuildFailed(Exception):
    """The build did not finish; the previous site is untouched.

    The message is the whole Danish report; `report` holds the diagnostics when the project's
    files are at fault (None for a failure of the build itself, such as a broken link).
    """

    def __init__(self, message: str, report: Report | None = None):
        super().__init__(message)
        self.report = report


def build_site(
    config_file: Path,
    site_dir: Path | None = None,
    *,
    strict: bool = False,
    edition: Edition = PUBLIC,
    pdf: bool | None = None,
    notify: Notify | None = None,
    wait: float = LOCK_WAIT,
    pages: frozenset[str] | None = None,
) -> Path:
    """Build atomically: the target folder holds either the previous site or the new, complete one.

    Each edition has its own default folder, so the internal one never lands in the public site.
    `pdf` False skips the PDFs, True renders them; None leaves it to the environment (PDF_ENV).
    With `pages` (source paths), only those pages are written, unchecked (`vifte serve`'s quick
    step). Raises ConfigFileError for a broken mkdocs.yml, SiteDirError for a target vifte may not or
    cannot write, BuildFailed when the catalogue or the build fails.
    """
    config = load_config_file(Path(config_file), strict=strict)
    target = resolve_target(Path(site_dir or default_site_dir(config, edition)))
    projects, sources = _read_folders(config)
    with new_site(
        target,
        projects=projects,
        sources=sources,
        notify=notify or _to_stderr,
        edition=edition.key,
        wait=wait,
    ) as staging:
        _build_into(config, staging, edition, pdf, pages)
    return target


def default_site_dir(config: MkDocsConfig, edition: Edition) -> Path:
    """mkdocs.yml's site_dir for the public edition; the edition's own folder beside mkdocs.yml else."""
    if edition.default_site_dir is None:
        return Path(config.site_dir)
    return Path(config.config_file_path).parent / edition.default_site_dir


def _build_into(
    config: MkDocsConfig,
    staging: Path,
    edition: Edition,
    pdf: bool | None = None,
    pages: frozenset[str] | None = None,
) -> None:
    config.site_dir = str(staging)
    plugin = config.plugins.get("vifte")
    if plugin is not None:
        plugin.only = pages  # type: ignore[attr-defined]
    try:
        with edition_requested(edition), pdf_requested(pdf), _silenced_build_errors() as context:
            # MkDocs keeps one plugin object per process once it has seen `vifte serve`; a
            # build in the same process must not inherit the preview's local site_url.
            config.plugins.on_startup(command="build", dirty=False)
            mkdocs_build(config)
    except MkDocsException as exc:
        raise _failure(exc, config, context) from None
    except OSError:
        raise  # a full disk or the like: new_site words it
    except Exception as exc:
        raise BuildFailed("\n".join([*context, f"{type(exc).__name__}: {exc}"])) from exc


def _failure(exc: MkDocsException, config: MkDocsConfig, context: list[str]) -> BuildFailed:
    """The report a failed MkDocs build carries, found along the exception's chain.

    A plugin's error reaches here as MkDocs' Abort, raised while handling the BuildError
    (its __context__); vifte's own errors are chained to that as its __cause__.
    """
    chain = _chain(exc)
    for link in chain:
        if isinstance(link, CatalogueError):
            return BuildFailed(str(link), link.report)
    for link in chain:
        if isinstance(link, BuildError):
            return BuildFailed(str(link))
    if isinstance(exc, Abort) and config.strict:
        return BuildFailed(
            "MkDocs gav advarsler, og --strict gør dem til fejl; se advarslerne ovenfor"
        )
    return BuildFailed("\n".join([*context, str(exc)]))


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    link: BaseException | None = exc
    while link is not None and link not in seen:
        seen.append(link)
        link = link.__cause__ or link.__context__
    return seen


@contextmanager
def _silenced_build_errors() -> Iterator[list[str]]:
    """Keep MkDocs from logging a failure that BuildFailed reports; yield what it would have said.

    MkDocs logs each error of its build (in English, the message of a plugin's error a second
    time) before it raises; the message reaches the caller as BuildFailed instead.
    """
    said: list[str] = []

    def drop(record: logging.LogRecord) -> bool:
        if record.levelno < logging.ERROR:
            return True
        said.append(record.getMessage())
        return False

    logger = logging.getLogger("mkdocs.commands.build")
    logger.addFilter(drop)
    try:
        yield said
    finally:
        logger.removeFilter(drop)


def _read_folders(config: MkDocsConfig) -> tuple[list[Path], list[Path]]:
    """The project folders, and every folder the build reads, from the loaded configuration."""
    home = Path(config.config_file_path).parent
    plugin = config.plugins.get("vifte")
    root = Path(plugin.config.project_dir) if plugin and plugin.config.project_dir else home
    custom_dir = config.theme.custom_dir
    project = Project.at(root, Path(config.docs_dir), Path(custom_dir) if custom_dir else None)
    sources = [folder for folder, _ in folders(project)]
    sources += [*project.watched(), *(Path(d) for d in config.theme.dirs)]
    return [home, root], sources


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def show_mkdocs(verbose: bool) -> None:
    """Print MkDocs' log lines as `LEVEL: message`; info lines only when `verbose`."""
    logging.basicConfig(format="%(levelname)s: %(message)s")
    logging.getLogger("mkdocs").setLevel(logging.INFO if verbose else logging.WARNING)
