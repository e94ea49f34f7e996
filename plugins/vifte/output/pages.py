"""The catalogue's generated pages, rendered from the model with Jinja templates.

This module knows nothing of MkDocs: it returns pages as HTML bodies with a path, a title and a
description, which a site adapter turns into whatever its generator needs.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from vifte.domain.catalogue import Catalogue
from vifte.domain.routes import BLOCK_MARKER, BLOCKS, NAME_BLOCK, Route, routes, url_of
from vifte.output import fallback
from vifte.output.forked import map_in_two, worth_forking
from vifte.output.offer_list import danish_frame
from vifte.output.search import HIDDEN, WEIGHTS, SearchWords
from vifte.output.site_languages import address, other_languages, site_root
from vifte.output.templating import PageLink, environment, site_link


@dataclass(frozen=True)
class Page:
    """One generated page; `path` is its Markdown source path, `url` its site-relative URL."""

    path: str
    title: str
    description: str
    body: str

    @property
    def url(self) -> str:
        return url_of(self.path)


class Renderer:
    """Renders the site's pages and blocks for one catalogue; project templates override the package's.

    Each page template states its own title and description (`{% set title = ... %}` at its top);
    the renderer reads them from the rendered template.
    """

    def __init__(self, catalogue: Catalogue, template_dirs: list[Path] | None = None):
        self.catalogue = catalogue
        self.env = environment(catalogue, template_dirs or [])
        self.env.globals["search_words"] = self.search_words
        self.env.globals["search_weight"] = WEIGHTS
        self.env.globals["search_hidden"] = HIDDEN
        self.env.globals["search_site_root"] = site_root(catalogue)  # the index is the site's
        self.env.globals["search_danish"] = lambda url: self.search.shown_in_danish(url)
        self.env.globals["danish_frame"] = danish_frame  # the scripts' mark of a Danish text
        self.env.globals["other_languages"] = other_languages(catalogue)  # Min plan's way back
        self.env.globals["language_address"] = address(catalogue)  # Min plan's printed links
        self.env.globals["printed"] = {}
        """The PDFs by the URL of the page they print (see outputs.py); none unless built."""
        self.link = PageLink()
        self.env.globals["link"] = self.link

    @cached_property
    def search(self) -> SearchWords:
        """The catalogue's search words, worked out once for the pages and the index."""
        return SearchWords(self.catalogue)

    def search_words(self, url: str) -> tuple[str, str, str]:
        """Extra words the search index gets for a page (compound parts, æøå spellings), as
        (head, body, terms): see `SearchWords.for_page`. Only the pages rendered pay for theirs."""
        return self.search.for_page(url)

    def render(self, template: str, url: str, **context: Any) -> str:
        self.link.page_url = url
        return self.env.get_template(template).render(link=site_link(url), page_url=url, **context)

    def _render_page(
        self,
        template: str,
        url: str,
        context: dict[str, Any],
        defaults: tuple[str | None, str | None],
    ) -> tuple[str, str, str]:
        """Body, title and description of a page: the template sets the last two at its top.

        A template that sets neither falls back on the route's (e.g. a collection's title field).
        """
        self.link.page_url = url
        module = self.env.get_template(template).make_module(
            {"link": site_link(url), "page_url": url, **context}
        )
        front = [
            getattr(module, name, None) or default
            for name, default in zip(("title", "description"), defaults, strict=True)
        ]
        missing = [n for n, v in zip(("title", "description"), front, strict=True) if v is None]
        if missing:
            raise jinja2.TemplateError(
                f"skabelonen {template} sætter ikke {' og '.join(missing)}; "
                'skriv fx {% set title = "…" %} øverst i skabelonen'
            )
        return str(module), _text(front[0]), _text(front[1])

    def page(
        self,
        path: str,
        template: str,
        *,
        default_title: str | None = None,
        default_description: str | None = None,
        **context: Any,
    ) -> Page:
        """The page at source `path`, rendered from `template` (e.g. "pages/offer.html")."""
        body, title, description = self._render_page(
            template, url_of(path), context, (default_title, default_description)
        )
        return Page(path, title, description, body)

    def paths(self) -> list[str]:
        """The source path of every generated page, found without rendering any of them."""
        return [route.path for route in routes(self.catalogue)]

    def block(self, name: str, url: str) -> str:
        """A catalogue block for a hand-written page, e.g. the list of themes on the front page."""
        return self.render(f"pages/block_{name}.html", url)

    def pages(self, only: frozenset[str] | None = None) -> list[Page]:
        """Every generated page of the catalogue, in a stable order (see routes.py), rendered on
        two cores when there are many (forked.py); the search words come first, as every page
        needs them, and the child's share of them comes back with its pages. With `only`
        (source paths), just those are rendered; the others come with an empty body."""
        found = routes(self.catalogue)
        if only is not None:
            return [
                self._route_page(r) if r.path in only else Page(r.path, r.title or "", "", "")
                for r in found
            ]
        if worth_forking(len(found)):
            self.search  # noqa: B018 (made once, before the fork, for both processes)
        first = {r.template: i for i, r in reversed(list(enumerate(found)))}
        return map_in_two(
            self._route_page,
            found,
            first=sorted(first.values()),
            state=lambda: self.search.made(),
            merge=lambda made: self.search.keep(made),
        )

    def _route_page(self, r: Route) -> Page:
        return self.page(
            r.path,
            r.template,
            default_title=r.title,
            default_description=r.description,
            **r.context(),
        )

    def fill_blocks(self, markdown: str, url: str) -> str:
        """Replace `<!-- vifte: temaer -->` style markers in a hand-written page.

        A heading directly above a marker belongs to its block: when the block has nothing to
        show (the news block without news), the heading is left out with it. The name marker
        is text within its line.
        """
        name = self.catalogue.settings.municipality.name
        marked = fallback.inline(name)  # lang="da" and the note when untranslated, as `tr`
        text = str(marked) if isinstance(marked, Markup) else html.escape(name, quote=False)
        shown = MARKDOWN_SPECIAL.sub(r"\\\1", text)
        markdown = NAME_MARKER.sub(lambda _: shown, markdown)

        def replace(match: re.Match[str]) -> str:
            name = match.group("name")
            if name not in BLOCKS:
                raise ValueError(f"ukendt vifte-blok '{name}'; mulige blokke: {', '.join(BLOCKS)}")
            body = self.block(name, url).strip()
            heading = match.group("heading")
            if not body:
                return "\n\n"
            return "\n\n" + (heading + "\n\n" if heading else "") + body + "\n\n"

        return HEADED_BLOCK.sub(replace, markdown)


NAME_MARKER = re.compile(BLOCK_MARKER.pattern.replace("([a-z-]+)", NAME_BLOCK, 1))
"""`<!-- vifte: kommune -->`: the municipality's name from settings.yaml, inside a line of text."""
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#!])")
"""Markdown's own signs, backslashed so that a name shows as written."""

HEADED_BLOCK = re.compile(
    r"(?:^(?P<heading>#{1,6}[ \t][^\n]*)\n(?:[ \t]*\n)*)?"
    + BLOCK_MARKER.pattern.replace("([a-z-]+)", "(?P<name>[a-z-]+)", 1),
    re.M,
)
"""A block marker (routes.BLOCK_MARKER) with the Markdown heading right above it, if any."""


def _text(value: object) -> str:
    """A title or description as plain text: a template's `_()` or block gives escaped markup,
    which the adapter escapes for the theme once more."""
    return value.unescape() if isinstance(value, Markup) else str(value)
