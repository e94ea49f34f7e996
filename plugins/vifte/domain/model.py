"""The catalogue's data model: one place for every field, rule and derived value.

The site, the brochures, the search index and the open-data export all read these objects;
none of them reads YAML. Field descriptions are Danish because they become the JSON Schema
that editors show to communication staff.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from vifte.domain.colour import text_on
from vifte.domain.edition import audience, audience_of
from vifte.domain.markup import nests_too_deep

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PHONE_PATTERN = r"^\+?[0-9 ]{8,16}$"
# Only characters that need no escaping in a mailto: link, so `?bcc=` and the like cannot ride along.
EMAIL_PATTERN = r"^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
POSTCODE_PATTERN = r"^[0-9]{4}$"
CVR_PATTERN = r"^[0-9]{8}$"
COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"
URL_PATTERN = r"^https?://[^\s]+$"
SITE_URL_PATTERN = r"^https?://[^\s/?#]+(/[^\s?#]*)?$"
# Path segments never start with "." (no "..", no hidden files) and never start with "/".
FILE_PATTERN = r"^[^/\\.][^/\\]*(/[^/\\.][^/\\]*)*$"

RESERVED_IDS = frozenset({"index"})
"""Ids that would give a page the same path as a section's overview page (tilbud/index.md)."""
FIRST_YEAR, LAST_YEAR = 1900, 2100

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
Phone = Annotated[str, StringConstraints(pattern=PHONE_PATTERN)]
Email = Annotated[str, StringConstraints(pattern=EMAIL_PATTERN, max_length=254)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Colour = Annotated[str, StringConstraints(pattern=COLOUR_PATTERN)]


def _not_a_number(value: object) -> object:
    # pydantic would read a number as seconds since 1970: `updated: 0` would become 1970-01-01.
    if isinstance(value, int | float):
        raise ValueError("skal være en dato skrevet som ÅÅÅÅ-MM-DD, fx 2027-03-31")
    return value


def _plausible(day: dt.date) -> dt.date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(
            f"{day.isoformat()} ligger uden for årene {FIRST_YEAR}–{LAST_YEAR}; tjek årstallet"
        )
    return day


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def _renders_whole(text: str) -> str:
    if nests_too_deep(text):
        raise ValueError(
            "teksten har lister eller citater (>) i så mange lag inden i hinanden, at en del "
            "af den ville forsvinde; skriv den med færre lag"
        )
    return text


@dataclass(frozen=True)
class Rendered:
    """Marks a text field as Markdown that becomes HTML (its links are checked, see links.py)."""


Markdown = Annotated[
    str,
    StringConstraints(min_length=1, max_length=20_000),
    AfterValidator(_renders_whole),
    Rendered(),
]
Date = Annotated[dt.date, BeforeValidator(_not_a_number), AfterValidator(_plausible)]
SiteUrl = Annotated[str, StringConstraints(pattern=SITE_URL_PATTERN), AfterValidator(_with_slash)]

OfferKind = Literal[
    "work_practice",
    "wage_subsidy",
    "mentor_support",
    "health",
    "social",
    "education",
    "social_enterprise",
    "volunteer",
    "guidance",
    "other",
]
Placement = Literal["work_practice", "wage_subsidy", "flex_job", "ordinary_job", "volunteer"]

KIND_LABELS: dict[str, str] = {
    "work_practice": "Virksomhedspraktik",
    "wage_subsidy": "Løntilskud",
    "mentor_support": "Mentorstøtte",
    "health": "Sundhedsindsats",
    "social": "Social indsats",
    "education": "Uddannelse og opkvalificering",
    "social_enterprise": "Socialøkonomisk virksomhed",
    "volunteer": "Frivilligt tilbud",
    "guidance": "Vejledning og rådgivning",
    "other": "Andet",
}
PLACEMENT_LABELS: dict[str, str] = {
    "work_practice": "Virksomhedspraktik",
    "wage_subsidy": "Løntilskud",
    "flex_job": "Fleksjob",
    "ordinary_job": "Ordinært job",
    "volunteer": "Frivilligt arbejde",
}


@dataclass(frozen=True)
class Ref:
    """Marks a field as holding ids of another list: `Annotated[list[Id], Ref("offers")]`.

    The target is a collection's name (offers, mentors, enterprises, ...) or a term list of
    settings.yaml (areas, access, themes, target_groups); references.py checks every such id.
    """

    target: str


class Strict(BaseModel):
    """Base for every model: unknown keys are errors; text fields take text only (see written.py)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Routed(Strict):
    """Something with its own page; its address comes from the table in collections.py."""

    @property
    def page_url(self) -> str:
        from vifte.domain.collections import url_for

        return url_for(self)


class Contact(Strict):
    """Hvem man kontakter om tilbuddet."""

    name: Text | None = Field(None, description="Kontaktpersonens navn (valgfrit).")
    phone: Phone | None = Field(None, description='Telefonnummer, fx "70 11 22 33".')
    email: Email | None = Field(None, description="E-mailadresse.")

    @model_validator(mode="after")
    def _phone_or_email(self) -> Contact:
        if not self.phone and not self.email:
            raise ValueError(
                "kontakt skal have mindst et telefonnummer (phone) eller en e-mail (email)"
            )
        return self

    @property
    def phone_uri(self) -> str | None:
        return "tel:" + self.phone.replace(" ", "") if self.phone else None


class Provider(Strict):
    """Hvem der leverer tilbuddet (svarer til HSDS organization)."""

    name: Text = Field(description="Navnet på den, der leverer tilbuddet.")
    department: Text | None = Field(None, description="Afdeling eller enhed.")


class Location(Strict):
    """Hvor tilbuddet foregår (svarer til HSDS location/address)."""

    address: Text | None = Field(None, description="Gade og nummer.")
    postcode: Annotated[str, StringConstraints(pattern=POSTCODE_PATTERN)] | None = Field(
        None, description='Postnummer med fire cifre, fx "4790".'
    )
    city: Text | None = Field(None, description="By.")
    accessibility: Text | None = Field(
        None, description="Tilgængelighed, fx niveaufri adgang eller elevator."
    )

    @property
    def one_line(self) -> str:
        town = " ".join(p for p in (self.postcode, self.city) if p)
        return ", ".join(p for p in (self.address, town) if p)


class Schedule(Strict):
    """Hvornår og hvor længe (svarer til HSDS schedule)."""

    duration: Text | None = Field(None, description='Forløbets længde, fx "8 uger".')
    hours_per_week: Text | None = Field(None, description='Timer om ugen, fx "10-15".')
    start: Text | None = Field(None, description='Hvornår man kan starte, fx "Løbende optag".')


class Image(Strict):
    """Et billede med en beskrivelse til skærmlæsere."""

    file: Annotated[str, StringConstraints(pattern=FILE_PATTERN, max_length=200)] = Field(
        description="Filnavn i mappen catalogue/images, fx 'cafe.jpg'."
    )
    alt: Text = Field(description="Kort beskrivelse af billedet til skærmlæsere.")


class Offer(Routed):
    """Et tilbud i kataloget. Filnavnet er tilbuddets id."""

    id: Id = Field(description="Tilbuddets id; sættes fra filnavnet.", exclude=True)
    title: Text = Field(description="Tilbuddets navn, som borgeren ser det.")
    area: Annotated[Id, Ref("areas")] = Field(
        description="Område-id fra settings.yaml (farven kommer herfra)."
    )
    access: Annotated[Id, Ref("access")] = Field(
        description="Adgangs-id fra settings.yaml (trafiklyset)."
    )
    kind: OfferKind | None = Field(None, description="Hvilken slags tilbud det er.")
    themes: Annotated[list[Id], Ref("themes")] = Field(
        min_length=1, description="Et eller flere tema-id'er."
    )
    target_groups: Annotated[list[Id], Ref("target_groups")] = Field(
        min_length=1, description="En eller flere målgruppe-id'er."
    )
    summary: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
    ] = Field(description="Én kort sætning på almindeligt dansk (højst 200 tegn).")
    description: Markdown = Field(description="Teksten til borgeren (Markdown, du-form).")
    professional: Markdown | None = Field(
        None,
        description="Teksten til fagfolk: visitationskriterier og fremgangsmåde (Markdown).",
        json_schema_extra=audience("professional"),
    )
    provider: Provider
    contact: Contact
    internal_contact: Contact | None = Field(
        None,
        description="Kontakt for fagfolk, fx visitator eller teamleder.",
        json_schema_extra=audience("internal"),
    )
    legal_basis: list[Text] = Field(
        default_factory=list,
        description='Lovgrundlag, fx "Serviceloven § 85".',
        json_schema_extra=audience("professional"),
    )
    location: Location | None = None
    schedule: Schedule | None = None
    waiting_time: Text | None = Field(None, description="Forventet ventetid.")
    capacity: Text | None = Field(None, description="Antal pladser.")
    price: Text | None = Field(None, description="Pris.", json_schema_extra=audience("internal"))
    languages: list[Text] = Field(default_factory=list, description="Sprog tilbuddet gives på.")
    enterprises: Annotated[list[Id], Ref("enterprises")] = Field(
        default_factory=list,
        description="Id'er på socialøkonomiske virksomheder, der leverer tilbuddet.",
    )
    related: Annotated[list[Id], Ref("offers")] = Field(
        default_factory=list, description="Id'er på beslægtede tilbud."
    )
    image: Image | None = None
    keywords: list[Text] = Field(default_factory=list, description="Ekstra søgeord og synonymer.")
    updated: Date | None = Field(
        None, description="Hvornår teksten sidst blev opdateret (ÅÅÅÅ-MM-DD)."
    )
    review_by: Date | None = Field(
        None, description="Hvornår teksten skal gennemgås igen (ÅÅÅÅ-MM-DD)."
    )

    @property
    def kind_label(self) -> str | None:
        return KIND_LABELS[self.kind] if self.kind else None

    @property
    def for_professionals(self) -> bool:
        """Whether any field marked for professionals or internal use is filled in (audience marks)."""
        return any(
            getattr(self, name) and audience_of(info) != "citizen"
            for name, info in type(self).model_fields.items()
        )


class Mentor(Routed):
    """En mentor, som borgeren kan vælge. Filnavnet er mentorens id."""

    id: Id = Field(exclude=True, description="Mentorens id; sættes fra filnavnet.")
    name: Text = Field(description="Mentorens navn.")
    role: Text = Field(description='Rolle, fx "Ungementor".')
    about: Markdown = Field(description="Om mentoren, skrevet til borgeren (Markdown).")
    competences: list[Text] = Field(min_length=1, description="Kompetencer.")
    languages: list[Text] = Field(default_factory=list, description="Sprog.")
    themes: Annotated[list[Id], Ref("themes")] = Field(
        default_factory=list, description="Tema-id'er."
    )
    target_groups: Annotated[list[Id], Ref("target_groups")] = Field(
        default_factory=list, description="Målgruppe-id'er."
    )
    contact: Contact
    photo: Image | None = None
    # strict: true/false as YAML reads them (also yes/no), not "ja", 1 or a quoted "true".
    available: bool = Field(
        True, strict=True, description="Om mentoren kan tage nye borgere lige nu."
    )


class Enterprise(Routed):
    """En socialøkonomisk virksomhed. Filnavnet er virksomhedens id."""

    id: Id = Field(exclude=True, description="Virksomhedens id; sættes fra filnavnet.")
    name: Text = Field(description="Virksomhedens navn.")
    cvr: Annotated[str, StringConstraints(pattern=CVR_PATTERN)] = Field(
        description="CVR-nummer med 8 cifre."
    )
    registered: bool = Field(
        strict=True, description="Registreret socialøkonomisk virksomhed (RSV)."
    )
    industry: Text = Field(description="Branche.")
    placements: list[Placement] = Field(
        min_length=1, description="Hvilke forløb virksomheden tilbyder."
    )
    description: Markdown = Field(description="Om virksomheden, skrevet til borgeren (Markdown).")
    address: Text = Field(description='Adresse på én linje, fx "Værftsvej 7, 4790 Fjordstrand".')
    contact: Contact
    url: Annotated[str, StringConstraints(pattern=URL_PATTERN)] | None = Field(
        None, description="Virksomhedens hjemmeside (https://...)."
    )

    @property
    def placement_labels(self) -> list[str]:
        return [PLACEMENT_LABELS[p] for p in self.placements]


class Term(Strict):
    """En værdi i en af kataloget lister (område, adgang, tema, målgruppe)."""

    id: Id = Field(description="Id, som tilbudsfilerne henviser til.")
    label: Text = Field(description="Navnet, som borgeren ser.")
    description: Text | None = Field(None, description="Én sætning om, hvad det betyder.")

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        if value in RESERVED_IDS:
            raise ValueError(f"id'et '{value}' er reserveret til oversigtssiderne; vælg et andet")
        return value


class RoutedTerm(Term):
    """A term with its own page (its section comes from the table in collections.py)."""

    @property
    def page_url(self) -> str:
        from vifte.domain.collections import url_for

        return url_for(self)


class Theme(RoutedTerm):
    """Et tema, fx fra livshjulet."""


class TargetGroup(RoutedTerm):
    """En målgruppe, fx jobparate kontanthjælpsmodtagere."""


class ColouredTerm(Term):
    """A term with a colour: areas and access levels."""

    colour: Colour = Field(description='Farven som "#rrggbb".')

    @property
    def text_colour(self) -> str:
        return text_on(self.colour)


class Area(ColouredTerm, RoutedTerm):
    colour: Colour = Field(
        description='Områdets farve, fx "#1d4f91". Den skal stå tydeligt mod den hvide side (mindst 3:1); teksten på den bliver sort eller hvid, hvad der læses bedst.'
    )


class Access(ColouredTerm):
    colour: Colour = Field(
        description='Trafiklysets farve, fx "#7bd389". Teksten på den bliver sort eller hvid, hvad der læses bedst.'
    )


class MunicipalityContact(Strict):
    phone: Phone | None = Field(None, description='Kommunens telefonnummer, fx "70 11 22 33".')
    email: Email | None = Field(None, description="Kommunens e-mailadresse.")
    address: Text | None = Field(None, description="Kommunens adresse på én linje.")


class Municipality(Strict):
    name: Text = Field(description='Kommunens navn, fx "Fjordstrand Kommune".')
    url: SiteUrl = Field(
        description='Adressen på det udgivne site, fx "https://tilbud.kommune.dk/" (/ til sidst tilføjes).'
    )
    contact: MunicipalityContact
    colour: Colour = Field(
        "#1d3a6e",
        description='Kommunens farve til sidehoved, links og knapper, fx "#1d3a6e". Skal være mørk nok til hvid tekst.',
    )

    @property
    def text_colour(self) -> str:
        return text_on(self.colour)


class GoalColours(Strict):
    """Farverne for målenes status i strategiske dokumenter; status vises også med tekst og symbol."""

    achieved: Colour = Field(default="#1a7f37", description="Nået.")
    on_track: Colour = Field(default="#0b5cad", description="På vej.")
    at_risk: Colour = Field(default="#9a6700", description="I fare.")
    off_track: Colour = Field(default="#b3261e", description="Ikke på vej.")
    not_started: Colour = Field(default="#5f6368", description="Ikke begyndt.")

    def text_for(self, status: str) -> str:
        """Black or white, whichever reads better on the status's colour."""
        return text_on(getattr(self, status))


class Settings(Strict):
    """Kataloget indstillinger: kommunen og listerne, som tilbuddene henviser til."""

    municipality: Municipality
    areas: list[Area] = Field(min_length=1)
    access: list[Access] = Field(min_length=1)
    themes: list[Theme] = Field(min_length=1)
    target_groups: list[TargetGroup] = Field(min_length=1)
    goal_colours: GoalColours = Field(
        default_factory=GoalColours,
        description='Farver for målenes status, fx achieved: "#1a7f37". Hver skal stå tydeligt mod den hvide side (mindst 3:1).',
    )
