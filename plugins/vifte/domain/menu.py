"""The site's menu as data: the front page, each section of the catalogue that has content, and
what settings.yaml chooses under `site.menu`. The adapter hands it to the generator (MkDocs' nav).

`site.menu` may list hand-written pages and web addresses, and may place or rename a section by
naming its page (`- Alle tilbud: tilbud/index.md`). A section with content that it does not name
comes right after the section before it in the usual order; a named section without content is
left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from vifte.domain.catalogue import Catalogue
from vifte.domain.collections import Table
from vifte.domain.settings import Settings
from vifte.domain.wording import Labels
from vifte.domain.words import N_

HOME = "index.md"
"""The front page, a hand-written page in site_src/."""

LABELS = Labels(
    {
        "home": N_("Forside"),
        "news": N_("Nyheder"),
        "offers": N_("Find tilbud"),
        "themes": N_("Temaer"),
        "areas": N_("Områder"),
        "target_groups": N_("Målgrupper"),
        "mentors": N_("Mentorer"),
        "enterprises": N_("Virksomheder"),
        "strategy": N_("Planer og politikker"),
        "plan": N_("Min plan"),
    }
)
"""The menu's sections in their usual order, with the menu's word for each. A collection not named
here comes before Min plan, under its page's own title. Search and "Nyt og ændret" have their own
links and no menu entry."""
LAST = ("plan",)


@dataclass(frozen=True)
class MenuEntry:
    label: str | None
    """None: the page's own title."""
    target: str
    """A source path under site_src/ (`tilbud/index.md`, generated or hand-written) or an address."""


def menu(c: Catalogue) -> list[MenuEntry]:
    """The menu of this catalogue: the chosen entries, and every other section with content."""
    every = section_pages(c.table)
    shown = {page for name, page in every.items() if _has_content(c, name)}
    return merged(chosen(c.settings), [p for p in every.values() if p in shown], every)


def section_pages(table: Table) -> dict[str, str]:
    """Every section that can be in the menu (table name -> its page), in the usual order."""
    pages = {"home": HOME}
    pages.update({col.name: col.index_path for col in table.collections.values()})
    pages.update({t.name: f"{t.section}/index.md" for t in table.term_lists.values() if t.section})
    pages.update({p.key: p.path for p in table.fixed_pages if p.key in LAST})
    order = [*(n for n in LABELS if n not in LAST), *(n for n in pages if n not in LABELS), *LAST]
    return {name: pages[name] for name in order if name in pages}


def chosen(settings: Settings) -> list[MenuEntry]:
    """settings.yaml's `site.menu` as entries."""
    return [
        MenuEntry(*next(iter(e.items()))) if isinstance(e, dict) else MenuEntry(None, e)
        for e in settings.site.menu
    ]


def merged(entries: list[MenuEntry], shown: list[str], every: dict[str, str]) -> list[MenuEntry]:
    """`entries` without the sections not `shown`, then each shown section they do not name
    right after the one before it in the usual order (the front page first)."""
    labels = {page: LABELS.get(name) for name, page in every.items()}
    sections = set(every.values())
    out = [
        MenuEntry(e.label or labels[e.target], e.target) if e.target in sections else e
        for e in entries
        if e.target not in sections or e.target in shown
    ]
    for i, page in enumerate(shown):
        if any(e.target == page for e in out):
            continue
        before = [j for j, e in enumerate(out) if e.target in shown[:i]]
        out.insert(before[-1] + 1 if before else 0, MenuEntry(labels[page], page))
    return out


def _has_content(c: Catalogue, name: str) -> bool:
    if name in c.table.collections:
        return bool(c.items.get(name))
    if name in c.table.term_lists:
        return bool(c.terms(name))
    return True  # the front page and Min plan
