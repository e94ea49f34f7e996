"""The core's part of one site build, for any generator: the catalogue a request asks for, its
outputs, and the finishing and checking of the built folder.

Every failure is a ProjectError carrying the report (or one Danish message for a failure no
project file states), so a generator's adapter converts exactly one error type.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from vifte.domain import words
from vifte.domain.edition import missing_marks
from vifte.domain.routes import language_folder, route_globals
from vifte.domain.translation import SOURCE_LANGUAGE
from vifte.editor import hosted
from vifte.output.brochures import data_day
from vifte.output.csp import HEADERS_FILE, add_policy, headers_file, unlisted_scripts
from vifte.output.offline import write_offline
from vifte.output.outputs import Output, outputs
from vifte.output.pages import Renderer
from vifte.output.pdf import PdfError
from vifte.output.pdf_cache import FOLDER as CACHE_FOLDER
from vifte.output.pdf_cache import PdfCache
from vifte.output.search import Indexing, SearchIndexError
from vifte.output.search_styles import cut_styles
from vifte.output.templating import TemplateLayoutError
from vifte.output.toggles import valid_toggles
from vifte.request import Request
from vifte.source.diagnostics import ProjectError, Report
from vifte.source.links import SiteLinks
from vifte.source.site_check import logo_file
from vifte.source.sources import check_published, folders, publish_problem
from vifte.source.validate import require_catalogue


class Drawn(NamedTuple):
    """A page the generator wrote: its name in messages, and the inline scripts its theme draws
    (the only ones the page's security policy allows)."""

    name: str
    scripts: tuple[str, ...]
    language: str = words.DANISH
    """The page's language: the edition's banner it must carry is in it."""


class SiteBuild:
    """One request's catalogue and renderer, made before the generator starts.

    The site's root has the request's language; with Danish there, each language of settings'
    `languages:` is the whole site again under `/<code>/` (`languages`): its build is
    `in_language(code)`, which shares the project as it was loaded and checked once.
    """

    def __init__(self, request: Request, source: SiteBuild | None = None):
        self.request = request
        self.root = request.project.root
        if source is None:
            catalogue, report = require_catalogue(request.project, today=request.today)
            self.warnings = [str(w) for w in report.warnings]
            self.published = catalogue.for_edition(request.edition)
            self.project = replace(
                request.project, logo=logo_file(request.project, catalogue.settings)
            )
            """The project with its logo from settings.yaml (the printed covers show it)."""
        else:  # said once, by the root's build
            self.warnings = []
            self.published, self.project = source.published, source.project
        self.catalogue = self.published.in_language(request.language)
        self.source = source
        self.exported: list[Output] = []
        """The open data files (data/): the root's, the same in every language's folder."""
        self.folder = "" if source is None else language_folder(request.language)
        """Where this build's pages lie in the whole site: "" (the root) or "en/"."""
        own = source is None and request.language == SOURCE_LANGUAGE
        self.languages: tuple[str, ...] = tuple(self.published.settings.languages) if own else ()
        """The languages built under the root, each in its own folder."""
        self.site_languages: tuple[str, ...] = (
            source.site_languages
            if source is not None
            else ((SOURCE_LANGUAGE, *self.languages) if self.languages else ())
        )
        """Every language of the whole site, Danish first; none for a site in one language."""
        try:
            self.renderer = Renderer(self.catalogue, [request.project.templates])
        except TemplateLayoutError as exc:
            raise ProjectError.of(self.root, str(exc)) from None
        self.pdf_summary: str | None = None

    def in_language(self, language: str) -> SiteBuild:
        """The build of `language`'s pages, under `/<language>/`, from this build's project."""
        return SiteBuild(replace(self.request, language=language), source=self)

    @property
    def day(self) -> dt.date:
        """The data's own date, for the generator's dates (a sitemap's lastmod): equal input,
        equal output. Not before 1970, which gzip cannot store."""
        return data_day(self.catalogue)

    def outputs(self, *, export: bool = True) -> list[Output]:
        """Every file the catalogue adds to the site, PDFs too when the request asks for them."""
        project, request = self.project, self.request
        cache = PdfCache(self.root / CACHE_FOLDER, request.edition.key)
        try:
            made = list(
                outputs(
                    self.catalogue,
                    self.renderer,
                    request.edition,
                    images=project.images,
                    export=export and self.source is None,
                    pdf=request.pdf,
                    cache=cache,
                    logo=project.logo,
                    strategy=project.strategy,
                    only=request.pages,
                )
            )
        except PdfError as exc:
            raise ProjectError.of(self.root, f"PDF'erne kunne ikke laves:\n{exc}") from None
        self.pdf_summary = cache.summary() if request.pdf else None
        if self.source is None:
            self.exported = [o for o in made if o.kind == "export"]
            made += self.editor() if request.pages is None else []
        else:  # the open data is the catalogue's, in every language: the root's files again
            made += self.source.exported
        return made

    def editor(self) -> list[Output]:
        """The editor on the git host, at the root of the site, only when settings.yaml asks."""
        settings = self.published.settings
        if not hosted.published(settings):
            return []
        return [
            Output(f.path, "editor", content=f.content, source=f.source)
            for f in hosted.editor_files(self.project, settings)
        ]

    def check_copied(self, paths: Iterable[Path]) -> None:
        """Check, file by file, what the generator is about to copy from the project's folders."""
        project = self.request.project
        report = Report(project.root)
        published = [(folder, rules) for folder, rules in folders(project) if rules.types]
        for path in paths:
            for folder, rules in published:
                if path.is_relative_to(folder):
                    if reason := publish_problem(path, project.root, rules):
                        report.error(path, 0, 0, reason)
                    else:
                        check_published(path, rules, report)
                    break
        if report.errors:
            raise ProjectError(report)

    def finish(self, site: Path, pages: Mapping[str, Drawn], base_path: str = "/") -> list[str]:
        """Dress and check the built folder; the warnings for the editor.

        `pages` are the HTML files the generator drew from the theme, by path in `site` (see
        `dress`). Then the headers file, the search index (Pagefind) and the link check over the
        whole folder. Root-relative links (as on the 404 page) are read against `base_path`.
        """
        warnings, allowed = self.dress(site, pages)
        # Every page's scripts, so that the header never blocks what a page's own policy allows.
        editor = hosted.headers(self.published.settings)
        (site / HEADERS_FILE).write_text(headers_file(sorted(allowed), editor), encoding="utf-8")
        check_folder(site, self.renderer.search.typos(), base_path, self.root)
        # Last: the stored files' version is over the finished folder, search index included.
        write_offline(site, self.request.edition.key, self.languages)
        return warnings

    def dress(self, site: Path, pages: Mapping[str, Drawn]) -> tuple[list[str], set[str]]:
        """Give each drawn page its security policy and valid toggles, and require the edition's
        marks on it; the warnings and every script the policies allow. A preview's quick step
        (a request's `pages`) stops here."""
        warnings: list[str] = []
        missing_in: list[str] = []
        allowed: set[str] = set()
        search = route_globals(self.catalogue.table)["search"] + "index.html"
        for path, drawn in pages.items():
            file = site / path
            html = file.read_text(encoding="utf-8")
            if path == language_folder(drawn.language) + search:
                html = cut_styles(site, path, html)
            with words.speaking(drawn.language):
                missing = missing_marks(self.request.edition, html)
            if missing:
                missing_in.append(f"{drawn.name}: siden mangler {' og '.join(missing)}")
            if unlisted := unlisted_scripts(html, drawn.scripts):
                warnings.append(f"{drawn.name}: {_blocked(len(unlisted))}")
            allowed.update(drawn.scripts)
            file.write_text(add_policy(valid_toggles(html), drawn.scripts), encoding="utf-8")
        if missing_in:
            raise ProjectError.of(
                self.root,
                "\n".join(missing_in) + ", som hver side i den interne udgave skal have; har "
                "theme/ sin egen main.html, erstatter den vifte's, så fjern den",
            )
        return warnings, allowed


def check_folder(site: Path, typos: list[str], base_path: str, root: Path) -> None:
    """Index the built site with Pagefind while its pages' links are read; fail on a broken one."""
    indexing = Indexing(site)
    try:
        links = SiteLinks(site, base_path)
    except BaseException:
        indexing.stop()
        raise
    try:
        indexing.finish(typos)
    except SearchIndexError as exc:
        raise ProjectError.of(root, str(exc)) from None
    # Judged once Pagefind has written its files (the search page links them).
    if broken := links.broken():
        raise ProjectError.of(root, "links, der peger på ingenting:\n" + "\n".join(broken))


def _blocked(count: int) -> str:
    what = "et indlejret script, der" if count == 1 else f"{count} indlejrede scripts, der"
    return f"{what} ikke kommer fra temaets skabeloner, blokeres af sikkerhedspolitikken (CSP)"
