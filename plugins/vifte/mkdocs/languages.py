"""The site in every language: after the root's pages (Danish), MkDocs builds each language of
settings' `languages:` into `/<code>/` of the same folder, from the project loaded once.

Each language is a whole MkDocs build of its own (its menu, title, address and theme language
differ), run from the root build's last event, so `vifte build`, `vifte serve` and plain
`mkdocs build`/`properdocs build` all build every language; the root's build then finishes the
whole folder once (decision 51).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from vifte.domain import words
from vifte.domain.translation import SOURCE_LANGUAGE
from vifte.mkdocs.config_file import load_config_file
from vifte.output.site import Drawn, SiteBuild
from vifte.output.templating import in_folder

if TYPE_CHECKING:
    from vifte.mkdocs.plugin import ViftePlugin

PAGE_TRANSLATION = re.compile(r"^(?P<page>.+)\.(?P<code>[a-z]{2})\.md$")
"""A hand-written page's translation beside it in site_src/: `om-sitet.en.md`."""


def build_languages(
    config: MkDocsConfig, site: SiteBuild, command: str
) -> Iterator[tuple[str, Drawn]]:
    """Build each of `site`'s languages into its folder of config's site_dir; every page the
    theme drew there, by its path in the whole site."""
    for language in site.languages:
        sub = site.in_language(language)
        own = _config_for(config, sub)
        plugin: ViftePlugin = own.plugins["vifte"]  # type: ignore[assignment]
        own.plugins.on_startup(command=command, dirty=False)
        plugin.given, plugin.root_url = sub, config.site_url
        try:
            with words.speaking(language), in_folder(sub.folder):
                mkdocs_build(own)
        finally:
            plugin.given = None
        for path, drawn in plugin.drawn.items():
            yield sub.folder + path, drawn


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
