"""MkDocs events: the core's site for one request, dressed in the theme; the folder checked after."""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast
from urllib.parse import urljoin, urlsplit

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from vifte.domain import words
from vifte.domain.edition import banner_html, head_html
from vifte.domain.markup import sanitise_page
from vifte.domain.routes import feeds, route_globals, url_of
from vifte.domain.translation import Danish
from vifte.mkdocs.config import VifteConfig, request_of
from vifte.mkdocs.languages import build_languages, pick_pages, share_theme_files, shared_url
from vifte.mkdocs.site_settings import settle_site
from vifte.mkdocs.theme_scripts import ThemeScripts
from vifte.mkdocs.theme_text import escape_config, escape_nav, escape_page
from vifte.output import fallback, offline, pages, read_aloud
from vifte.output.alternates import Version, hreflang_links, versions
from vifte.output.outputs import SCRIPTS, STYLESHEETS
from vifte.output.site import Drawn, SiteBuild
from vifte.output.templating import THEME_COMPILED
from vifte.request import Request
from vifte.source.diagnostics import ProjectError, Report

if TYPE_CHECKING:  # the preview's server module loads watchdog, which a build does not need
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)

_HTML_LANG = re.compile(r'<html lang="[^"]*"')

OVERRIDES = Path(__file__).resolve().parent.parent / "overrides"


Event = TypeVar("Event", bound=Callable[..., Any])


def _mkdocs_form(event: Event) -> Event:
    """The one place the core's error is converted: vifte's build (a request set) gets the
    ProjectError as it is, plain `mkdocs build` gets MkDocs' form of it (PluginError)."""

    @functools.wraps(event)
    def run(self: ViftePlugin, *args: Any, **kwargs: Any) -> Any:
        try:
            return event(self, *args, **kwargs)
        except ProjectError as exc:
            if self.request is not None:
                raise
            raise PluginError(str(exc)) from None

    return cast(Event, run)


class ViftePlugin(BasePlugin[VifteConfig]):
    request: Request | None = None
    """Set by build_site before MkDocs builds; plain `mkdocs build` builds `request_of(config)`."""
    given: SiteBuild | None = None
    """A language's build, prepared by the root's build (languages.py); None for the root."""
    root_url: str | None = None
    """The root build's site_url, which a language's build lies under."""
    command = "build"
    """The MkDocs command running ('serve' moves site_url to the local address)."""
    site: SiteBuild
    shared: dict[str, str] = {}
    """A language's build: the theme's files it takes from the root, by path -> path from it."""
    in_danish: set[str] = set()
    """Hand-written pages this language shows in Danish (no translation in site_src/)."""
    generated: dict[str, pages.Page]
    """The core's pages by source path; MkDocs gets an empty file at each path."""
    drawn: dict[str, Drawn]
    """Every page the theme drew, by its path in the site, for the checks on the folder."""
    day: str | None
    """MkDocs' date of every page (the sitemap's), unless the user set SOURCE_DATE_EPOCH."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    @_mkdocs_form
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.given is not None:
            self.site = self.given
        else:
            self.site = SiteBuild(self.request or request_of(config, pdf=self.command != "serve"))
        # Name, address, menu and logo from settings.yaml; serve has put its own address in site_url.
        settle_site(config, self.site.catalogue, self.site.project, serving=self.command == "serve")
        self.home_url = config.site_url or ""
        self.found: dict[str | None, list[Version]] = {}
        if self.given is not None:
            self.home_url = self.root_url or ""
            config.site_url = urljoin(_slashed(self.home_url), self.site.folder)
        for warning in self.site.warnings:
            log.warning(warning)
        config.extra_css = [*STYLESHEETS, *(c for c in config.extra_css if c not in STYLESHEETS)]
        dirs = config.theme.dirs
        if str(OVERRIDES) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(OVERRIDES))
        escape_config(config)
        self.day = None if "SOURCE_DATE_EPOCH" in os.environ else self.site.day.isoformat()
        return config

    @_mkdocs_form
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # Check again what MkDocs is about to copy (a file may have appeared since); excluded
        # files (names starting with ".") are never copied.
        self.site.check_copied(
            Path(f.abs_src_path)
            for f in files
            if not f.generated_by and f.abs_src_path and not f.inclusion.is_excluded()
        )
        self.generated, self.drawn = {}, {}
        for output in self.site.outputs(export=self.config.export):
            if (own := files.get_file_from_path(output.path)) is not None:
                files.remove(own)  # a file the core replaces (the core refuses a page there)
            if output.page is not None:
                self.generated[output.path] = output.page
                files.append(File.generated(config, output.path, content=""))
            elif output.content is not None:
                files.append(File.generated(config, output.path, content=output.content))
            else:  # a file to copy, as it is
                files.append(File.generated(config, output.path, abs_src_path=str(output.source)))
        if self.given is not None:
            self.shared = share_theme_files(files, config, self.site.folder)
        codes = {*words.interface_languages(), *self.site.published.settings.languages}
        self.in_danish = pick_pages(files, self.site.request.language, codes)
        if self.site.pdf_summary:
            print(self.site.pdf_summary, file=sys.stderr, flush=True)
        if self.site.request.pages is not None:
            _only(files, self.site.request.pages)
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        escape_nav(nav)
        return nav

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.day:
            page.update_date = self.day
        made = self.generated.get(page.file.src_uri)
        if made is None:  # a hand-written page; the core has checked its blocks
            return self.site.renderer.fill_blocks(markdown, url_of(page.file.src_uri))
        page.meta = {"title": made.title, "description": made.description}
        return ""  # the body is HTML already: see on_page_content

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        escape_page(page)
        made = self.generated.get(page.file.src_uri)
        if made is not None:
            return made.body
        html = sanitise_page(html)
        if page.file.src_uri in self.in_danish:  # no translation: the Danish page, marked
            html = fallback.block(Danish(""), html)
        return read_aloud.placed(html, self.site.renderer, url_of(page.file.src_uri))

    def on_env(
        self, env: jinja2.Environment, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        env.bytecode_cache = THEME_COMPILED  # the theme's templates, compiled once per process
        words.install(env)
        env.globals["vifte_routes"] = route_globals(self.site.catalogue.table)
        env.globals["vifte_feeds"] = feeds(self.site.catalogue)
        env.globals["vifte_scripts"] = SCRIPTS  # view.js in every head; the rest by the pages
        env.globals["vifte_offline"] = offline.head(self.site.folder)  # offline.js in every head
        # Rendered (and escaped) by the core; Markup so the theme prints it as it is.
        footer = self.site.renderer.render("pages/footer.html", "")
        env.globals["vifte_footer"] = Markup(footer)
        edition = self.site.request.edition
        env.globals["vifte_edition"] = {"head": head_html(edition), "banner": banner_html(edition)}
        if self.shared:
            env.filters["url"] = shared_url(env.filters["url"], self.shared)
        env.globals["vifte_versions"] = self.versions
        env.globals["vifte_sitemap"] = self.given is None  # one sitemap, the root's
        env.globals["vifte_hreflang"] = lambda page: hreflang_links(self.versions(page))
        self.scripts = ThemeScripts(env, config, files)
        return env

    def versions(self, page: Page | None) -> list[Version]:
        """The page in each of the site's languages (the 404 page: each language's front page)."""
        url = page.url if page is not None else None
        if url not in self.found:  # asked by the head, the switch and the sitemap
            language = self.site.request.language
            self.found[url] = versions(self.site.site_languages, language, url, self.home_url)
        return self.found[url]

    @_mkdocs_form
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        source = page.file.abs_src_path
        name = Report(self.site.root).display(Path(source)) if source else page.file.src_uri
        self.drawn[page.file.dest_uri] = Drawn(name, self.scripts.for_page(page), words.active())
        return self.directed(output)

    @_mkdocs_form
    def on_post_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str:
        if template_name.endswith(".html") and output_content.strip():
            scripts = self.scripts.for_template(template_name)
            self.drawn[template_name] = Drawn(template_name, scripts, words.active())
            return self.directed(output_content)
        return output_content

    def directed(self, html: str) -> str:
        """The page's writing direction on <html> too, where mkdocs-material puts only `lang`
        (its <body dir> reads config.theme.direction)."""
        direction = words.direction(self.site.request.language)
        return _HTML_LANG.sub(rf'\g<0> dir="{direction}"', html, count=1)

    @_mkdocs_form
    def on_post_build(self, config: MkDocsConfig) -> None:
        """Dress and check the built folder: policies, marks, search index, links."""
        if self.given is not None:
            return  # a language's folder: the root's build finishes the whole site
        site, base_path = Path(config.site_dir), urlsplit(config.site_url or "/").path or "/"
        if self.site.request.pages is not None:  # the search index and links: the full build's
            warnings, _ = self.site.dress(site, self.drawn)
        else:
            drawn = dict(self.drawn)
            drawn.update(build_languages(config, self.site, self.command))
            warnings = self.site.finish(site, drawn, base_path)
        for warning in warnings:
            log.warning(warning)

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
        for folder in self.site.request.project.watched():
            if folder.is_dir():
                server.watch(str(folder))
        return server


def _slashed(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def _only(files: Files, pages: frozenset[str]) -> None:
    """`vifte serve`'s quick step: every other file is excluded from this build, so MkDocs
    neither renders nor copies it; the navigation still knows every page."""
    for file in files:
        if file.src_uri not in pages:
            file.inclusion = InclusionLevel.EXCLUDED
