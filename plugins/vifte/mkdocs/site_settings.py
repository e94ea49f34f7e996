"""MkDocs' settings that are the municipality's facts, set from catalogue/settings.yaml and the menu.

mkdocs.yml holds generator settings only. MkDocs requires `site_name` before any plugin runs, so
the file carries a placeholder (`PLACEHOLDER`) that `on_config` replaces; a file that still states
a fact (a real site_name, site_url, copyright, nav, the logo) is refused at its line, pointing to
`vifte upgrade` (upgrade_command.py), which moves it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from mkdocs.config.defaults import MkDocsConfig
from yaml.nodes import MappingNode

from vifte.domain.catalogue import Catalogue
from vifte.domain.menu import MenuEntry, menu
from vifte.domain.settings import Settings
from vifte.mkdocs.config_file import position_of
from vifte.source.diagnostics import ProjectError, Report
from vifte.source.project import Project
from vifte.source.site_check import logo_site_path

PLACEHOLDER = "(fra catalogue/settings.yaml)"
"""mkdocs.yml's `site_name`: MkDocs requires one; vifte replaces it with the site's title."""
SETTINGS = "catalogue/settings.yaml"
UPGRADE = "kør 'vifte upgrade', der flytter det for dig"

MOVED_TO = {
    "site_name": f"sitets navn står i {SETTINGS} (municipality.name, og site.title, hvis titlen "
    f"ikke skal være '<navn> – tilbud til borgere'); skriv 'site_name: {PLACEHOLDER}' her",
    "site_url": f"sitets adresse står i {SETTINGS} som municipality.url; slet site_url her",
    "copyright": f"bunden af siden viser kommunens navn fra {SETTINGS}; slet copyright her",
    "nav": "menuen laves af vifte: hvert afsnit med indhold får sit punkt, og håndskrevne sider "
    f"skrives i {SETTINGS} under site.menu (fx '- Om sitet: om-sitet.md'); slet nav her",
    "theme.logo": f"logoet står i {SETTINGS} som municipality.logo, stien fra projektmappen "
    "(fx theme/assets/images/logo.svg); slet logo her",
    "theme.favicon": f"fanebladets ikon er logoet fra municipality.logo i {SETTINGS}; slet "
    "favicon her",
}
"""Each fact mkdocs.yml may no longer state, and where it lives now (Danish, for the message)."""


@dataclass(frozen=True)
class Stated:
    """A fact mkdocs.yml states: its key, value and line."""

    key: str
    value: Any
    line: int
    column: int


def stated_facts(path: Path) -> list[Stated]:
    """The municipality's facts the file states itself (not what MkDocs or a plugin sets later)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, yaml.YAMLError):
        return []  # load_config_file reports a broken file
    if not isinstance(data, dict):
        return []
    out = []
    for key in MOVED_TO:
        top, _, sub = key.partition(".")
        holder = data.get(top) if sub else data
        name = sub or top
        if not isinstance(holder, dict) or name not in holder:
            continue
        if key == "site_name" and holder[name] == PLACEHOLDER:
            continue
        out.append(Stated(key, holder[name], *_position(path, top, sub)))
    return out


def _position(path: Path, key: str, sub: str) -> tuple[int, int]:
    """Line and column of a top-level key, or of `sub` within it (theme's logo)."""
    if not sub:
        return position_of(path, key)
    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    for top, value in root.value if isinstance(root, MappingNode) else ():
        if top.value == key and isinstance(value, MappingNode):
            for name, _ in value.value:
                if name.value == sub:
                    return (name.start_mark.line + 1, name.start_mark.column + 1)
    return position_of(path, key)


def check_config_facts(path: Path, settings: Settings | None, report: Report) -> None:
    """One Danish error per fact the file states, at its line, saying where it lives now
    (`settings`: None when settings.yaml has errors of its own)."""
    url = settings.municipality.url if settings else None
    for fact in stated_facts(path):
        if fact.key == "site_url" and url and not same_address(str(fact.value), url):
            message = (
                f"site_url '{fact.value}' er ikke den samme adresse som municipality.url '{url}' "
                f"i {SETTINGS}; adressen hører hjemme i {SETTINGS}, så slet site_url i {path.name}"
            )
        else:
            message = f"{MOVED_TO[fact.key]}, eller {UPGRADE}"
        report.error(path, fact.line, fact.column, message)


def same_address(a: str, b: str) -> bool:
    """Equal addresses; scheme and host are compared without regard to case."""
    x, y = urlsplit(a), urlsplit(b)
    return (x.scheme.lower(), x.netloc.lower(), x.path.rstrip("/"), x.query) == (
        y.scheme.lower(),
        y.netloc.lower(),
        y.path.rstrip("/"),
        y.query,
    )


def settle_site(
    config: MkDocsConfig, catalogue: Catalogue, project: Project, *, serving: bool
) -> None:
    """Set MkDocs' name, address, copyright, logo and menu from the catalogue; refuse a mkdocs.yml
    that states them itself. `serving`: the live preview has put its local address in site_url."""
    path = Path(config.config_file_path)
    report = Report(path.parent)
    check_config_facts(path, catalogue.settings, report)
    if report.errors:
        raise ProjectError(report)
    settings = catalogue.settings
    config.site_name = settings.site_title
    config.copyright = html.escape(settings.municipality.name)  # HTML to the theme
    if not serving:
        config.site_url = settings.municipality.url
    config.nav = [_nav_item(entry) for entry in menu(catalogue)]
    logo = logo_site_path(project, settings)
    if logo is not None:
        config.theme["logo"] = config.theme["favicon"] = logo


def _nav_item(entry: MenuEntry) -> str | dict[str, str]:
    return entry.target if entry.label is None else {entry.label: entry.target}
