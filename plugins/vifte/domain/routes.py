"""Every generated page's address, computed from the table without rendering anything.

The renderer renders these routes; the link checks read them; the theme gets the fixed pages'
addresses as the template global `vifte_routes`; an item's or a term's address is `page_url`
(the filter `page_url` in templates).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Literal

from vifte.domain.catalogue import Catalogue
from vifte.domain.changes import SECTION as CHANGES_SECTION
from vifte.domain.collections import Table
from vifte.domain.entries import Collection, TermList
from vifte.domain.refs import refs_of
from vifte.domain.strategy import StrategyDocument
from vifte.domain.translation import SOURCE_LANGUAGE
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
SEARCH_FOLDER = "pagefind"
"""The search index (Pagefind writes it; search.js loads its pagefind.js)."""
TYPO_FOLDER = f"{SEARCH_FOLDER}/vifte-ord"
"""The typo words in small files by a word's first and last letter (output/search.py)."""
PDF_FOLDER = "pdf"
"""Every PDF of the site lies under it: a section's at pdf/SECTION.pdf, an item's or a term's
at pdf/SECTION/ID.pdf (see `pdf_path`); in another language than Danish the name says which
(pdf/SECTION/ID.en.pdf, see `printed_in`)."""
EDITOR_FOLDER = "rediger"
"""The editor on the git host (settings.yaml's `editor:` with `publish: true`): its page, config
and scripts under /rediger/, at the root of the site only (the editor is in Danish)."""
CARDS_FOLDER = f"{PDF_FOLDER}/kort"
"""The offers' index cards, one per offer; all of them in one file at pdf/kort.pdf."""
CATALOGUE_PDF = f"{PDF_FOLDER}/katalog.pdf"
CARDS_PDF = f"{CARDS_FOLDER}.pdf"
POSTER_PDF = f"{PDF_FOLDER}/plakat.pdf"


def pdf_path(entry: Collection | TermList, item_id: str | None = None) -> str:
    """The PDF of a collection (pdf/mentorer.pdf), or of one of its items or a term list's terms
    (pdf/tilbud/ID.pdf, pdf/omraader/ID.pdf): the folder is the pages' section."""
    if item_id is None:
        return f"{PDF_FOLDER}/{entry.section}.pdf"
    return f"{PDF_FOLDER}/{entry.section}/{item_id}.pdf"


def printed_in(path: str, language: str) -> str:
    """A PDF's path in `language`: Danish keeps pdf/tilbud/ID.pdf, every other language has its
    code before the extension (pdf/tilbud/ID.en.pdf), so that a downloaded or mailed file still
    says which language it is in. An id never holds a dot, so the name cannot be misread."""
    if language == SOURCE_LANGUAGE:
        return path
    return f"{path.removesuffix('.pdf')}.{language}.pdf"


def card_path(offer_id: str) -> str:
    """An offer's index card (A6, front and back)."""
    return f"{CARDS_FOLDER}/{offer_id}.pdf"


def offer_list_path(table: Table) -> str:
    """The listed offers as compact data: the filter page's cards and Min plan's picker read it."""
    return "{0}/{0}.json".format(table.collections["offers"].section)


def filter_params(table: Table) -> dict[str, str]:
    """Each term list's parameter in the filter page's URL, by list: `{"themes": "tema", ...}`."""
    return {t.name: t.param for t in table.term_lists.values()}


OFFLINE_WORKER_PATH = "vifte-offline-worker.js"
"""The service worker that keeps the site for use without a network (output/offline.py); at the
site's root, so that its scope is the whole site, every language's folder too."""
OFFLINE_LIST_PATH = "vifte-offline.json"
"""What the worker stores, written beside it: the build's version and the files."""

OPEN_DATA_PATHS = (EXPORT_PATH, EXPORT_SCHEMA_PATH, *HSDS_FILES.values(), CSV_PATH)
"""Every open-data file of the site (links in texts may point at them)."""

BLOCK_MARKER = re.compile(r"<!--\s*vifte:\s*([a-z-]+)\s*-->")
NAME_BLOCK = "kommune"
"""`<!-- vifte: kommune -->` inserts the municipality's name into a line (a heading, a sentence)."""
BLOCKS = ("temaer", "omraader", "maalgrupper", "adgang", "nyt", NAME_BLOCK)
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
        section = c.table.collections["news"].section
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


def page_url(table: Table, obj: Any) -> str:
    """The site-relative URL of an item's or a term's page ("tilbud/x/")."""
    entry = table.entry_of(obj)
    if isinstance(entry, TermList) and entry.section is None:
        raise LookupError(f"the terms of {entry.name} have no pages")
    return entry.url(obj.id)


def file_url(table: Table, doc: StrategyDocument) -> str | None:
    """The site path of a strategy document's attached original PDF, beside its page."""
    return f"{page_url(table, doc)}{doc.file.rsplit('/', 1)[-1]}" if doc.file else None


SHARED_FOLDERS = (f"{SEARCH_FOLDER}/",)
"""What the whole site has once, at its root, for the pages of every language: Pagefind's index
(it keeps each language's words apart by the pages' `lang`)."""


def language_folder(language: str) -> str:
    """The folder of a language's pages in the whole site: Danish at the root (""), every other
    language the same paths under its code ("en/")."""
    return "" if language == SOURCE_LANGUAGE else f"{language}/"


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
    table = c.table
    cols = list(table.collections.values())
    shown = [col for col in cols if not col.optional or c.items.get(col.name)]
    out = [
        Route(cols[0].index_path, cols[0].index_template),
        *(Route(p.path, p.template) for p in table.fixed_pages),
        *(Route(col.index_path, col.index_template) for col in shown[1:]),
        *(Route(col.path(page), template) for col in shown for page, template in col.pages),
    ]
    for terms in table.term_lists.values():
        if terms.section is None:
            continue
        lists = table.collections[terms.lists]
        ref_field = next(f for f, r in refs_of(lists.model).items() if r.target == terms.name)
        values = list(c.terms(terms.name).values())
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


def route_globals(table: Table) -> dict[str, str]:
    """The fixed pages' and overview pages' addresses for the theme: `vifte_routes.plan`; a term
    list's overview by its name (`routes.themes`), a section's own page as `routes.strategy_status`."""
    return {
        **{p.key: f"{p.section}/" for p in table.fixed_pages},
        **{col.name: f"{col.section}/" for col in table.collections.values()},
        **{t.name: f"{t.section}/" for t in table.term_lists.values() if t.section},
        **{
            f"{col.name}_{page}": url_of(col.path(page))
            for col in table.collections.values()
            for page, _template in col.pages
        },
    }


def address_globals(table: Table) -> dict[str, Any]:
    """Every address the templates use, as their globals: pages (`routes`), the offers' data
    file, the search index, the typo words and the filter's parameter names."""
    return {
        "routes": route_globals(table),
        "offer_list": offer_list_path(table),
        "search_folder": f"{SEARCH_FOLDER}/",
        "typo_folder": f"{TYPO_FOLDER}/",
        "filter_params": filter_params(table),
    }
