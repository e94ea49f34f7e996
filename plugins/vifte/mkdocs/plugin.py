"""MkDocs events: load the catalogue once, add its pages and assets, write the export."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from vifte.csp import add_policy, unlisted_scripts
from vifte.diagnostics import CatalogueError, Report
from vifte.edition import ROBOTS_TXT, Edition, banner_html, head_html, missing_marks
from vifte.export import EXPORT_PATH, catalogue_json
from vifte.markup import sanitise_page
from vifte.mkdocs.config import VifteConfig, requested_edition
from vifte.mkdocs.theme_scripts import ThemeScripts
from vifte.mkdocs.theme_text import check_front_matter, escape_config, escape_nav, escape_page
from vifte.model import Catalogue
from vifte.pages import Renderer, url_of
from vifte.routes import route_globals
from vifte.search import SearchIndexError, index_site
from vifte.sources import folders, publish_problem
from vifte.styles import asset, colours_css
from vifte.validate import require_catalogue

log = get_plugin_logger(__name__)

CSS = ("assets/vifte/vifte.css", "assets/vifte/colours.css")
JS = ("assets/vifte/view.js", "assets/vifte/vifte.js")
OVERRIDES = Path(__file__).resolve().parent.parent / "overrides"


class ViftePlugin(BasePlugin[VifteConfig]):
    edition: Edition
    catalogue: Catalogue
    """The catalogue as the edition publishes it; the only one any output reads."""
    renderer: Renderer
    bodies: dict[str, str]
    """Generated pages' HTML by source path; MkDocs gets only their front matter."""
    failure: CatalogueError | None = None
    """The catalogue's errors when loading failed, for callers that report them themselves."""
    scripts: ThemeScripts
    pages_report: Report
    """Errors in hand-written pages, collected so that one run reports them all."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(self.config.project_dir or Path(config.config_file_path).parent)
        self.failure = None
        self.edition = requested_edition()
        self.docs_dir = Path(config.docs_dir)
        custom_dir = config.theme.custom_dir
        self.theme_dir = Path(custom_dir) if custom_dir else self.root / "theme"
        try:
            catalogue, report = require_catalogue(self.root, self.docs_dir, self.theme_dir)
        except CatalogueError as exc:
            self.failure = exc
            raise PluginError(str(exc)) from None
        self.catalogue = catalogue.for_edition(self.edition)
        for warning in report.warnings:
            log.warning(str(warning))
        _pin_build_date(self.catalogue)
        self.renderer = Renderer(self.catalogue, [self.root / "theme" / "vifte"])
        config.extra_css = [*CSS, *(c for c in config.extra_css if c not in CSS)]
        if JS[1] not in config.extra_javascript:
            config.extra_javascript.append(JS[1])
        dirs = config.theme.dirs
        if str(OVERRIDES) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(OVERRIDES))
        escape_config(config)
        self.pages_report = Report(self.root)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self._refuse_unpublishable(files)
        self.bodies = {}
        for page in self.renderer.pages():
            self.bodies[page.path] = page.body
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(
                    f"{config.docs_dir}/{page.path} findes både som håndskrevet og som genereret side; omdøb den håndskrevne"
                )
            # The body skips Markdown entirely (it is HTML already): see on_page_content.
            files.append(File.generated(config, page.path, content=page.front_matter()))
        files.append(File.generated(config, CSS[0], content=asset("vifte.css")))
        for script in JS:
            files.append(File.generated(config, script, content=asset(script.rsplit("/", 1)[1])))
        files.append(File.generated(config, CSS[1], content=colours_css(self.catalogue.settings)))
        if self.config.export:
            files.append(
                File.generated(config, EXPORT_PATH, content=catalogue_json(self.catalogue))
            )
        if self.edition.internal:
            if (own := files.get_file_from_path("robots.txt")) is not None:
                files.remove(own)
            files.append(File.generated(config, "robots.txt", content=ROBOTS_TXT))
        return files

    def _refuse_unpublishable(self, files: Files) -> None:
        """Check again, file by file, what MkDocs is about to copy (a file may have appeared since)."""
        report = Report(self.root)
        published = [
            (folder, rules)
            for folder, rules in folders(self.root, self.docs_dir, self.theme_dir)
            if rules.types is not None
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
                    break
        if report.errors:
            self.failure = CatalogueError(report)
            raise PluginError(str(self.failure))

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
        env.globals["vifte_routes"] = route_globals()
        env.globals["vifte_edition"] = {
            "head": head_html(self.edition),
            "banner": banner_html(self.edition),
        }
        if self.pages_report.errors:
            self.failure = CatalogueError(self.pages_report)
            raise PluginError(str(self.failure))
        self.scripts = ThemeScripts(env, config, files)
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
        return add_policy(output, allowed)

    def on_post_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str:
        if not template_name.endswith(".html"):
            return output_content
        self._require_marks(output_content, template_name)
        allowed = self.scripts.for_template(template_name)
        _warn_unlisted(output_content, allowed, template_name)
        return add_policy(output_content, allowed)

    def _require_marks(self, html: str, name: str) -> None:
        """Fail rather than publish an internal page without its banner and noindex."""
        if missing := missing_marks(self.edition, html):
            raise PluginError(
                f"{name}: siden mangler {' og '.join(missing)}, som hver side i den interne udgave "
                "skal have; har theme/ sin egen main.html, erstatter den vifte's, så fjern den"
            )

    def on_post_build(self, config: MkDocsConfig) -> None:
        try:
            index_site(Path(config.site_dir))
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
        for folder in ("catalogue", "strategy", "theme"):
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder))
        return server


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


_PINNED = "_VIFTE_PINNED_DATE"


def _pin_build_date(catalogue: Catalogue) -> None:
    """Make MkDocs' dates (sitemap lastmod) the data's own date, so equal input gives equal output.

    A SOURCE_DATE_EPOCH set by the user wins; one set by an earlier build in this process is renewed.
    """
    if (
        "SOURCE_DATE_EPOCH" in os.environ
        and os.environ.get(_PINNED) != os.environ["SOURCE_DATE_EPOCH"]
    ):
        return
    # gzip (sitemap.xml.gz) cannot store a time before 1970: an older date pins to 1970-01-01.
    day = max(catalogue.last_updated or dt.date(1970, 1, 1), dt.date(1970, 1, 1))
    epoch = str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()))
    os.environ["SOURCE_DATE_EPOCH"] = os.environ[_PINNED] = epoch
