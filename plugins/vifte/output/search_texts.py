"""The texts each indexed page's extra search words are made from (output/search.py).

The Danish word list, compound parts and æøå spellings are for Danish texts only: on another
language's page, for the texts it shows in Danish (marked `Danish` by `Catalogue.in_language`;
decision 54). The rest of its words are on the page, which Pagefind indexes in its own language.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from vifte.domain.catalogue import Catalogue
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


def danish_only(item: Any) -> Any:
    """The item with each of its own texts that is translated left empty: what another
    language's page shows of it in Danish, for the collection's `search_text`."""
    the_shape = shape(type(item))
    update: dict[str, Any] = {
        name: "" for name in the_shape.texts if not isinstance(getattr(item, name), Danish | None)
    }
    for name in the_shape.lists:
        update[name] = [v for v in getattr(item, name) if isinstance(v, Danish)]
    return item.model_copy(update=update)


class PageText(NamedTuple):
    """One indexed page's texts: `head`, `body` and `terms` are split into compound parts and
    spelled without æøå (only what is in Danish); every word of `keywords` and `named` is added
    as it is (the item's keywords; the terms' labels, which the page does not show)."""

    head: str
    body: str
    keywords: list[str]
    terms: str
    named: str = ""
    danish: str = ""
    """Which of the title and the summary the page shows in Danish: "title summary", "title"."""


Texts = dict[str, PageText]
"""Each indexed page's texts, by page URL."""


def _danish(texts: Iterable[str], danish: bool) -> str:
    return " ".join(danish_texts(texts, danish))


def danish_texts(texts: Iterable[str], danish: bool) -> list[str]:
    """The texts Danish search words are made from: all on a Danish page, else the Danish ones."""
    return [t for t in texts if danish or isinstance(t, Danish)]


def _shown_in_danish(item: Any, title: str, description: str) -> str:
    """ "title" and "summary" (the search result's names) for those of the two shown in Danish;
    the summary only where it is the description (a mentor's result adds words to the role)."""
    summary = description in ("summary", "description")
    fields = [("title", title), ("summary", description)] if summary else []
    return " ".join(
        name
        for name, field in fields or [("title", title)]
        if isinstance(getattr(item, field), Danish)
    )


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
            body = col.search_text(item if danish else danish_only(item))
            texts[col.url(item.id)] = PageText(
                _danish(shown, danish),
                body,
                keywords,
                _danish(terms, danish),
                " ".join(terms),
                _shown_in_danish(item, col.title_field, col.description_field),
            )
    for term_list in catalogue.table.term_lists.values():
        if term_list.section is not None:
            for term in catalogue.terms(term_list.name).values():
                head = _danish([term.label, term.description or ""], danish)
                marked = _shown_in_danish(term, "label", "description")
                texts[term_list.url(term.id)] = PageText(head, "", [], "", "", marked)
    return texts
