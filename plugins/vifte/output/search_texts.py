"""The texts each indexed page's extra search words are made from (output/search.py).

The Danish word list, compound parts and æøå spellings are for Danish texts only: on another
language's page, for the texts it shows in Danish (marked `Danish` by `Catalogue.in_language`;
decision 54). The rest of its words are on the page, which Pagefind indexes in its own language.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from vifte.domain.catalogue import Catalogue
from vifte.domain.markup import plain_text
from vifte.domain.refs import refs_of
from vifte.domain.translation import SOURCE_LANGUAGE, Danish, shape


def _term_text(catalogue: Catalogue, collection: str, item: object) -> list[str]:
    """The labels and descriptions of the areas, themes and target groups an item has."""
    out: list[str] = []
    for name, ref in refs_of(type(item)).items():
        terms = catalogue.table.term_lists.get(ref.target)
        if terms is None or terms.section is None or terms.lists != collection:
            continue
        value = getattr(item, name)
        for term_id in [value] if isinstance(value, str) else value or []:
            term = catalogue.terms(terms.name)[term_id]
            out += [term.label, term.description or ""]
    return out


def shown_in_danish(item: object) -> list[str]:
    """The citizen texts of an item that another language's page shows in Danish (marked
    `Danish` by `Catalogue.in_language`), its nested parts' too."""
    found: list[str] = []
    the_shape = shape(type(item))  # type: ignore[arg-type]
    for name in the_shape.texts:
        if isinstance(value := getattr(item, name), Danish):
            found.append(value)
    for name in the_shape.lists:
        found += [v for v in getattr(item, name) if isinstance(v, Danish)]
    for name in the_shape.nested:
        value = getattr(item, name)
        for part in value if isinstance(value, list | tuple) else [value] if value else []:
            found += shown_in_danish(part)
    return found


class PageText(NamedTuple):
    """One indexed page's texts: `head`, `body` and `terms` are split into compound parts and
    spelled without æøå (only what is in Danish); every word of `keywords` and `named` is added
    as it is (the item's keywords; the terms' labels, which the page does not show)."""

    head: str
    body: str
    keywords: list[str]
    terms: str
    named: str = ""


Texts = dict[str, PageText]
"""Each indexed page's texts, by page URL."""


def _danish(texts: Iterable[str], danish: bool) -> str:
    """The texts Danish search words are made from: all on a Danish page, else the Danish ones."""
    return " ".join(t for t in texts if danish or isinstance(t, Danish))


def page_texts(catalogue: Catalogue) -> Texts:
    """Each indexed page's texts, by page URL."""
    danish = catalogue.language == SOURCE_LANGUAGE
    texts: Texts = {}
    for col in catalogue.table.collections.values():
        if col.search_text is None:
            continue
        for item in catalogue.listed(col.name):
            if getattr(item, "draft", False):
                continue  # a draft strategy document is on the site, but not in its search
            keywords = list(getattr(item, col.keywords_field)) if col.keywords_field else []
            shown = [getattr(item, col.title_field), getattr(item, col.description_field)]
            terms = _term_text(catalogue, col.name, item)
            if danish:
                body = col.search_text(item)
            else:
                body = " ".join(plain_text(t) for t in shown_in_danish(item) if t not in shown)
            texts[col.url(item.id)] = PageText(
                _danish(shown, danish), body, keywords, _danish(terms, danish), " ".join(terms)
            )
    for term_list in catalogue.table.term_lists.values():
        if term_list.section is not None:
            for term in catalogue.terms(term_list.name).values():
                head = _danish([term.label, term.description or ""], danish)
                texts[term_list.url(term.id)] = PageText(head, "", [], "")
    return texts
