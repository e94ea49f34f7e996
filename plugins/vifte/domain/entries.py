"""What the table of collections is made of: a collection, a term list, a fixed page.

The package's own entries are in registry.py; the table and its lookups in collections.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from vifte.domain.danish import slug
from vifte.domain.fields import Routed
from vifte.domain.settings import Term


def _nothing(_catalogue: Any, _item: Any) -> dict[str, Any]:
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
    variable: str
    """The name an item's template knows it by, besides `item`."""
    template: str = ""
    """The page template of one item; empty: pages/KIND.html."""
    index_template: str = ""
    """The overview page's template, which states its title and description itself;
    empty: pages/NAME.html."""
    title_field: str = "title"
    description_field: str = "summary"
    search_text: Callable[[Any], str] | None = None
    """The words of an item for the search index's extra words; None: none."""
    keywords_field: str | None = None
    context: Callable[[Any, Any], dict[str, Any]] = field(default=_nothing)
    """Extra template values for an item's page, from the catalogue and the item (the catalogue
    is typed Any here: it holds a table of these entries, so naming it would be a circle)."""
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

    def __post_init__(self) -> None:
        object.__setattr__(self, "template", self.template or f"pages/{self.kind}.html")
        object.__setattr__(self, "index_template", self.index_template or f"pages/{self.name}.html")

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

    @property
    def param(self) -> str:
        """Its name in the filter page's URL and in `vifte pdf --format`: the noun, spelled as
        an id ("område" gives "omraade")."""
        return slug(self.noun)


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
