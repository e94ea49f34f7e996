"""The catalogue's generated pages, rendered from the model with Jinja templates.

This module knows nothing of MkDocs: it returns pages as HTML bodies with a path, a title and a
description, which a site adapter turns into whatever its generator needs.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from vifte.markup import render_markdown
from vifte.model import KIND_LABELS, Catalogue
from vifte.routes import routes, url_of
from vifte.search import index_words

BLOCK_MARKER = re.compile(r"<!--\s*vifte:\s*([a-z-]+)\s*-->")
BLOCKS = ("temaer", "omraader", "maalgrupper", "adgang")


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

    def front_matter(self) -> str:
        """YAML front matter with the title and description as plain text (JSON strings are YAML).

        The site adapter escapes them for the theme, as it does for hand-written pages.
        """
        meta = {"title": self.title, "description": self.description}
        lines = "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items())
        return f"---\n{lines}\n---\n"


def relative(target: str, base: str) -> str:
    """Link from the page at URL `base` to the site-relative URL `target`."""
    start = posixpath.dirname(base.rstrip("/") + "/x") or "."
    rel = (
        posixpath.relpath("/" + target, "/" + start)
        if target
        else posixpath.relpath("/", "/" + start)
    )
    if rel == ".":
        return "./"
    return rel + ("/" if target.endswith("/") or not target else "")


class Renderer:
    """Renders pages and blocks for one catalogue; project templates override the package's."""

    def __init__(self, catalogue: Catalogue, template_dirs: list[Path] | None = None):
        self.catalogue = catalogue
        loaders: list[jinja2.BaseLoader] = [
            jinja2.FileSystemLoader(str(d)) for d in template_dirs or []
        ]
        loaders.append(jinja2.PackageLoader("vifte", "templates/pages"))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
        )
        self.env.globals.update(
            c=catalogue, kind_labels=KIND_LABELS, symbol=self.symbol, search_words=self.search_words
        )
        self.env.filters["md"] = lambda text: Markup(render_markdown(text)) if text else ""

    @cached_property
    def _search_words(self) -> dict[str, str]:
        return index_words(self.catalogue)

    def search_words(self, url: str) -> str:
        """Extra words the search index gets for a page (compound parts, æøå spellings)."""
        return self._search_words.get(url, "")

    def symbol(self, access_id: str) -> Markup:
        """A shape per access level (drawn by CSS), so the traffic light never relies on colour alone."""
        shape = SHAPES[list(self.catalogue.access).index(access_id) % len(SHAPES)]
        return Markup(
            f'<span class="vifte-symbol vifte-symbol--{shape}" aria-hidden="true"></span>'
        )

    def render(self, template: str, url: str, **context: Any) -> str:
        link: Callable[[str], str] = lambda target: relative(target, url)  # noqa: E731
        return self.env.get_template(template).render(link=link, page_url=url, **context)

    def page(self, path: str, template: str, title: str, description: str, **context: Any) -> Page:
        body = self.render(template, url_of(path), title=title, **context)
        return Page(path, title, description, body)

    def paths(self) -> list[str]:
        """The source path of every generated page, found without rendering any of them."""
        return [route.path for route in routes(self.catalogue)]

    def block(self, name: str, url: str) -> str:
        """A catalogue block for a hand-written page, e.g. the list of themes on the front page."""
        return self.render(f"block_{name}.html", url)

    def pages(self) -> list[Page]:
        """Every generated page of the catalogue, in a stable order (see routes.py)."""
        return [
            self.page(r.path, r.template, r.title, r.description, **r.context())
            for r in routes(self.catalogue)
        ]

    def fill_blocks(self, markdown: str, url: str) -> str:
        """Replace `<!-- vifte: temaer -->` style markers in a hand-written page."""

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in BLOCKS:
                raise ValueError(f"ukendt vifte-blok '{name}'; mulige blokke: {', '.join(BLOCKS)}")
            return "\n\n" + self.block(name, url).strip() + "\n\n"

        return BLOCK_MARKER.sub(replace, markdown)


SHAPES = ("circle", "diamond", "square", "triangle")
