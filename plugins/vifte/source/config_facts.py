"""The municipality's facts that mkdocs.yml may no longer state, and where each lives now.

mkdocs.yml holds generator settings only. MkDocs requires `site_name` before any plugin runs, so
the file carries a placeholder (`PLACEHOLDER`) that the adapter replaces; a file that still states
a fact (a real site_name, site_url, copyright, nav, the logo) is refused at its line, pointing to
`vifte upgrade` (upgrade_command.py), which moves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from yaml.nodes import MappingNode

from vifte.domain.settings import Settings
from vifte.source.diagnostics import Report
from vifte.source.yaml_position import position_of

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
