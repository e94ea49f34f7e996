"""A page's versions in the site's other languages: the head's `hreflang` links, the sitemap's
alternates and the language switch all read them here (decision 51).

Every language has every page at the same path under its folder (routes.language_folder), so a
page's version in another language is the same path in that language's folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from urllib.parse import urljoin, urlsplit

from vifte.domain.routes import language_folder
from vifte.domain.translation import SOURCE_LANGUAGE
from vifte.domain.words import direction
from vifte.output.templating import relative

X_DEFAULT = "x-default"
"""hreflang's value for the version of a page for any other language: the Danish one."""


@dataclass(frozen=True)
class Version:
    """One language's version of a page."""

    language: str
    name: str
    """The language's name in itself, first letter upper ("Українська")."""
    href: str
    """From the page it is linked from, relative: it works on any host (preview, intranet)."""
    url: str
    """Absolute, from the site's address (the sitemap's)."""
    current: bool

    @property
    def direction(self) -> str:
        """The language's writing direction, for its name on a page in another language."""
        return direction(self.language)


@cache
def own_name(language: str) -> str:
    """A language's name in that language (CLDR, from Babel), its first letter upper."""
    from babel import Locale

    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


def versions(
    languages: tuple[str, ...], current: str, page_url: str | None, site_url: str
) -> list[Version]:
    """The page at `page_url` (within its language's folder) in each of `languages` (Danish
    first), as seen from its version in `current`; none when the site has one language.

    `page_url` None: the 404 page, which answers at any address: each language's front page,
    by its path from the host."""
    if len(languages) < 2:
        return []
    here = language_folder(current) + (page_url or "")
    base = site_url if site_url.endswith("/") else site_url + "/"
    out = []
    for language in languages:
        there = language_folder(language) + (page_url or "")
        url = urljoin(base, there)
        href = relative(there, here) if page_url is not None else urlsplit(url).path
        out.append(Version(language, own_name(language), href, url, language == current))
    return out


def hreflang_links(found: list[Version]) -> list[tuple[str, Version]]:
    """(hreflang, version) for the head: each language's version, and x-default, the Danish."""
    links = [(v.language, v) for v in found]
    links += [(X_DEFAULT, v) for v in found if v.language == SOURCE_LANGUAGE]
    return links
