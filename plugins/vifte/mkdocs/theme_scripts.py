"""The theme's own inline scripts, found by rendering its templates for a page without content.

The Content-Security-Policy allows exactly these by hash. They differ only by page depth (the
theme writes the relative base URL into one of them), so each template is rendered once per
depth: with no navigation, no front matter, no text and no table of contents. Whatever else a
built page carries, wherever it sits, cannot run.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, is_error_template

from vifte.output.csp import inline_script_hashes
from vifte.source.diagnostics import ProjectError

PROBE = "vifte-csp-probe"
MAX_DEPTH = 64


class ThemeScripts:
    """Hashes of the theme's inline scripts per (template, base URL), rendered on first use."""

    def __init__(self, env: jinja2.Environment, config: MkDocsConfig, files: Files):
        self.env, self.config, self.files = env, config, files
        self._cache: dict[tuple[str, str, bool], tuple[str, ...]] = {}

    def for_page(self, page: Page) -> tuple[str, ...]:
        template = str(page.meta.get("template", "main.html"))
        return self._hashes(template, get_relative_url(".", page.url), with_page=True)

    def for_template(self, name: str) -> tuple[str, ...]:
        """A theme template built without a page (404.html), with the base URL MkDocs gives it.

        Templates from docs_dir (mkdocs.yml's extra_templates) are not the theme's: no scripts.
        """
        try:
            self.env.get_template(name)
        except jinja2.TemplateNotFound:
            return ()
        if is_error_template(name):
            base_url = urlsplit(self.config.site_url or "/").path
        else:
            base_url = get_relative_url(".", name)
        return self._hashes(name, base_url, with_page=False)

    def _hashes(self, template: str, base_url: str, *, with_page: bool) -> tuple[str, ...]:
        key = (template, base_url, with_page)
        if key not in self._cache:
            blank = self._blank_page(base_url) if with_page else None
            context = get_context(Navigation([], []), self.files, self.config, blank, base_url)
            try:
                html = self.env.get_template(template).render(context)
            except jinja2.TemplateError as exc:
                raise ProjectError.of(
                    Path(self.config.config_file_path).parent,
                    f"skabelonen {template} kan ikke vises for en side uden indhold, så sitets "
                    f"egne scripts kan ikke findes ({type(exc).__name__}: {exc})",
                ) from None
            self._cache[key] = tuple(inline_script_hashes(html))
        return self._cache[key]

    def _blank_page(self, base_url: str) -> Page:
        """An empty page whose URL lies as deep as `base_url` says."""
        for depth in range(MAX_DEPTH):
            path = "/".join([PROBE] * depth + ["index.md"])
            page = Page("", File.generated(self.config, path, content=""), self.config)
            if get_relative_url(".", page.url) == base_url:
                page.read_source(self.config)
                page.render(self.config, self.files)
                return page
        raise ValueError(f"ingen side ligger så dybt: {base_url}")
