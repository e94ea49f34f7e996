"""MkDocs events: load the catalogue once, add every output of the core, check the built site."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from vifte.domain.catalogue import Catalogue
from vifte.domain.edition import Edition, banner_html, head_html, missing_marks
from vifte.domain.markup import sanitise_page
from vifte.domain.routes import feeds, route_globals
from vifte.mkdocs.config import VifteConfig, pdf_wanted, requested_edition, theme_logo
from vifte.mkdocs.site_url import settle_site_url
from vifte.mkdocs.theme_markup import valid_toggles
from vifte.mkdocs.theme_scripts import ThemeScripts
from vifte.mkdocs.theme_text import check_front_matter, escape_config, escape_nav, escape_page
from vifte.output.csp import HEADERS_FILE, add_policy, headers_file, unlisted_scripts
from vifte.output.outputs import SCRIPTS, STYLESHEETS, outputs
from vifte.output.pages import Renderer, url_of
from vifte.output.pdf import PdfError
from vifte.output.pdf_cache import FOLDER as CACHE_FOLDER
from vifte.output.pdf_cache import PdfCache
from vifte.output.search import Indexing, SearchIndexError
from vifte.output.templating import THEME_COMPILED, TemplateLayoutError
from vifte.source.clock import PINNED
from vifte.source.diagnostics import CatalogueError, Report
from vifte.source.links import SiteLinks
from vifte.source.project import Project
from vifte.source.sources import check_published, folders, publish_problem
from vifte.source.validate import require_catalogue

log = get_plugin_logger(__name__)

OVERRIDES = Path(__file__).resolve().parent.parent / "overrides"


class ViftePlugin(BasePlugin[VifteConfig]):
    edition: Edition
    catalogue: Catalogue
    """The catalogue as the edition publishes it; the only one any output reads."""
    renderer: Renderer
    bodies: dict[str, str]
    """Generated pages' HTML by source path; MkDocs gets only their front matter."""
    command = "build"
    """The MkDocs command running ('serve' moves site_url to the local address)."""
    scripts: ThemeScripts
    pages_report: Report
    """Errors in hand-written pages, collected so that one run reports them all."""
    only: frozenset[str] | None = None
    """Set by `vifte serve` for its quick step: write only these pages (see `_only`)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(self.config.project_dir or Path(config.config_file_path).parent)
        self.edition = requested_edition()
        custom_dir = config.theme.custom_dir
        self.project = Project.at(
            self.root,
            Path(config.docs_dir),
            Path(custom_dir) if custom_dir else None,
            theme_logo(config),
        )
        try:
            catalogue, report = require_catalogue(self.project)
            if self.command != "serve":  # serve has put its local address in site_url
                settle_site_url(config, catalogue.settings.municipality.url, self.root)
        except CatalogueError as exc:
            # MkDocs' form of the error; build_site finds the report along the chain (__cause__).
            raise PluginError(str(exc)) from exc
        self.catalogue = catalogue.for_edition(self.edition)
        for warning in report.warnings:
            log.warning(str(warning))
        _pin_build_date(self.catalogue)
        try:
            self.renderer = Renderer(self.catalogue, [self.project.templates])
        except TemplateLayoutError as exc:
            raise PluginError(str(exc)) from exc
        config.extra_css = [*STYLESHEETS, *(c for c in config.extra_css if c not in STYLESHEETS)]
        dirs = config.theme.dirs
        if str(OVERRIDES) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(OVERRIDES))
        escape_config(config)
        self.pages_report = Report(self.root)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self._refuse_unpublishable(files)
        self.bodies = {}
        images = self.project.images
        export = self.config.export
        pdf = pdf_wanted(self.command)
        cache = PdfCache(self.root / CACHE_FOLDER, self.edition.key)
        try:
            made = list(
                outputs(
                    self.catalogue,
                    self.renderer,
                    self.edition,
                    images=images,
                    export=export,
                    pdf=pdf,
                    cache=cache,
                    logo=self.project.logo,
                    strategy=self.project.strategy,
                    only=self.only,
                )
            )
        except PdfError as exc:
            raise PluginError(f"PDF'erne kunne ikke laves:\n{exc}") from None
        if pdf:
            print(cache.summary(), file=sys.stderr, flush=True)
        for output in made:
            if (own := files.get_file_from_path(output.path)) is not None:
                if not output.replaces_own:
                    raise PluginError(
                        f"{config.docs_dir}/{output.path} findes både som håndskrevet og som genereret side; omdøb den håndskrevne"
                    )
                files.remove(own)
            if output.body is not None:
                # The body skips Markdown entirely (it is HTML already): see on_page_content.
                self.bodies[output.path] = output.body
            if output.content is not None:
                files.append(File.generated(config, output.path, content=output.content))
            else:  # a file to copy, as it is
                files.append(File.generated(config, output.path, abs_src_path=str(output.source)))
        if self.only is not None:
            _only(files, self.only)
        return files

    def _refuse_unpublishable(self, files: Files) -> None:
        """Check again, file by file, what MkDocs is about to copy (a file may have appeared since)."""
        report = Report(self.root)
        published = [
            (folder, rules) for folder, rules in folders(self.project) if rules.types is not None
        ]
        for file in files:
            # Excluded files (names starting with ".") are never copied.
            if file.generated_by or file.abs_src_path is None or file.inclusion.is_excluded():
                continue
            path = Path(file.abs_src_path)
            for folder, rules in published:
                if path.is_relative_to(folder):
                    reason = publish_problem(path, self.root, rules)
                    if reason:
                        report.error(path, 0, 0, reason)
                    else:
                        check_published(path, rules, report)
                    break
        if report.errors:
            error = CatalogueError(report)
            raise PluginError(str(error)) from error

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        escape_nav(nav)
        return nav

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        try:
            return self.renderer.fill_blocks(markdown, url_of(page.file.src_uri))
        except ValueError as exc:
            raise PluginError(f"{page.file.src_uri}: {exc}") from None

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        body = self.bodies.get(page.file.src_uri)
        if body is None:
            check_front_matter(page, config.theme.custom_dir, self.pages_report)
        escape_page(page)
        return body if body is not None else sanitise_page(html)

    def on_env(
        self, env: jinja2.Environment, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        env.bytecode_cache = THEME_COMPILED  # the theme's templates, compiled once per process
        env.globals["vifte_routes"] = route_globals()
        env.globals["vifte_feeds"] = feeds(self.catalogue)
        env.globals["vifte_scripts"] = SCRIPTS  # view.js in every head; the rest by the pages
        # Rendered (and escaped) by the core; Markup so the theme prints it as it is.
        env.globals["vifte_footer"] = Markup(self.renderer.render("pages/footer.html", ""))
        env.globals["vifte_edition"] = {
            "head": head_html(self.edition),
            "banner": banner_html(self.edition),
        }
        if self.pages_report.errors:
            error = CatalogueError(self.pages_report)
            raise PluginError(str(error)) from error
        self.scripts = ThemeScripts(env, config, files)
        self.hashes: set[str] = set()
        return env

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        self._require_marks(output, page.file.src_uri)
        allowed = self.scripts.for_page(page)
        source = page.file.abs_src_path
        _warn_unlisted(
            output,
            allowed,
            Report(self.root).display(Path(source)) if source else page.file.src_uri,
        )
        self.hashes.update(allowed)
        return add_policy(valid_toggles(output), allowed)

    def on_post_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str:
        if not template_name.endswith(".html"):
            return output_content
        self._require_marks(output_content, template_name)
        allowed = self.scripts.for_template(template_name)
        _warn_unlisted(output_content, allowed, template_name)
        self.hashes.update(allowed)
        return add_policy(valid_toggles(output_content), allowed)

    def _require_marks(self, html: str, name: str) -> None:
        """Fail rather than publish an internal page without its banner and noindex."""
        if missing := missing_marks(self.edition, html):
            raise PluginError(
                f"{name}: siden mangler {' og '.join(missing)}, som hver side i den interne udgave "
                "skal have; har theme/ sin egen main.html, erstatter den vifte's, så fjern den"
            )

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Index the site (Pagefind, on the other core) while its pages' links are read."""
        if self.only is not None:
            return  # the search index and the link check come with the complete build
        site = Path(config.site_dir)
        # Every page's scripts, so that the header never blocks what a page's own policy allows.
        (site / HEADERS_FILE).write_text(headers_file(sorted(self.hashes)), encoding="utf-8")
        indexing = Indexing(site)
        try:
            # Root-relative links (as on the 404 page) are read against the path of site_url.
            links = SiteLinks(site, urlsplit(config.site_url or "/").path or "/")
            typos = self.renderer.search.typos()
        except BaseException:
            indexing.stop()
            raise
        try:
            indexing.finish(typos)
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None
        # Judged once Pagefind has written its files (the search page links them).
        if broken := links.broken():
            raise PluginError("links, der peger på ingenting:\n" + "\n".join(broken))

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
        for folder in self.project.watched():
            if folder.is_dir():
                server.watch(str(folder))
        return server


def _only(files: Files, pages: frozenset[str]) -> None:
    """`vifte serve`'s quick step: every other file is excluded from this build, so MkDocs
    neither renders nor copies it; the navigation still knows every page."""
    for file in files:
        if file.src_uri not in pages:
            file.inclusion = InclusionLevel.EXCLUDED


def _warn_unlisted(html: str, allowed: tuple[str, ...], name: str) -> None:
    unlisted = unlisted_scripts(html, allowed)
    if unlisted:
        what = (
            "et indlejret script, der"
            if len(unlisted) == 1
            else f"{len(unlisted)} indlejrede scripts, der"
        )
        log.warning(
            f"{name}: {what} ikke kommer fra temaets skabeloner, blokeres af "
            "sikkerhedspolitikken (CSP)"
        )


def _pin_build_date(catalogue: Catalogue) -> None:
    """Make MkDocs' dates (sitemap lastmod) the data's own date, so equal input gives equal output.

    A SOURCE_DATE_EPOCH set by the user wins; one set by an earlier build in this process is renewed.
    """
    if (
        "SOURCE_DATE_EPOCH" in os.environ
        and os.environ.get(PINNED) != os.environ["SOURCE_DATE_EPOCH"]
    ):
        return
    # gzip (sitemap.xml.gz) cannot store a time before 1970: an older date pins to 1970-01-01.
    day = max(catalogue.last_updated or dt.date(1970, 1, 1), dt.date(1970, 1, 1))
    epoch = str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()))
    os.environ["SOURCE_DATE_EPOCH"] = os.environ[PINNED] = epoch
