"""Build one request with MkDocs into a staging folder and swap it in only when everything worked."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, MkDocsException

from vifte.domain import words
from vifte.domain.edition import PUBLIC, Edition
from vifte.mkdocs.config import request_of
from vifte.mkdocs.config_file import load_config_file
from vifte.mkdocs.plugin import ViftePlugin
from vifte.publish.site_dir import LOCK_WAIT, Notify, new_site, resolve_target
from vifte.request import Request
from vifte.source.diagnostics import ProjectError
from vifte.source.sources import folders


def build_site(
    config_file: Path,
    site_dir: Path | None = None,
    *,
    edition: Edition = PUBLIC,
    pdf: bool = False,
    strict: bool = False,
    today: dt.date | None = None,
    notify: Notify | None = None,
    wait: float = LOCK_WAIT,
    pages: frozenset[str] | None = None,
    language: str = words.DANISH,
) -> Path:
    """`build_request` for the request these choices make with mkdocs.yml's project.

    PDFs are rendered only when asked for (`pdf`): they take seconds, not milliseconds. With
    `pages` (source paths), only those pages are written, unchecked (`vifte serve`'s quick step).
    """
    config = load_config_file(Path(config_file), strict=strict)
    request = request_of(
        config, edition=edition, pdf=pdf, today=today, pages=pages, language=language
    )
    return build_request(config, request, site_dir, notify=notify, wait=wait)


def build_request(
    config: MkDocsConfig,
    request: Request,
    site_dir: Path | None = None,
    *,
    notify: Notify | None = None,
    wait: float = LOCK_WAIT,
) -> Path:
    """Build `request` atomically: the target folder holds the previous site or the new one.

    `config` is mkdocs.yml as `load_config_file` loaded it. Each edition has its own default
    folder, so the internal one never lands in the public site. Raises SiteDirError for a
    target vifte may not or cannot write, ProjectError when the project or the build fails.
    """
    target = resolve_target(Path(site_dir or default_site_dir(config, request.edition)))
    project = request.project
    sources = [folder for folder, _ in folders(project)]
    sources += [*project.watched(), *(Path(d) for d in config.theme.dirs)]
    with new_site(
        target,
        projects=[Path(config.config_file_path).parent, project.root],
        sources=sources,
        notify=notify or _to_stderr,
        edition=request.edition.key,
        wait=wait,
    ) as staging:
        _build_into(config, request, staging)
    return target


def default_site_dir(config: MkDocsConfig, edition: Edition) -> Path:
    """mkdocs.yml's site_dir for the public edition; the edition's own folder beside mkdocs.yml else."""
    if edition.default_site_dir is None:
        return Path(config.site_dir)
    return Path(config.config_file_path).parent / edition.default_site_dir


def _build_into(config: MkDocsConfig, request: Request, staging: Path) -> None:
    """Run MkDocs. The core's ProjectError passes through MkDocs unchanged (MkDocs logs and wraps
    only its own BuildError); a failure of MkDocs, logged by MkDocs, becomes one."""
    config.site_dir = str(staging)
    plugin = config.plugins.get("vifte")
    root = request.project.root
    if not isinstance(plugin, ViftePlugin):
        raise ProjectError.of(root, "mkdocs.yml skal have 'vifte' under plugins")
    # MkDocs keeps one plugin object per process once it has seen `vifte serve`; a build in the
    # same process must not inherit the preview's local site_url.
    config.plugins.on_startup(command="build", dirty=False)
    plugin.request = request
    try:
        with words.speaking(request.language):  # every page and PDF in the request's language
            mkdocs_build(config)
    except (ProjectError, OSError):
        raise  # OSError: a full disk or the like, which new_site words
    except Abort:
        strict = "MkDocs gav advarsler, og --strict gør dem til fejl; se advarslerne ovenfor"
        raise ProjectError.of(
            root,
            strict
            if config.strict
            else "MkDocs stoppede bygningen; fejlen står i linjerne ovenfor",
        ) from None
    except MkDocsException as exc:
        raise ProjectError.of(root, str(exc)) from None
    except Exception as exc:
        raise ProjectError.of(root, f"{type(exc).__name__}: {exc}") from exc
    finally:
        plugin.request = None


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def show_mkdocs(verbose: bool) -> None:
    """Print MkDocs' log lines as `LEVEL: message`; info lines only when `verbose`."""
    logging.basicConfig(format="%(levelname)s: %(message)s")
    logging.getLogger("mkdocs").setLevel(logging.INFO if verbose else logging.WARNING)
