"""Every generated page's address, computed from the table without rendering anything.

The renderer renders these routes; the link checks read them; the theme gets the fixed pages'
addresses as the template global `vifte_routes`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Literal

from vifte.domain.catalogue import Catalogue
from vifte.domain.changes import SECTION as CHANGES_SECTION
from vifte.domain.collections import COLLECTIONS, TERM_LISTS
from vifte.domain.entries import Collection
from vifte.domain.refs import refs_of
from vifte.domain.registry import FIXED_PAGES
from vifte.domain.words import gettext

EXPORT_PATH = "data/catalogue.json"
"""Where the open-data export lives in the built site."""
EXPORT_SCHEMA_PATH = "data/catalogue.schema.json"
"""The export's JSON Schema, published beside it."""
HSDS_FILES = {
    "services": "data/hsds/services.json",
    "organizations": "data/hsds/organizations.json",
    "locations": "data/hsds/locations.json",
}
"""The Open Referral HSDS 3 export, one file per kind of object."""
CSV_PATH = "data/tilbud.csv"
"""The offers as a spreadsheet."""
OFFER_LIST_PATH = "tilbud/tilbud.json"
"""The listed offers as compact data: the filter page's cards and Min plan's picker read it."""


OPEN_DATA_PATHS = (EXPORT_PATH, EXPORT_SCHEMA_PATH, *HSDS_FILES.values(), CSV_PATH)
"""Every open-data file of the site (links in texts may point at them)."""

BLOCK_MARKER = re.compile(r"<!--\s*vifte:\s*([a-z-]+)\s*-->")
BLOCKS = ("temaer", "omraader", "maalgrupper", "adgang", "nyt")
"""Catalogue blocks a hand-written page may insert with `<!-- vifte: temaer -->`."""


FeedFormat = Literal["rss", "atom"]
FEED_FORMATS: tuple[FeedFormat, ...] = ("rss", "atom")


@dataclass(frozen=True)
class Feed:
    """A feed of the site: where it lies, its format and its title (the head's <link> shows it)."""

    path: str
    format: FeedFormat
    title: str
    about: Literal["news", "changes"]
    """What it lists: the notices, or the offers added, changed and closed."""

    @property
    def media_type(self) -> str:
        return f"application/{self.format}+xml"

    @property
    def format_label(self) -> str:
        return "RSS" if self.format == "rss" else "Atom"


def feeds(c: Catalogue) -> list[Feed]:
    """Every feed the site gets: the notices' (when there are any) and "Nyt og ændret"'s."""
    name = c.settings.municipality.name
    out = []
    if c.items.get("news"):
        section = COLLECTIONS["news"].section
        out += [
            Feed(f"{section}/{f}.xml", f, gettext("Nyheder fra %(name)s") % {"name": name}, "news")
            for f in FEED_FORMATS
        ]
    out += [
        Feed(
            f"{CHANGES_SECTION}/{f}.xml",
            f,
            gettext("Nyt og ændret i tilbuddene – %(name)s") % {"name": name},
            "changes",
        )
        for f in FEED_FORMATS
    ]
    return out


@dataclass(frozen=True)
class Route:
    """One generated page: its source path, template, title, description and, when rendered,
    its template values (computed only then)."""

    path: str
    template: str
    title: str | None = None
    """The page's title when its template states none (an item's title field)."""
    description: str | None = None
    context: Callable[[], dict[str, Any]] = field(default=dict, compare=False)

    @property
    def url(self) -> str:
        return url_of(self.path)


def url_of(path: str) -> str:
    """Site-relative URL of a Markdown source path, with directory URLs."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def routes(c: Catalogue) -> list[Route]:
    """Every generated page of the catalogue, in a stable order."""
    cols = list(COLLECTIONS.values())
    shown = [col for col in cols if not col.optional or c.items.get(col.name)]
    out = [
        Route(cols[0].index_path, cols[0].index_template),
        *(Route(p.path, p.template) for p in FIXED_PAGES),
        *(Route(col.index_path, col.index_template) for col in shown[1:]),
        *(Route(col.path(page), template) for col in shown for page, template in col.pages),
    ]
    for terms in TERM_LISTS.values():
        if terms.section is None:
            continue
        lists = COLLECTIONS[terms.lists]
        ref_field = next(f for f, r in refs_of(lists.model).items() if r.target == terms.name)
        values = list(getattr(c, terms.name).values())
        out.append(
            Route(
                f"{terms.section}/index.md",
                "pages/terms.html",
                context=partial(dict, terms=values, field=ref_field),
            )
        )
        for term in values:
            out.append(
                Route(
                    f"{terms.section}/{term.id}.md",
                    "pages/term.html",
                    term.label,
                    term.description or term.label,
                    partial(_term_context, c, term, ref_field),
                )
            )
    for col in cols:
        for item in c.items.get(col.name, ()):
            out.append(
                Route(
                    col.path(item.id),
                    col.template,
                    col.title(item),
                    col.description(item),
                    partial(_item_context, c, col, item),
                )
            )
        for old, new in c.moved.get(col.name, {}).items():
            target = c.by_id(col.name)[new]
            out.append(
                Route(
                    col.path(old),
                    "pages/moved.html",
                    col.title(target),
                    gettext("Siden er flyttet til %(title)s.") % {"title": col.title(target)},
                    partial(dict, item=target),
                )
            )
    return out


def _term_context(c: Catalogue, term: Any, field: str) -> dict[str, Any]:
    return {"term": term, "field": field, "offers": c.offers_with(field, term.id)}


def _item_context(c: Catalogue, col: Collection, item: Any) -> dict[str, Any]:
    return {"item": item, col.variable: item, **col.context(c, item)}


def route_globals() -> dict[str, str]:
    """The fixed pages' and overview pages' addresses for the theme: `vifte_routes.plan`."""
    return {
        **{p.key: f"{p.section}/" for p in FIXED_PAGES},
        **{col.name: f"{col.section}/" for col in COLLECTIONS.values()},
    }
