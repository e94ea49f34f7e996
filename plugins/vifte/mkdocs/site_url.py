"""The site's address has one source, catalogue/settings.yaml; mkdocs.yml may only repeat it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from vifte.mkdocs.config_file import position_of
from vifte.source.diagnostics import CatalogueError, Report

SETTINGS = "catalogue/settings.yaml"


def settle_site_url(config: MkDocsConfig, settings_url: str, root: Path) -> None:
    """Give MkDocs the address from settings.yaml; raise CatalogueError when mkdocs.yml differs."""
    if not config.site_url:
        config.site_url = settings_url
        return
    report = Report(root)
    check_site_url(config, settings_url, report)
    if report.errors:
        raise CatalogueError(report)


def check_site_url(config: MkDocsConfig, settings_url: str, report: Report) -> None:
    """Report a site_url in mkdocs.yml that is not the address in settings.yaml."""
    if not config.site_url or _same(config.site_url, settings_url):
        return
    path = Path(config.config_file_path)
    report.error(
        path,
        *position_of(path, "site_url"),
        f"site_url '{config.site_url}' er ikke den samme adresse som municipality.url "
        f"'{settings_url}' i {SETTINGS}; adressen hører hjemme i {SETTINGS}, så slet site_url "
        f"i {path.name}",
    )


def _same(a: str, b: str) -> bool:
    """Equal addresses; scheme and host are compared without regard to case."""
    x, y = urlsplit(a), urlsplit(b)
    return (x.scheme.lower(), x.netloc.lower(), x.path.rstrip("/"), x.query) == (
        y.scheme.lower(),
        y.netloc.lower(),
        y.path.rstrip("/"),
        y.query,
    )
