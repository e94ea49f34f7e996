"""The site in every language: after the root's (Danish) pages, each language of settings'
`languages:` is a whole MkDocs build of its own into `/<code>/` (its menu, title, address and
theme language differ), run from the root build's last event, so vifte and plain MkDocs/ProperDocs
build every language; the root's build then finishes the whole folder once (decision 51)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import pass_context
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from vifte.domain import words
from vifte.domain.routes import language_folder
from vifte.domain.translation import SOURCE_LANGUAGE
from vifte.mkdocs.config_file import load_config_file
from vifte.output.site import Drawn, SiteBuild
from vifte.output.site_languages import each_language
from vifte.output.templating import in_folder

PAGE_TRANSLATION = re.compile(r"^(?P<page>.+)\.(?P<code>[a-z]{2})\.md$")
"""A hand-written page's translation beside it in site_src/: `om-sitet.en.md`."""


def build_languages(
    config: MkDocsConfig, site: SiteBuild, command: str
) -> Iterator[tuple[str, Drawn]]:
    """Build each of `site`'s languages into its folder of config's site_dir (forked in two where
    worth it); every page the theme drew there, by its path in the whole site."""
    one = partial(_build_language, config, site, command)
    built = each_language(site.languages, site.request.pdf, one)
    for language, drawn in zip(site.languages, built, strict=True):
        for path, page in drawn.items():  # named with its language in the editor's messages
            yield language_folder(language) + path, page._replace(name=f"{page.name} ({language})")


def _build_language(
    config: MkDocsConfig, site: SiteBuild, command: str, language: str
) -> dict[str, Drawn]:
    """Build one language into its folder; the pages the theme drew, by path in that folder."""
    sub = site.in_language(language)
    own = _config_for(config, sub)
    # MkDocs keeps one object of a plugin with on_startup per process: this build's vifte
    # plugin is the root build's, whose state comes back when the language is built.
    plugin: Any = own.plugins["vifte"]  # the ViftePlugin (not imported: plugin.py imports this)
    saved = dict(vars(plugin))
    try:
        own.plugins.on_startup(command=command, dirty=False)  # type: ignore[arg-type]
        plugin.given, plugin.root_url = sub, config.site_url
        with words.speaking(language), in_folder(sub.folder):
            mkdocs_build(own)
        return dict(plugin.drawn)
    finally:
        vars(plugin).clear()
        vars(plugin).update(saved)


def _config_for(config: MkDocsConfig, sub: SiteBuild) -> MkDocsConfig:
    """mkdocs.yml loaded again for one language (MkDocs changes a config as it builds)."""
    own = load_config_file(Path(config.config_file_path), strict=bool(config.strict), warn=False)
    own.site_dir = str(Path(config.site_dir) / sub.folder)
    own.use_directory_urls = config.use_directory_urls
    own.theme["language"] = sub.request.language
    own.theme["direction"] = words.direction(sub.request.language)
    return own


def pick_pages(files: Files, language: str, codes: Collection[str]) -> set[str]:
    """Hand-written pages in `language`: no translation (`<page>.<code>.md`, `codes` the
    languages') is a page of its own; `language`'s own takes its page's place, under the page's
    address. The source paths of the pages left in Danish."""
    own: dict[str, str | None] = {}
    for file in list(files):
        match = PAGE_TRANSLATION.match(file.src_uri)
        if match and match["code"] in codes and not file.generated_by:
            files.remove(file)
            if match["code"] == language:
                own[f"{match['page']}.md"] = file.abs_src_path
    danish = set()
    for file in files.documentation_pages():
        if file.generated_by:
            continue
        if file.src_uri in own:
            file.abs_src_path = own[file.src_uri]
        elif language != SOURCE_LANGUAGE:
            danish.add(file.src_uri)
    return danish


def share_theme_files(files: Files, config: MkDocsConfig, folder: str) -> dict[str, str]:
    """A language's build leaves the theme's own files (mkdocs-material's scripts and styles,
    the same in every language) to the root's copy: each one's path, and the path from the
    language's folder to the root's copy. The project's theme/ keeps its files in each folder."""
    own = {str(Path(d)) for d in (config.theme.custom_dir,) if d}
    theirs = {str(Path(d)) for d in config.theme.dirs} - own
    up = "../" * folder.count("/")
    shared = {}
    for file in list(files):
        if file.src_dir and str(Path(file.src_dir)) in theirs:
            files.remove(file)
            shared[file.src_uri] = up + file.src_uri
    return shared


def shared_url(url: Callable[..., str], shared: dict[str, str]) -> Callable[..., str]:
    """The theme's `url` filter, sending a shared file to the root's copy (MkDocs keeps a leading
    "../" when it makes the path relative to the page)."""

    @pass_context
    def filter(context: Any, value: str) -> str:
        if value not in shared:
            return url(context, value)
        made = url(context, shared[value])
        return posixpath.normpath(made) if made.startswith("/") else made  # the 404 page's

    return filter
