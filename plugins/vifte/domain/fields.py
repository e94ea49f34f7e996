"""The shared field types and base models: ids, phone numbers, dates, Markdown, references.

Every model in the domain builds on these; source/messages.py turns their patterns into
Danish help. Field descriptions are Danish because they become the JSON Schema editors show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any, get_args, get_origin

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StringConstraints

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


@dataclass(frozen=True)
class Translatable:
    """Marks a citizen text a translation file may translate (domain/translation.py reads the
    marks; a nested model's marked fields are translatable under its field's name)."""

    added: bool = False
    """A field added after translations began to store fingerprints of their Danish texts: it
    counts in the fingerprint only when filled, so adding it leaves every translation current."""


TRANSLATABLE = Translatable()
TRANSLATABLE_ADDED = Translatable(added=True)
"""TRANSLATABLE for every translatable field added from decision 64 on."""

LANGUAGE_CODE_PATTERN = r"^[a-z]{2}$"
LanguageCode = Annotated[str, StringConstraints(pattern=LANGUAGE_CODE_PATTERN)]
"""An ISO 639-1 code, as settings.yaml's `languages:` and translation file names write it."""


@dataclass(frozen=True)
class Prose:
    """Marks running text: for citizens (unmarked audience) `vifte check` measures its LIX and
    looks for jargon; `one_sentence` warns when it is more than one sentence. Markdown is prose."""

    one_sentence: bool = False


Markdown = Annotated[
    str,
    StringConstraints(min_length=1, max_length=20_000),
    AfterValidator(_renders_whole),
    Rendered(),
    Prose(),
]


_MARKDOWN: dict[type, tuple[str, ...]] = {}


def markdown_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that hold Markdown (marked `Rendered`)."""
    if model not in _MARKDOWN:
        _MARKDOWN[model] = tuple(
            name
            for name, info in model.model_fields.items()
            if any(isinstance(m, Rendered) for m in [*_marks(info.annotation), *info.metadata])
        )
    return _MARKDOWN[model]


def has_mark(info: Any, kind: type) -> bool:
    """Whether a model field (its FieldInfo) carries a mark of `kind`, at any depth of Annotated."""
    return bool(marks_of(info, kind))


def marks_of(info: Any, kind: type) -> list[Any]:
    """The marks of `kind` a model field (its FieldInfo) carries, at any depth of Annotated."""
    return [m for m in [*_marks(info.annotation), *info.metadata] if isinstance(m, kind)]


def _marks(annotation: Any) -> list[Any]:
    """The metadata of every `Annotated` inside an annotation (`Markdown | None`)."""
    if get_origin(annotation) is Annotated:
        args = get_args(annotation)
        return [*args[1:], *_marks(args[0])]
    return [m for arg in get_args(annotation) for m in _marks(arg)]


Date = Annotated[dt.date, BeforeValidator(_not_a_number), AfterValidator(_plausible)]
SiteUrl = Annotated[str, StringConstraints(pattern=SITE_URL_PATTERN), AfterValidator(_with_slash)]


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
    """Something with its own page; routes.page_url gives its address from the table."""
