"""Which PDFs `vifte pdf` makes: by product (`--format`) and by area, theme or target group.

An id option picks that term's brochure; with `--format` it also narrows the PDFs about single
offers (an offer's PDF, its index card) to the offers that have the term. A PDF about everything
(the catalogue, the poster) comes only when its product is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from vifte.domain.catalogue import Catalogue
from vifte.domain.model import Offer
from vifte.domain.refs import refs_of
from vifte.output.brochures import Job
from vifte.output.products import PRODUCTS


class ChoiceError(ValueError):
    """An unknown product or id; the message (Danish) lists the valid ones."""


@dataclass(frozen=True)
class Choice:
    kinds: frozenset[str] | None
    """The job kinds asked for; None: every kind."""
    terms: Mapping[str, frozenset[str]]
    """Term list name (areas, themes ...) -> the ids asked for."""
    offers: frozenset[str] | None
    """The offers that have every term asked for (None: no term asked for)."""
    term_lists: frozenset[str] = frozenset()
    """The names of the table's term lists (a term's brochure is a job of that kind)."""

    def __call__(self, job: Job) -> bool:
        if self.kinds is not None and job.kind not in self.kinds:
            return False
        if job.kind in self.terms:
            return job.term in self.terms[job.kind]
        if self.offers is not None and job.kind not in self.term_lists and job.term is not None:
            return job.term in self.offers
        return True

    @property
    def everything(self) -> bool:
        """Whether every PDF of the edition is chosen (the cache then records this build)."""
        return self.kinds is None and not self.terms


def choose(
    catalogue: Catalogue, formats: Iterable[str], terms: Mapping[str, Iterable[str]]
) -> Choice:
    """The choice for the Danish product names and the term ids given; ChoiceError if unknown."""
    by_name: dict[str, set[str]] = {}
    for kind, name in PRODUCTS.items():
        by_name.setdefault(name, set()).add(kind)
    problems = [
        f"ukendt format '{f}'; mulige formater: {', '.join(by_name)}"
        for f in formats
        if f not in by_name
    ]
    asked = {name: frozenset(ids) for name, ids in terms.items() if ids}
    for name, ids in asked.items():
        known = catalogue.terms(name)
        for term_id in sorted(ids - set(known)):
            problems.append(
                f"ukendt {catalogue.table.term_lists[name].noun} '{term_id}'; mulige: {', '.join(known)}"
            )
    if problems:
        raise ChoiceError("\n".join(problems))
    kinds = frozenset(k for f in formats for k in by_name[f]) or (
        frozenset(asked) if asked else None
    )
    offers = None
    if asked:
        fields = {ref.target: field for field, ref in refs_of(Offer).items()}
        having = [
            {o.id for i in ids for o in catalogue.offers_with(fields[name], i)}
            for name, ids in asked.items()
        ]
        offers = frozenset(set.intersection(*having))
    return Choice(kinds, asked, offers, frozenset(catalogue.table.term_lists))
