"""settings.yaml: the municipality, the term lists offers refer to, colours, plain language."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, field_validator

from vifte.domain.colour import text_on
from vifte.domain.editor_settings import EditorSettings
from vifte.domain.fields import (
    RESERVED_IDS,
    TRANSLATABLE,
    URL_PATTERN,
    Colour,
    Email,
    Id,
    LanguageCode,
    Phone,
    SiteUrl,
    Strict,
    Text,
)
from vifte.domain.words import DANISH, gettext, interface_languages


class TermText(Strict):
    """En oversættelse af en værdis navn og beskrivelse; det, der mangler, vises på dansk."""

    label: Text | None = Field(None, description="Navnet på det andet sprog.")
    description: Text | None = Field(None, description="Beskrivelsen på det andet sprog.")


class Term(Strict):
    """En værdi i en af kataloget lister (område, adgang, tema, målgruppe)."""

    id: Id = Field(description="Id, som tilbudsfilerne henviser til.")
    label: Annotated[Text, TRANSLATABLE] = Field(description="Navnet, som borgeren ser.")
    description: Annotated[Text, TRANSLATABLE] | None = Field(
        None, description="Én sætning om, hvad det betyder."
    )
    translations: dict[LanguageCode, TermText] = Field(
        default_factory=dict,
        description='Oversættelser pr. sprogkode, fx en: {label: "Health", description: "..."}.',
    )

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        if value in RESERVED_IDS:
            raise ValueError(f"id'et '{value}' er reserveret til oversigtssiderne; vælg et andet")
        return value


class RoutedTerm(Term):
    """A term with its own page (routes.page_url gives its address from the table)."""


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


class Accessibility(Strict):
    """Tilgængelighedserklæringen og kontakten om tilgængelighed, som loven kræver i hver sides bund."""

    statement: Annotated[str, StringConstraints(pattern=URL_PATTERN, max_length=500)] | None = (
        Field(
            None,
            description="Linket til sitets tilgængelighedserklæring, lavet i Digitaliseringsstyrelsens "
            'WAS-værktøj, fx "https://www.was.digst.dk/tilbud-kommune-dk".',
        )
    )
    phone: Phone | None = Field(
        None, description="Telefonnummeret, borgeren kan ringe til om tilgængelighed."
    )
    email: Email | None = Field(
        None, description="E-mailadressen, borgeren kan skrive til om tilgængelighed."
    )

    @property
    def phone_uri(self) -> str | None:
        return "tel:" + self.phone.replace(" ", "") if self.phone else None


LogoPath = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=300, pattern=r"^[^/\\:][^\\:]*$"
    ),
]
"""A file in the project, from its folder, with / between folders."""


class MunicipalityText(Strict):
    """Kommunens navn på et andet sprog."""

    name: Text | None = Field(None, description='Fx "Fjordstrand Municipality".')


class Municipality(Strict):
    name: Annotated[Text, TRANSLATABLE] = Field(
        description='Kommunens navn, fx "Fjordstrand Kommune".'
    )
    translations: dict[LanguageCode, MunicipalityText] = Field(
        default_factory=dict,
        description='Kommunens navn på de andre sprog, fx en: {name: "Fjordstrand Municipality"}.',
    )
    logo: LogoPath | None = Field(
        default=None,
        description='Kommunens logo: filen fra projektmappen, fx "theme/assets/images/logo.svg"; den skal ligge i theme/ eller site_src/. Sidehovedet, fanebladet og PDF\'ernes forsider viser det.',
    )
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


MenuTarget = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=500, pattern=r"\.md$|^https?://"
    ),
]
"""A page under site_src/ (`om-sitet.md`, or a section's `tilbud/index.md`) or a web address."""


class SiteText(Strict):
    """Sitets titel på et andet sprog."""

    title: Text | None = Field(None, description="Titlen på det andet sprog.")


class Site(Strict):
    """Sitet: titlen i sidehovedet og de håndskrevne sider i menuen. Resten af menuen kommer fra kataloget."""

    translations: dict[LanguageCode, SiteText] = Field(
        default_factory=dict, description="Sitets titel på de andre sprog, fx en: {title: ...}."
    )
    title: Annotated[Text, TRANSLATABLE] | None = Field(
        default=None,
        description='Sitets titel i sidehovedet og i browserens faneblad; standard: "<kommunens navn> – tilbud til borgere".',
    )
    menu: list[MenuTarget | dict[Text, MenuTarget]] = Field(
        default_factory=list,
        description="Håndskrevne sider i menuen efter katalogets afsnit, fx - Om sitet: om-sitet.md "
        "(filen i site_src/); en fil uden tekst foran får sidens egen titel.",
    )

    @field_validator("menu")
    @classmethod
    def _one_page_each(cls, value: list[str | dict[str, str]]) -> list[str | dict[str, str]]:
        for entry in value:
            if isinstance(entry, dict) and len(entry) != 1:
                raise ValueError("hvert punkt i menuen er én side: '- Om sitet: om-sitet.md'")
        return value


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


DEFAULT_JARGON = (
    "visitation",
    "visitere",
    "matchgruppe",
    "matchkategori",
    "LAB",
    "§",
    "aktivitetsparat",
    "jobparat",
    "sygedagpengemodtager",
    "ressourceforløbsydelse",
    "revalidend",
)
"""Words a citizen would not know; the target-group labels may use them (docs/decisions.md, 20)."""


class PlainLanguage(Strict):
    """Grænserne for almindeligt dansk, som 'vifte check' advarer ud fra."""

    lix_max: float = Field(
        default=40,
        ge=0,
        le=100,
        description="Højeste LIX for en tekst til borgeren, før 'vifte check' advarer (standard 40).",
    )
    jargon: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]] = Field(
        default_factory=lambda: list(DEFAULT_JARGON),
        description="Fagord, borgeren ikke kender. Et ord med små bogstaver fanger også bøjninger "
        "(visitation: visitationen); et ord med store bogstaver kun sig selv (LAB).",
    )


class PlanSettings(Strict):
    """Min plan på en delt computer: hvornår en glemt plan slettes af sig selv."""

    clear_after_hours: int = Field(
        default=8,
        ge=1,
        le=720,
        strict=True,
        description="Så mange timer uden brug, før Min plan slettes i browseren (standard 8).",
    )


MAP_PLACEHOLDER = "{address}"
"""Where the address goes in `map_search`."""
MAP_SEARCH_PATTERN = r"^https://[^\s/?#{}]+[/?][^\s]*$"
MapSearch = Annotated[str, StringConstraints(strip_whitespace=True, pattern=MAP_SEARCH_PATTERN)]
"""A map service's search address over https, with MAP_PLACEHOLDER after its host."""


class Settings(Strict):
    """Kataloget indstillinger: kommunen og listerne, som tilbuddene henviser til."""

    languages: list[LanguageCode] = Field(
        default_factory=list,
        description="Sitets sprog ud over dansk, som ISO 639-1-koder, fx [en, uk, ar]; hvert sprog "
        "får hele sitet under /<kode>/.",
    )
    municipality: Municipality
    areas: list[Area] = Field(min_length=1)
    access: list[Access] = Field(min_length=1)
    themes: list[Theme] = Field(min_length=1)
    target_groups: list[TargetGroup] = Field(min_length=1)
    review_grace_days: int = Field(
        90,
        ge=0,
        le=3650,
        strict=True,
        description="Så mange dage efter 'review_by' siger siden, at oplysningerne kan være forældede.",
    )
    goal_colours: GoalColours = Field(
        default_factory=GoalColours,
        description='Farver for målenes status, fx achieved: "#1a7f37". Hver skal stå tydeligt mod den hvide side (mindst 3:1).',
    )
    plain_language: PlainLanguage = Field(
        default_factory=PlainLanguage,
        description="LIX-grænse og fagord til 'vifte check', fx lix_max: 40.",
    )
    plan: PlanSettings = Field(
        default_factory=PlanSettings,
        description="Min plan, fx clear_after_hours: 8 (planen slettes efter 8 timer uden brug).",
    )
    accessibility: Accessibility | None = Field(
        None,
        description="Tilgængelighedserklæringen og kontakten om tilgængelighed; hver side viser dem i bunden.",
    )
    site: Site = Field(
        default_factory=Site,
        description="Sitets titel og de håndskrevne sider i menuen, fx menu: [{Om sitet: om-sitet.md}].",
    )
    map_search: MapSearch | None = Field(
        None,
        description="En korttjeneste, hvor et tilbuds adresse kan slås op: webadressen med {address}, "
        'hvor adressen skal stå, fx "https://www.openstreetmap.org/search?query={address}". '
        "Siden viser kun et link; intet hentes fra tjenesten, før borgeren trykker.",
    )
    editor: EditorSettings | None = Field(
        None,
        description="Redigering i browseren mod kommunens git-vært, fx backend: gitlab, "
        "repo: fjordstrand/tilbud, app_id: ...; publish: true lægger den på sitet under /rediger/.",
    )

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, value: list[str]) -> list[str]:
        known = interface_languages()
        for code in value:
            if code == DANISH:
                raise ValueError("dansk er altid med og skal ikke stå under languages")
            if code not in known:
                raise ValueError(
                    f"vifte har ikke sine egne ord på sproget '{code}'; "
                    f"det kender {', '.join(known)}"
                )
        if len(set(value)) != len(value):
            raise ValueError("et sprog står to gange under languages")
        return value

    @field_validator("map_search")
    @classmethod
    def _one_place_for_the_address(cls, value: str | None) -> str | None:
        if value is not None and value.count(MAP_PLACEHOLDER) != 1:
            raise ValueError(
                f"skal have {MAP_PLACEHOLDER} præcis ét sted, dér hvor adressen skal stå, fx "
                '"https://www.openstreetmap.org/search?query={address}"'
            )
        return value

    @property
    def site_title(self) -> str:
        """The site's title in the header and each page's <title>."""
        return self.site.title or gettext("%(name)s – tilbud til borgere") % {
            "name": self.municipality.name
        }
