"""The table of collections: each kind of thing in the catalogue, declared once.

Validation, the JSON Schemas, `vifte new`, the export, the search words, the pages and their
routes, and the CLI all read this table; a new kind (strategy documents, news) is one model,
one entry here and its templates. The term lists of settings.yaml are declared here too.
References between them are declared on the model fields with `Ref` (see model.py).
"""

from __future__ import annotations

import types
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Union, get_args, get_origin

from vifte.domain.markup import plain_text
from vifte.domain.model import (
    Access,
    Area,
    Enterprise,
    Mentor,
    Offer,
    Ref,
    Routed,
    TargetGroup,
    Term,
    Theme,
)

if TYPE_CHECKING:
    from vifte.domain.catalogue import Catalogue


def _nothing(_catalogue: Catalogue, _item: Any) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Collection:
    """One kind of file under catalogue/: its folder, model, words, pages and schema."""

    name: str
    """Folder under catalogue/, key in the export and on the Catalogue (`c.offers`)."""
    kind: str
    """Singular: the schema's name, `vifte new KIND`, `c.offer_by_id`."""
    model: type[Routed]
    noun: str
    """Danish singular as messages use it: 'ukendt tilbud "x"'."""
    definite: str
    """Danish definite singular: 'tilbuddet "x" har selv fejl'."""
    plural: str
    """Danish plural for counts: '12 tilbud, 3 mentorer'."""
    section: str
    """Pages at SECTION/ID/, the overview page at SECTION/."""
    template: str
    """The page template of one item; it gets the item as `item` and as `variable`."""
    variable: str
    index_template: str
    """The overview page's template; it states its title and description itself."""
    title_field: str = "title"
    description_field: str = "summary"
    search_text: Callable[[Any], str] | None = None
    """The words of an item for the search index's extra words; None: none."""
    keywords_field: str | None = None
    context: Callable[[Catalogue, Any], dict[str, Any]] = field(default=_nothing)
    """Extra template values for an item's page."""

    def title(self, item: Any) -> str:
        return str(getattr(item, self.title_field))

    def description(self, item: Any) -> str:
        return str(getattr(item, self.description_field))

    def url(self, item_id: str) -> str:
        return f"{self.section}/{item_id}/"

    def path(self, item_id: str) -> str:
        return f"{self.section}/{item_id}.md"

    @property
    def index_path(self) -> str:
        return f"{self.section}/index.md"


@dataclass(frozen=True)
class TermList:
    """A list in settings.yaml that offers refer to; with a section, each term gets a page."""

    name: str
    model: type[Term]
    noun: str
    section: str | None = None
    """Term pages at SECTION/ID/; their titles and intros are in pages/terms.html and term.html."""
    lists: str = "offers"
    """The collection whose items a term's page lists."""

    def url(self, term_id: str) -> str:
        return f"{self.section}/{term_id}/"


@dataclass(frozen=True)
class FixedPage:
    """A page that is there whatever the catalogue holds."""

    key: str
    """Its name in `vifte_routes`, e.g. `vifte_routes.search`."""
    section: str
    template: str
    """States the page's title and description itself."""

    @property
    def path(self) -> str:
        return f"{self.section}/index.md"


FIXED_PAGES = (
    FixedPage("search", "soeg", "pages/search.html"),
    FixedPage("plan", "plan", "pages/plan.html"),
)


COLLECTIONS: dict[str, Collection] = {}
TERM_LISTS: dict[str, TermList] = {}


def register(collection: Collection) -> None:
    """Add a collection to the table (the package's own below; a test may add its own)."""
    if collection.name in COLLECTIONS or any(
        c.kind == collection.kind for c in COLLECTIONS.values()
    ):
        raise ValueError(f"collection {collection.name!r} is already registered")
    if collection.section in sections():
        raise ValueError(f"section {collection.section!r} is taken by another page")
    COLLECTIONS[collection.name] = collection
    _by_model.cache_clear()


def sections() -> set[str]:
    """Every top folder of the site that generated pages use."""
    return (
        {c.section for c in COLLECTIONS.values()}
        | {t.section for t in TERM_LISTS.values() if t.section}
        | {p.section for p in FIXED_PAGES}
    )


def check_refs(model: type) -> None:
    """Refuse a `Ref` that names nothing: a typo there would silently check nothing."""
    for name, ref in refs_of(model).items():
        if ref.target not in COLLECTIONS and ref.target not in TERM_LISTS:
            raise LookupError(
                f"{model.__name__}.{name}: Ref({ref.target!r}) names no collection or term list"
            )


def unregister(name: str) -> None:
    del COLLECTIONS[name]
    _by_model.cache_clear()


def by_kind(kind: str) -> Collection:
    return next(c for c in COLLECTIONS.values() if c.kind == kind)


@cache
def _by_model() -> dict[type, Collection | TermList]:
    return {
        **{t.model: t for t in TERM_LISTS.values()},
        **{c.model: c for c in COLLECTIONS.values()},
    }


def _entry(obj: Any) -> Collection | TermList:
    table = _by_model()
    for cls in type(obj).__mro__:
        if cls in table:
            return table[cls]
    raise LookupError(f"{type(obj).__name__} is in no collection or term list")


def collection_of(item: Any) -> Collection:
    entry = _entry(item)
    if not isinstance(entry, Collection):
        raise LookupError(f"{type(item).__name__} is not a collection's item")
    return entry


def url_for(obj: Any) -> str:
    """The site-relative URL of an item's or a term's page."""
    entry = _entry(obj)
    if isinstance(entry, TermList) and entry.section is None:
        raise LookupError(f"the terms of {entry.name} have no pages")
    return entry.url(obj.id)


_REFS: dict[type, dict[str, Ref]] = {}


def refs_of(model: type) -> dict[str, Ref]:
    """The reference fields of a model, as declared with `Annotated[..., Ref(target)]`."""
    if model in _REFS:
        return _REFS[model]
    out: dict[str, Ref] = {}
    for name, info in model.model_fields.items():  # type: ignore[attr-defined]
        found = [m for m in info.metadata if isinstance(m, Ref)]
        found += _refs_in(info.annotation)
        if found:
            out[name] = found[0]
    _REFS[model] = out
    return out


def _refs_in(annotation: Any) -> list[Ref]:
    """Refs inside an annotation: `Annotated[Id, Ref(...)] | None`, `list[Annotated[...]]`."""
    origin = get_origin(annotation)
    if origin is Annotated:
        args = get_args(annotation)
        return [a for a in args[1:] if isinstance(a, Ref)] + _refs_in(args[0])
    if origin in (Union, types.UnionType, list):
        return [r for arg in get_args(annotation) for r in _refs_in(arg)]
    return []


def target_noun(target: str) -> str:
    """The Danish noun of what a reference names."""
    if target in COLLECTIONS:
        return COLLECTIONS[target].noun
    return TERM_LISTS[target].noun


for _terms in (
    TermList(
        "areas",
        Area,
        "område",
        "omraader",
    ),
    TermList("access", Access, "adgang"),
    TermList(
        "themes",
        Theme,
        "tema",
        "temaer",
    ),
    TermList(
        "target_groups",
        TargetGroup,
        "målgruppe",
        "maalgrupper",
    ),
):
    TERM_LISTS[_terms.name] = _terms

register(
    Collection(
        name="offers",
        kind="offer",
        model=Offer,
        noun="tilbud",
        definite="tilbuddet",
        plural="tilbud",
        section="tilbud",
        template="pages/offer.html",
        variable="o",
        index_template="pages/offers.html",
        search_text=lambda o: " ".join(
            [o.title, o.summary, plain_text(o.description), o.provider.name]
        ),
        keywords_field="keywords",
    )
)
register(
    Collection(
        name="mentors",
        kind="mentor",
        model=Mentor,
        noun="mentor",
        definite="mentoren",
        plural="mentorer",
        section="mentorer",
        template="pages/mentor.html",
        variable="m",
        index_template="pages/mentors.html",
        title_field="name",
        description_field="role",
        search_text=lambda m: " ".join(
            [m.name, m.role, plain_text(m.about), *m.competences, *m.languages]
        ),
    )
)
register(
    Collection(
        name="enterprises",
        kind="enterprise",
        model=Enterprise,
        noun="virksomhed",
        definite="virksomheden",
        plural="virksomheder",
        section="virksomheder",
        template="pages/enterprise.html",
        variable="e",
        index_template="pages/enterprises.html",
        title_field="name",
        description_field="industry",
        search_text=lambda e: " ".join([e.name, e.industry, plain_text(e.description)]),
        context=lambda c, e: {"offers": c.referring("offers", e)},
    )
)
