"""Build the site with MkDocs into a temporary folder and swap it in only when everything worked."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from vifte.diagnostics import CatalogueError
from vifte.edition import PUBLIC, Edition
from vifte.links import broken_in_site
from vifte.mkdocs.config import edition_requested

STAGING_PREFIX = ".vifte-build-"
OLD_PREFIX = ".vifte-old-"


class BuildFailed(Exception):
    """The build did not finish; the previous site is untouched."""


def build_site(
    config_file: Path,
    site_dir: Path | None = None,
    *,
    strict: bool = False,
    edition: Edition = PUBLIC,
) -> Path:
    """Build atomically: the target folder holds either the previous site or the new, complete one.

    Each edition has its own default folder, so the internal one never lands in the public site.
    """
    config = load_config(str(config_file), strict=strict)
    target = Path(site_dir or default_site_dir(config, edition)).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{target.name}-", dir=target.parent))
    try:
        config.site_dir = str(staging)
        with edition_requested(edition):
            mkdocs_build(config)
    except MkDocsException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        failure = getattr(config.plugins.get("vifte"), "failure", None)
        raise BuildFailed(str(failure or exc)) from None
    except Exception as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(f"{type(exc).__name__}: {exc}") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    broken = broken_in_site(staging, urlsplit(config.site_url or "/").path or "/")
    if broken:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed("links, der peger på ingenting:\n" + "\n".join(broken))
    _swap(staging, target)
    return target


def default_site_dir(config: MkDocsConfig, edition: Edition) -> Path:
    """mkdocs.yml's site_dir for the public edition; the edition's own folder beside mkdocs.yml else."""
    if edition.default_site_dir is None:
        return Path(config.site_dir)
    return Path(config.config_file_path).parent / edition.default_site_dir


def _swap(staging: Path, target: Path) -> None:
    os.chmod(staging, 0o755)
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f"{OLD_PREFIX}{target.name}-", dir=target.parent))
        old.rmdir()
        target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(target)


def remove_leftovers(target: Path) -> None:
    """Delete staging folders left by an interrupted build of the same target."""
    for prefix in (STAGING_PREFIX, OLD_PREFIX):
        for stray in target.parent.glob(f"{prefix}{target.name}-*"):
            shutil.rmtree(stray, ignore_errors=True)


def quiet_mkdocs(verbose: bool) -> None:
    """Show MkDocs' own info lines only when asked; warnings and errors always.

    The catalogue's errors are left out here because BuildFailed carries them to the caller.
    """
    logging.basicConfig(format="%(levelname)s: %(message)s")
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.addFilter(_drop_catalogue_errors)


def _drop_catalogue_errors(record: logging.LogRecord) -> bool:
    return CatalogueError.HEADER not in record.getMessage()
