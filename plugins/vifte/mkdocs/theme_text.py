"""The text MkDocs hands the theme (titles, front matter, nav and toc labels, site name), escaped once.

mkdocs-material prints these values without escaping in some places and with `| e` in others.
Turning each into `Markup` (escaped text) makes both print it escaped exactly once. The one filter
that undoes it, `striptags`, meets only `page.title` in the <title> and only when the front
matter has no title, so every page but the home page gets its title into the front matter.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

CONFIG_TEXT = ("site_name", "site_description", "site_author")
"""Plain-text settings in mkdocs.yml. (`copyright` is HTML by the theme's contract.)"""


def escape_config(config: MkDocsConfig) -> None:
    for key in CONFIG_TEXT:
        if isinstance(config.get(key), str):
            config[key] = escape(config[key])


def escape_nav(nav: Navigation) -> None:
    """Section and link labels from mkdocs.yml; pages get theirs in `escape_page`."""
    stack: list[Any] = list(nav.items)
    while stack:
        item = stack.pop()
        if isinstance(item, Section | Link) and isinstance(item.title, str):
            item.title = escape(item.title)
        stack.extend(getattr(item, "children", None) or [])


def escape_page(page: Page) -> None:
    """Front matter, title and table of contents of a rendered page, each escaped once."""
    page.meta = _escaped(page.meta)
    given = "title" in vars(page) or "title" in page.meta
    title = page.title
    if title is not None:
        # Titles MkDocs takes from the first heading are HTML text already (entities kept).
        page.title = escape(title if given else html.unescape(title))
        if not page.is_homepage:
            page.meta.setdefault("title", page.title)
    _escape_toc(page.toc)


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    return value


def _escape_toc(links: Iterable[AnchorLink]) -> None:
    for link in links:
        if not isinstance(link.title, Markup):
            link.title = escape(html.unescape(link.title))
        _escape_toc(link.children)
