"""Who may read which field, and which fields each edition of the site publishes.

Every field of the model has an audience: citizen (unmarked fields), professional (public text for
caseworkers, behind the caseworker toggle) or internal (the municipality's own staff only). The
public edition resets every internal field before anything is rendered, so no page, search index
or export can contain one; the internal edition keeps everything and marks every page as not for
publication. A static site cannot keep a secret, so leaving the data out is the only protection.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from vifte.domain.words import N_, gettext

Audience = Literal["citizen", "professional", "internal"]
AUDIENCE_KEY = "x-audience"
"""The JSON Schema keyword that shows editors a field's audience."""

NOTES: dict[str, str] = {
    "professional": "Offentlig, men vises først, når man vælger 'Vis oplysninger til sagsbehandlere'.",
    "internal": "Kun i den interne udgave (vifte build --edition intern); kommer aldrig på det offentlige site.",
}

M = TypeVar("M", bound=BaseModel)


class audience:  # noqa: N801 - reads as a marker: Field(json_schema_extra=audience("internal"))
    """A field's audience, given as pydantic's `json_schema_extra`; also notes it in the schema."""

    def __init__(self, who: Audience):
        self.who = who

    def __call__(self, schema: dict[str, Any]) -> None:
        schema[AUDIENCE_KEY] = self.who
        if self.who in NOTES:
            schema["description"] = f"{schema.get('description', '')} {NOTES[self.who]}".strip()


def audience_of(field: FieldInfo) -> Audience:
    """A field's audience; unmarked fields are for citizens."""
    extra = field.json_schema_extra
    who: object = extra.who if isinstance(extra, audience) else "citizen"
    if isinstance(extra, dict):  # written by hand as {"x-audience": ...}: honour it, never drop it
        who = extra.get(AUDIENCE_KEY, who)
    if who not in ("citizen", "professional", "internal"):
        raise ValueError(f"unknown audience {who!r}")
    return who  # type: ignore[return-value]


@dataclass(frozen=True)
class Edition:
    """One edition of the site: which audiences it publishes and how its pages are marked."""

    key: str
    """Stable id for files that record the edition (e.g. the site folder's marker)."""
    name: str
    """The Danish name the user types: `vifte build --edition NAME`."""
    audiences: frozenset[str]
    default_site_dir: str | None
    """Site folder relative to mkdocs.yml when none is given; None: mkdocs.yml's site_dir."""
    banner: str | None = None
    """Shown at the top of every page, printed too; only the internal edition has one (a msgid)."""

    @property
    def internal(self) -> bool:
        return "internal" in self.audiences

    def publishes(self, field: FieldInfo) -> bool:
        return audience_of(field) in self.audiences


PUBLIC = Edition("public", "offentlig", frozenset({"citizen", "professional"}), None)
INTERNAL = Edition(
    "internal",
    "intern",
    frozenset({"citizen", "professional", "internal"}),
    "site-intern",
    banner=N_("Intern udgave – må ikke offentliggøres"),
)
EDITIONS: dict[str, Edition] = {e.name: e for e in (PUBLIC, INTERNAL)}

NOINDEX = '<meta name="robots" content="noindex, nofollow">'
ROBOTS_TXT = "User-agent: *\nDisallow: /\n"
BANNER_CLASS = "vifte-edition-banner"


def banner_html(edition: Edition) -> str:
    """The banner element the theme prints at the top of every page of a marked edition."""
    if edition.banner is None:
        return ""
    label, text = gettext("Udgave"), gettext(edition.banner)
    return f'<aside class="{BANNER_CLASS}" aria-label="{label}">{text}</aside>'


def head_html(edition: Edition) -> str:
    """What the theme adds to every page's head: keep the internal edition out of search engines."""
    return NOINDEX if edition.internal else ""


def missing_marks(edition: Edition, page: str) -> list[str]:
    """Danish names of the marks an edition requires that a built HTML page lacks."""
    marks = {"noindex-mærket": head_html(edition), "banneret": banner_html(edition)}
    return [name for name, mark in marks.items() if mark and mark not in page]


def published(obj: M, edition: Edition) -> M:
    """The model as the edition publishes it, at any depth: every field it does not publish reset.

    Cleared fields take their default (None or an empty list), so renderers and the export treat
    them exactly as if the YAML had never had them. Unchanged parts are shared, not copied.
    """
    values: dict[str, Any] = {}
    cleared: set[str] = set()
    for name, field in type(obj).model_fields.items():
        value = getattr(obj, name)
        if edition.publishes(field):
            values[name] = _published_value(value, edition)
        elif field.is_required():
            raise TypeError(f"{type(obj).__name__}.{name} is required, so it cannot be internal")
        else:
            values[name] = field.get_default(call_default_factory=True)
            if values[name] != value:
                cleared.add(name)
    if not cleared and all(values[n] is getattr(obj, n) for n in values):
        return obj
    # model_construct, not model_copy: a copy would carry over cached properties of the original.
    return type(obj).model_construct(_fields_set=obj.model_fields_set - cleared, **values)


def _published_value(value: Any, edition: Edition) -> Any:
    if isinstance(value, BaseModel):
        return published(value, edition)
    if isinstance(value, list | tuple):
        items = [_published_value(v, edition) for v in value]
        return (
            value if all(a is b for a, b in zip(items, value, strict=True)) else type(value)(items)
        )
    if isinstance(value, dict):
        entries = {k: _published_value(v, edition) for k, v in value.items()}
        return value if all(entries[k] is v for k, v in value.items()) else entries
    return value
