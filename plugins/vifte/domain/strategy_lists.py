"""The strategy documents as the pages, print and export list them: current and archived,
by period, the goals an offer serves, the status overview's rows.

The model is in strategy.py; these read the catalogue, which holds the documents (so the model
does not know the catalogue). Templates know this module as `strategy`, so it passes on the
model's labels and symbols they show.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from vifte.domain.catalogue import Catalogue
from vifte.domain.strategy import GOAL_STATUS_LABELS as GOAL_STATUS_LABELS
from vifte.domain.strategy import GOAL_SYMBOLS as GOAL_SYMBOLS
from vifte.domain.strategy import KIND_LABELS as KIND_LABELS
from vifte.domain.strategy import ORIGIN_GROUP_LABELS, Goal, StrategyDocument, period_key
from vifte.domain.strategy import STATUS_LABELS as STATUS_LABELS


def current(c: Catalogue) -> list[StrategyDocument]:
    """The documents that are not archived, newest period first, then by title."""
    docs = [d for d in c.items.get("strategy", ()) if d.current]
    return sorted(docs, key=lambda d: (period_key(d.period), d.title))


def archived(c: Catalogue) -> list[StrategyDocument]:
    docs = [d for d in c.items.get("strategy", ()) if not d.current]
    return sorted(docs, key=lambda d: (period_key(d.period), d.title))


def by_period(docs: Iterable[StrategyDocument]) -> list[tuple[str, list[StrategyDocument]]]:
    """Documents grouped by period, in the order given."""
    out: dict[str, list[StrategyDocument]] = {}
    for d in docs:
        out.setdefault(d.period, []).append(d)
    return list(out.items())


def replaced_by(c: Catalogue, doc: StrategyDocument) -> list[StrategyDocument]:
    """The documents that name `doc` under `replaces`."""
    return c.referring("strategy", doc)


def serving(c: Catalogue, offer_id: str) -> list[tuple[StrategyDocument, Goal]]:
    """The goals of current documents an offer works towards, with their document."""
    return [(d, g) for d in current(c) for g in d.goals_with(offer_id)]


def status_counts(goals: Iterable[Goal]) -> list[tuple[str, int]]:
    """Goals per status, every status listed (also with 0), in the table's order."""
    counts: Counter[str] = Counter(g.status for g in goals)
    return [(s, counts[s]) for s in GOAL_STATUS_LABELS]


Rows = list[tuple[str, list[tuple[str, int]]]]
"""A chart's rows: a label and the goals per status."""


def overview(c: Catalogue) -> dict[str, Any]:
    """The status overview's numbers across the documents in force (adopted; drafts are named
    apart, since their goals are not yet the municipality's): per status, origin and document."""
    docs = [d for d in current(c) if d.in_force]
    goals = [g for d in docs for g in d.goals]
    return {
        "documents": docs,
        "drafts": [d for d in current(c) if d.draft],
        "goals": goals,
        "by_status": status_rows(goals),
        "by_origin": origin_rows(goals),
        "by_document": [(d.title, status_counts(d.goals)) for d in docs if d.goals],
    }


def status_rows(goals: Iterable[Goal]) -> Rows:
    """One row per status, holding only that status's count."""
    return [(GOAL_STATUS_LABELS[s], [(s, n)]) for s, n in status_counts(goals)]


def origin_rows(goals: Iterable[Goal]) -> Rows:
    """One row per origin that has goals: ministerial and local."""
    goals = list(goals)
    return [
        (label, status_counts(g for g in goals if g.origin == origin))
        for origin, label in ORIGIN_GROUP_LABELS.items()
        if any(g.origin == origin for g in goals)
    ]


def goal_links(c: Catalogue) -> list[dict[str, str]]:
    """Every goal <-> offer link, for the open-data export."""
    return [
        {"document": d.id, "goal": g.id, "offer": o}
        for d in c.items.get("strategy", ())
        for g in d.goals
        for o in g.offers
    ]
