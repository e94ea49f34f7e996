"""The package's own entries of the table: its collections, the term lists of settings.yaml
and the fixed pages, made into the package's table `TABLE`. A new kind (strategy documents,
news) is one model, one entry here and its templates; what a table is, in collections.py.
"""

from __future__ import annotations

from vifte.domain import news, strategy
from vifte.domain.changes import SECTION as CHANGES_SECTION
from vifte.domain.collections import Table
from vifte.domain.entries import Collection, FixedPage, TermList
from vifte.domain.languages import language_names
from vifte.domain.markup import plain_text
from vifte.domain.model import Enterprise, Mentor, Offer
from vifte.domain.settings import Access, Area, TargetGroup, Theme
from vifte.domain.words import N_

# The nouns are marked for the catalogue: the printed brochures show them (`_(terms.noun)`).
OWN_TERM_LISTS = (
    TermList("areas", Area, N_("område"), "omraader"),
    TermList("access", Access, N_("adgang")),
    TermList("themes", Theme, N_("tema"), "temaer"),
    TermList("target_groups", TargetGroup, N_("målgruppe"), "maalgrupper"),
)

FIXED_PAGES = (
    FixedPage("search", "soeg", "pages/search.html"),
    FixedPage("plan", "plan", "pages/plan.html"),
    FixedPage("changes", CHANGES_SECTION, "pages/changes.html"),
)

OWN_COLLECTIONS = (
    Collection(
        name="offers",
        kind="offer",
        model=Offer,
        noun="tilbud",
        definite="tilbuddet",
        plural="tilbud",
        section="tilbud",
        variable="o",
        search_text=lambda o: " ".join(
            [o.title, o.summary, plain_text(o.description), o.provider.name]
        ),
        keywords_field="keywords",
    ),
    Collection(
        name="mentors",
        kind="mentor",
        model=Mentor,
        noun="mentor",
        definite="mentoren",
        plural="mentorer",
        section="mentorer",
        variable="m",
        title_field="name",
        description_field="role",
        search_text=lambda m: " ".join(
            [m.name, m.role, plain_text(m.about), *m.competences, *language_names(m.languages)]
        ),
    ),
    Collection(
        name="enterprises",
        kind="enterprise",
        model=Enterprise,
        noun="virksomhed",
        definite="virksomheden",
        plural="virksomheder",
        section="virksomheder",
        variable="e",
        title_field="name",
        description_field="industry",
        search_text=lambda e: " ".join([e.name, e.industry, plain_text(e.description)]),
        context=lambda c, e: {"offers": c.referring("offers", e)},
    ),
    Collection(
        name="strategy",
        kind="strategy",
        model=strategy.StrategyDocument,
        noun="strategisk dokument",
        definite="dokumentet",
        plural="strategiske dokumenter",
        section="strategi",
        variable="d",
        index_template="pages/strategies.html",
        search_text=lambda d: " ".join(
            [d.title, d.summary, plain_text(d.body or ""), *(g.title for g in d.goals)]
        ),
        folder=strategy.FOLDER,
        format="markdown",
        problems=strategy.problems,
        pages=(("status", "pages/strategy_status.html"),),
        optional=True,
    ),
    Collection(
        name="news",
        kind="news",
        model=news.Notice,
        noun="nyhed",
        definite="nyheden",
        plural="nyheder",
        section=news.SECTION,
        variable="n",
        template="pages/notice.html",
        search_text=lambda n: " ".join([n.title, n.summary, plain_text(n.body or "")]),
        format="markdown",
        problems=news.problems,
        optional=True,
    ),
)

TABLE = Table.of(OWN_COLLECTIONS, OWN_TERM_LISTS, FIXED_PAGES)
"""The package's table of collections: the one value every part of vifte reads by default."""
