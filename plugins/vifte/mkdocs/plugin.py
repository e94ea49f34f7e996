"""MkDocs events: load the catalogue once, add its pages and assets, write the export."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from vifte.csp import add_policy
from vifte.diagnostics import CatalogueError
from vifte.export import EXPORT_PATH, catalogue_json
from vifte.markup import sanitise_page
from vifte.mkdocs.config import VifteConfig
from vifte.model import Catalogue
from vifte.pages import Renderer, url_of
from vifte.search import SearchIndexError, index_site
from vifte.styles import asset, colours_css
from vifte.validate import require_catalogue

log = get_plugin_logger(__name__)

CSS = ("assets/vifte/vifte.css", "assets/vifte/colours.css")
JS = ("assets/vifte/view.js", "assets/vifte/vifte.js")
OVERRIDES = Path(__file__).resolve().parent.parent / "overrides"


class ViftePlugin(BasePlugin[VifteConfig]):
    catalogue: Catalogue
    renderer: Renderer
    bodies: dict[str, str]
    """Generated pages' HTML by source path; MkDocs gets only their front matter."""
    failure: CatalogueError | None = None
    """The catalogue's errors when loading failed, for callers that report them themselves."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(self.config.project_dir or Path(config.config_file_path).parent)
        self.failure = None
        try:
            self.catalogue, report = require_catalogue(self.root)
        except CatalogueError as exc:
            self.failure = exc
            raise PluginError(str(exc)) from None
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
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
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
        return files

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        try:
            return self.renderer.fill_blocks(markdown, url_of(page.file.src_uri))
        except ValueError as exc:
            raise PluginError(f"{page.file.src_uri}: {exc}") from None

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        body = self.bodies.get(page.file.src_uri)
        return body if body is not None else sanitise_page(html)

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return add_policy(output)

    def on_post_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str:
        return add_policy(output_content) if template_name.endswith(".html") else output_content

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
