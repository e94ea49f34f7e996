"""The printed forms of the catalogue: the whole catalogue (A4), one A5 brochure per area, theme
and target group, and one PDF per offer; each in the catalogue's language, named for it
(`printed_in`), with its links to that language's pages.

Templates in `templates/print/` render the HTML with absolute links (a PDF is read away from the
site); `pdf.py` turns it into tagged PDF. The renders run in worker processes, since WeasyPrint
spends its time in Python and each PDF is independent.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from vifte.domain.catalogue import Catalogue
from vifte.domain.edition import Edition
from vifte.domain.entries import TermList
from vifte.domain.model import Offer
from vifte.domain.refs import refs_of
from vifte.domain.routes import (
    CARDS_FOLDER,
    CARDS_PDF,
    CATALOGUE_PDF,
    POSTER_PDF,
    card_path,
    language_folder,
    page_url,
    pdf_path,
    printed_in,
)
from vifte.domain.settings import RoutedTerm
from vifte.domain.words import gettext
from vifte.output.catalogue_split import SPLIT_FROM, Split, assemble, front_guess, plan
from vifte.output.pdf import Pdf, PdfError, render_pdf
from vifte.output.pdf_cache import PdfCache
from vifte.output.print_job import Job
from vifte.output.print_layout import card_size, poster_layout
from vifte.output.qr import qr_svg
from vifte.output.strategy_print import strategy_jobs
from vifte.output.styles import colours_css
from vifte.output.templating import absolute_link
from vifte.output.workers import apart, render_all

TOC_FROM = 4
"""A document about this many offers, mentors or enterprises or more gets a table of contents:
one this long runs past four pages (an offer takes most of an A5 page); see decisions.md."""
LOGO = "logo"
"""The template global holding the municipality's logo file (a Path, or None): see outputs.py."""


def link_text(path: str) -> str:
    """The words of a page's download link to the PDF at `path`."""
    if path.startswith(f"{CARDS_FOLDER}/"):
        return gettext("Hent kartotekskortet som PDF")
    return gettext("Hent som PDF")


@dataclass(frozen=True)
class Printed:
    """One PDF of the site: its site path and the document."""

    path: str
    pdf: Pdf
    page_url: str | None = None
    """The URL of the site page it prints, if any (an offer's or a term's page links to its PDF)."""


_Job = Job
"""What a chooser of PDFs (`brochures(chosen=...)`) is given (print_job.py)."""


def data_day(catalogue: Catalogue) -> dt.date:
    """The date the PDFs carry (metadata, cover): the data's newest `updated`, as the sitemap."""
    return max(catalogue.last_updated or dt.date(1970, 1, 1), dt.date(1970, 1, 1))


def _jobs(
    catalogue: Catalogue, env: jinja2.Environment, edition: Edition, images: Path
) -> Iterator[_Job]:
    day = data_day(catalogue)
    logo = env.globals.get(LOGO)
    assert logo is None or isinstance(logo, Path)
    # A PDF in English links the English pages: the site's address and the language's folder.
    home = absolute_link(catalogue.settings.municipality.url)(language_folder(catalogue.language))
    context = {
        "link": absolute_link(home),
        "colours": Markup(colours_css(catalogue.settings)),
        "data_date": day.isoformat(),
        "data_day": day,
        "dated": catalogue.last_updated is not None,  # no `updated` anywhere: no date to claim
        "internal": edition.internal,
        "qr": qr_svg,
        "paper": "A4",
        "logo": logo.resolve().as_uri() if logo else None,
        "toc_from": TOC_FROM,
    }
    # The fetcher serves the package's assets, the images folder and exactly the logo file.
    roots = (Path(str(files("vifte").joinpath("assets"))), *((logo,) if logo else ()))
    render = env.get_template("print/catalogue.html").render
    yield _catalogue_job(catalogue, render, context, images, roots)
    a5 = {**context, "paper": "A5"}
    for terms, field, term, offers in _term_brochures(catalogue):
        chosen = {o.id for o in offers}
        html = render(term=term, terms=terms, field=field, chosen=chosen, **a5)
        url = page_url(catalogue.table, term)
        yield _Job(terms.name, pdf_path(terms, term.id), html, images, roots, url, term.id)
    offer = env.get_template("print/offer.html")
    offer_pages = catalogue.table.collections["offers"]
    for o in catalogue.offers:
        url = page_url(catalogue.table, o)
        html = offer.render(o=o, **context)
        yield _Job("offer", pdf_path(offer_pages, o.id), html, images, roots, url, o.id)
    yield from _other_jobs(catalogue, env, context, images, roots)
    yield from strategy_jobs(catalogue, env, context, images, roots)


def _catalogue_job(
    catalogue: Catalogue,
    render: Callable[..., str],
    context: dict[str, Any],
    images: Path,
    roots: tuple[Path, ...],
) -> _Job:
    """The A4 catalogue: one render, or from SPLIT_FROM offers parts rendered side by side."""
    listed = catalogue.listed("offers")
    if len(listed) < SPLIT_FROM:
        return _Job("catalogue", CATALOGUE_PDF, render(**context), images, roots)
    sections = [(a, catalogue.offers_with("area", a.id)) for a in catalogue.settings.areas]
    sections = [(a, offers) for a, offers in sections if offers]
    groups = plan(sections)
    parts = tuple(render(part=part, stamped=True, **context) for part in groups)
    adopt = tuple(len(group[0][1]) if group[0][2] else 0 for group in groups)
    anchors = tuple(
        anchor
        for a, offers in sections
        for anchor in (f"omraade-{a.id}", *(f"tilbud-{o.id}" for o in offers))
    )

    def front(pages: dict[str, int]) -> str:
        return render(front=True, toc_pages=pages, stamped=True, **context)

    key = "\n".join((front({}), *parts))
    split = Split(parts, front, anchors, adopt)
    return _Job("catalogue", CATALOGUE_PDF, key, images, roots, split=split)


def _other_jobs(
    catalogue: Catalogue,
    env: jinja2.Environment,
    context: dict[str, Any],
    images: Path,
    roots: tuple[Path, ...],
) -> Iterator[_Job]:
    """Index cards, the poster, the mentor catalogue and the directory of enterprises."""
    a6 = {**context, "paper": "A6", "card_size": lambda o: card_size(catalogue, o)}
    cards = env.get_template("print/cards.html").render
    for o in catalogue.offers:
        html = cards(offers=[o], **a6)
        url = page_url(catalogue.table, o)
        yield _Job("card", card_path(o.id), html, images, roots, url, o.id)
    if catalogue.offers:
        yield _Job("cards", CARDS_PDF, cards(offers=catalogue.offers, **a6), images, roots)
    themes = f"{catalogue.table.term_lists['themes'].section}/"
    poster = env.get_template("print/poster.html").render(
        **{**context, "paper": "A3", "layout": poster_layout(catalogue)}
    )
    yield _Job("poster", POSTER_PDF, poster, images, roots, themes)
    for name, template in (
        ("mentors", "print/mentors.html"),
        ("enterprises", "print/enterprises.html"),
    ):
        if catalogue.listed(name):
            section = f"{catalogue.table.collections[name].section}/"
            html = env.get_template(template).render(section=section, **context)
            yield _Job(
                name, pdf_path(catalogue.table.collections[name]), html, images, roots, section
            )


def _term_brochures(
    catalogue: Catalogue,
) -> Iterator[tuple[TermList, str, RoutedTerm, list[Offer]]]:
    """Each term with a page and offers (areas, themes, target groups): its brochure's content."""
    fields = refs_of(Offer)
    for terms in catalogue.table.term_lists.values():
        if terms.section is None or terms.lists != "offers":
            continue
        field = next(f for f, r in fields.items() if r.target == terms.name)
        for term in catalogue.terms(terms.name).values():
            offers = catalogue.offers_with(field, term.id)
            if offers and isinstance(term, RoutedTerm):
                yield terms, field, term, offers


def brochures(
    catalogue: Catalogue,
    env: jinja2.Environment,
    edition: Edition,
    *,
    images: Path,
    cache: PdfCache | None = None,
    chosen: Callable[[_Job], bool] | None = None,
    workers: int | None = None,
) -> list[Printed]:
    """Every PDF of the edition (or those `chosen`), in a stable order.

    A PDF whose key is in `cache` is reused; the rest are rendered in `workers` processes (default:
    one per core; see workers.py). Raises PdfError naming each failed PDF.
    """
    language = catalogue.language
    jobs = [
        replace(job, path=printed_in(job.path, language))
        for job in _jobs(catalogue, env, edition, images)
        if chosen is None or chosen(job)
    ]
    keys = [cache.key(job.html, (job.base_dir, *job.roots)) if cache else "" for job in jobs]
    results: list[Pdf | str | None] = [cache.get(key) if cache else None for key in keys]
    todo = [i for i, r in enumerate(results) if r is None]
    for i, outcome in zip(todo, render_jobs([jobs[i] for i in todo], workers), strict=True):
        results[i] = outcome
        if cache is not None and isinstance(outcome, Pdf):
            cache.put(keys[i], outcome)
    failed = [r for r in results if isinstance(r, str)]
    if failed:
        raise PdfError("\n".join(failed))
    if cache is not None:
        cache.rendered += len(todo)
        cache.reused += len(jobs) - len(todo)
        if chosen is None:
            cache.finish(language)
    return [
        Printed(job.path, r, job.page_url)
        for job, r in zip(jobs, results, strict=True)
        if isinstance(r, Pdf)
    ]


def render_jobs(jobs: list[_Job], workers: int | None = None) -> list[Pdf | str]:
    """Each job's PDF, or the Danish reason it failed, rendered in `workers` processes.

    A catalogue printed in parts goes to the workers as its parts, first (they take longest);
    it is put together here as soon as its parts are back, while the workers go on.
    """
    work = [(i, part) for i, job in enumerate(jobs) if job.split for part in _part_jobs(job)]
    work += [(i, job) for i, job in enumerate(jobs) if not job.split]
    wanted = Counter(i for i, _ in work)
    done: dict[int, list[Pdf | str]] = {}
    results: list[Pdf | str] = [""] * len(jobs)
    for (i, _), outcome in zip(
        work, render_all(_outcome, [job for _, job in work], workers), strict=True
    ):
        done.setdefault(i, []).append(outcome)
        if len(done[i]) == wanted[i]:
            results[i] = _finish(jobs[i], done.pop(i))
    return results


def _part_jobs(job: _Job) -> list[_Job]:
    assert job.split is not None
    return [
        _Job("catalogue-part", job.path, html, job.base_dir, job.roots) for html in job.split.parts
    ]


def _finish(job: _Job, outcomes: list[Pdf | str]) -> Pdf | str:
    """A job's PDF from what the workers made: the one PDF, or the parts merged with a front."""
    if job.split is None or any(isinstance(o, str) for o in outcomes):
        return (
            outcomes[0]
            if len(outcomes) == 1
            else "\n".join(o for o in outcomes if isinstance(o, str))
        )
    parts = [o for o in outcomes if isinstance(o, Pdf)]

    def render(html: str) -> Pdf:  # in a worker: this process holds the whole site
        return apart(render_pdf, html, job.base_dir, job.roots)

    try:
        return assemble(job.split, parts, render, front_guess(len(job.split.anchors)))
    except PdfError as exc:
        return f"{job.path}: {exc}"


def _outcome(job: _Job) -> Pdf | str:
    """The PDF, or the Danish reason it failed (so one run names every failed PDF)."""
    try:
        return render_pdf(job.html, job.base_dir, job.roots)
    except PdfError as exc:
        return f"{job.path}: {exc}"
