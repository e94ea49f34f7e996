"""Where the site's languages lie, as the browser scripts reach them (decision 54).

Danish is at the site's root and every other language the settings list is the whole site under
`/<code>/` (the contract of issue 24). The search index is one folder at the root for all of them;
Min plan is one plan, which goes back to the plan page in the language it was made in to print.
A build in a language the settings do not list (the pseudo-language's test build) is a site of its
own, at its root.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from vifte.domain.catalogue import Catalogue
from vifte.domain.routes import language_folder
from vifte.domain.translation import SOURCE_LANGUAGE
from vifte.output.alternates import own_name
from vifte.output.forked import map_in_two

T = TypeVar("T")


def site_root(catalogue: Catalogue) -> str:
    """From this language's root to the site's: "../" for a language in its own folder, else ""."""
    language = catalogue.language
    own = language != SOURCE_LANGUAGE and language in catalogue.settings.languages
    return "../" if own else ""


def address(catalogue: Catalogue) -> str:
    """The absolute address of this language's root, from settings' municipality.url."""
    url = catalogue.settings.municipality.url
    return f"{url}{language_folder(catalogue.language)}" if site_root(catalogue) else url


def other_languages(catalogue: Catalogue) -> list[tuple[str, str, str]]:
    """(code, path from this language's root to that language's root, own name) for each other
    language of the site; none for a build that is a site of its own."""
    here = catalogue.language
    if here != SOURCE_LANGUAGE and not site_root(catalogue):
        return []
    codes = [SOURCE_LANGUAGE, *catalogue.settings.languages]
    return [
        (
            code,
            site_root(catalogue) + language_folder(code),
            own_name(code),
        )
        for code in codes
        if code != here
    ]


def each_language(languages: Sequence[str], pdf: bool, build: Callable[[str], T]) -> Iterable[T]:
    """`build(language)` for each language, in order. The languages are independent (each
    writes only its own folder), so on two cores a forked child builds half of them (forked.py;
    not with PDFs, whose render has worker processes of its own, nor beside threads)."""
    return map(build, languages) if pdf else map_in_two(build, languages, least=2)
