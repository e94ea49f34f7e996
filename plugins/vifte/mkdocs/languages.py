"""The site in every language: after the root's pages (Danish), MkDocs builds each language of
settings' `languages:` into `/<code>/` of the same folder, from the project loaded once.

Each language is a whole MkDocs build of its own (its menu, title, address and theme language
differ), run from the root build's last event, so `vifte build`, `vifte serve` and plain
`mkdocs build`/`properdocs build` all build every language; the root's build then finishes the
whole folder once (decision 51).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig

from vifte.domain import words
from vifte.mkdocs.config_file import load_config_file
from vifte.output.site import Drawn, SiteBuild

if TYPE_CHECKING:
    from vifte.mkdocs.plugin import ViftePlugin


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
            with words.speaking(language):
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
