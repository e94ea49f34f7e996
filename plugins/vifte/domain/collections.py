"""The table of collections: each kind of thing in the catalogue, declared once.

Validation, the JSON Schemas, `vifte new`, the export, the search words, the pages and their
routes, and the CLI all read this table; a new kind (strategy documents, news) is one model,
one entry here and its templates. The term lists of settings.yaml are declared here too.
References between them are declared on the model fields with `Ref` (see model.py).
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from vifte.domain.changes import SECTION as CHANGES_SECTION
from vifte.domain.fields import Ref, Routed
from vifte.domain.markup import plain_text
from vifte.domain.model import Enterprise, Mentor, Offer
from vifte.domain.news import FOLDER as NEWS_FOLDER
from vifte.domain.news import SECTION as NEWS_SECTION
from vifte.domain.news import Notice
from vifte.domain.news import problems as news_problems
from vifte.domain.settings import Access, Area, TargetGroup, Term, Theme
from vifte.domain.strategy import FOLDER as STRATEGY_FOLDER
from vifte.domain.strategy import StrategyDocument
from vifte.domain.strategy import problems as strategy_problems

if TYPE_CHECKING:
    from vifte.domain.catalogue import Catalogue


def _nothing(_catalogue: Catalogue, _item: Any) -> dict[str, Any]:
    return {}


def _no_problems(_item: Any) -> Iterable[tuple[str, tuple[str | int, ...], str]]:
    return ()


Format = Literal["yaml", "markdown"]
SUFFIXES: dict[str, tuple[str, ...]] = {"yaml": (".yaml", ".yml"), "markdown": (".md",)}
"""The file endings each format's files have; the first is the one `vifte new` writes."""


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
    folder: str | None = None
    """Where its files lie, relative to the project root; None: catalogue/NAME."""
    format: Format = "yaml"
    """yaml: a file is the item's fields; markdown: YAML front matter, then the Markdown body,
    which becomes the field `body_field`."""
    body_field: str = "body"
    problems: Callable[[Any], Iterable[tuple[str, tuple[str | int, ...], str]]] = field(
        default=_no_problems
    )
    """Rules across an item's fields: ("error" or "warning", location, Danish message)."""
    pages: tuple[tuple[str, str], ...] = ()
    """More pages of the section, as (id, template): `("status", ...)` is SECTION/status/."""
    optional: bool = False
    """Its overview pages are made only when it has items (a project without it builds as before)."""

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

    @property
    def suffixes(self) -> tuple[str, ...]:
        return SUFFIXES[self.format]

    @property
    def reserved(self) -> frozenset[str]:
        """Ids its files cannot have: the section's own pages have those addresses."""
        return frozenset(page for page, _ in self.pages)


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
    FixedPage("changes", CHANGES_SECTION, "pages/changes.html"),
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
    for path, ref in ref_paths(model):
        if ref.target not in COLLECTIONS and ref.target not in TERM_LISTS:
            raise LookupError(
                f"{model.__name__}.{'.'.join(path)}: Ref({ref.target!r}) names no collection or term list"
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


def ref_paths(model: type) -> list[tuple[tuple[str, ...], Ref]]:
    """Every reference field at any depth, as a path: ("goals", "*", "offers") means the
    `offers` of each item of the list `goals` (a part model such as a strategy's goal)."""
    out: list[tuple[tuple[str, ...], Ref]] = [
        ((name,), ref) for name, ref in refs_of(model).items()
    ]
    for name, info in model.model_fields.items():  # type: ignore[attr-defined]
        for part, many in _parts_in(info.annotation):
            prefix = (name, "*") if many else (name,)
            out += [((*prefix, *path), ref) for path, ref in ref_paths(part)]
    return out


def _parts_in(annotation: Any, many: bool = False) -> list[tuple[type, bool]]:
    """The models inside an annotation (`list[Goal]`, `Adoption | None`), and whether in a list."""
    origin = get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [(annotation, many)]
    if origin is Annotated:
        return _parts_in(get_args(annotation)[0], many)
    if origin in (Union, types.UnionType, list):
        return [p for arg in get_args(annotation) for p in _parts_in(arg, many or origin is list)]
    return []


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
register(
    Collection(
        name="strategy",
        kind="strategy",
        model=StrategyDocument,
        noun="strategisk dokument",
        definite="dokumentet",
        plural="strategiske dokumenter",
        section="strategi",
        template="pages/strategy.html",
        variable="d",
        index_template="pages/strategies.html",
        search_text=lambda d: " ".join(
            [d.title, d.summary, plain_text(d.body or ""), *(g.title for g in d.goals)]
        ),
        folder=STRATEGY_FOLDER,
        format="markdown",
        problems=strategy_problems,
        pages=(("status", "pages/strategy_status.html"),),
        optional=True,
    )
)
register(
    Collection(
        name="news",
        kind="news",
        model=Notice,
        noun="nyhed",
        definite="nyheden",
        plural="nyheder",
        section=NEWS_SECTION,
        template="pages/notice.html",
        variable="n",
        index_template="pages/news.html",
        search_text=lambda n: " ".join([n.title, n.summary, plain_text(n.body or "")]),
        folder=NEWS_FOLDER,
        format="markdown",
        problems=news_problems,
        optional=True,
    )
)
