"""The catalogue's items: offers, mentors, enterprises, their parts and their status.

The site, the brochures, the search index and the open-data export all read these objects;
none of them reads YAML. Field descriptions are Danish because they become the JSON Schema
that editors show to communication staff. Shared field types are in fields.py, settings.yaml
in settings.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from vifte.domain.edition import audience, audience_of
from vifte.domain.fields import (
    CVR_PATTERN,
    FILE_PATTERN,
    POSTCODE_PATTERN,
    TRANSLATABLE,
    TRANSLATABLE_ADDED,
    URL_PATTERN,
    Date,
    Email,
    Id,
    Markdown,
    Phone,
    Prose,
    Ref,
    Routed,
    Strict,
    Text,
)
from vifte.domain.opening import OpeningHours
from vifte.domain.wording import Labels
from vifte.domain.words import N_

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

KIND_LABELS = Labels(
    {
        "work_practice": N_("Virksomhedspraktik"),
        "wage_subsidy": N_("Løntilskud"),
        "mentor_support": N_("Mentorstøtte"),
        "health": N_("Sundhedsindsats"),
        "social": N_("Social indsats"),
        "education": N_("Uddannelse og opkvalificering"),
        "social_enterprise": N_("Socialøkonomisk virksomhed"),
        "volunteer": N_("Frivilligt tilbud"),
        "guidance": N_("Vejledning og rådgivning"),
        "other": N_("Andet"),
    }
)
PLACEMENT_LABELS = Labels(
    {
        "work_practice": N_("Virksomhedspraktik"),
        "wage_subsidy": N_("Løntilskud"),
        "flex_job": N_("Fleksjob"),
        "ordinary_job": N_("Ordinært job"),
        "volunteer": N_("Frivilligt arbejde"),
    }
)


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


class Geo(Strict):
    """Stedets koordinater i grader (WGS84), som et kort viser dem; en telefon åbner dem i sit kort."""

    lat: float = Field(
        ge=-90, le=90, strict=True, description="Breddegrad med punktum, fx 55.4089."
    )
    lon: float = Field(
        ge=-180, le=180, strict=True, description="Længdegrad med punktum, fx 11.3553."
    )

    @property
    def uri(self) -> str:
        """The RFC 5870 `geo:` link a phone opens in its own map app (`q=` sets a pin on Android)."""
        point = f"{_degrees(self.lat)},{_degrees(self.lon)}"
        return f"geo:{point}?q={point}"


def _degrees(value: float) -> str:
    """Decimal degrees to six places (about 10 cm), without trailing zeros: 55.4089, not 55.408900."""
    return f"{value:.6f}".rstrip("0").rstrip(".")


class Location(Strict):
    """Hvor tilbuddet foregår (svarer til HSDS location/address)."""

    address: Text | None = Field(None, description="Gade og nummer.")
    postcode: Annotated[str, StringConstraints(pattern=POSTCODE_PATTERN)] | None = Field(
        None, description='Postnummer med fire cifre, fx "4790".'
    )
    city: Text | None = Field(None, description="By.")
    accessibility: Annotated[Text, TRANSLATABLE] | None = Field(
        None, description="Tilgængelighed, fx niveaufri adgang eller elevator."
    )
    transport: Annotated[Text, TRANSLATABLE_ADDED] | None = Field(
        None,
        description='Sådan kommer man dertil med bus eller tog, fx "Bus 230 til Havnegade, 2 minutters gang".',
    )
    geo: Geo | None = Field(
        None,
        description="Koordinater, fx {lat: 55.4089, lon: 11.3553}; så får adressen et link, "
        "der åbner telefonens kort.",
    )

    @property
    def one_line(self) -> str:
        town = " ".join(p for p in (self.postcode, self.city) if p)
        return ", ".join(p for p in (self.address, town) if p)


class Schedule(Strict):
    """Hvornår og hvor længe (svarer til HSDS schedule)."""

    duration: Annotated[Text, TRANSLATABLE] | None = Field(
        None, description='Forløbets længde, fx "8 uger".'
    )
    hours_per_week: Annotated[Text, TRANSLATABLE] | None = Field(
        None, description='Timer om ugen, fx "10-15".'
    )
    start: Annotated[Text, TRANSLATABLE] | None = Field(
        None, description='Hvornår man kan starte, fx "Løbende optag".'
    )


class Image(Strict):
    """Et billede med en beskrivelse til skærmlæsere."""

    file: Annotated[str, StringConstraints(pattern=FILE_PATTERN, max_length=200)] = Field(
        description="Filnavn i mappen catalogue/images, fx 'cafe.jpg'."
    )
    alt: Annotated[Text, TRANSLATABLE] = Field(
        description="Kort beskrivelse af billedet til skærmlæsere."
    )


Status = Literal["draft", "active", "paused", "closed"]
STATUS_LABELS = Labels(
    {
        "draft": N_("Kladde"),
        "active": N_("Aktivt"),
        "paused": N_("Sat på pause"),
        "closed": N_("Lukket"),
    }
)


class Lifecycle(Routed):
    """Something with a status: a draft is checked but never published, a closed one keeps its page."""

    # Editors see the rule too: a closed item needs its date (the check says it at the status line).
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={
            "if": {"properties": {"status": {"const": "closed"}}, "required": ["status"]},
            "then": {"required": ["closed"]},
        },
    )

    status: Status = Field(
        "active",
        description=(
            "draft: kladde, tjekkes men udgives ikke (fejl bliver til advarsler); active: udgivet; "
            "paused: udgivet med en besked om pause; closed: lukket, siden bliver og siger siden hvornår."
        ),
    )
    closed: Date | None = Field(
        None, description="Dagen det lukkede (ÅÅÅÅ-MM-DD); skal udfyldes, når status er closed."
    )
    status_note: Annotated[Text, TRANSLATABLE] | None = Field(
        None, description='Kort besked til borgeren om pausen, fx "Holder pause til 1. marts".'
    )

    updated: Date | None = Field(
        None, description="Hvornår teksten sidst blev opdateret (ÅÅÅÅ-MM-DD)."
    )
    review_by: Date | None = Field(
        None, description="Hvornår teksten skal gennemgås igen (ÅÅÅÅ-MM-DD)."
    )
    checked: Date | None = Field(
        None,
        description="Hvornår nogen sidst har kontrolleret, at oplysningerne stadig passer, også "
        "uden at rette noget (ÅÅÅÅ-MM-DD). Siden viser den nyeste af checked og updated som "
        '"Sidst kontrolleret".',
    )

    @property
    def draft(self) -> bool:
        return self.status == "draft"

    @property
    def listed(self) -> bool:
        """Whether lists, search and brochures show it: active and paused ones."""
        return self.status in ("active", "paused")

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def last_checked(self) -> dt.date | None:
        """The day someone last saw that the facts hold: a check, or an update of the text."""
        days = [d for d in (self.checked, self.updated) if d is not None]
        return max(days) if days else None


class Offer(Lifecycle):
    """Et tilbud i kataloget. Filnavnet er tilbuddets id."""

    id: Id = Field(description="Tilbuddets id; sættes fra filnavnet.", exclude=True)
    title: Annotated[Text, TRANSLATABLE] = Field(
        description="Tilbuddets navn, som borgeren ser det."
    )
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
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
        Prose(one_sentence=True),
        TRANSLATABLE,
    ] = Field(description="Én kort sætning på almindeligt dansk (højst 200 tegn).")
    description: Annotated[Markdown, TRANSLATABLE] = Field(
        description="Teksten til borgeren (Markdown, du-form)."
    )
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
    opening_hours: OpeningHours | None = Field(
        None, description="Hvornår stedet har åbent: ugedage og tider, og dage der er anderledes."
    )
    bring: Annotated[list[Text], TRANSLATABLE_ADDED] = Field(
        default_factory=list,
        description='Det skal borgeren have med, ét punkt pr. linje, fx "Sygesikringskort".',
    )
    waiting_time: Annotated[Text, TRANSLATABLE] | None = Field(
        None, description="Forventet ventetid."
    )
    capacity: Annotated[Text, TRANSLATABLE] | None = Field(None, description="Antal pladser.")
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
    keywords: Annotated[list[Text], TRANSLATABLE] = Field(
        default_factory=list, description="Ekstra søgeord og synonymer."
    )
    created: Date | None = Field(
        None,
        description="Hvornår tilbuddet kom i kataloget (ÅÅÅÅ-MM-DD); siden Nyt og ændret viser det som nyt.",
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


class Mentor(Lifecycle):
    """En mentor, som borgeren kan vælge. Filnavnet er mentorens id."""

    id: Id = Field(exclude=True, description="Mentorens id; sættes fra filnavnet.")
    name: Text = Field(description="Mentorens navn.")
    role: Annotated[Text, TRANSLATABLE] = Field(description='Rolle, fx "Ungementor".')
    about: Annotated[Markdown, TRANSLATABLE] = Field(
        description="Om mentoren, skrevet til borgeren (Markdown)."
    )
    competences: Annotated[list[Text], TRANSLATABLE] = Field(
        min_length=1, description="Kompetencer."
    )
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


class Enterprise(Lifecycle):
    """En socialøkonomisk virksomhed. Filnavnet er virksomhedens id."""

    id: Id = Field(exclude=True, description="Virksomhedens id; sættes fra filnavnet.")
    name: Text = Field(description="Virksomhedens navn.")
    cvr: Annotated[str, StringConstraints(pattern=CVR_PATTERN)] = Field(
        description="CVR-nummer med 8 cifre."
    )
    registered: bool = Field(
        strict=True, description="Registreret socialøkonomisk virksomhed (RSV)."
    )
    industry: Annotated[Text, TRANSLATABLE] = Field(description="Branche.")
    placements: list[Placement] = Field(
        min_length=1, description="Hvilke forløb virksomheden tilbyder."
    )
    description: Annotated[Markdown, TRANSLATABLE] = Field(
        description="Om virksomheden, skrevet til borgeren (Markdown)."
    )
    address: Text = Field(description='Adresse på én linje, fx "Værftsvej 7, 4790 Fjordstrand".')
    contact: Contact
    url: Annotated[str, StringConstraints(pattern=URL_PATTERN)] | None = Field(
        None, description="Virksomhedens hjemmeside (https://...)."
    )

    @property
    def placement_labels(self) -> list[str]:
        return [PLACEMENT_LABELS[p] for p in self.placements]
