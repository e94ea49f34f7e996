"""Under `vifte serve`: an edited item's own page is shown first, the rest of the site after it.

A save that changes only item files (an offer, a mentor, a notice ...) is built in two steps.
The quick step checks the whole catalogue as every build does, renders only the edited items'
own pages (vifte's body and the theme around it) and, when that worked, moves them into the
served site. The complete step follows at once: a full build, which puts every
list, the search index, the export and the link check in line and replaces the site again.
Any other change (settings, theme, hand-written pages, mkdocs.yml, a file added or deleted)
goes straight to the full build.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from vifte.domain.routes import routes
from vifte.output.outputs import site_globals
from vifte.source.project import Project

if TYPE_CHECKING:
    from vifte.mkdocs.plugin import ViftePlugin

Fingerprints = dict[Path, str]


class NotQuick(PluginError):
    """The change cannot be shown by the quick step after all; a full build follows."""


@dataclass
class State:
    """What the served site was built from, kept by the server between rebuilds."""

    served: Fingerprints | None = None
    """Content hashes of the input files the served site was built from (None: nothing yet)."""
    complete: bool = False
    """Whether every file of the served site was built from `served` (False after a quick step)."""
    rendered: int = 0
    """The number of pages (HTML files) the last build wrote: the terminal says it, tests read it."""
    quick: bool = True
    """Whether a change of items only is shown by a quick step (False: every rebuild is full)."""


def fingerprints(folders: Iterable[Path], files: Iterable[Path]) -> Fingerprints:
    """A hash of the content of every file under `folders` and of `files`, by path."""
    paths = {str(f) for f in files if f.is_file()}
    for folder in folders:
        for top, _dirs, names in os.walk(folder):
            paths.update(os.path.join(top, name) for name in names)
    out = {}
    for path in sorted(paths):
        with open(path, "rb") as file:
            out[Path(path)] = hashlib.blake2b(file.read(), digest_size=16).hexdigest()
    return out


def changed(old: Fingerprints, new: Fingerprints) -> set[Path]:
    """Files added, deleted or changed in content."""
    return {p for p in old.keys() | new.keys() if old.get(p) != new.get(p)}


def quick_pages(
    paths: set[Path], old: Fingerprints, new: Fingerprints, project: Project
) -> set[str]:
    """The source paths of the pages the quick step renders, or none when it cannot do the change.

    Only item files that were there before and are there still qualify; an item's page is its
    collection's path for the file's name (tilbud/x.md for catalogue/offers/x.yaml).
    """
    pages = set()
    for path in paths:
        if path not in old or path not in new:
            return set()
        col = next(
            (
                col
                for col in project.table.collections.values()
                if path.parent == project.collection(col.name) and path.suffix in col.suffixes
            ),
            None,
        )
        if col is None or path.name.startswith("."):
            return set()
        pages.add(col.path(path.stem))
    return pages


@dataclass(frozen=True)
class Quick:
    """The ViftePlugin's instructions for a quick step: which pages, and the served site."""

    pages: frozenset[str]
    served: Path

    def files(self, plugin: ViftePlugin, files: Files, config: MkDocsConfig) -> Files:
        """MkDocs' files for the quick step: every page is known, only `pages` are built.

        Every other file is marked unmodified, so MkDocs' dirty mode neither reads, renders nor
        copies it; the theme's own pages (404, sitemap) are made as in every build.
        """
        plugin.bodies = {}
        renderer = plugin.renderer
        site_globals(renderer, images=plugin.project.images, logo=plugin.project.logo)
        built = []
        for route in routes(plugin.catalogue):
            if files.get_file_from_path(route.path) is not None:
                raise NotQuick(f"{route.path} is also hand-written")
            if route.path not in self.pages:
                files.append(File.generated(config, route.path, content=""))
                continue
            page = renderer.page(
                route.path,
                route.template,
                default_title=route.title,
                default_description=route.description,
                **route.context(),
            )
            plugin.bodies[route.path] = page.body
            file = File.generated(config, route.path, content=page.front_matter())
            if not (self.served / file.dest_uri).is_file():
                raise NotQuick(f"{file.dest_uri} is not in the served site")
            files.append(file)
            built.append(route.path)
        if set(built) != self.pages:
            raise NotQuick(f"no page for {sorted(self.pages - set(built))}")
        for file in files:
            if file.src_uri not in self.pages:
                setattr(file, "is_modified", _unmodified)  # noqa: B010 (a method, shadowed)
        return files


def _unmodified() -> bool:
    return False


def lay_over(served: Path, staging: Path) -> int:
    """Move the files of `staging` into the served site, each by one rename; the number of pages.

    Each file is replaced whole (a browser gets the old page or the new one, never a mix), and
    nothing is written before the quick step has worked.
    """
    pages = 0
    for top, _dirs, names in os.walk(staging):
        rel = Path(top).relative_to(staging)
        (served / rel).mkdir(parents=True, exist_ok=True)
        for name in names:
            os.replace(Path(top, name), served / rel / name)
            pages += name.endswith(".html") and name != "404.html"
    shutil.rmtree(staging, ignore_errors=True)
    return pages
