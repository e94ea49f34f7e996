"""Build the site with MkDocs into a staging folder and swap it in only when everything worked."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from vifte.diagnostics import CatalogueError
from vifte.edition import PUBLIC, Edition
from vifte.links import broken_in_site
from vifte.mkdocs.config import edition_requested
from vifte.mkdocs.config_file import load_config_file
from vifte.site_dir import LOCK_WAIT, Notify, new_site, resolve_target
from vifte.sources import folders


class BuildFailed(Exception):
    """The build did not finish; the previous site is untouched."""


def build_site(
    config_file: Path,
    site_dir: Path | None = None,
    *,
    strict: bool = False,
    edition: Edition = PUBLIC,
    notify: Notify | None = None,
    wait: float = LOCK_WAIT,
) -> Path:
    """Build atomically: the target folder holds either the previous site or the new, complete one.

    Each edition has its own default folder, so the internal one never lands in the public site.
    Raises ConfigFileError for a broken mkdocs.yml, SiteDirError for a target vifte may not or
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
        _build_into(config, staging, edition)
    return target


def default_site_dir(config: MkDocsConfig, edition: Edition) -> Path:
    """mkdocs.yml's site_dir for the public edition; the edition's own folder beside mkdocs.yml else."""
    if edition.default_site_dir is None:
        return Path(config.site_dir)
    return Path(config.config_file_path).parent / edition.default_site_dir


def _build_into(config: MkDocsConfig, staging: Path, edition: Edition) -> None:
    config.site_dir = str(staging)
    try:
        with edition_requested(edition):
            mkdocs_build(config)
    except MkDocsException as exc:
        failure = getattr(config.plugins.get("vifte"), "failure", None)
        raise BuildFailed(str(failure or exc)) from None
    except OSError:
        raise  # a full disk or the like: new_site words it
    except Exception as exc:
        raise BuildFailed(f"{type(exc).__name__}: {exc}") from exc
    broken = broken_in_site(staging, urlsplit(config.site_url or "/").path or "/")
    if broken:
        raise BuildFailed("links, der peger på ingenting:\n" + "\n".join(broken))


def _read_folders(config: MkDocsConfig) -> tuple[list[Path], list[Path]]:
    """The project folders, and every folder the build reads, from the loaded configuration."""
    home = Path(config.config_file_path).parent
    plugin = config.plugins.get("vifte")
    root = Path(plugin.config.project_dir) if plugin and plugin.config.project_dir else home
    custom_dir = config.theme.custom_dir
    theme_dir = Path(custom_dir) if custom_dir else root / "theme"
    sources = [folder for folder, _ in folders(root, Path(config.docs_dir), theme_dir)]
    sources += [root / "theme", *(Path(d) for d in config.theme.dirs)]
    return [home, root], sources


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def quiet_mkdocs(verbose: bool) -> None:
    """Show MkDocs' own info lines only when asked; warnings and errors always.

    The catalogue's errors are left out here because BuildFailed carries them to the caller.
    """
    show_mkdocs(verbose)
    for handler in logging.getLogger().handlers:  # a logger's own filter misses its children
        handler.addFilter(_drop_catalogue_errors)


def show_mkdocs(verbose: bool) -> None:
    """Print MkDocs' log lines as `LEVEL: message`; info lines only when `verbose`."""
    logging.basicConfig(format="%(levelname)s: %(message)s")
    logging.getLogger("mkdocs").setLevel(logging.INFO if verbose else logging.WARNING)


def _drop_catalogue_errors(record: logging.LogRecord) -> bool:
    return CatalogueError.HEADER not in record.getMessage()
