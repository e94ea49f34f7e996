"""Everything the catalogue adds to a site, produced in one place for any site adapter.

Each output is a site path with its content (text or bytes), a source file to copy, or a page,
and a kind. A page's path is its source path (tilbud/x.md); the generator dresses its title,
description and HTML body in the theme. A new output (a PDF, a feed) is one more entry here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from vifte.domain import words
from vifte.domain.catalogue import Catalogue
from vifte.domain.edition import ROBOTS_TXT, Edition
from vifte.domain.images import Pictures, images_of, site_path
from vifte.domain.routes import (
    CSV_PATH,
    EXPORT_PATH,
    EXPORT_SCHEMA_PATH,
    file_url,
    offer_list_path,
)
from vifte.domain.strategy import FILES
from vifte.domain.translation import SOURCE_LANGUAGE
from vifte.output.brochures import LOGO, Job, Printed, brochures, link_text
from vifte.output.export import catalogue_json
from vifte.output.export_schema import export_schema_text
from vifte.output.feeds import feed_files
from vifte.output.hsds import hsds_files
from vifte.output.offer_list import offer_list_json
from vifte.output.pages import Page, Renderer
from vifte.output.pdf_cache import PdfCache
from vifte.output.spreadsheet import offers_csv
from vifte.output.styles import asset, colours_css

Kind = Literal[
    "page", "asset", "colours", "data", "export", "image", "robots", "pdf", "file", "feed", "editor"
]

ASSETS = "assets/vifte"
STYLESHEETS = (f"{ASSETS}/vifte.css", f"{ASSETS}/colours.css")
"""In the order the theme must load them: the colours override the stylesheet's defaults."""
SCRIPTS = {
    name: f"{ASSETS}/{name}.js"
    for name in (
        "view",
        "offline",
        "plan-store",
        "plan",
        "search",
        "filter",
        "qr",
        "qrcode",
        "read-aloud",
        "opening",
        "current",
    )
}
"""The site's scripts by name, each loaded only where it is needed: view.js and offline.js (the
site kept for use without a network) in every page's head (overrides/main.html); the others by the page templates that use them (`load_scripts` in
pages/_site.html, from the `scripts` global), except qrcode.js, the vendored QR encoder (MIT),
which qr.js fetches when the filter page or Min plan draws a code."""


@dataclass(frozen=True)
class Output:
    """One file of the site. Exactly one of `content`, `source` and `page` is set."""

    path: str
    kind: Kind
    content: str | bytes | None = None
    source: Path | None = None
    """A file to copy as it is (images)."""
    page: Page | None = None
    """A generated page: its title, description and HTML body."""


def outputs(
    catalogue: Catalogue,
    renderer: Renderer,
    edition: Edition,
    *,
    images: Path,
    export: bool = True,
    pdf: bool = False,
    cache: PdfCache | None = None,
    strategy: Path | None = None,
    logo: Path | None = None,
    only: frozenset[str] | None = None,
) -> Iterator[Output]:
    """Every output of the catalogue for one edition, in a stable order.

    `images` is the folder the catalogue's images are read from (catalogue/images); the
    templates find each image's site path and size through the `picture` global. With `pdf`,
    the printed forms (brochures.py) come too, rendered before the pages, whose download links
    state each PDF's size and page count. `strategy` is the folder of strategy documents, whose
    attached original PDFs (strategy/files/) are copied beside their pages. `logo` is the
    municipality's logo file for the printed covers (the site adapter finds it; the fetcher
    serves exactly that file). PDFs in `cache` are reused, not rendered. With `only` (source
    paths of pages), just those pages are rendered and every other page comes with an empty
    body, and nothing else: `vifte serve`'s quick step. The open data (`export`) is the same in
    every language: the Danish catalogue's, which carries every translation.
    """
    printed = (
        printed_forms(catalogue, renderer, edition, images=images, logo=logo, cache=cache)
        if pdf
        else []
    )
    pictures = site_globals(renderer, images=images, logo=logo, printed=printed)
    for page in renderer.pages(only):
        yield Output(page.path, "page", page=page)
    if only is not None:
        return
    yield Output(STYLESHEETS[0], "asset", content=asset("vifte.css"))
    for script in SCRIPTS.values():
        yield Output(script, "asset", content=asset(script.rsplit("/", 1)[1]))
    yield Output(STYLESHEETS[1], "colours", content=colours_css(catalogue.settings))
    yield Output(offer_list_path(catalogue.table), "data", content=offer_list_json(catalogue))
    for image in images_of(catalogue):
        yield Output(site_path(image), "image", source=pictures.source(image))
    for p in printed:
        yield Output(p.path, "pdf", content=p.pdf.data)
    if strategy is not None:
        for doc in catalogue.items.get("strategy", ()):
            if doc.file and (url := file_url(catalogue.table, doc)):
                yield Output(url, "file", source=strategy / FILES / doc.file)
    for path, xml in feed_files(catalogue):
        yield Output(path, "feed", content=xml)
    if export:  # the same files in every language: the Danish data, every translation in it
        yield from _open_data(catalogue.source or catalogue)
    if edition.internal:
        yield Output("robots.txt", "robots", content=ROBOTS_TXT)


def site_globals(
    renderer: Renderer, *, images: Path, logo: Path | None, printed: Iterable[Printed] = ()
) -> Pictures:
    """Set the site's template globals beyond the environment's (templating.py) and the
    renderer's (pages.py): the images (`picture`, returned), the logo, the PDFs by the page they
    print (`printed`; none when the build makes none) and the scripts."""
    by_page: dict[str, list[Printed]] = {}
    for p in printed:
        if p.page_url is not None:
            by_page.setdefault(p.page_url, []).append(p)
    pictures = Pictures(images)
    renderer.env.globals.update(
        picture=pictures, printed=by_page, link_text=link_text, scripts=SCRIPTS
    )
    renderer.env.globals[LOGO] = logo
    return pictures


def printed_forms(
    catalogue: Catalogue,
    renderer: Renderer,
    edition: Edition,
    *,
    images: Path,
    logo: Path | None = None,
    cache: PdfCache | None = None,
    chosen: Callable[[Job], bool] | None = None,
) -> list[Printed]:
    """The PDFs of the edition (those `chosen`, or all), for a site or for `vifte pdf`."""
    renderer.env.globals["picture"] = Pictures(images)
    renderer.env.globals[LOGO] = logo
    return brochures(catalogue, renderer.env, edition, images=images, cache=cache, chosen=chosen)


def _open_data(data: Catalogue) -> Iterator[Output]:
    """The open data, in Danish whatever the build's language (labels such as an offer's kind too)."""
    with words.speaking(SOURCE_LANGUAGE):
        files = [
            Output(EXPORT_PATH, "export", content=catalogue_json(data)),
            Output(EXPORT_SCHEMA_PATH, "export", content=export_schema_text(data.table)),
            *(Output(p, "export", content=t) for p, t in hsds_files(data).items()),
            Output(CSV_PATH, "export", content=offers_csv(data)),
        ]
    yield from files
