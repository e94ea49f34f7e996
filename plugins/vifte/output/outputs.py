"""Everything the catalogue adds to a site, produced in one place for any site adapter.

Each output is a site path with its content (text or bytes) or a source file to copy, and a kind.
A page's path is its Markdown source path (tilbud/x.md); its content is the front matter, its
`body` the HTML the site shows. A new output (a PDF, a feed) is one more entry here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from vifte.domain.catalogue import Catalogue
from vifte.domain.edition import ROBOTS_TXT, Edition
from vifte.domain.images import Pictures, images_of, site_path
from vifte.domain.routes import CSV_PATH, EXPORT_PATH, EXPORT_SCHEMA_PATH, OFFER_LIST_PATH
from vifte.domain.strategy import FILES
from vifte.output.brochures import LOGO, Job, Printed, brochures, link_text
from vifte.output.export import catalogue_json
from vifte.output.export_schema import export_schema_text
from vifte.output.feeds import feed_files
from vifte.output.hsds import hsds_files
from vifte.output.offer_list import offer_list_json
from vifte.output.pages import Renderer
from vifte.output.pdf_cache import PdfCache
from vifte.output.spreadsheet import offers_csv
from vifte.output.styles import asset, colours_css

Kind = Literal[
    "page", "asset", "colours", "data", "export", "image", "robots", "pdf", "file", "feed"
]

ASSETS = "assets/vifte"
STYLESHEETS = (f"{ASSETS}/vifte.css", f"{ASSETS}/colours.css")
"""In the order the theme must load them: the colours override the stylesheet's defaults."""
SCRIPTS = {
    name: f"{ASSETS}/{name}.js"
    for name in ("view", "plan-store", "plan", "search", "filter", "qr", "qrcode")
}
"""The site's scripts by name, each loaded only where it is needed: view.js in every page's head
(overrides/main.html); the others by the page templates that use them (`load_scripts` in
pages/_site.html, from the `scripts` global), except qrcode.js, the vendored QR encoder (MIT),
which qr.js fetches when the filter page or Min plan draws a code."""


@dataclass(frozen=True)
class Output:
    """One file of the site. Exactly one of `content` and `source` is set."""

    path: str
    kind: Kind
    content: str | bytes | None = None
    source: Path | None = None
    """A file to copy as it is (images)."""
    body: str | None = None
    """Pages only: the HTML the page shows."""

    @property
    def replaces_own(self) -> bool:
        """Whether it replaces a hand-written file at its path; a page never does (see links.py)."""
        return self.kind != "page"


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
    body, and nothing else: `vifte serve`'s quick step.
    """
    pictures = Pictures(images)
    renderer.env.globals["picture"] = pictures
    renderer.env.globals[LOGO] = logo
    printed = (
        printed_forms(catalogue, renderer, edition, images=images, logo=logo, cache=cache)
        if pdf
        else []
    )
    by_page: dict[str, list[Printed]] = {}
    for p in printed:
        if p.page_url is not None:
            by_page.setdefault(p.page_url, []).append(p)
    renderer.env.globals["printed"] = by_page
    renderer.env.globals["link_text"] = link_text
    renderer.env.globals["scripts"] = SCRIPTS
    for page in renderer.pages(only):
        yield Output(page.path, "page", content=page.front_matter(), body=page.body)
    if only is not None:
        return
    yield Output(STYLESHEETS[0], "asset", content=asset("vifte.css"))
    for script in SCRIPTS.values():
        yield Output(script, "asset", content=asset(script.rsplit("/", 1)[1]))
    yield Output(STYLESHEETS[1], "colours", content=colours_css(catalogue.settings))
    yield Output(OFFER_LIST_PATH, "data", content=offer_list_json(catalogue))
    for image in images_of(catalogue):
        yield Output(site_path(image), "image", source=pictures.source(image))
    for p in printed:
        yield Output(p.path, "pdf", content=p.pdf.data)
    if strategy is not None:
        for doc in catalogue.items.get("strategy", ()):
            if doc.file and doc.file_url:
                yield Output(doc.file_url, "file", source=strategy / FILES / doc.file)
    for path, xml in feed_files(catalogue):
        yield Output(path, "feed", content=xml)
    if export:
        yield Output(EXPORT_PATH, "export", content=catalogue_json(catalogue))
        yield Output(EXPORT_SCHEMA_PATH, "export", content=export_schema_text())
        for path, text in hsds_files(catalogue).items():
            yield Output(path, "export", content=text)
        yield Output(CSV_PATH, "export", content=offers_csv(catalogue))
    if edition.internal:
        yield Output("robots.txt", "robots", content=ROBOTS_TXT)


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
    renderer.env.globals.setdefault("picture", Pictures(images))
    renderer.env.globals[LOGO] = logo
    return brochures(catalogue, renderer.env, edition, images=images, cache=cache, chosen=chosen)
