"""`vifte upgrade`: move what an older mkdocs.yml states about the municipality to settings.yaml.

A fact settings.yaml already says is dropped; one it has no place for yet is moved there; one
that disagrees stops the command before anything is written, each with its line. Both files keep
their other settings and comments: only the lines of the moved facts change.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path
from typing import Any

import yaml

from vifte.cli_words import count
from vifte.domain.menu import LABELS, MenuEntry, merged, section_pages
from vifte.domain.registry import TABLE
from vifte.scaffold import yaml_string
from vifte.source import loader
from vifte.source.config_facts import PLACEHOLDER, SETTINGS, Stated, same_address, stated_facts
from vifte.source.project import Project
from vifte.source.yaml_lines import insert, without

CONFIG = "mkdocs.yml"
PLACEHOLDER_LINE = (
    f"site_name: {PLACEHOLDER}  # MkDocs requires the line; vifte puts the site's title here\n"
)


class Refused(Exception):
    """The project cannot be brought up to date without a choice of the user's; `lines` say why."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


def run(args: argparse.Namespace) -> int:
    try:
        said = upgrade(args.project)
    except Refused as exc:
        for line in exc.lines:
            print(line, file=sys.stderr)
        print(
            "Intet er ændret. Ret det, der står ovenfor, og kør 'vifte upgrade' igen.",
            file=sys.stderr,
        )
        return 1
    for line in said:
        print(line)
    return 0


def upgrade(root: Path) -> list[str]:
    """Bring the project at `root` up to date; return what was done, in Danish."""
    config = root / CONFIG
    settings_file = Project.at(root).settings_file
    if not config.is_file():
        raise Refused([f"{config}: fejl: filen mangler; start et projekt med 'vifte init MAPPE'"])
    facts = stated_facts(config)
    if not facts:
        return [f"{CONFIG} siger intet om kommunen; der er intet at flytte."]
    try:
        settings = loader.load(settings_file).data
    except (loader.YamlProblem, OSError) as exc:
        raise Refused(
            [f"{settings_file}: fejl: filen kan ikke læses ({exc}); ret den først"]
        ) from None
    plan = _Plan(config, settings if isinstance(settings, dict) else {})
    for fact in facts:
        getattr(plan, fact.key.replace(".", "_"))(fact)
    if plan.problems:
        raise Refused(plan.problems)
    text = settings_file.read_text(encoding="utf-8")
    try:
        if plan.logo:
            text = insert(
                text, "municipality", [f"logo: {yaml_string(plan.logo)}\n"], settings_file
            )
        if plan.site:
            text = insert(text, "site", _site_lines(plan.site), settings_file)
    except ValueError as exc:
        raise Refused([str(exc)]) from None
    if plan.logo or plan.site:
        settings_file.write_text(text, encoding="utf-8")
    text = config.read_text(encoding="utf-8")
    config.write_text(
        without(text, plan.dropped, {"site_name": PLACEHOLDER_LINE}), encoding="utf-8"
    )
    return [*plan.done, f"{CONFIG} siger nu kun, hvordan sitet bygges. Kør 'vifte check'."]


class _Plan:
    """What to do with each fact: one method per key of MOVED_TO (source/config_facts.py)."""

    def __init__(self, config: Path, settings: dict[str, Any]):
        self.config = config
        mkdocs = yaml.safe_load(config.read_text(encoding="utf-8"))  # stated_facts read it
        self.mkdocs: dict[str, Any] = mkdocs
        theme = mkdocs.get("theme")
        self.theme: dict[str, Any] = theme if isinstance(theme, dict) else {}
        municipality = settings.get("municipality")
        self.municipality = municipality if isinstance(municipality, dict) else {}
        site = settings.get("site")
        self.existing = site if isinstance(site, dict) else {}
        self.site: dict[str, Any] = {}
        self.logo: str | None = None
        """A logo to write as municipality.logo (its path from the project folder)."""
        self.dropped: set[str] = set()
        self.done: list[str] = []
        self.problems: list[str] = []

    def _problem(self, fact: Stated, text: str) -> None:
        self.problems.append(f"{self.config}:{fact.line}:{fact.column}: fejl: {text}")

    def site_name(self, fact: Stated) -> None:
        name, title = self.municipality.get("name"), self.existing.get("title")
        if fact.value == (title or f"{name} – tilbud til borgere"):
            self.done.append(
                f"site_name sagde det samme som {SETTINGS}; linjen er nu en pladsholder."
            )
        elif not title:
            self.site["title"] = fact.value
            self.done.append(f"site_name '{fact.value}' er flyttet til site.title i {SETTINGS}.")
        else:
            self._problem(
                fact,
                f"site_name '{fact.value}' er ikke site.title '{title}' i {SETTINGS}; ret den "
                "ene, så de er ens, eller slet site_name-linjen, hvis site.title er den rigtige",
            )
            return
        self.dropped.add(fact.key)

    def site_url(self, fact: Stated) -> None:
        url = self.municipality.get("url")
        if isinstance(url, str) and same_address(str(fact.value), url):
            self.dropped.add(fact.key)
            self.done.append("site_url sagde det samme som municipality.url; linjen er slettet.")
        else:
            self._problem(
                fact,
                f"site_url '{fact.value}' er ikke municipality.url '{url}' i {SETTINGS}; ret "
                "municipality.url til sitets rigtige adresse, og slet site_url-linjen",
            )

    def copyright(self, fact: Stated) -> None:
        name = self.municipality.get("name")
        if isinstance(name, str) and fact.value in (name, html.escape(name, quote=False)):
            self.dropped.add(fact.key)
            self.done.append(
                "copyright var kommunens navn, som bunden nu viser selv; linjen er slettet."
            )
        else:
            self._problem(
                fact,
                f"copyright '{fact.value}' er ikke kommunens navn '{name}' fra {SETTINGS}, som "
                "bunden af hver side nu viser; slet copyright-linjen, hvis det er i orden",
            )

    def nav(self, fact: Stated) -> None:
        entries = _entries(fact.value)
        if entries is None:
            self._problem(
                fact,
                "menuen har undermenuer eller punkter, som site.menu ikke kan rumme (kun sider i "
                "site_src/ og adresser); gør den flad, eller slet nav, og skriv selv site.menu",
            )
            return
        if entries and self.existing.get("menu"):
            self._problem(
                fact, f"både nav her og site.menu i {SETTINGS} siger menuen; slet den ene"
            )
            return
        kept = _chosen(entries)
        if kept:
            self.site["menu"] = kept
        self.dropped.add(fact.key)
        moved = f"; {count(len(kept), 'punkt', 'punkter')} står nu under site.menu i {SETTINGS}"
        self.done.append(
            f"nav er slettet: menuen viser nu selv hvert afsnit med indhold{moved if kept else ''}."
        )

    def theme_logo(self, fact: Stated) -> None:
        found = self._logo_file(fact.value)
        own = self.municipality.get("logo")
        if found is None:
            self._problem(
                fact,
                f"logoet '{fact.value}' er ingen fil i site_src/ eller theme/; læg filen i "
                "theme/, skriv stien som municipality.logo i settings.yaml, og slet logo her",
            )
        elif own and (self.config.parent / str(own)).resolve() != found:
            self._problem(
                fact,
                f"logo '{fact.value}' er ikke municipality.logo '{own}' i {SETTINGS}; ret den "
                "ene, så de er ens, eller slet logo-linjen her",
            )
        else:
            if not own:
                self.logo = found.relative_to(self.config.parent.resolve()).as_posix()
                self.done.append(f"logoet er flyttet til municipality.logo i {SETTINGS}.")
            else:
                self.done.append("logo sagde det samme som municipality.logo; linjen er slettet.")
            self.dropped.add(fact.key)

    def theme_favicon(self, fact: Stated) -> None:
        own = self.municipality.get("logo") or self.logo
        logo = self._logo_file(self.theme.get("logo")) or (
            (self.config.parent / own).resolve() if own else None
        )
        if logo is None or self._logo_file(fact.value) != logo:
            self._problem(
                fact,
                f"fanebladets ikon '{fact.value}' er ikke logoet; vifte bruger nu logoet "
                "(municipality.logo) som ikon; slet favicon-linjen, hvis det er i orden",
            )
            return
        self.dropped.add(fact.key)
        self.done.append("favicon var logoet, som fanebladet nu viser selv; linjen er slettet.")

    def _logo_file(self, logo: Any) -> Path | None:
        """A logo as the theme finds it: a file in docs_dir or custom_dir (theme_logo's rule)."""
        if not isinstance(logo, str) or "://" in logo or logo.startswith("/"):
            return None
        folders = [self.mkdocs.get("docs_dir", "docs"), self.theme.get("custom_dir")]
        for folder in folders:
            candidate = self.config.parent / str(folder) / logo if folder else None
            if candidate is not None and candidate.is_file():
                return candidate.resolve()
        return None


def _entries(nav: Any) -> list[MenuEntry] | None:
    """The old menu as entries; None when it has sections or targets site.menu cannot hold."""
    if not isinstance(nav, list):
        return None
    out = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            label, target = next(iter(item.items()))
            out.append(MenuEntry(str(label), target))
        else:
            out.append(MenuEntry(None, item))
    fits = all(
        isinstance(e.target, str) and (e.target.endswith(".md") or "://" in e.target) for e in out
    )
    return out if fits else None


def _chosen(entries: list[MenuEntry]) -> list[MenuEntry]:
    """The entries site.menu must hold to give the same menu: the pages that are no section and
    the renamed sections, or every entry when the order would change otherwise."""
    every = section_pages(TABLE)
    labels = {page: LABELS.get(name) for name, page in every.items()}
    kept = [e for e in entries if e.target not in labels or e.label not in (None, labels[e.target])]
    shown = [page for page in every.values() if any(e.target == page for e in entries)]
    same = [MenuEntry(e.label or labels.get(e.target), e.target) for e in entries]
    return kept if merged(kept, shown, every) == same else entries


def _site_lines(add: dict[str, Any]) -> list[str]:
    """`site.title` and `site.menu` as lines of settings.yaml, without their indent."""
    lines = []
    if "title" in add:
        lines.append(f"title: {yaml_string(add['title'])}\n")
    if "menu" in add:
        lines.append("menu:\n")
        for e in add["menu"]:
            shown = yaml_string(e.target)
            item = f"{yaml_string(e.label)}: {shown}" if e.label is not None else shown
            lines.append(f"  - {item}\n")
    return lines
