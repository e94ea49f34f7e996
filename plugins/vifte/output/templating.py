"""The one Jinja environment every output renders with: site pages today, print and feeds next.

Templates live in the package's `templates/` folder (`_macros.html` shared by all outputs,
`pages/` for the site); a project's `theme/vifte/` mirrors that folder and wins. What differs per
output is passed in when rendering: `link` (see `site_link` and `absolute_link`) and the
output's own globals (the site's search words).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import jinja2
import jinja2.bccache
import jinja2.runtime
from markupsafe import Markup

from vifte.domain import changes, news_lists, opening_text, strategy_lists, words
from vifte.domain.catalogue import Catalogue
from vifte.domain.danish import DATE_FORMAT, sort_da
from vifte.domain.languages import languages_text
from vifte.domain.markup import render_body, render_markdown, rewrite_links
from vifte.domain.model import KIND_LABELS
from vifte.domain.routes import SHARED_FOLDERS, address_globals, feeds, file_url, page_url
from vifte.domain.wording import date_text
from vifte.output import fallback, jsonld, place
from vifte.output.charts import stacked
from vifte.output.script_words import script_words

Link = Callable[[str], str]
"""Turns a site-relative URL ("tilbud/x/", "" for the front page) into an href for one output."""


class Compiled(jinja2.BytecodeCache):
    """Compiled templates, kept in memory for the life of the process (`vifte serve` builds
    again and again); Jinja checks each against its template's source, so an edit recompiles."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


COMPILED = Compiled()
"""For vifte's own environments (all made by `environment`, so with the same settings)."""
THEME_COMPILED = Compiled()
"""For the site generator's theme environment, whose settings differ: its own cache."""


class TemplateLayoutError(ValueError):
    """A project template the environment would silently ignore."""


def environment(catalogue: Catalogue, overrides: Iterable[Path] = ()) -> jinja2.Environment:
    """The template environment: the project's folders first, then the package's templates/.

    Its globals are what every output may use: the catalogue `c`, `kind_labels` and
    `title_rank` (an offer's place in Danish title order, so a script sorting cards needs no
    collation of its own).
    """
    folders = list(overrides)
    for folder in folders:
        _refuse_old_layout(folder)
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(d)) for d in folders]
    loaders.append(jinja2.PackageLoader("vifte", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=COMPILED,
    )
    words.install(env)
    env.filters["md"] = _markdown(render_markdown)
    env.filters["md_body"] = _markdown(render_body)
    fallback.install(env)  # citizen texts: marked lang="da", with a note, when untranslated
    env.filters["sort_da"] = _sort_da_filter
    env.filters["dato"] = date_text  # 05.10.2026 in Danish, "5 October 2026" in English
    env.filters["languages"] = languages_text
    env.filters["page_url"] = partial(page_url, catalogue.table)  # `link(o | page_url)`
    env.filters["file_url"] = partial(file_url, catalogue.table)  # a strategy's original PDF
    env.globals["date_format"] = DATE_FORMAT  # plan.js writes dates as `dato` does
    ranks = {o.id: n for n, o in enumerate(sort_da(catalogue.offers, key=lambda o: o.title))}
    env.globals.update(c=catalogue, kind_labels=KIND_LABELS, title_rank=ranks.__getitem__)
    env.globals["strategy"] = strategy_lists  # lookups of strategy pages: strategy.serving(c, id)
    env.globals["chart"] = stacked
    env.globals["opening"] = opening_text  # hours in words: opening.week_text(o.opening_hours)
    env.globals["json_ld"] = lambda offer: jsonld.script(
        jsonld.government_service(catalogue, offer)
    )
    env.globals["place"] = place  # map and feedback links: place.map_search(c, o.location)
    env.globals["news"] = news_lists  # notices: news.newest_first(c), news.about(c, id)
    env.globals["changes"] = changes  # "Nyt og ændret": changes.by_month(c)
    env.globals["feeds"] = feeds  # the feeds of a catalogue: feeds(c)
    env.globals.update(address_globals(catalogue.table))  # routes.offers, offer_list, ...
    env.globals["memo"] = Memo()
    env.globals["script_words"] = script_words  # the words a page's scripts draw
    return env


class Memo:
    """`{% call memo(key, ...) %}…{% endcall %}`: the block's output, made once per key and
    environment (an offer's card is on its area, theme and target-group pages alike)."""

    def __init__(self) -> None:
        self.made: dict[tuple[Any, ...], str] = {}

    def __call__(self, *key: Any, caller: Callable[[], str]) -> str:
        if key not in self.made:
            self.made[key] = caller()
        return self.made[key]


def _markdown(render: Callable[[str], str]) -> Callable[..., Markup | str]:
    """`{{ text | md }}`, or `{{ text | md(page_url) }}` for a text that belongs to the page at
    `page_url`: its links are then read as that page reads them and written by this output's
    `link` (absolute in a PDF), and on paper (`paper` set) each shows its address."""

    @jinja2.pass_context
    def md(context: jinja2.runtime.Context, text: str | None, page_url: str | None = None) -> Any:
        if not text:
            return ""
        html = render(text)
        if page_url is not None:
            link = context["link"]
            html = rewrite_links(
                html, lambda href: text_link(href, page_url, link), show_address="paper" in context
            )
        return fallback.block(text, html)

    return md


def text_link(href: str, page_url: str, link: Link) -> str:
    """The href of a link written in a text on the page at `page_url` ("../../mentorer/"), for
    the output whose links `link` makes: the text's own addresses (https:, mailto:) stay."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href
    target = urlsplit(urljoin("/" + page_url, href))
    query = f"?{target.query}" if target.query else ""
    fragment = f"#{target.fragment}" if target.fragment else ""
    return link(target.path.lstrip("/")) + query + fragment


def _sort_da_filter(items: Iterable[Any], attribute: str | None = None) -> list[Any]:
    """`{{ c.mentors | sort_da(attribute="name") }}`: Danish order (Æ, Ø, Å after Z)."""
    if attribute is None:
        return sort_da(items)
    return sort_da(items, key=lambda item: str(getattr(item, attribute)))


def _refuse_old_layout(folder: Path) -> None:
    """Page templates once sat directly in theme/vifte/; there they would now be ignored."""
    pages = jinja2.PackageLoader("vifte", "templates/pages").list_templates()
    stray = sorted(p.name for p in folder.glob("*.html") if p.name in pages)
    if stray:
        raise TemplateLayoutError(
            "; ".join(
                f"{folder / name}: sideskabeloner ligger nu i {folder / 'pages'}/; "
                f"flyt filen til {folder / 'pages' / name}"
                for name in stray
            )
        )


def site_link(page_url: str) -> Link:
    """Links as the website writes them: relative to the page at `page_url`, so any base works."""
    return lambda target: site_relative(target, page_url)


_folder: ContextVar[str] = ContextVar("vifte_site_folder", default="")
"""The folder of the pages being built in the whole site: "" or a language's ("en/")."""


@contextmanager
def in_folder(folder: str) -> Iterator[None]:
    """Build pages that lie in `folder` of the whole site while the block runs."""
    token = _folder.set(folder)
    try:
        yield
    finally:
        _folder.reset(token)


def site_relative(target: str, page_url: str) -> str:
    """`relative`, but a folder the whole site has once, at its root (SHARED_FOLDERS: the
    search index over every language), is reached from a language's folder too."""
    folder = _folder.get()
    if folder and target.startswith(SHARED_FOLDERS):
        return relative(target, folder + page_url)
    return relative(target, page_url)


class PageLink:
    """`link` for the page being rendered, as a global: the site's macro modules are imported
    without context (built once, not once per page) and reach the page through this."""

    def __init__(self) -> None:
        self.page_url = ""

    def __call__(self, target: str) -> str:
        return site_relative(target, self.page_url)


def absolute_link(site_url: str) -> Link:
    """Links for a PDF or a feed, read away from the site: absolute, from settings' municipality.url."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return lambda target: urljoin(base, target)


def relative(target: str, base: str) -> str:
    """Link from the page at URL `base` to the site-relative URL `target`."""
    start = posixpath.dirname(base.rstrip("/") + "/x") or "."
    rel = (
        posixpath.relpath("/" + target, "/" + start)
        if target
        else posixpath.relpath("/", "/" + start)
    )
    if rel == ".":
        return "./"
    return rel + ("/" if target.endswith("/") or not target else "")
