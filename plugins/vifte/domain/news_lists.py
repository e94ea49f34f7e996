"""The notices as the pages and feeds list them: newest first, the front page's, by year.

The model is in news.py; these read the catalogue, which holds the notices (so the model does
not know the catalogue). Templates know this module as `news`, so it passes on `SECTION`.
"""

from __future__ import annotations

from vifte.domain.catalogue import Catalogue
from vifte.domain.news import SECTION as SECTION
from vifte.domain.news import Notice

FRONT_PAGE = 3
"""How many notices the front page shows."""


def newest_first(c: Catalogue) -> list[Notice]:
    """Every notice, newest first; on the same day by title, so the order is stable."""
    notices: list[Notice] = list(c.items.get("news", ()))
    return sorted(
        sorted(notices, key=lambda n: (n.title, n.id)), key=lambda n: n.date, reverse=True
    )


def front_page(c: Catalogue) -> list[Notice]:
    """The newest notices that still apply on the site's date, for the front page."""
    return [n for n in newest_first(c) if not n.expired_by(c.today)][:FRONT_PAGE]


def by_year(c: Catalogue) -> list[tuple[int, list[Notice]]]:
    """The archive: notices grouped by year, newest year and notice first."""
    out: dict[int, list[Notice]] = {}
    for n in newest_first(c):
        out.setdefault(n.date.year, []).append(n)
    return list(out.items())


def about(c: Catalogue, offer_id: str) -> list[Notice]:
    """The notices that name an offer, newest first."""
    return [n for n in newest_first(c) if offer_id in n.offers]
