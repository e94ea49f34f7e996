"""The site's menu as data: the catalogue's sections that have content, then the hand-written pages
settings.yaml names under `site.menu`. The adapter hands it to the generator (MkDocs' `nav`).
"""

from __future__ import annotations

from dataclasses import dataclass

from vifte.domain.catalogue import Catalogue
from vifte.domain.collections import COLLECTIONS, TERM_LISTS
from vifte.domain.registry import FIXED_PAGES

HOME = "index.md"
"""The front page, a hand-written page in site_src/."""

ORDER = ("news", "offers", "themes", "areas", "target_groups")
"""Sections that come first, in this order; the other collections follow as the table has them,
then the fixed pages in LAST. Search and "Nyt og ændret" have their own links, not a menu entry."""
LAST = ("plan",)

LABELS = {HOME: "Forside", "enterprises": "Virksomheder"}
"""Where the menu says something shorter than the page's own title; elsewhere it says the title."""


@dataclass(frozen=True)
class MenuEntry:
    label: str | None
    """None: the page's own title."""
    target: str
    """A source path under site_src/ (`tilbud/index.md`, generated or hand-written) or an address."""


def menu(c: Catalogue) -> list[MenuEntry]:
    """The menu of this catalogue: the front page, each section with content, the chosen pages."""
    sections = _sections_with_content(c)
    names = [
        *(n for n in ORDER if n in sections),
        *(n for n in sections if n not in ORDER and n not in LAST),
        *(n for n in LAST if n in sections),
    ]
    own = [
        MenuEntry(*next(iter(e.items()))) if isinstance(e, dict) else MenuEntry(None, e)
        for e in c.settings.site.menu
    ]
    return [
        MenuEntry(LABELS[HOME], HOME),
        *(MenuEntry(LABELS.get(n), sections[n]) for n in names),
        *own,
    ]


def _sections_with_content(c: Catalogue) -> dict[str, str]:
    """Table name -> overview page of every section that has something to show."""
    out = {col.name: col.index_path for col in COLLECTIONS.values() if c.items.get(col.name)}
    for terms in TERM_LISTS.values():
        if terms.section is not None and getattr(c, terms.name):
            out[terms.name] = f"{terms.section}/index.md"
    out.update({p.key: p.path for p in FIXED_PAGES if p.key in LAST})
    return out
