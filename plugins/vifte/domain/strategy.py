"""Strategy documents: policies, employment plans, strategies and status reports with their goals.

A document is `strategy/<id>.md`: YAML front matter (the fields below) and a Markdown body. Each
goal names the offers that work towards it, so an offer's page can say which goals it serves.
The labels, symbols and checks live here; pages and print read them from the model.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator

from vifte.domain.fields import TRANSLATABLE, Date, Id, Markdown, Prose, Ref, Routed, Strict, Text
from vifte.domain.wording import Labels
from vifte.domain.words import N_

FOLDER = "strategy"
"""The project folder of strategy documents (source/project.py reads it from here)."""
FILES = "files"
"""Under strategy/: attached original PDFs."""
PERIOD_PATTERN = r"^[0-9]{4}(-[0-9]{4})?$"
PDF_PATTERN = r"^[^/\\.][^/\\]*\.[pP][dD][fF]$"
"""A PDF's name in strategy/files: no folders, not hidden."""


@dataclass(frozen=True)
class Attached:
    """Marks a field as naming a PDF in FOLDER under the collection's folder, copied to the site."""

    folder: str


Kind = Literal["policy", "plan", "strategy", "action_plan", "communication", "evaluation"]
Status = Literal["draft", "adopted", "archived"]
GoalStatus = Literal["achieved", "on_track", "at_risk", "off_track", "not_started"]
Origin = Literal["ministerial", "local"]

KIND_LABELS = Labels(
    {
        "policy": N_("Politik"),
        "plan": N_("Plan"),
        "strategy": N_("Strategi"),
        "action_plan": N_("Handleplan"),
        "communication": N_("Kommunikationsstrategi"),
        "evaluation": N_("Statusrapport"),
    }
)
STATUS_LABELS = Labels(
    {"draft": N_("Udkast"), "adopted": N_("Vedtaget"), "archived": N_("Arkiveret")}
)
GOAL_STATUS_LABELS = Labels(
    {
        "achieved": N_("Nået"),
        "on_track": N_("På vej"),
        "at_risk": N_("I fare"),
        "off_track": N_("Ikke på vej"),
        "not_started": N_("Ikke begyndt"),
    }
)
GOAL_SYMBOLS: dict[str, str] = {
    "achieved": "✓",
    "on_track": "●",
    "at_risk": "▲",
    "off_track": "✗",
    "not_started": "○",
}
"""A shape per status, so a status is never told by colour alone (DejaVu Sans has them all)."""
ORIGIN_LABELS = Labels({"ministerial": N_("Ministerens mål"), "local": N_("Lokalt mål")})
ORIGIN_GROUP_LABELS = Labels({"ministerial": N_("Ministerens mål"), "local": N_("Lokale mål")})
"""The same, for a group of goals (a row of the status overview)."""


class Adoption(Strict):
    """Hvornår og af hvem dokumentet blev vedtaget."""

    date: Date = Field(description="Datoen for vedtagelsen (ÅÅÅÅ-MM-DD).")
    by: Text = Field(description='Hvem der vedtog det, fx "Byrådet".')


class Goal(Strict):
    """Et mål i dokumentet og de tilbud, der arbejder for det."""

    id: Id = Field(description='Målets id, unikt i dokumentet, fx "m1" eller "flere-i-job".')
    title: Annotated[Text, Prose(one_sentence=True), TRANSLATABLE] = Field(
        description="Målet i én sætning på almindeligt dansk."
    )
    origin: Origin = Field(
        description="ministerial: et af ministerens mål; local: et mål, kommunen selv har sat."
    )
    indicator: Annotated[Text, TRANSLATABLE] | None = Field(
        None, description="Hvad der bliver målt."
    )
    baseline: Text | None = Field(None, description='Udgangspunktet, fx "412 personer (2025)".')
    target: Text | None = Field(None, description='Målet for perioden, fx "under 380".')
    status: GoalStatus = Field(
        description="achieved (nået), on_track (på vej), at_risk (i fare), off_track (ikke på vej) eller not_started (ikke begyndt)."
    )
    offers: Annotated[list[Id], Ref("offers")] = Field(
        default_factory=list, description="Id'er på de tilbud, der arbejder for målet."
    )
    note: Annotated[Text, TRANSLATABLE] | None = Field(
        None, description="En kort bemærkning om status."
    )

    @property
    def status_label(self) -> str:
        return GOAL_STATUS_LABELS[self.status]

    @property
    def symbol(self) -> str:
        return GOAL_SYMBOLS[self.status]

    @property
    def origin_label(self) -> str:
        return ORIGIN_LABELS[self.origin]


class StrategyDocument(Routed):
    """Et strategisk dokument: politik, plan, strategi, handleplan eller statusrapport.

    Filnavnet (strategy/ID.md) er dokumentets id; teksten under forsidens --- er brødteksten.
    """

    id: Id = Field(exclude=True, description="Dokumentets id; sættes fra filnavnet.")
    title: Annotated[Text, TRANSLATABLE] = Field(description="Dokumentets titel.")
    kind: Kind = Field(
        description="policy (politik), plan, strategy (strategi), action_plan (handleplan), communication (kommunikationsstrategi) eller evaluation (statusrapport)."
    )
    period: Annotated[str, StringConstraints(pattern=PERIOD_PATTERN)] = Field(
        description='Året eller årene, dokumentet gælder for, fx "2026" eller "2026-2029".'
    )
    status: Status = Field(
        description="draft (udkast), adopted (vedtaget) eller archived (arkiveret)."
    )
    adopted: Adoption | None = Field(None, description="Påkrævet, når status er adopted.")
    summary: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=400),
        Prose(),
        TRANSLATABLE,
    ] = Field(description="Et kort resumé på almindeligt dansk (højst 400 tegn).")
    goals: Annotated[list[Goal], TRANSLATABLE] = Field(
        default_factory=list, description="Dokumentets mål."
    )
    replaces: Annotated[Id, Ref("strategy")] | None = Field(
        None, description="Id'et på det dokument, dette afløser, fx sidste års plan."
    )
    file: (
        Annotated[str, StringConstraints(pattern=PDF_PATTERN, max_length=200), Attached(FILES)]
        | None
    ) = Field(
        None, description="Det oprindelige dokument som PDF i mappen strategy/files, fx 'plan.pdf'."
    )
    body: Annotated[Markdown, TRANSLATABLE] | None = Field(
        None, description="Brødteksten: teksten under forsidens --- (Markdown)."
    )

    @field_validator("period")
    @classmethod
    def _ordered(cls, value: str) -> str:
        first, _, last = value.partition("-")
        if last and last < first:
            raise ValueError(f"perioden {value} slutter før den begynder; skriv fx 2026-2029")
        return value

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def draft(self) -> bool:
        return self.status == "draft"

    @property
    def current(self) -> bool:
        return self.status != "archived"

    @property
    def in_force(self) -> bool:
        """Adopted and not archived: a draft is current (listed) but not yet one of the plans in force."""
        return self.status == "adopted"

    def goals_with(self, offer_id: str) -> list[Goal]:
        return [g for g in self.goals if offer_id in g.offers]


Problem = tuple[Literal["error", "warning"], tuple[str | int, ...], str]
"""A check's finding: severity, where in the file (a location as Document.position takes it), message."""


def problems(doc: StrategyDocument) -> Iterator[Problem]:
    """What the model alone cannot say about one document: rules across its fields."""
    if doc.status == "adopted" and doc.adopted is None:
        yield (
            "error",
            ("status",),
            "et vedtaget dokument skal have 'adopted' med dato og hvem der vedtog det, "
            "fx adopted: {date: 2026-01-28, by: Byrådet}",
        )
    if doc.replaces == doc.id:
        yield ("error", ("replaces",), "dokumentet kan ikke afløse sig selv")
    seen: set[str] = set()
    for i, goal in enumerate(doc.goals):
        if goal.id in seen:
            yield (
                "error",
                ("goals", i, "id"),
                f"målet '{goal.id}' står to gange i dokumentet; hvert mål skal have sit eget id",
            )
        seen.add(goal.id)
        if not goal.offers:
            yield (
                "warning",
                ("goals", i),
                f"målet '{goal.id}' har ingen tilbud under 'offers'; skriv de tilbud, der arbejder for målet",
            )


def period_key(period: str) -> tuple[int, int]:
    """Newest first: the latest start year, then the latest end ("2026-2029", "2026-2028", "2026")."""
    years = [int(p) for p in period.split("-")]
    return (-years[0], -years[-1])
